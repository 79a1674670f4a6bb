import { expect, expectAccessible, fixtureUrl, test } from './fixtures';
import type { Page } from '@playwright/test';

/*
 * The fixtures' site.yaml lists 3 stories a page and 4 names a page, and their build puts one
 * page of stories in each shard of a listing's index (QUIRE_LIST_SHARD_PAGES=1), so its 8 stories
 * make a home page of 3 pages and an index of 3 shards.
 */
const titles = (page: Page) => page.locator('.story-card:visible h2');
const count = (page: Page) => page.locator('quire-story-filter [role="status"]');
const pages = (page: Page) => page.getByRole('navigation', { name: 'Pages' });

// Newest update first, as the home page's pages list them.
const HOME_PAGES = [
  ['Unwarned Waters', 'The Long Watch', 'Edge Cases'],
  ['The Styled Letter', 'القمر فوق المدينة', /^Antidisestablishmentarianism/],
  [/Hostile/, 'The Keeper’s Log'],
];

test.describe('paginated listings', () => {
  test('the home page lists its stories page by page, with links between the pages', async ({ page }) => {
    await page.goto(fixtureUrl('/'));
    await expect(titles(page)).toHaveText(HOME_PAGES[0]!);
    await expect(pages(page).getByRole('link', { name: 'Page 1' })).toHaveAttribute('aria-current', 'page');
    await expect(pages(page).getByRole('link', { name: 'Previous' })).toHaveCount(0);
    await pages(page).getByRole('link', { name: 'Next' }).click();
    await expect(page).toHaveURL(fixtureUrl('/page/2/'));
    await expect(titles(page)).toHaveText(HOME_PAGES[1]!);
    await expect(page).toHaveTitle(/^Stories, page 2 of 3 · /);
    await pages(page).getByRole('link', { name: 'Page 3' }).click();
    await expect(titles(page)).toHaveText(HOME_PAGES[2]!);
    await expect(pages(page).getByRole('link', { name: 'Next' })).toHaveCount(0);
    await pages(page).getByRole('link', { name: 'Previous' }).click();
    await expect(page).toHaveURL(fixtureUrl('/page/2/'));
    // The count is the listing's, not the page's.
    await expect(count(page)).toHaveText('8 stories');
  });

  test('without JavaScript every page is its stories, and the links between them work', async ({ pageWithoutJavaScript: page }) => {
    await page.goto(fixtureUrl('/page/3/'));
    await expect(page.locator('.story-card h2')).toHaveText(HOME_PAGES[2]!);
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Page 1' }).click();
    await expect(page).toHaveURL(fixtureUrl('/'));
    await expect(page.locator('.story-card h2')).toHaveText(HOME_PAGES[0]!);
  });

  test('sorting orders the whole listing, not the page, and its pages are shown in place', async ({ page }) => {
    const indexFiles: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/lists/')) indexFiles.push(new URL(request.url()).pathname);
    });
    await page.goto(fixtureUrl('/page/2/'));
    expect(indexFiles).toEqual([]); // nothing is read until the reader sorts or filters
    await page.getByLabel('Sort by').selectOption({ label: 'Title' });
    // A sorted list is the listing's, at its own address: page 1 of the sorted stories.
    await expect(page).toHaveURL(fixtureUrl('/?sort=title'));
    await expect(titles(page)).toHaveText([/Hostile/, /^Antidisestablishmentarianism/, 'Edge Cases']);
    await expect(count(page)).toHaveText('8 stories');
    const loads: string[] = [];
    page.on('load', () => loads.push(page.url()));
    await pages(page).getByRole('link', { name: 'Next' }).click();
    await expect(page).toHaveURL(fixtureUrl('/?sort=title&page=2'));
    await expect(titles(page)).toHaveText(['The Keeper’s Log', 'The Long Watch', 'The Styled Letter']);
    await expect(pages(page).getByRole('link', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page');
    await expect(page.locator('.story-list')).toBeFocused();
    await pages(page).getByRole('link', { name: 'Page 3' }).click();
    await expect(titles(page)).toHaveText(['Unwarned Waters', 'القمر فوق المدينة']);
    expect(loads).toEqual([]);
    // Cards from every page of the listing are whole: links, metadata, summary.
    await expect(page.locator('.story-card', { hasText: 'Unwarned Waters' }).getByRole('link', { name: 'Unwarned Waters' })).toHaveAttribute('href', '/stories/warned-story/');
    // Every shard's rows, once; the stories' words only for a text filter.
    expect(indexFiles.sort()).toEqual(['/lists/0.json', '/lists/1.json', '/lists/2.json']);
    await page.getByLabel('Filter', { exact: true }).fill('keeper');
    await expect(titles(page)).toHaveText(['The Keeper’s Log']);
    expect(indexFiles.filter((file) => file.endsWith('-text.json')).sort()).toEqual(['/lists/0-text.json', '/lists/1-text.json', '/lists/2-text.json']);
  });

  test('filtering searches every page of the listing', async ({ page }) => {
    await page.goto(fixtureUrl('/page/3/'));
    // "Unwarned Waters" is on page 1.
    await page.getByLabel('Filter', { exact: true }).fill('unwarned');
    await expect(titles(page)).toHaveText(['Unwarned Waters']);
    await expect(count(page)).toHaveText('1 of 8 stories');
    await expect(page).toHaveURL(fixtureUrl('/?q=unwarned'));
    await expect(pages(page)).toBeHidden();
    await page.getByLabel('Filter', { exact: true }).fill('');
    await page.getByLabel('Rating').selectOption({ label: 'Not Rated (6)' });
    await expect(titles(page)).toHaveText(['Edge Cases', 'The Styled Letter', 'القمر فوق المدينة']);
    await expect(count(page)).toHaveText('6 of 8 stories');
    await pages(page).getByRole('link', { name: 'Next' }).click();
    await expect(titles(page)).toHaveText([/^Antidisestablishmentarianism/, /Hostile/, 'The Keeper’s Log']);
    // Clear puts back the plain list's first page, at the listing's address.
    await page.getByRole('button', { name: 'Clear' }).click();
    await expect(page).toHaveURL(fixtureUrl('/'));
    await expect(titles(page)).toHaveText(HOME_PAGES[0]!);
    await expect(pages(page).getByRole('link', { name: 'Page 2' })).toHaveAttribute('href', '/page/2/');
  });

  test('a shared address opens that page of the sorted list', async ({ page }) => {
    await page.goto(fixtureUrl('/?sort=published&page=3'));
    await expect(titles(page)).toHaveText(['Edge Cases', 'The Keeper’s Log']);
    await expect(page.getByLabel('Sort by')).toHaveValue('published');
    await expect(pages(page).getByRole('link', { name: 'Page 3' })).toHaveAttribute('aria-current', 'page');
  });

  test('when the listing’s index cannot be loaded, the page’s own stories are filtered, and it says so', async ({ page, problems }) => {
    await page.route('**/lists/**', (route) => route.fulfill({ status: 503, body: '' }));
    await page.goto(fixtureUrl('/page/2/'));
    await page.getByLabel('Sort by').selectOption({ label: 'Title' });
    await expect(titles(page)).toHaveText([/^Antidisestablishmentarianism/, 'The Styled Letter', 'القمر فوق المدينة']);
    await expect(count(page)).toHaveText('3 stories on this page (the whole list could not be loaded)');
    await expect(pages(page)).toBeHidden();
    // Once the index loads again, the next change sorts the whole listing.
    await page.unroute('**/lists/**');
    await page.getByLabel('Sort by').selectOption({ label: 'Most words' });
    await expect(count(page)).toHaveText('8 stories');
    problems.length = 0; // the refused index was logged, as it should be
  });

  test('a browse page is paginated and sorted across its pages too', async ({ page }) => {
    await page.goto(fixtureUrl('/ratings/not-rated/'));
    await expect(titles(page)).toHaveText(['Edge Cases', 'The Styled Letter', 'القمر فوق المدينة']);
    await pages(page).getByRole('link', { name: 'Next' }).click();
    await expect(page).toHaveURL(fixtureUrl('/ratings/not-rated/page/2/'));
    await expect(titles(page)).toHaveText([/^Antidisestablishmentarianism/, /Hostile/, 'The Keeper’s Log']);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not Rated');
    await page.getByLabel('Sort by').selectOption({ label: 'Title' });
    await expect(page).toHaveURL(fixtureUrl('/ratings/not-rated/?sort=title'));
    await expect(titles(page)).toHaveText([/Hostile/, /^Antidisestablishmentarianism/, 'Edge Cases']);
    // One rating: nothing to choose.
    await expect(page.getByLabel('Rating')).toHaveCount(0);
  });

  test('a browse index lists its names page by page', async ({ page }) => {
    await page.goto(fixtureUrl('/authors/'));
    const names = page.locator('.term-list a');
    await expect(names).toHaveCount(4);
    const first = await names.allTextContents();
    await pages(page).getByRole('link', { name: 'Next' }).click();
    await expect(page).toHaveURL(fixtureUrl('/authors/page/2/'));
    await expect(page).toHaveTitle(/^Authors, page 2 of 2 · /);
    await expect(names).toHaveCount(2);
    const second = await names.allTextContents();
    expect(second.filter((name) => first.includes(name))).toEqual([]);
    await expect(page.getByRole('navigation', { name: 'Browse stories' }).getByRole('link', { name: 'Authors' })).toHaveAttribute('aria-current', 'true');
  });

  for (const path of ['/page/2/', '/?sort=title&page=2', '/authors/page/2/']) {
    test(`a listing page (${path}) has no axe violations`, async ({ page }) => {
      await page.goto(fixtureUrl(path));
      await expect(titles(page).or(page.locator('.term-list a')).first()).toBeVisible();
      await expectAccessible(page);
    });
  }
});
