import { expect, expectAccessible, fixtureUrl, test } from './fixtures';
import type { Page } from '@playwright/test';

const titles = (page: Page) => page.locator('.story-card:visible h2');

/** The items of a browse index, from every one of its pages (the fixtures list 4 names a page). */
async function everyName(page: Page, url: string): Promise<string[]> {
  await page.goto(url);
  const names = [...(await page.locator('.term-list li').allInnerTexts())];
  const next = page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Next' });
  while ((await next.count()) > 0) {
    await page.goto(new URL((await next.getAttribute('href'))!, page.url()).href);
    names.push(...(await page.locator('.term-list li').allInnerTexts()));
  }
  return names;
}
const count = (page: Page) => page.locator('quire-story-filter [role="status"]');

test.describe('browse pages', () => {
  test('every value in a story’s metadata links to a page listing that story, with the right count', async ({ page }) => {
    await page.goto('/stories/salt-and-ledger/');
    const links = page.locator('.meta a, .byline a');
    const expected = {
      'Wren Halloway': ['/authors/wren-halloway/', 1],
      'M. Okafor': ['/authors/m-okafor/', 1],
      'Teen and Up': ['/ratings/teen/', 1],
      'No Archive Warnings Apply': ['/warnings/no-archive-warnings-apply/', 1],
      'Tidewater Chronicles': ['/fandoms/tidewater-chronicles/', 1],
      'Isolde Marr/Tobias Fenn': ['/relationships/isolde-marr-tobias-fenn/', 1],
      'Isolde Marr': ['/characters/isolde-marr/', 1],
      'Tobias Fenn': ['/characters/tobias-fenn/', 1],
      'Harbourmaster Quill': ['/characters/harbourmaster-quill/', 1],
      'slow burn': ['/tags/slow-burn/', 1],
      'found family': ['/tags/found-family/', 1],
      'bookkeeping as a love language': ['/tags/bookkeeping-as-a-love-language/', 1],
      storms: ['/tags/storms/', 1],
    } as const;
    await expect(links).toHaveText(Object.keys(expected), { useInnerText: true, ignoreCase: false });
    for (const [name, [href, stories]] of Object.entries(expected)) {
      await page.goto('/stories/salt-and-ledger/');
      await page.locator('.meta, .byline').getByRole('link', { name, exact: true }).click();
      await expect(page).toHaveURL(href);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
      await expect(page.locator('.story-card')).toHaveCount(stories);
      await expect(titles(page)).toContainText(['Salt and Ledger']);
      await expect(page.locator('main > p.muted')).toContainText(stories === 1 ? '1 story' : `${stories} stories`);
    }
  });

  test('a value shared by stories lists them all, newest update first', async ({ page }) => {
    await page.goto('/');
    await page.locator('.story-card', { hasText: 'Small Hours' }).getByRole('link', { name: 'General Audiences' }).click();
    await expect(page).toHaveURL('/ratings/general/');
    await expect(page).toHaveTitle(/^General Audiences \(Rating\) · /);
    await expect(titles(page)).toHaveText(['La Boulangère de minuit', 'Small Hours']);
    await expect(page.locator('main > p.muted')).toHaveText('Stories rated General Audiences · 2 stories');
  });

  test('the home list links fandoms, ratings, authors and tags', async ({ page }) => {
    await page.goto('/');
    const card = page.locator('.story-card', { hasText: 'La Boulangère' });
    for (const [name, href] of Object.entries({
      'Les Heures Bleues': '/fandoms/les-heures-bleues/',
      'General Audiences': '/ratings/general/',
      'Camille Dufresne': '/authors/camille-dufresne/',
      Odile: '/characters/odile/',
      boulangerie: '/tags/boulangerie/',
    })) {
      await expect(card.getByRole('link', { name, exact: true })).toHaveAttribute('href', href);
    }
    await page.getByRole('link', { name: 'Camille Dufresne' }).click();
    await expect(titles(page)).toHaveText(['La Boulangère de minuit']);
  });

  test('chapter bylines link each author', async ({ page }) => {
    await page.goto('/stories/salt-and-ledger/the-lighthouse/');
    await page.locator('.byline').getByRole('link', { name: 'M. Okafor' }).click();
    await expect(page).toHaveURL('/authors/m-okafor/');
    await expect(titles(page)).toHaveText(['Salt and Ledger']);
  });

  test('each section lists every value with its story count, and the counts match the pages', async ({ page }) => {
    await page.goto('/');
    const sections = page.getByRole('navigation', { name: 'Browse stories' }).getByRole('link');
    await expect(sections).toHaveText(['Fandoms', 'Authors', 'Relationships', 'Characters', 'Tags', 'Ratings', 'Warnings']);
    const sectionUrls = await sections.evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
    let values = 0;
    for (const sectionUrl of sectionUrls) {
      await page.goto(sectionUrl);
      await expect(page.getByRole('navigation', { name: 'Browse stories' }).locator('[aria-current="page"]')).toHaveAttribute('href', sectionUrl);
      const items = await page.locator('.term-list li').evaluateAll((lis) =>
        lis.map((li) => ({ href: li.querySelector('a')!.pathname, count: Number(/(\d+) stor/.exec(li.textContent!)![1]) })),
      );
      expect(items.length).toBeGreaterThan(0);
      for (const { href, count: stories } of items) {
        const response = await page.goto(href);
        expect(response?.status(), href).toBe(200);
        await expect(page.locator('.story-card'), href).toHaveCount(stories);
        values++;
      }
    }
    // 3 fandoms, 4 authors, 1 relationship, 7 characters, 10 tags, 2 ratings, 1 warning in the sample library.
    expect(values).toBe(28);
  });

  test('the ratings list goes from the mildest, and fandoms alphabetically', async ({ page }) => {
    await page.goto('/ratings/');
    await expect(page.locator('.term-list li')).toHaveText(['General Audiences 2 stories', 'Teen and Up 1 story']);
    await page.goto('/fandoms/');
    await expect(page.locator('.term-list a')).toHaveText(['Les Heures Bleues', 'Station Nine', 'Tidewater Chronicles']);
  });

  test('a non-Latin name gets a readable address that works', async ({ page }) => {
    await page.goto(fixtureUrl('/stories/rtl-story/'));
    await page.locator('.byline').getByRole('link', { name: 'ليلى' }).click();
    await expect(page).toHaveURL(fixtureUrl('/authors/%D9%84%D9%8A%D9%84%D9%89/'));
    expect(decodeURIComponent(new URL(page.url()).pathname)).toBe('/authors/ليلى/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('ليلى');
    await expect(titles(page)).toHaveText(['القمر فوق المدينة']);
  });

  test('drafts never appear in browse pages', async ({ page }) => {
    const names = (await everyName(page, fixtureUrl('/authors/'))).map((item) => item.replace(/\s+\d+ stor(y|ies)$/, ''));
    expect(names).toEqual(['<img src=x onerror="window.__pwned=1">', 'Fixture Author', 'Solo Author', 'Test Author', 'ThisHandleHasFortyCharactersAndNoBreaks', 'ليلى']);
    const response = await page.goto(fixtureUrl('/authors/nobody-yet/'));
    expect(response?.status()).toBe(404);
  });

  test('names that spell the same slug keep separate pages, and drafts do not count', async ({ page }) => {
    expect((await everyName(page, fixtureUrl('/tags/'))).filter((item) => /slow burn/i.test(item))).toEqual(['slow burn 1 story', 'Slow Burn 1 story']);
    const items = page.locator('.term-list li', { hasText: /slow burn/i });
    expect(await items.getByRole('link').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname))).toEqual([
      '/tags/slow-burn-2/',
      '/tags/slow-burn/',
    ]);
    await page.getByRole('link', { name: 'Slow Burn', exact: true }).click();
    await expect(titles(page)).toHaveText(['القمر فوق المدينة']);
    await page.goto(fixtureUrl('/stories/hostile/'));
    await page.getByRole('link', { name: 'slow burn', exact: true }).click();
    await expect(page).toHaveURL(fixtureUrl('/tags/slow-burn-2/'));
    await expect(titles(page)).toHaveText([/Hostile/]);
  });

  test('hostile names are shown as text', async ({ page }) => {
    await page.goto(fixtureUrl('/fandoms/'));
    await page.getByRole('link', { name: '<script>window.__pwned = "fandom"</script>' }).click();
    await expect(page).toHaveURL(fixtureUrl('/fandoms/script-window-pwned-fandom-script/'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('<script>window.__pwned = "fandom"</script>');
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  });
});

test.describe('home page sort and filter', () => {
  test('sorts by words and by title, keeping the choice in the address', async ({ page }) => {
    await page.goto('/');
    await expect(titles(page)).toHaveText(['La Boulangère de minuit', 'Small Hours', 'Salt and Ledger']);
    await page.getByLabel('Sort by').selectOption({ label: 'Most words' });
    await expect(page).toHaveURL('/?sort=words');
    const words = await page.locator('.story-card .story-card__facts').evaluateAll((facts) =>
      facts.map((p) => Number(/([\d,]+) words/.exec(p.textContent!)![1]!.replace(/,/g, ''))),
    );
    expect(words).toEqual([...words].sort((a, b) => b - a));
    await expect(titles(page)).toHaveText(['Salt and Ledger', 'Small Hours', 'La Boulangère de minuit']);
    await page.getByLabel('Sort by').selectOption({ label: 'Title' });
    await expect(titles(page)).toHaveText(['La Boulangère de minuit', 'Salt and Ledger', 'Small Hours']);
    await page.getByLabel('Sort by').selectOption({ label: 'Recently updated' });
    await expect(page).toHaveURL('/');
    await expect(titles(page)).toHaveText(['La Boulangère de minuit', 'Small Hours', 'Salt and Ledger']);
  });

  test('sorts by first publication', async ({ page }) => {
    // The fixtures list 3 stories a page: the sort is of all 8 (see pagination.spec.ts).
    await page.goto(fixtureUrl('/'));
    await expect(titles(page)).toHaveText(['Unwarned Waters', 'The Long Watch', 'Edge Cases']);
    await page.getByLabel('Sort by').selectOption({ label: 'Recently published' });
    await expect(titles(page)).toHaveText(['Unwarned Waters', 'The Long Watch', 'The Styled Letter']);
    await expect(page).toHaveURL(fixtureUrl('/?sort=published'));
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Next' }).click();
    await expect(titles(page)).toHaveText(['القمر فوق المدينة', /^Antidisestablishmentarianism/, /Hostile/]);
  });

  test('filters by rating, fandom and text, and says how many stories are shown', async ({ page }) => {
    await page.goto('/');
    await expect(count(page)).toHaveText('3 stories');
    await page.getByLabel('Rating').selectOption({ label: 'General Audiences (2)' });
    await expect(titles(page)).toHaveText(['La Boulangère de minuit', 'Small Hours']);
    await expect(count(page)).toHaveText('2 of 3 stories');
    await expect(page).toHaveURL('/?rating=general');
    await page.getByLabel('Fandom').selectOption({ label: 'Station Nine (1)' });
    await expect(titles(page)).toHaveText(['Small Hours']);
    await expect(count(page)).toHaveText('1 of 3 stories');
    await page.getByLabel('Fandom').selectOption({ label: 'Tidewater Chronicles (1)' });
    await expect(titles(page)).toHaveCount(0);
    await expect(count(page)).toHaveText('No stories match (3 in all)');
    await page.getByRole('button', { name: 'Clear' }).click();
    await expect(titles(page)).toHaveCount(3);
    await expect(page).toHaveURL('/');
    // Case and accents do not matter, and every word must be on the card (summary and tags included).
    await page.getByLabel('Filter', { exact: true }).fill('BOULANGERE');
    await expect(titles(page)).toHaveText(['La Boulangère de minuit']);
    await page.getByLabel('Filter', { exact: true }).fill('vending  machine');
    await expect(titles(page)).toHaveText(['Small Hours']);
    await expect(page).toHaveURL('/?q=vending++machine');
    await page.getByLabel('Filter', { exact: true }).press('Enter');
    await expect(page).toHaveURL('/?q=vending++machine');
    await expect(titles(page)).toHaveText(['Small Hours']);
  });

  test('a shared address opens the list sorted and filtered', async ({ page }) => {
    await page.goto('/?sort=words&rating=general&q=the');
    await expect(page.getByLabel('Sort by')).toHaveValue('words');
    await expect(page.getByLabel('Rating')).toHaveValue('general');
    await expect(page.getByLabel('Filter', { exact: true })).toHaveValue('the');
    await expect(titles(page)).toHaveText(['Small Hours']);
    await expect(count(page)).toHaveText('1 of 3 stories');
  });

  test('unknown values in the address are ignored', async ({ page }) => {
    await page.goto('/?sort=sideways&rating=ultra&fandom=nope');
    await expect(page.getByLabel('Sort by')).toHaveValue('updated');
    await expect(page.getByLabel('Rating')).toHaveValue('');
    await expect(titles(page)).toHaveCount(3);
  });

  test('without JavaScript the list is complete and the controls are hidden', async ({ pageWithoutJavaScript: page }) => {
    await page.goto('/?sort=words&rating=teen');
    await expect(page.locator('.story-card h2')).toHaveText(['La Boulangère de minuit', 'Small Hours', 'Salt and Ledger']);
    await expect(page.locator('.story-card:visible')).toHaveCount(3);
    await expect(page.getByLabel('Sort by')).toBeHidden();
    await expect(page.getByLabel('Filter', { exact: true })).toBeHidden();
    await expect(page.getByRole('status')).toHaveText('3 stories');
  });
});

// Axe on the browse pages (the home page is covered in accessibility.spec.ts).
const BROWSE_PAGES = {
  'section list': '/tags/',
  'stories of a value': '/fandoms/tidewater-chronicles/',
  'right-to-left name': fixtureUrl('/authors/%D9%84%D9%8A%D9%84%D9%89/'),
};
for (const colorScheme of ['light', 'dark'] as const) {
  for (const [name, path] of Object.entries(BROWSE_PAGES)) {
    test(`browse page (${name}) has no axe violations (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(path);
      await expectAccessible(page);
    });
  }

  test(`home page with nothing matching the filters has no axe violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('/?q=nothing-matches-this');
    await expect(count(page)).toHaveText('No stories match (3 in all)');
    await expectAccessible(page);
  });
}
