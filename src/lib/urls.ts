/** The one place every site URL is built. Paths always end in `/` for pages. */

export const homeUrl = (): string => '/';

export const storyUrl = (story: string): string => `/stories/${story}/`;

export const chapterUrl = (story: string, chapter: string): string =>
  `/stories/${story}/${chapter}/`;

/** Where a file inside a story folder (an image in the text, a cover) is published. */
export const storyFileUrl = (story: string, file: string): string =>
  `/stories/${story}/files/${file.split('/').map(encodeURIComponent).join('/')}`;

/** Paragraph ids in chapter text: `p-1`, `p-2`, ... in document order. */
export const paragraphId = (n: number): string => `p-${n}`;

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

/** The sitemap index @astrojs/sitemap writes (its default name), for robots.txt. */
export const sitemapUrl = (): string => '/sitemap-index.xml';
