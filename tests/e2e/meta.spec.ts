import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { Parser } from 'htmlparser2';
import sharp from 'sharp';
import { readSiteUrl } from '../../src/build/content-folder';
import { expect, fixtureUrl, test } from './fixtures';

/*
 * What link previews, feed readers and crawlers get: the built pages' <head>, the cards, the feeds,
 * the sitemap and robots.txt, read from the build output (dist/ and dist-fixtures/).
 */

const SITE = readSiteUrl(path.resolve('content'));
const FIXTURES_SITE = readSiteUrl(path.resolve('tests/fixtures/library'));
const at = (site: string, sitePath: string) => new URL(sitePath, site).href;

/** The file a URL of the built site is served from. */
function builtFile(root: string, site: string, url: string): string {
  expect(url.startsWith(site.endsWith('/') ? site : `${site}/`), `${url} is an absolute URL on ${site}`).toBe(true);
  const { pathname } = new URL(url);
  return path.join(root, decodeURIComponent(pathname), pathname.endsWith('/') ? 'index.html' : '');
}

interface Head {
  title: string;
  /** `<meta>` contents by name or property, in document order. */
  meta: Map<string, string[]>;
  links: Record<string, string>[];
  jsonLd: Record<string, unknown>[];
}

function readHead(root: string, sitePath: string): Head {
  const head: Head = { title: '', meta: new Map(), links: [], jsonLd: [] };
  let inside: 'title' | 'json' | undefined;
  let text = '';
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'title') inside = 'title';
        if (name === 'script' && attributes.type === 'application/ld+json') inside = 'json';
        if (name === 'link') head.links.push(attributes);
        const key = attributes.property ?? attributes.name;
        if (name === 'meta' && key && attributes.content !== undefined) head.meta.set(key, [...(head.meta.get(key) ?? []), attributes.content]);
      },
      ontext(chunk) {
        if (inside) text += chunk;
      },
      onclosetag(name) {
        if (name === 'title' && inside === 'title') head.title = text;
        if (name === 'script' && inside === 'json') head.jsonLd.push(JSON.parse(text) as Record<string, unknown>);
        if (name === 'title' || name === 'script') [inside, text] = [undefined, ''];
      },
    },
    { decodeEntities: true },
  );
  const html = readFileSync(path.join(root, sitePath, 'index.html'), 'utf8');
  parser.end(html.slice(0, html.indexOf('</head>')));
  return head;
}

const one = (head: Head, key: string): string => {
  const values = head.meta.get(key) ?? [];
  expect(values, `exactly one <meta> ${key}`).toHaveLength(1);
  return values[0]!;
};

/** The RSS feeds a page offers (`<link rel="alternate">`), in order. */
const feedsOf = (head: Head): string[] =>
  head.links.filter((link) => link.rel === 'alternate' && link.type === 'application/rss+xml').map((link) => link.href!);

async function expectCard(root: string, site: string, head: Head): Promise<void> {
  const file = builtFile(root, site, one(head, 'og:image'));
  expect(existsSync(file), `${file} exists`).toBe(true);
  const { width, height, format } = await sharp(file).metadata();
  expect({ width, height, format }).toEqual({ width: Number(one(head, 'og:image:width')), height: Number(one(head, 'og:image:height')), format: 'png' });
  expect({ width, height }).toEqual({ width: 1200, height: 630 });
}

