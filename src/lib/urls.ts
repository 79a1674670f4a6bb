/** The one place every site URL is built. Paths always end in `/` for pages. */

export const homeUrl = (): string => '/';

export const storyUrl = (story: string): string => `/stories/${story}/`;

export const chapterUrl = (story: string, chapter: string): string =>
  `/stories/${story}/${chapter}/`;

/** Where a file inside a story folder (an image in the text, a cover) is published. */
export const storyFileUrl = (story: string, file: string): string =>
  `/stories/${story}/files/${file.split('/').map(encodeURIComponent).join('/')}`;

/** The search page; the header's search form sends the query as `q`. */
export const searchUrl = (): string => '/search/';

/** Where the search index (Pagefind) is published; the search page loads `pagefind.js` from it. */
export const searchIndexUrl = (): string => '/pagefind/';

/** Paragraph ids in chapter text: `p-1`, `p-2`, ... in document order. */
export const paragraphId = (n: number): string => `p-${n}`;

/** An absolute URL on the deployed site, for canonical links and previews. */
export const absoluteUrl = (siteUrl: string, path: string): string =>
  new URL(path, siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href;
