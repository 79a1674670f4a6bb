import { expect, fixtureUrl, test } from './fixtures';

const STORY = '/stories/salt-and-ledger/';
const ALL = '/stories/salt-and-ledger/all/';
const SLUGS = ['the-missing-salt', 'the-lighthouse', 'a-list-of-reasons', 'storm-warning', 'balanced'];
const TITLES = ['The Missing Salt', 'The Lighthouse', 'A List of Reasons', 'Storm Warning', 'Balanced'];

test('the story page and chapter menu link to the whole work', async ({ page }) => {
  await page.goto(STORY);
  await page.getByRole('link', { name: 'Read the whole work on one page' }).click();
  await expect(page).toHaveURL(ALL);
  await page.goto(`${STORY}the-lighthouse/`);
  await page.locator('.chapter-jump summary').click();
  await page.getByRole('link', { name: 'Whole work on one page' }).click();
  await expect(page).toHaveURL(ALL);
});

test('the whole work has every chapter in order, each with its heading, notes and text', async ({ page }) => {
  await page.goto(ALL);
  await expect(page).toHaveTitle('Salt and Ledger by Wren Halloway and M. Okafor (whole work)');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Salt and Ledger');
  await expect(page.getByText('by Wren Halloway and M. Okafor')).toBeVisible();

  // Table of contents, then story notes, then the chapters in order, then the story end notes.
  const contents = page.getByRole('navigation', { name: 'Table of contents' });
  await expect(contents.locator('.toc__title')).toHaveText(TITLES);
  await expect(contents.locator('.toc__meta').first()).toHaveText(/^\d+ min read, [\d,]+ words$/);
  const sections = page.locator('section.work-chapter');
  await expect(sections).toHaveCount(5);
  expect(await sections.evaluateAll((all) => all.map((s) => s.id))).toEqual(SLUGS.map((slug) => `chapter-${slug}`));
  await expect(sections.locator('h2.work-chapter__title')).toHaveText(TITLES.map((title, i) => `Chapter ${i + 1}: ${title}`));
  const headingIds = await sections.locator('h2.work-chapter__title').evaluateAll((all) => all.map((h) => h.id));
  expect(headingIds.every((id) => id !== '')).toBe(true);
  const order = await page.evaluate(() =>
    [...document.querySelectorAll('.work-contents, #story-notes, .work-chapter, #story-end-notes')].map((e) => e.id || e.className),
  );
  expect(order).toEqual(['work-contents', 'story-notes', ...SLUGS.map((slug) => `chapter-${slug}`), 'story-end-notes']);

  // Each chapter's parts, as on its own page.
  const first = sections.nth(0);
  await expect(first.getByRole('region', { name: /^Disclaimer/ })).toContainText('belong to their creators');
  await expect(first.getByRole('region', { name: /^Author’s Chapter Notes/ })).toContainText('a mark is worth twelve pence');
  await expect(first.getByRole('region', { name: /^Chapter End Notes/ })).toContainText('Next time, a lighthouse');
  await expect(sections.nth(2).getByRole('region', { name: /^Disclaimer/ })).toContainText('Still not ours');
  await expect(page.getByRole('region', { name: 'Story End Notes' })).toContainText('That’s the end!');

  // The texts are the chapters' texts, in order.
  for (const [i, slug] of SLUGS.entries()) {
    const onPage = await sections.nth(i).locator('.chapter-text p').allTextContents();
    const chapter = await page.context().newPage();
    await chapter.goto(`${STORY}${slug}/`);
    expect(onPage, slug).toEqual(await chapter.locator('#chapter-text p').allTextContents());
    await chapter.close();
  }

  // The contents link to the chapters on this page.
  await contents.getByRole('link', { name: 'Storm Warning' }).click();
  await expect(page).toHaveURL(`${ALL}#chapter-storm-warning`);
  await expect(sections.nth(3).locator('h2')).toBeInViewport();
});

test('ids stay unique on the whole-work page, and in-page links still land', async ({ page }) => {
  for (const url of [ALL, fixtureUrl('/stories/edge-cases/all/'), fixtureUrl('/stories/rtl-story/all/')]) {
    await page.goto(url);
    const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
    expect(ids.length, url).toBeGreaterThan(10);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i), url).toEqual([]);
    const broken = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLAnchorElement>('main a[href^="#"]')].map((a) => a.hash.slice(1)).filter((id) => !document.getElementById(decodeURIComponent(id))),
    );
    expect(broken, url).toEqual([]);
  }
  // A footnote in a chapter text goes to its own chapter's footnote.
  await page.goto(fixtureUrl('/stories/edge-cases/all/'));
  await page.locator('#chapter-untitled a[data-footnote-ref]').click();
  await expect(page).toHaveURL(/#untitled--user-content-fn-1$/);
});

test('an empty chapter says so on the whole-work page too', async ({ page }) => {
  await page.goto(fixtureUrl('/stories/edge-cases/all/'));
  await expect(page.locator('#chapter-empty')).toContainText('This chapter has no text yet.');
});