test('a chapter page tells link previews and search engines everything, with absolute URLs', async () => {
  const head = readHead('dist', 'stories/salt-and-ledger/the-lighthouse');
  const url = at(SITE, '/stories/salt-and-ledger/the-lighthouse/');
  const title = 'The Lighthouse — Salt and Ledger by Wren Halloway and M. Okafor';
  expect(head.title).toBe(title);
  expect(head.links.find((link) => link.rel === 'canonical')?.href).toBe(url);
  expect(one(head, 'description')).toBe('A keeper, a kettle, and a very poor liar.');
  expect(one(head, 'og:title')).toBe(title);
  expect(one(head, 'og:description')).toBe('A keeper, a kettle, and a very poor liar.');
  expect(one(head, 'og:url')).toBe(url);
  expect(one(head, 'og:type')).toBe('article');
  expect(one(head, 'og:site_name')).toBe('The Quire Sampler');
  expect(one(head, 'og:image')).toBe(at(SITE, '/stories/salt-and-ledger/card.png'));
  expect(one(head, 'og:image:alt')).toBe('Salt and Ledger by Wren Halloway and M. Okafor. Tidewater Chronicles, rated Teen and Up.');
  expect(one(head, 'article:published_time')).toBe('2024-03-16');
  expect(one(head, 'article:modified_time')).toBe('2024-03-20');
  expect(head.meta.get('article:author')).toEqual(['Wren Halloway', 'M. Okafor']);
  expect(head.meta.get('article:tag')).toEqual(expect.arrayContaining(['Tidewater Chronicles', 'slow burn', 'found family']));
  expect(one(head, 'twitter:card')).toBe('summary_large_image');
  await expectCard('dist', SITE, head);

  const feeds = feedsOf(head);
  expect(feeds).toEqual([at(SITE, '/stories/salt-and-ledger/feed.xml'), at(SITE, '/feed.xml')]);
  for (const feed of feeds) expect(existsSync(builtFile('dist', SITE, feed))).toBe(true);

  expect(head.jsonLd).toHaveLength(1);
  expect(head.jsonLd[0]).toMatchObject({
    '@context': 'https://schema.org',
    '@type': 'Chapter',
    name: 'The Lighthouse',
    url,
    position: 2,
    datePublished: '2024-03-16',
    isPartOf: { '@type': 'Book', name: 'Salt and Ledger', url: at(SITE, '/stories/salt-and-ledger/') },
  });
});

test('a one-shot is named by its story; a story page describes a Book with its chapters', async () => {
  expect(readHead('dist', 'stories/small-hours/small-hours').title).toBe('Small Hours by Juniper Vale');
  const head = readHead('dist', 'stories/salt-and-ledger');
  expect(head.title).toBe('Salt and Ledger by Wren Halloway and M. Okafor');
  expect(one(head, 'og:type')).toBe('article');
  expect(one(head, 'description')).toMatch(/^When the harbour’s books stop adding up, .{20,180}$/);
  expect(one(head, 'article:published_time')).toBe('2024-03-02');
  expect(one(head, 'article:modified_time')).toBe('2024-05-18');
  const book = head.jsonLd[0]!;
  expect(book).toMatchObject({ '@type': 'Book', name: 'Salt and Ledger', url: at(SITE, '/stories/salt-and-ledger/'), genre: ['Tidewater Chronicles'] });
  expect(book.hasPart).toHaveLength(5);
  expect(feedsOf(head)).toEqual([at(SITE, '/stories/salt-and-ledger/feed.xml'), at(SITE, '/feed.xml')]);
  await expectCard('dist', SITE, head);
});

test('the whole-work page is previewed as its story: title, story card, feeds, tags and the Book', async () => {
  const head = readHead('dist', 'stories/salt-and-ledger/all');
  expect(head.title).toBe('Salt and Ledger by Wren Halloway and M. Okafor (whole work)');
  expect(one(head, 'og:type')).toBe('article');
  expect(one(head, 'og:url')).toBe(at(SITE, '/stories/salt-and-ledger/all/'));
  expect(one(head, 'og:image')).toBe(at(SITE, '/stories/salt-and-ledger/card.png'));
  expect(head.meta.get('article:author')).toEqual(['Wren Halloway', 'M. Okafor']);
  expect(feedsOf(head)).toEqual([at(SITE, '/stories/salt-and-ledger/feed.xml'), at(SITE, '/feed.xml')]);
  expect(head.jsonLd[0]).toMatchObject({ '@type': 'WebPage', mainEntity: { '@type': 'Book', name: 'Salt and Ledger' } });
  await expectCard('dist', SITE, head);
});

