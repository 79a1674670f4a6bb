import { expect, fixtureUrl, overflowsHorizontally, test } from './fixtures';

const FIRST = '/stories/salt-and-ledger/the-missing-salt/';
const LAST = '/stories/salt-and-ledger/balanced/';

test('a chapter page shows its parts in reading order', async ({ page }) => {
  await page.goto(FIRST);
  const parts = [
    page.locator('.site-header a', { hasText: 'The Quire Sampler' }),
    page.locator('.story-link a', { hasText: 'Salt and Ledger' }),
    page.getByText('by Wren Halloway and M. Okafor'),
    page.getByRole('heading', { level: 1, name: 'The Missing Salt' }),
    page.getByText('Chapter 1 of 5'),
    page.getByRole('region', { name: 'Disclaimer' }),
    page.getByRole('region', { name: 'Story Notes' }),
    page.getByRole('region', { name: 'Author’s Chapter Notes' }),
    page.locator('#chapter-text'),
    page.getByRole('region', { name: 'Chapter End Notes' }),
    page.getByRole('navigation', { name: 'Chapters', exact: true }),
  ];
  let previousBottom = -1;
  for (const part of parts) {
    await expect(part).toBeVisible();
    const box = (await part.boundingBox())!;
    expect(box.y, `${part} comes after the part before it`).toBeGreaterThanOrEqual(previousBottom - 1);
    previousBottom = box.y + box.height;
  }
  await expect(page.getByRole('region', { name: 'Disclaimer' })).toContainText('belong to their creators');
  await expect(page.getByRole('region', { name: 'Author’s Chapter Notes' })).toContainText('a mark is worth twelve pence');
  await expect(page.getByRole('region', { name: 'Chapter End Notes' })).toContainText('Next time, a lighthouse');
  await expect(page.getByRole('region', { name: 'Story End Notes' })).toHaveCount(0);
  await expect(page).toHaveTitle('The Missing Salt — Salt and Ledger by Wren Halloway and M. Okafor');
});

test('the last chapter ends with the story end notes, and a chapter can turn the disclaimer off', async ({ page }) => {
  await page.goto(LAST);
  await expect(page.getByText('Chapter 5 of 5')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Disclaimer' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Story Notes' })).toHaveCount(0);
  const chapterEnd = (await page.getByRole('region', { name: 'Chapter End Notes' }).boundingBox())!;
  const storyEnd = (await page.getByRole('region', { name: 'Story End Notes' }).boundingBox())!;
  expect(storyEnd.y).toBeGreaterThan(chapterEnd.y);
  await expect(page.getByRole('region', { name: 'Story End Notes' })).toContainText('That’s the end!');
});

test("a chapter's own disclaimer overrides the story's, and the site's applies when neither sets one", async ({ page }) => {
  await page.goto('/stories/salt-and-ledger/a-list-of-reasons/');
  await expect(page.getByRole('region', { name: 'Disclaimer' })).toHaveText(/Still not ours/);
  await page.goto(fixtureUrl('/stories/rtl-story/the-night/'));
  await expect(page.getByRole('region', { name: 'Disclaimer' })).toContainText('A site-wide disclaimer.');
});

test('the text has typographic punctuation, ornamental scene breaks and passage ids', async ({ page }) => {
  await page.goto(FIRST);
  const text = page.locator('#chapter-text');
  await expect(text).toContainText('“You don’t have to start at the beginning,”');
  await expect(text).toContainText('went to find lunch –');
  await expect(text.locator('hr')).toHaveCount(1);
  await expect(text.locator('h1, h2, h3, h4, h5, h6')).toHaveCount(0);
  const ids = await text.locator('p').evaluateAll((ps) => ps.map((p) => p.id));
  expect(ids).toEqual(ids.map((_, i) => `p-${i + 1}`));
  const ornament = await text.locator('hr').evaluate((hr) => getComputedStyle(hr, '::after').content);
  expect(ornament).toBe('"⁂"');
});

test('lists and quotes are set off from the paragraphs around them', async ({ page }) => {
  await page.goto('/stories/salt-and-ledger/a-list-of-reasons/');
  const text = page.locator('#chapter-text');
  for (const block of [text.locator('ol'), text.locator('blockquote')]) {
    const [before, after] = await block.evaluate((el) => [
      Number.parseFloat(getComputedStyle(el).marginBlockStart),
      Number.parseFloat(getComputedStyle(el.nextElementSibling!).marginBlockStart),
    ]);
    expect(before).toBeGreaterThan(10);
    expect(after).toBeGreaterThan(10);
  }
});

test('a passage link opens the chapter at that paragraph', async ({ page }) => {
  await page.setViewportSize({ width: 400, height: 500 });
  await page.goto(`${FIRST}#p-5`);
  const passage = page.locator('#p-5');
  await expect(passage).toBeInViewport();
  await expect(passage).toContainText('She copied both lines');
});

