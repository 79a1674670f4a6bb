/** The one place every site URL is built. Paths always end in `/` for pages. */

export const homeUrl = (): string => '/';

export const storyUrl = (story: string): string => `/stories/${story}/`;

export const chapterUrl = (story: string, chapter: string): string =>
  `/stories/${story}/${chapter}/`;

/** Where a file inside a story folder (an image in the text, a cover) is published. */
export const storyFileUrl = (story: string, file: string): string =>
  `/stories/${story}/files/${file.split('/').map(encodeURIComponent).join('/')}`;

/** The story as an EPUB e-book, and as one self-contained HTML file (downloads built with the site). */
export const epubUrl = (story: string): string => `/stories/${story}/${story}.epub`;

export const htmlDownloadUrl = (story: string): string => `/stories/${story}/${story}.html`;

/** Paragraph ids in chapter text: `p-1`, `p-2`, ... in document order. */
export const paragraphId = (n: number): string => `p-${n}`;

/** An absolute URL on the deployed site, for canonical links and previews. */
export const absoluteUrl = (siteUrl: string, path: string): string =>
  new URL(path, siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href;