test('the home page describes the WebSite, with the site card and feed', async () => {
  const head = readHead('dist', '');
  expect(head.title).toBe('The Quire Sampler');
  expect(one(head, 'og:type')).toBe('website');
  expect(one(head, 'og:url')).toBe(at(SITE, '/'));
  expect(head.meta.has('article:published_time')).toBe(false);
  expect(head.jsonLd[0]).toMatchObject({ '@type': 'WebSite', name: 'The Quire Sampler', url: at(SITE, '/') });
  expect(feedsOf(head)).toEqual([at(SITE, '/feed.xml')]);
  await expectCard('dist', SITE, head);
});

test('hostile titles stay inside the JSON-LD block and the meta tags', () => {
  const head = readHead('dist-fixtures', 'stories/hostile/attacks');
  const storyTitle = '</title><script>window.__pwned = "title"</script> *Hostile*';
  expect(head.title.startsWith(`Attacks — ${storyTitle} by <img`)).toBe(true);
  expect(one(head, 'og:title')).toBe(head.title);
  expect(head.jsonLd[0]).toMatchObject({ isPartOf: { name: storyTitle } });
  const html = readFileSync('dist-fixtures/stories/hostile/attacks/index.html', 'utf8');
  const block = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!;
  expect(block).not.toMatch(/[<>]/);
});

test('the JSON-LD block passes the Content Security Policy on a hostile page', async ({ page }) => {
  // The shared fixture fails the test on any CSP violation or console error.
  await page.goto(fixtureUrl('/stories/hostile/attacks/'));
  const names = await page.locator('script[type="application/ld+json"]').evaluateAll((scripts) =>
    scripts.map((script) => (JSON.parse(script.textContent ?? '') as { name: string }).name),
  );
  expect(names).toEqual(['Attacks']);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
});

test('a story with a cover serves it as responsive AVIF and WebP, in the sizes it says', async ({ page }) => {
  await page.goto('/stories/salt-and-ledger/');
  const sources = await page.locator('picture source').evaluateAll((elements) =>
    elements.map((source) => ({ type: source.getAttribute('type'), srcset: source.getAttribute('srcset') ?? '' })),
  );
  expect(sources.map((source) => source.type)).toEqual(['image/avif', 'image/webp']);
  for (const { type, srcset } of sources) {
    for (const candidate of srcset.split(', ')) {
      const [url, descriptor] = candidate.split(' ');
      const { width, format } = await sharp(path.join('dist', url!)).metadata();
      expect(`${width}w`).toBe(descriptor);
      expect(`image/${format === 'heif' ? 'avif' : format}`).toBe(type);
    }
  }
  const cover = page.locator('picture img.cover');
  await expect(cover).toHaveAttribute('width', '600');
  await expect(cover).toHaveAttribute('height', '900');
  // The browser picked a modern format, and it loaded.
  await expect.poll(() => cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0 && img.currentSrc)).toMatch(/cover-\d+\.(avif|webp)$/);
});

interface FeedItem {
  title: string;
  link: string;
  guid: string;
  pubDate: string;
  description: string;
}

/** A feed (a path on the sample site, or a URL) parsed by the browser's XML parser, which reports any well-formedness error. */
async function readFeed(page: Page, url: string) {
  await page.goto(url.startsWith('http') ? new URL('/', url).href : '/');
  return page.evaluate(async (feedUrl) => {
    const text = await (await fetch(feedUrl)).text();
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const error = doc.querySelector('parsererror')?.textContent ?? null;
    const child = (parent: Element | null, name: string) => parent?.getElementsByTagName(name)[0]?.textContent ?? '';
    const channel = doc.querySelector('rss > channel');
    return {
      error,
      version: doc.documentElement.getAttribute('version'),
      scripts: doc.getElementsByTagName('script').length,
      channel: { title: child(channel, 'title'), link: child(channel, 'link'), description: child(channel, 'description') },
      items: [...doc.querySelectorAll('channel > item')].map((item) => ({
        title: child(item, 'title'),
        link: child(item, 'link'),
        guid: child(item, 'guid'),
        pubDate: child(item, 'pubDate'),
        description: child(item, 'description'),
      })),
    };
  }, url);
}