test('every scene-break form renders as one ornament, never a heading or code', async ({ page }) => {
  await page.goto(fixtureUrl('/stories/edge-cases/every-scene-break/'));
  const text = page.locator('#chapter-text');
  await expect(text.locator('hr')).toHaveCount(9);
  await expect(text.locator('h1, h2, h3, h4, h5, h6, pre, code')).toHaveCount(0);
  await expect(text.locator('p').last()).toHaveText('The end.');
});

test('previous, next and contents links move through the story', async ({ page }) => {
  const bottom = page.getByRole('navigation', { name: 'Chapters', exact: true });
  await page.goto(FIRST);
  await expect(page.locator('link[rel="next"]')).toHaveAttribute('href', '/stories/salt-and-ledger/the-lighthouse/');
  await bottom.getByRole('link', { name: /Next chapter: The Lighthouse/ }).click();
  await expect(page).toHaveURL(/\/the-lighthouse\/$/);
  await expect(page.getByText('Chapter 2 of 5')).toBeVisible();
  await bottom.getByRole('link', { name: /Previous chapter: The Missing Salt/ }).click();
  await expect(page).toHaveURL(FIRST);
  await bottom.getByRole('link', { name: 'Table of contents' }).click();
  await expect(page).toHaveURL('/stories/salt-and-ledger/#contents');
});

test("a story's language marks its own text, and right-to-left scripts also set dir; the site's words stay the site's", async ({ page }) => {
  await page.goto('/stories/la-boulangere-de-minuit/le-premier-client/');
  await expect(page.locator('h1')).toHaveAttribute('lang', 'fr');
  await expect(page.locator('#chapter-text')).toHaveAttribute('lang', 'fr');
  await expect(page.locator('#chapter-text')).toContainText('« Je n’ai pas de croissants pour les chats »');
  const countLanguage = await page.locator('.chapter-count').evaluate((element) => element.closest('[lang]')?.getAttribute('lang'));
  expect(countLanguage).toBe('en');
  await page.goto(fixtureUrl('/stories/rtl-story/the-night/'));
  await expect(page.locator('#chapter-text')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('#chapter-text')).toHaveAttribute('dir', 'rtl');
  const align = await page.locator('#p-1').evaluate((p) => getComputedStyle(p).direction);
  expect(align).toBe('rtl');
  expect(await page.locator('.chapter-count').evaluate((element) => getComputedStyle(element).direction)).toBe('ltr');
});

test('table columns keep the alignment the Markdown gives them, without style attributes', async ({ page }) => {
  await page.goto(fixtureUrl('/stories/edge-cases/untitled/'));
  const aligned = await page.locator('#chapter-text tr').last().locator('td').evaluateAll((cells) => cells.map((cell) => getComputedStyle(cell).textAlign));
  expect(aligned).toEqual(['left', 'center', 'right']);
  await expect(page.locator('#chapter-text [style]')).toHaveCount(0);
});

test('an empty chapter says it has no text; titles default to "Chapter N"', async ({ page }) => {
  await page.goto(fixtureUrl('/stories/edge-cases/empty/'));
  await expect(page.getByText('This chapter has no text yet.')).toBeVisible();
  await page.goto(fixtureUrl('/stories/edge-cases/untitled/'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chapter 1');
  await expect(page.locator('#chapter-text img')).toHaveAttribute('src', '/stories/edge-cases/files/images/dot.png');
  await expect(page.locator('#chapter-text img')).toHaveAttribute('width', '8');
  await expect(page.locator('#chapter-text img')).toHaveAttribute('height', '8');
  await expect(page.locator('#chapter-text img')).toHaveAttribute('alt', 'A dot');
  expect(await page.locator('#chapter-text img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(8);
});

test('drafts are not published', async ({ page }) => {
  for (const path of ['/stories/draft-story/', '/stories/draft-story/draft/', '/stories/edge-cases/not-yet/']) {
    const response = await page.goto(fixtureUrl(path));
    expect(response?.status(), path).toBe(404);
  }
  await page.goto(fixtureUrl('/'));
  await expect(page.getByText('A Draft Story')).toHaveCount(0);
  await page.goto(fixtureUrl('/stories/edge-cases/'));
  await expect(page.getByText('A Draft Chapter')).toHaveCount(0);
});

for (const width of [320, 768, 1440]) {
  test(`chapter pages fit a ${width}px screen without sideways scrolling`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    for (const url of [FIRST, '/stories/salt-and-ledger/', '/', fixtureUrl('/stories/hostile/attacks/')]) {
      await page.goto(url);
      expect(await overflowsHorizontally(page), url).toBe(false);
    }
  });
}
