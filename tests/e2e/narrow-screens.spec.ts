import { strFromU8, unzipSync } from 'fflate';
import { expect, fixtureUrl, overflowsHorizontally, test } from './fixtures';

/**
 * A 320 px phone, the narrowest still sold, against the long-words fixture: a 40-character handle,
 * a title, fandom, tag and chapter title with no break opportunity, bare addresses and a
 * 5,000-character word. Nothing may make a page, or a download, scroll sideways.
 */
const NARROW = { width: 320, height: 640 };
const STORY = '/stories/long-words/';
const LONG_NAMES = /ThisHandleHasFortyCharacters|Antidisestablishmentarianism|AFandomNameSoLong|atagthatrunsonandon|Characterwithaverylongname/;
const AUTHOR = 'thishandlehasfortycharactersandnobreaks';

const PAGES = {
  home: '/',
  story: STORY,
  chapter: `${STORY}one-long-word/`,
  'whole work': `${STORY}all/`,
  authors: '/authors/page/2/', // where the 40-character name is, with the page links
  author: `/authors/${AUTHOR}/`,
  fandoms: '/fandoms/',
  fandom: '/fandoms/afandomnamesolongthatitneverfindsaplacetobreaktheline/',
  tags: '/tags/',
  tag: '/tags/atagthatrunsonandonwithoutanyspacesatallforsixtycharactersx/',
  relationships: '/relationships/',
  characters: '/characters/',
  'reading settings': '/reading-settings/',
  search: '/search/?q=Antidisestablishmentarianismandthentwiceasmanylettersagain',
  'not found': '/404.html',
  'HTML download': `${STORY}long-words.html`,
};

test.use({ viewport: NARROW });

for (const [name, path] of Object.entries(PAGES)) {
  test(`the ${name} page fits a 320 px screen with unbreakable names and words`, async ({ page }) => {
    await page.goto(fixtureUrl(path));
    if (name === 'search') {
      await expect(page.locator('.search-result').first()).toBeVisible();
      await page.getByText('Filter by fandom and rating').click();
    }
    // The long names are on the page (so the test measures them), and none sticks out. The page
    // that is not found and the reading settings have none: they are here for the site's own parts.
    if (name !== 'not found' && name !== 'reading settings') await expect(page.getByText(LONG_NAMES).first()).toBeAttached();
    const wider = await page.evaluate((width) => {
      const out: string[] = [];
      for (const element of document.querySelectorAll('body *')) {
        const box = element.getBoundingClientRect();
        const clipped = element.closest('pre, .prose table, .sr-only, [hidden]');
        if (!clipped && box.width > 0 && (box.right > width + 0.5 || box.left < -0.5)) out.push(`${element.parentElement?.className} > ${element.tagName.toLowerCase()}.${element.className}: ${element.textContent?.trim().slice(0, 24)}`);
      }
      return out;
    }, NARROW.width);
    expect(wider, 'elements reaching past the screen').toEqual([]);
    expect(await overflowsHorizontally(page)).toBe(false);
  });
}

test('the EPUB download fits a 320 px e-reader screen, chapter and title page', async ({ page, request }) => {
  const files = unzipSync(new Uint8Array(await (await request.get(fixtureUrl(`${STORY}long-words.epub`))).body()));
  // Serve the EPUB's own files, as an e-reader would open them, with their stylesheet.
  await page.route('http://epub.test/**', (route) => {
    const name = decodeURIComponent(new URL(route.request().url()).pathname.slice(1));
    const file = files[name];
    if (!file) return route.fulfill({ status: 404 });
    const type = name.endsWith('.css') ? 'text/css' : name.endsWith('.xhtml') ? 'application/xhtml+xml' : 'application/octet-stream';
    return route.fulfill({ body: Buffer.from(file), contentType: type });
  });
  const pages = Object.keys(files).filter((name) => name.endsWith('.xhtml'));
  expect(pages.filter((name) => /Unbreakable/.test(strFromU8(files[name]!)))).toHaveLength(1);
  for (const name of pages) {
    await page.goto(`http://epub.test/${name}`);
    expect(await overflowsHorizontally(page), name).toBe(false);
  }
});
