/** The one place every site URL is built. Paths always end in `/` for pages. */

export const homeUrl = (): string => '/';

export const storyUrl = (story: string): string => `/stories/${story}/`;

export const chapterUrl = (story: string, chapter: string): string =>
  `/stories/${story}/${chapter}/`;

/** The whole work on one page, also its print view (the contract reserves the chapter slug `all` for it). */
export const wholeWorkUrl = (story: string): string => `/stories/${story}/all/`;

/** Where a file inside a story folder (an image in the text, a cover) is published. */
export const storyFileUrl = (story: string, file: string): string =>
  `/stories/${story}/files/${file.split('/').map(encodeURIComponent).join('/')}`;

/** The reading settings page, where the "Aa" button of a work's pages loads its panel from. */
export const readingSettingsUrl = (): string => '/reading-settings/';

/** The search page; the header's search form sends the query as `q`. */
export const searchUrl = (): string => '/search/';

/** Where the search index is published (its files: src/lib/search-index-format.ts). */
export const searchIndexUrl = (): string => '/search-index/';
/** The story as an EPUB e-book, and as one self-contained HTML file (downloads built with the site). */
export const epubUrl = (story: string): string => `/stories/${story}/${story}.epub`;

export const htmlDownloadUrl = (story: string): string => `/stories/${story}/${story}.html`;
export const PARAGRAPH_ID_PREFIX = 'p-';

/** Paragraph ids in chapter text: `p-1`, `p-2`, ... in document order. */
export const paragraphId = (n: number): string => `${PARAGRAPH_ID_PREFIX}${n}`;

/** The paragraph number of a paragraph id (`p-12` → 12), if it is one. */
export function paragraphNumber(id: string): number | undefined {
  if (!id.startsWith(PARAGRAPH_ID_PREFIX)) return undefined;
  const n = Number(id.slice(PARAGRAPH_ID_PREFIX.length));
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/**
 * The element id an address's fragment names (`#p-12` → `p-12`), decoded as the browser decodes
 * it; a malformed escape (`#%E0%A4%A`) is taken as written rather than thrown.
 */
export function fragmentId(hash: string): string {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/** An absolute URL on the deployed site, for canonical links and previews. */
export const absoluteUrl = (siteUrl: string, path: string): string =>
  new URL(path, siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href;

/** The site-wide feed of new chapters, and one story's. */
export const feedUrl = (): string => '/feed.xml';

export const storyFeedUrl = (story: string): string => `/stories/${story}/feed.xml`;

/** Link-preview images: the site's (home and other pages) and a story's (its pages and chapters). */
export const siteCardUrl = (): string => '/card.png';

export const storyCardUrl = (story: string): string => `/stories/${story}/card.png`;

/** A story's cover resized for the story page, e.g. `/stories/tale/cover-512.avif`. */
export const coverUrl = (story: string, width: number, format: string): string =>
  `/stories/${story}/cover-${width}.${format}`;

/** The sitemap index (scripts/sitemap.ts), for robots.txt. */
export const sitemapUrl = (): string => '/sitemap-index.xml';

/** The browse sections: stories listed by each value of a story field (see src/lib/taxonomies.ts). */
export const BROWSE_KINDS = ['fandoms', 'authors', 'relationships', 'characters', 'tags', 'ratings', 'warnings'] as const;
export type BrowseKind = (typeof BROWSE_KINDS)[number];

/** The list of every value of one kind, with story counts: `/fandoms/`. */
export const browseIndexUrl = (kind: BrowseKind): string => `/${kind}/`;

/** The stories with one value: `/fandoms/<slug>/`, the slug from `slugsFor`. */
export const browseUrl = (kind: BrowseKind, slug: string): string => `/${kind}/${encodeURIComponent(slug)}/`;

/**
 * Page `page` of a listing (the home page, a browse page, a browse index) whose first page is at
 * `base`: page 1 is the listing's own address, later pages add `page/N/`, so the addresses people
 * shared keep working as a listing grows.
 */
export const listingPageUrl = (base: string, page: number): string => (page <= 1 ? base : `${base}page/${page}/`);

/**
 * Shard `shard` of the sort-and-filter index of the listing at `base` (`/lists/fandoms/<slug>/0.json`;
 * the home page's is `/lists/0.json`), kept apart from the pages so no page route can claim it; its
 * stories' words, for the text filter, are in `0-text.json`.
 */
export const listIndexUrl = (base: string, shard: number, part: 'rows' | 'text' = 'rows'): string =>
  `/lists${base}${shard}${part === 'text' ? '-text' : ''}.json`;

/** Letters that do not decompose into a Latin letter and an accent, spelt as they are usually written in ASCII. */
const LATIN_SPELLINGS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h' };
const LATIN_SPELT = new RegExp(`[${Object.keys(LATIN_SPELLINGS).join('')}]`, 'gu');
/** A path segment must fit in a file name (255 bytes on most file systems), with room for a suffix. */
const MAX_SLUG_BYTES = 120;
const bytes = (text: string): number => new TextEncoder().encode(text).length;

/**
 * The readable part of a name's slug: lower case, accents dropped from Latin letters only (é → e,
 * but Cyrillic й and Devanagari vowel signs are letters and stay), every other letter and digit
 * kept in any script (ليلى, 東京), anything else a hyphen. A name with no letters or digits at
 * all (🔥, ???) is spelt by its code points (u1f525), so it still gets a stable address.
 */
function baseSlug(name: string): string {
  const spelt = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .replace(LATIN_SPELT, (letter) => LATIN_SPELLINGS[letter]!)
    .replace(/['’ʼ]/gu, '')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .normalize('NFC');
  const slug = spelt || [...name.trim()].map((c) => `u${c.codePointAt(0)!.toString(16)}`).join('-');
  if (bytes(slug) <= MAX_SLUG_BYTES) return slug;
  let cut = '';
  for (const char of slug) {
    if (bytes(cut + char) > MAX_SLUG_BYTES) break;
    cut += char;
  }
  return cut.replace(/-+$/, '');
}

/**
 * The one way names (authors, fandoms, tags…) become URL slugs: each distinct name gets its own
 * slug, stable for the same set of names. Names that spell the same slug ("Slow Burn" and
 * "slow burn", "A/B" and "A-B") are never merged: the first in sorted order keeps the plain
 * slug and the others get `-2`, `-3`… (skipping any slug another name already has).
 */
export function slugsFor(names: Iterable<string>): Map<string, string> {
  const distinct = [...new Set(names)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const byBase = new Map<string, string[]>();
  for (const name of distinct) {
    const base = baseSlug(name);
    const sameBase = byBase.get(base);
    if (sameBase) sameBase.push(name);
    else byBase.set(base, [name]);
  }
  const taken = new Set(byBase.keys());
  const slugs = new Map<string, string>();
  for (const [base, [first, ...others]] of byBase) {
    slugs.set(first!, base);
    for (const name of others) {
      let n = 2;
      while (taken.has(`${base}-${n}`)) n++;
      taken.add(`${base}-${n}`);
      slugs.set(name, `${base}-${n}`);
    }
  }
  return slugs;
}
