import type { RSSFeedItem, RSSOptions } from '@astrojs/rss';
import { escapeAttribute, escapeText } from './html';
import { byline, chapterMeta, plainDescription, type ChapterInfo, type SiteInfo, type StoryInfo } from './meta';
import { absoluteUrl, chapterUrl, feedUrl, storyFeedUrl } from './urls';

/** RSS feeds of new chapters: the site's and each story's, newest first. Drafts never appear. */

/** How many of the newest chapters the site-wide feed lists. */
export const SITE_FEED_LENGTH = 50;

export interface FeedStory extends StoryInfo {
  draft: boolean;
}

export interface FeedChapter extends ChapterInfo {
  draft: boolean;
}

interface Entry {
  story: FeedStory;
  chapter: FeedChapter;
  count: number;
}

/** Newest published first; chapters of one day by story, then the later chapter first. */
const byNewest = (a: Entry, b: Entry): number =>
  b.chapter.published.localeCompare(a.chapter.published) ||
  a.story.title.text.localeCompare(b.story.title.text) ||
  b.chapter.position - a.chapter.position;

function item(site: SiteInfo, { story, chapter, count }: Entry): RSSFeedItem {
  const link = absoluteUrl(site.url, chapterUrl(story.slug, chapter.slug));
  return {
    title: chapterMeta(site, story, chapter, count).title,
    link,
    pubDate: new Date(`${chapter.published}T00:00:00Z`),
    description: plainDescription(chapter.summary?.text || story.summaryText),
    categories: [...new Set([...story.fandoms, ...story.tags])],
    // RSS's <author> must be an e-mail address; Dublin Core's creator is a name.
    customData: story.authors.map((author) => `<dc:creator>${escapeText(author)}</dc:creator>`).join(''),
  };
}

/** The published chapters of published stories, each with its story and the story's chapter count. */
function entries(stories: readonly FeedStory[], chaptersByStory: ReadonlyMap<string, readonly FeedChapter[]>): Entry[] {
  return stories
    .filter((story) => !story.draft)
    .flatMap((story) => {
      const chapters = (chaptersByStory.get(story.slug) ?? []).filter((chapter) => !chapter.draft);
      return chapters.map((chapter) => ({ story, chapter, count: chapters.length }));
    })
    .sort(byNewest);
}

/** Channel fields every feed has; `self` is the feed's own path, as feed validators ask. */
const channel = (site: SiteInfo, self: string, language: string) => ({
  site: site.url,
  xmlns: { dc: 'http://purl.org/dc/elements/1.1/', atom: 'http://www.w3.org/2005/Atom' },
  customData:
    `<language>${escapeText(language)}</language>` +
    `<atom:link href="${escapeAttribute(absoluteUrl(site.url, self))}" rel="self" type="application/rss+xml"/>`,
  trailingSlash: true,
});

/** `/feed.xml`: the newest chapters of the whole site. */
export function siteFeed(
  site: SiteInfo,
  stories: readonly FeedStory[],
  chaptersByStory: ReadonlyMap<string, readonly FeedChapter[]>,
): RSSOptions {
  return {
    ...channel(site, feedUrl(), site.language),
    title: site.title.text,
    description: site.description || `New chapters on ${site.title.text}`,
    items: entries(stories, chaptersByStory)
      .slice(0, SITE_FEED_LENGTH)
      .map((entry) => item(site, entry)),
  };
}

/** `/stories/<story>/feed.xml`: every chapter of one story, newest first. */
export function storyFeed(site: SiteInfo, story: FeedStory, chapters: readonly FeedChapter[]): RSSOptions {
  return {
    ...channel(site, storyFeedUrl(story.slug), story.language),
    title: byline(story, site.language),
    description: plainDescription(story.summaryText) || `New chapters of ${story.title.text}`,
    items: entries([story], new Map([[story.slug, chapters]])).map((entry) => item(site, entry)),
  };
}
