import type { Page } from '@playwright/test';
import { expect, expectAccessible, fixtureUrl, overflowsHorizontally, test } from './fixtures';

/** Searches from the search page's own field, as a reader would. */
async function search(page: Page, query: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search stories and chapters' }).fill(query);
  await page.getByRole('button', { name: 'Search', exact: true }).last().click();
}

const results = (page: Page) => page.getByRole('region', { name: 'Results' }).getByRole('listitem');
const status = (page: Page) => page.getByRole('status');

test('a phrase from a chapter finds that chapter, and its link opens the paragraph it is in', async ({ page }) => {
  await page.goto('/search/');
  await search(page, 'mostly sand');
  await expect(status(page)).toHaveText('1 result for “mostly sand”.');
  const result = results(page).first();
  await expect(result.getByRole('heading', { level: 3 })).toHaveText('The Lighthouse');
  await expect(result.locator('.search-result__story')).toHaveText('Salt and Ledger');
  await expect(result.locator('mark')).toHaveText(['mostly', 'sand']);
  await expect(result.locator('.search-result__excerpt')).toContainText('One of them was mostly sand.');

  await result.getByRole('link').click();
  await expect(page).toHaveURL('/stories/salt-and-ledger/the-lighthouse/#p-7');
  const paragraph = page.locator('#p-7');
  await expect(paragraph).toContainText('One of them was mostly sand.');
  await expect(paragraph).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
});

test('a gated story’s results state its rating and warnings, not its text, until the reader continues past its gate', async ({ page }) => {
  await page.goto(fixtureUrl('/search/?q=beacon'));
  const result = results(page).filter({ has: page.getByRole('link', { name: 'The Signal' }) });
  await expect(result.locator('.search-result__notice')).toHaveText(
    'Rated Mature. Warnings: Major Character Death, Graphic Depictions Of Violence. ' +
      'The excerpt shows once you have read the story’s content notice and chosen to continue.',
  );
  await expect(result.locator('.search-result__excerpt')).toHaveCount(0);
  await expect(result).not.toContainText('three nights');
  // The link still leads to the chapter, where the gate asks; once the reader continues, results show the text.
  await result.getByRole('link', { name: 'The Signal' }).click();
  await expect(page.getByRole('heading', { name: 'Content warning' })).toBeFocused();
  await page.getByRole('link', { name: 'Continue' }).click();
  await page.goto(fixtureUrl('/search/?q=beacon'));
  await expect(result.locator('.search-result__excerpt')).toContainText('beacon');
  await expect(result.locator('.search-result__notice')).toHaveCount(0);
});

test('a search fetches the index’s files for its words and the pages it shows, not the whole index', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.goto('/search/?q=kettle');
  await expect(status(page)).toHaveText('1 result for “kettle”.');
  await expect(results(page).getByRole('heading')).toHaveText(['The Lighthouse']);
  const index = requests.filter((path) => path.startsWith('/search-index/'));
  expect(index.filter((path) => path.startsWith('/search-index/terms/'))).toHaveLength(1);
  expect(index.filter((path) => path.startsWith('/search-index/pages/'))).toHaveLength(1);
  expect(index).toContain('/search-index/index.json');
  expect(index).toHaveLength(3);
  // The excerpt is read from the chapter itself: the index keeps no copy of the text.
  expect(requests).toContain('/stories/salt-and-ledger/the-lighthouse/');
});

test('the header search form takes the query to the search page, which searches it', async ({ page }) => {
  await page.goto('/stories/salt-and-ledger/');
  await page.getByRole('searchbox', { name: 'Search stories' }).fill('kettle');
  await page.getByRole('searchbox', { name: 'Search stories' }).press('Enter');
  await expect(page).toHaveURL('/search/?q=kettle');
  await expect(page.getByRole('searchbox', { name: 'Search stories and chapters' })).toHaveValue('kettle');
  await expect(status(page)).toHaveText('1 result for “kettle”.');
  await expect(results(page).getByRole('heading')).toHaveText(['The Lighthouse']);
});

test('arrow keys in the header search field move the caret, not to another chapter', async ({ page }) => {
  await page.goto('/stories/salt-and-ledger/the-lighthouse/');
  const field = page.getByRole('searchbox', { name: 'Search stories' });
  await field.fill('tea');
  await field.press('ArrowLeft');
  await field.press('ArrowRight');
  await page.waitForTimeout(300);
  await expect(page).toHaveURL('/stories/salt-and-ledger/the-lighthouse/');
});

