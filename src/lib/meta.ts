import type { ChapterEntry, SiteEntry, StoryEntry } from '../schemas';
import { joinNames, RATING_LABELS } from './stories';
import { absoluteUrl, chapterUrl, feedUrl, homeUrl, siteCardUrl, storyCardUrl, storyFeedUrl, storyUrl, wholeWorkUrl } from './urls';

/*
 * What a page tells link previews, feed readers and search engines: its <head> metadata, built
 * from the content as plain data so that it can be tested without rendering a page.
 */

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/** Longest meta description; previews cut longer ones anyway, mid-word. */
const DESCRIPTION_LENGTH = 200;

/** What metadata reads of the entries (src/schemas.ts), so tests can pass plain objects. */
export type SiteInfo = Pick<SiteEntry, 'description' | 'language' | 'url'> & { title: { text: string } };
export type StoryInfo = Pick<
  StoryEntry,
  'slug' | 'authors' | 'fandoms' | 'rating' | 'relationships' | 'characters' | 'tags' | 'language' | 'status' | 'published' | 'updated' | 'summaryText'
> & { title: { text: string } };
export type ChapterInfo = Pick<ChapterEntry, 'slug' | 'position' | 'published' | 'updated'> & {
  title: { text: string };
  summary?: { text: string } | undefined;
};

export interface PageMeta {
  title: string;
  /** Plain text, at most DESCRIPTION_LENGTH characters; empty when there is nothing to say. */
  description: string;
  canonical: string;
  siteName: string;
  type: 'website' | 'article';
  image: { url: string; width: number; height: number; alt: string };
  article?: { published: string; modified: string; authors: string[]; tags: string[] };
  /** RSS feeds offered on the page, most specific first. */
  feeds: { title: string; url: string }[];
  /** schema.org structured data. */
  jsonLd: Record<string, unknown>;
}

/** Plain text in one line, cut at a word boundary to at most `max` characters (ellipsis included). */
export function plainDescription(text: string, max = DESCRIPTION_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const characters = [...flat];
  if (characters.length <= max) return flat;
  const head = characters.slice(0, max).join('');
  const space = head.lastIndexOf(' ');
  // A single giant word is cut where it must be.
  const cut = space > max / 2 ? head.slice(0, space) : characters.slice(0, max - 1).join('');
  return `${cut.replace(/[\s,;:.\-–—]+$/u, '')}…`;
}

/** "Story by A and B": how a work is named in titles and previews. */
export const byline = (story: Pick<StoryInfo, 'title' | 'authors'>, locale: string): string =>
  `${story.title.text} by ${joinNames(story.authors, locale)}`;

/** What a story's card shows, as its alt text: title, authors, fandoms and rating. */
function storyCardAlt(story: StoryInfo, locale: string): string {
  const fandoms = story.fandoms.length > 0 ? `${joinNames(story.fandoms, locale)}, ` : '';
  return `${byline(story, locale)}. ${fandoms}rated ${RATING_LABELS[story.rating]}.`;
}

const person = (name: string) => ({ '@type': 'Person', name });

/** The site-wide feed, offered on every page. */
const siteFeed = (site: SiteInfo) => ({ title: site.title.text, url: absoluteUrl(site.url, feedUrl()) });

const siteImage = (site: SiteInfo): PageMeta['image'] => ({
  url: absoluteUrl(site.url, siteCardUrl()),
  width: CARD_WIDTH,
  height: CARD_HEIGHT,
  alt: site.title.text,
});

/** Home: the site as a schema.org WebSite. */
export function homeMeta(site: SiteInfo): PageMeta {
  const url = absoluteUrl(site.url, homeUrl());
  return {
    title: site.title.text,
    description: plainDescription(site.description),
    canonical: url,
    siteName: site.title.text,
    type: 'website',
    image: siteImage(site),
    feeds: [siteFeed(site)],
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'WebSite',
      name: site.title.text,
      url,
      inLanguage: site.language,
      ...(site.description && { description: plainDescription(site.description) }),
    },
  };
}

/** Any other page (lists, "not found"): "Title · Site". */
export function pageMeta(site: SiteInfo, path: string, title: string, description = ''): PageMeta {
  const url = absoluteUrl(site.url, path);
  const text = plainDescription(description || site.description);
  return {
    title: `${title} · ${site.title.text}`,
    description: text,
    canonical: url,
    siteName: site.title.text,
    type: 'website',
    image: siteImage(site),
    feeds: [siteFeed(site)],
    jsonLd: { '@context': 'https://schema.org', '@type': 'WebPage', name: title, url, inLanguage: site.language },
  };
}

