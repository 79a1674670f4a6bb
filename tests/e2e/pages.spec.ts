import { expect, fixtureUrl, test } from './fixtures';

test('the home page lists stories newest-updated first with their facts', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The Quire Sampler');
  await expect(page.getByText('A small library of original stories')).toBeVisible();
  const cards = page.locator('.story-card');
  await expect(cards.locator('h2')).toHaveText(['La Boulangère de minuit', 'Small Hours', 'Salt and Ledger']);
  const salt = cards.filter({ hasText: 'Salt and Ledger' });
  for (const fact of ['by Wren Halloway and M. Okafor', 'Tidewater Chronicles', 'Teen and Up', 'Complete', '5 chapters', 'words', 'May 18, 2024', 'the missing salt']) {
    await expect(salt).toContainText(fact, { ignoreCase: true });
  }
  await expect(cards.filter({ hasText: 'Small Hours' })).toContainText('1 chapter');
  await expect(cards.filter({ hasText: 'La Boulangère' })).toContainText('In progress');
});

test('the story page shows every fact, the notes and a full table of contents', async ({ page }) => {
  await page.goto('/stories/salt-and-ledger/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Salt and Ledger');
  const facts = {
    Rating: 'Teen and Up',
    Warnings: 'No Archive Warnings Apply',
    Fandoms: 'Tidewater Chronicles',
    Relationships: 'Isolde Marr/Tobias Fenn',
    Characters: 'Isolde Marr, Tobias Fenn, Harbourmaster Quill',
    Tags: 'slow burn, found family, bookkeeping as a love language, storms',
    Language: 'English',
    Status: 'Complete',
    Chapters: '5',
    Published: 'March 2, 2024',
    Updated: 'May 18, 2024',
  };
  for (const [term, value] of Object.entries(facts)) {
    await expect(page.locator(`dt:text-is("${term}") + dd`)).toHaveText(value);
  }
  await expect(page.locator('dt:text-is("Words") + dd')).toHaveText(/^\d{3}$/);
  await expect(page.getByText('When the harbour’s books stop adding up')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Story Notes' })).toContainText('drabble about a ledger');
  const entries = page.locator('.toc > li');
  await expect(entries).toHaveCount(5);
  await expect(entries.locator('.toc__title')).toHaveText(['The Missing Salt', 'The Lighthouse', 'A List of Reasons', 'Storm Warning', 'Balanced']);
  await expect(entries.nth(1)).toContainText('March 16, 2024');
  await expect(entries.nth(1)).toContainText(/\d+ words/);
  await expect(entries.nth(1)).toContainText('A keeper, a kettle');
  // Word counts add up to the story's.
  const chapterWords = await entries.locator('.toc__meta').allTextContents();
  const total = chapterWords.reduce((sum, t) => sum + Number(/([\d,]+) words/.exec(t)![1]!.replace(',', '')), 0);
  await expect(page.locator('dt:text-is("Words") + dd')).toHaveText(String(total));
});

test('a chapter page loads one stylesheet, without the rules only the library pages use; those pages have them', async ({ page }) => {
  const rules = () =>
    page.evaluate(() => ({
      sheets: document.styleSheets.length,
      // The rules sit in cascade layers (and media queries): look inside them.
      library: [...document.styleSheets].some(function has(group: { cssRules: CSSRuleList }): boolean {
        return [...group.cssRules].some((rule) => rule.cssText.startsWith('.story-card') || ('cssRules' in rule && has(rule as CSSGroupingRule)));
      }),
    }));
  await page.goto('/stories/salt-and-ledger/the-lighthouse/');
  expect(await rules()).toEqual({ sheets: 1, library: false });
  for (const path of ['/', '/stories/salt-and-ledger/', '/fandoms/']) {
    await page.goto(path);
    expect((await rules()).library, path).toBe(true);
  }
  // The library's look is intact where it is used.
  await page.goto('/');
  expect(await page.locator('.story-card').first().evaluate((card) => getComputedStyle(card).borderBottomStyle)).toBe('solid');
});

test('pages carry link-preview metadata with the canonical URL', async ({ page }) => {
  await page.goto('/stories/salt-and-ledger/the-lighthouse/');
  const url = 'http://localhost:4321/stories/salt-and-ledger/the-lighthouse/';
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', url);
  await expect(page.locator('meta[property="og:url"]')).toHaveAttribute('content', url);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', 'The Lighthouse — Salt and Ledger by Wren Halloway and M. Okafor');
  await expect(page.locator('meta[property="og:description"]')).toHaveAttribute('content', 'A keeper, a kettle, and a very poor liar.');
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', 'A keeper, a kettle, and a very poor liar.');
});

test('footnotes link both ways and their heading is for screen readers only', async ({ page }) => {
  await page.goto(fixtureUrl('/stories/edge-cases/untitled/'));
  await expect(page.locator('#footnote-label')).toHaveCSS('position', 'absolute');
  await page.locator('a[data-footnote-ref]').click();
  await expect(page.locator('#chapter-text .footnotes li').first()).toContainText('A footnote.');
});

test('a story with a cover shows it', async ({ page }) => {
  await page.goto(fixtureUrl('/stories/edge-cases/'));
  const cover = page.locator('img.cover');
  await expect(cover).toHaveAttribute('src', '/stories/edge-cases/files/cover.png');
  await expect(cover).toHaveAttribute('width', '60');
  await expect.poll(() => cover.evaluate((img: HTMLImageElement) => img.naturalHeight)).toBe(90);
});

test('an unknown address shows the 404 page in the site style', async ({ page }) => {
  const response = await page.goto('/no/such/page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.locator('.site-header')).toBeVisible();
  await page.getByRole('link', { name: 'Go to the list of stories' }).click();
  await expect(page).toHaveURL('/');
});

test('the skip link jumps to the content; on a chapter, to the chapter text', async ({ page }) => {
  for (const [path, name, target] of [
    ['/stories/salt-and-ledger/', 'Skip to content', 'main'],
    ['/stories/salt-and-ledger/the-lighthouse/', 'Skip to the chapter text', '#chapter-start'],
  ] as const) {
    await page.goto(path);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator(target)).toBeFocused();
  }
});