test('fandom and rating filters narrow the results, and the URL keeps them', async ({ page }) => {
  // "morning" is in Small Hours (story summary and chapter; Station Nine, General Audiences) and in
  // two chapters of Salt and Ledger (Tidewater Chronicles, Teen and Up).
  await page.goto('/search/?q=morning');
  await expect(status(page)).toHaveText('4 results for “morning”.');
  // Sorted: the order is the index's ranking; what matters is which pages are found.
  const found = async () => (await results(page).getByRole('link').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname))).sort();
  expect(await found()).toEqual([
    '/stories/salt-and-ledger/balanced/',
    '/stories/salt-and-ledger/the-missing-salt/',
    '/stories/small-hours/',
    '/stories/small-hours/small-hours/',
  ]);
  const fandom = (name: string) => page.getByRole('group', { name: 'Fandom' }).getByLabel(name);
  const rating = (name: string) => page.getByRole('group', { name: 'Rating' }).getByLabel(name);

  await page.getByText('Filter by fandom and rating').click();
  await fandom('Station Nine').check();
  await expect(status(page)).toHaveText('2 results for “morning” with these filters.');
  expect(await found()).toEqual(['/stories/small-hours/', '/stories/small-hours/small-hours/']);
  await expect(page).toHaveURL('/search/?q=morning&fandom=Station+Nine');

  await fandom('Station Nine').uncheck();
  await rating('Teen and Up').check();
  await expect(status(page)).toHaveText('2 results for “morning” with these filters.');
  expect(await found()).toEqual(['/stories/salt-and-ledger/balanced/', '/stories/salt-and-ledger/the-missing-salt/']);

  // A fandom and a rating that share no story find nothing; two fandoms find either.
  await fandom('Station Nine').check();
  await expect(status(page)).toHaveText('No results for “morning” with these filters.');
  await rating('Teen and Up').uncheck();
  await fandom('Tidewater Chronicles').check();
  await expect(status(page)).toHaveText('4 results for “morning” with these filters.');

  // Back restores the previous search, filters and all.
  await page.goBack();
  await expect(status(page)).toHaveText('2 results for “morning” with these filters.');
  await expect(fandom('Tidewater Chronicles')).not.toBeChecked();
  await expect(fandom('Station Nine')).toBeChecked();
});

test('nothing of the search index loads until the reader searches', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.goto('/stories/salt-and-ledger/the-missing-salt/');
  await page.goto('/search/');
  await expect(page.getByText('Searching needs JavaScript')).toBeHidden();
  await page.getByRole('searchbox', { name: 'Search stories and chapters' }).fill('salt');
  await page.waitForLoadState('networkidle');
  expect(requests.filter((path) => path.startsWith('/search-index/'))).toEqual([]);

  await page.getByRole('button', { name: 'Search', exact: true }).last().click();
  await expect(status(page)).toContainText('for “salt”');
  expect(requests.filter((path) => path.startsWith('/search-index/')).length).toBeGreaterThan(0);
});

test('results come a page at a time; "Show more results" adds the next page and moves focus to it', async ({ page }) => {
  await page.goto('/search/');
  // A small page, so the sample library fills several.
  await page.locator('quire-search').evaluate((search) => ((search as HTMLElement).dataset.pageSize = '3'));
  await search(page, 'the');
  await expect(status(page)).toContainText('results for “the”');
  const total = Number((await status(page).textContent())!.match(/^(\d+) results/)![1]);
  expect(total).toBeGreaterThan(6);
  await expect(results(page)).toHaveCount(3);
  const more = page.getByRole('button', { name: 'Show more results' });
  await more.click();
  await expect(results(page)).toHaveCount(6);
  await expect(results(page).nth(3).getByRole('link')).toBeFocused();
  for (let shown = 6; shown < total; ) {
    await more.click();
    shown = Math.min(shown + 3, total);
    await expect(results(page)).toHaveCount(shown);
  }
  await expect(more).toBeHidden();
});

test('the result count is announced, and a search with no results says so', async ({ page }) => {
  await page.goto('/search/');
  await expect(status(page)).toHaveAttribute('aria-live', 'polite');
  await search(page, 'xylophone');
  await expect(status(page)).toHaveText('No results for “xylophone”.');
  await expect(page.getByRole('region', { name: 'Results' })).toBeHidden();
});

test('only stories and chapters are found, not the home page or the search page', async ({ page }) => {
  // "library" is only in the site description, shown on the home page.
  await page.goto('/search/?q=library');
  await expect(status(page)).toHaveText('No results for “library”.');
  await page.goto('/search/?q=Search');
  await expect(status(page)).toHaveText('No results for “Search”.');
  await page.goto('/search/?q=Tidewater');
  await expect(status(page)).toContainText('for “Tidewater”');
  const links = await results(page).getByRole('link').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  expect(links.length).toBeGreaterThan(0);
  for (const link of links) expect(link).toMatch(/^\/stories\/[^/]+\/([^/]+\/)?$/);
});

test('a French chapter is found and shown in its language', async ({ page }) => {
  await page.goto('/search/?q=farine');
  await expect(status(page)).toContainText('for “farine”');
  const result = results(page).filter({ hasText: 'La farine' });
  await expect(result.getByRole('heading')).toHaveAttribute('lang', 'fr');
  await expect(result.locator('.search-result__excerpt')).toHaveAttribute('lang', 'fr');
  await expect(result.locator('mark')).toHaveText('farine');
});

