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

export const PARAGRAPH_ID_PREFIX = 'p-';

/** Paragraph ids in chapter text: `p-1`, `p-2`, ... in document order. */
export const paragraphId = (n: number): string => `${PARAGRAPH_ID_PREFIX}${n}`;

/** The paragraph number of a paragraph id (`p-12` → 12), if it is one. */
export function paragraphNumber(id: string): number | undefined {
  if (!id.startsWith(PARAGRAPH_ID_PREFIX)) return undefined;
  const n = Number(id.slice(PARAGRAPH_ID_PREFIX.length));
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** An absolute URL on the deployed site, for canonical links and previews. */
export const absoluteUrl = (siteUrl: string, path: string): string =>
  new URL(path, siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href;