/** What every page of a story shares: its card, feeds, dates, authors and tags. */
function storyParts(site: SiteInfo, story: StoryInfo) {
  const tags = [...new Set([...story.fandoms, ...story.relationships, ...story.characters, ...story.tags])];
  return {
    siteName: site.title.text,
    type: 'article' as const,
    image: {
      url: absoluteUrl(site.url, storyCardUrl(story.slug)),
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      alt: storyCardAlt(story, site.language),
    },
    feeds: [{ title: byline(story, site.language), url: absoluteUrl(site.url, storyFeedUrl(story.slug)) }, siteFeed(site)],
    tags,
  };
}

/** The story as a schema.org Book, with its chapters as parts. */
function bookJsonLd(site: SiteInfo, story: StoryInfo, image: string) {
  return {
    '@type': 'Book',
    name: story.title.text,
    url: absoluteUrl(site.url, storyUrl(story.slug)),
    author: story.authors.map(person),
    inLanguage: story.language,
    datePublished: story.published,
    dateModified: story.updated,
    image,
    ...(story.summaryText && { description: plainDescription(story.summaryText) }),
    ...(story.fandoms.length > 0 && { genre: story.fandoms }),
    ...(story.tags.length > 0 && { keywords: story.tags.join(', ') }),
    contentRating: RATING_LABELS[story.rating],
    creativeWorkStatus: story.status === 'complete' ? 'Complete' : 'In progress',
  };
}

/** A story's own page: "Story by Author". */
export function storyMeta(site: SiteInfo, story: StoryInfo, chapters: readonly ChapterInfo[]): PageMeta {
  const { tags, ...parts } = storyParts(site, story);
  const url = absoluteUrl(site.url, storyUrl(story.slug));
  return {
    ...parts,
    title: byline(story, site.language),
    description: plainDescription(story.summaryText || site.description),
    canonical: url,
    article: { published: story.published, modified: story.updated, authors: story.authors, tags },
    jsonLd: {
      '@context': 'https://schema.org',
      ...bookJsonLd(site, story, parts.image.url),
      hasPart: chapters.map((chapter) => ({
        '@type': 'Chapter',
        name: chapter.title.text,
        position: chapter.position,
        url: absoluteUrl(site.url, chapterUrl(story.slug, chapter.slug)),
      })),
    },
  };
}

/** The whole work on one page: the story page's metadata, titled "Story by Author (whole work)", a page whose main entity is the story. */
export function wholeWorkMeta(site: SiteInfo, story: StoryInfo, chapters: readonly ChapterInfo[]): PageMeta {
  const meta = storyMeta(site, story, chapters);
  const { '@context': context, ...book } = meta.jsonLd;
  const url = absoluteUrl(site.url, wholeWorkUrl(story.slug));
  const title = `${meta.title} (whole work)`;
  return {
    ...meta,
    title,
    canonical: url,
    jsonLd: { '@context': context, '@type': 'WebPage', name: title, url, inLanguage: story.language, mainEntity: book },
  };
}

/**
 * A chapter: "Chapter — Story by Author"; a one-shot's only chapter is named by its story alone
 * (its title is usually the default "Chapter 1").
 */
export function chapterMeta(site: SiteInfo, story: StoryInfo, chapter: ChapterInfo, count: number): PageMeta {
  const { tags, ...parts } = storyParts(site, story);
  const url = absoluteUrl(site.url, chapterUrl(story.slug, chapter.slug));
  const work = byline(story, site.language);
  return {
    ...parts,
    title: count === 1 ? work : `${chapter.title.text} — ${work}`,
    description: plainDescription(chapter.summary?.text || story.summaryText || site.description),
    canonical: url,
    article: { published: chapter.published, modified: chapter.updated, authors: story.authors, tags },
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'Chapter',
      name: chapter.title.text,
      url,
      position: chapter.position,
      author: story.authors.map(person),
      inLanguage: story.language,
      datePublished: chapter.published,
      dateModified: chapter.updated,
      image: parts.image.url,
      ...(chapter.summary?.text && { description: plainDescription(chapter.summary.text) }),
      // The story named and linked, not described again: its page describes it, and every chapter page carried its summary, tags and dates twice (0.3 KB gzipped).
      isPartOf: { '@type': 'Book', name: story.title.text, url: absoluteUrl(site.url, storyUrl(story.slug)) },
    },
  };
}

/**
 * JSON for a `<script type="application/ld+json">` block. `<`, `>` and `&` are written as JSON
 * escapes so that no title can close the script (`</script>`) or open a comment; the line and
 * paragraph separators, valid in JSON but not in older JavaScript, are escaped too.
 */
export const jsonLdText = (data: unknown): string =>
  JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