test('a right-to-left chapter is found and shown right to left, linked to its paragraph', async ({ page }) => {
  await page.goto(fixtureUrl('/search/?q=القمر'));
  await expect(status(page)).toContainText('for “القمر”');
  const result = results(page).filter({ has: page.getByRole('heading', { name: 'الليل' }) });
  await expect(result.getByRole('heading')).toHaveAttribute('dir', 'rtl');
  await expect(result.locator('mark')).toHaveText('القمر');
  await expect(result.getByRole('link')).toHaveAttribute('href', '/stories/rtl-story/the-night/#p-1');
});

test('hostile titles and text in results are shown as text, never run', async ({ page }) => {
  await page.goto(fixtureUrl('/search/?q=ordinary'));
  const result = results(page).filter({ has: page.getByRole('heading', { name: 'Attacks' }) });
  await expect(result.locator('.search-result__story')).toHaveText('</title><script>window.__pwned = "title"</script> *Hostile*');
  await expect(result.locator('script')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
});

test('results with a very long word fit a 320px screen without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto(fixtureUrl('/search/?q=very long word'));
  await expect(results(page).locator('.search-result__excerpt').filter({ hasText: 'wwwwwwwwww' }).first()).toBeVisible();
  await page.getByText('Filter by fandom and rating').click();
  expect(await overflowsHorizontally(page)).toBe(false);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`search page with results and filters open has no axe violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('/search/?q=salt&rating=Teen+and+Up');
    await expect(status(page)).toContainText('for “salt”');
    await expect(page.locator('details')).toHaveAttribute('open');
    await expectAccessible(page);
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the header form still reaches the search page with the query', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('searchbox', { name: 'Search stories' }).fill('salt');
    await page.getByRole('searchbox', { name: 'Search stories' }).press('Enter');
    await expect(page).toHaveURL('/search/?q=salt');
    await expect(page.getByText('Searching needs JavaScript')).toBeVisible();
  });
});

// The fixtures' index has windows of 8 pages (QUIRE_SEARCH_WINDOW in build:fixtures), so a word on
// more than one page is a common word whose pages are in blocks, window by window, as a large library's are.
test.describe('an index with common words in windows', () => {
  const blocks = (paths: string[]) => new Set(paths.filter((path) => path.startsWith('/search-index/blocks/')));
  const storiesFound = async (page: Page) =>
    [...new Set(await results(page).getByRole('link').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname.split('/')[2])))].sort();

  test('a word on a page in a later window is found and linked to its paragraph', async ({ page }) => {
    await page.goto(fixtureUrl('/search/'));
    await search(page, 'ferry');
    await expect(status(page)).toHaveText('1 result for “ferry”.');
    const link = results(page).getByRole('link');
    await expect(link).toHaveText('The Crossing');
    const href = new URL((await link.getAttribute('href'))!, page.url());
    expect(href.pathname + href.hash).toBe('/stories/warned-story/the-crossing/#p-1');
  });

  test('filters narrow results drawn from several windows', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    // "gated" is in both gated stories: The Long Watch (Mature) and Unwarned Waters (Teen and Up), in different windows.
    await page.goto(fixtureUrl('/search/?q=gated'));
    await expect(status(page)).toContainText('results for “gated”.');
    expect(await storiesFound(page)).toEqual(['mature-story', 'warned-story']);
    expect(blocks(requests).size).toBeGreaterThan(1);

    await page.getByText('Filter by fandom and rating').click();
    await page.getByRole('group', { name: 'Rating' }).getByLabel('Mature').check();
    await expect(status(page)).toContainText('for “gated” with these filters.');
    expect(await storiesFound(page)).toEqual(['mature-story']);
    await page.getByRole('group', { name: 'Rating' }).getByLabel('Teen and Up').check();
    await expect(status(page)).toContainText('for “gated” with these filters.');
    await expect.poll(() => storiesFound(page)).toEqual(['mature-story', 'warned-story']);
  });

  test('excerpts are read from the pages of the results near the screen, the others as the reader scrolls to them', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.setViewportSize({ width: 800, height: 500 });
    await page.goto(fixtureUrl('/search/'));
    await search(page, 'the');
    await expect(results(page)).toHaveCount(20);
    await expect(results(page).first().locator('mark').first()).toBeVisible();
    const pagesRead = () => new Set(requests.filter((path) => path.startsWith('/stories/'))).size;
    await page.waitForLoadState('networkidle');
    const first = pagesRead();
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(20);
    await results(page).last().scrollIntoViewIfNeeded();
    await expect(results(page).last().locator('mark').first()).toBeVisible();
    expect(pagesRead()).toBeGreaterThan(first);
  });

  test('a word on most pages reads only the windows the first results need, and the rest as the reader asks', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(fixtureUrl('/search/'));
    await page.evaluate(() => (document.querySelector('quire-search') as HTMLElement).dataset.pageSize = '3');
    await search(page, 'the');
    await expect(status(page)).toHaveText(/^At least \d+ results for “the”\.$/);
    await expect(results(page)).toHaveCount(3);
    const first = blocks(requests).size;
    await page.getByRole('button', { name: 'Show more results' }).click();
    await expect(results(page)).toHaveCount(6);
    await expect.poll(() => blocks(requests).size).toBeGreaterThan(first);
  });
});