function expectValidItems(items: FeedItem[], root: string, site: string): void {
  expect(items.length).toBeGreaterThan(0);
  for (const item of items) {
    expect(item.title).not.toBe('');
    expect(item.guid).toBe(item.link);
    expect(existsSync(builtFile(root, site, item.link)), `${item.link} is a built page`).toBe(true);
    expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false);
  }
  const dates = items.map((item) => Date.parse(item.pubDate));
  expect(dates, 'newest first').toEqual([...dates].sort((a, b) => b - a));
}

test('the site feed lists every new chapter, newest first, as well-formed RSS', async ({ page }) => {
  const feed = await readFeed(page, '/feed.xml');
  expect(feed.error).toBeNull();
  expect(feed.version).toBe('2.0');
  expect(feed.channel).toEqual({ title: 'The Quire Sampler', link: at(SITE, '/'), description: expect.stringContaining('original stories') });
  expect(feed.items).toHaveLength(8);
  expectValidItems(feed.items, 'dist', SITE);
  expect(feed.items[0]).toMatchObject({
    title: 'La farine — La Boulangère de minuit by Camille Dufresne',
    link: at(SITE, '/stories/la-boulangere-de-minuit/la-farine/'),
  });
});

test('a story feed lists its chapters, newest first', async ({ page }) => {
  const feed = await readFeed(page, '/stories/salt-and-ledger/feed.xml');
  expect(feed.error).toBeNull();
  expect(feed.channel.title).toBe('Salt and Ledger by Wren Halloway and M. Okafor');
  expect(feed.items.map((item) => item.title.split(' — ')[0])).toEqual(['Balanced', 'Storm Warning', 'A List of Reasons', 'The Lighthouse', 'The Missing Salt']);
  expectValidItems(feed.items, 'dist', SITE);
});

test('feeds escape hostile titles and leave drafts out', async ({ page }) => {
  const feed = await readFeed(page, fixtureUrl('/feed.xml'));
  expect(feed.error).toBeNull();
  expect(feed.scripts).toBe(0);
  expectValidItems(feed.items, 'dist-fixtures', FIXTURES_SITE);
  const attacks = feed.items.find((item) => item.link.endsWith('/stories/hostile/attacks/'))!;
  expect(attacks.title).toBe('Attacks — </title><script>window.__pwned = "title"</script> *Hostile* by <img src=x onerror="window.__pwned=1">');
  expect(feed.items.some((item) => item.link.includes('draft'))).toBe(false);
  expect(existsSync('dist-fixtures/stories/draft-story')).toBe(false);
});

/** `<loc>`s of a sitemap file. */
const locations = (file: string): string[] => [...readFileSync(file, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);

for (const [root, site] of [
  ['dist', SITE],
  ['dist-fixtures', FIXTURES_SITE],
] as const) {
  test(`robots.txt points to a sitemap of every page, with absolute URLs (${root})`, () => {
    const robots = readFileSync(path.join(root, 'robots.txt'), 'utf8');
    expect(robots).toContain(`Sitemap: ${at(site, '/sitemap-index.xml')}\n`);
    const sitemaps = locations(path.join(root, 'sitemap-index.xml'));
    expect(sitemaps.length).toBeGreaterThan(0);
    const pages = sitemaps.flatMap((sitemap) => locations(builtFile(root, site, sitemap)));
    for (const page of pages) expect(existsSync(builtFile(root, site, page)), `${page} is a built page`).toBe(true);
    expect(pages).toContain(at(site, '/'));
    expect(pages.some((page) => page.includes('draft'))).toBe(false);
    expect(pages.some((page) => /\.(xml|png|txt)$|404/.test(page))).toBe(false);
  });
}
