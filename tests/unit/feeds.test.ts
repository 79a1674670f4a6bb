import { getRssString } from '@astrojs/rss';
import { describe, expect, it } from 'vitest';
import { SITE_FEED_LENGTH, siteFeed, storyFeed, type FeedChapter, type FeedStory } from '../../src/lib/feeds';
import type { SiteInfo } from '../../src/lib/meta';

const site: SiteInfo = { title: { text: 'The Archive' }, description: '', language: 'en', url: 'https://stories.example.org' };

const story = (slug: string, title: string, draft = false): FeedStory => ({
  slug,
  title: { text: title },
  authors: ['Wren'],
  fandoms: ['Tidewater'],
  rating: 'general',
  relationships: [],
  characters: [],
  tags: ['storms'],
  language: 'en',
  status: 'in-progress',
  published: '2024-01-01',
  updated: '2024-06-01',
  summaryText: `${title}, in short.`,
  draft,
});

const chapter = (position: number, published: string, draft = false): FeedChapter => ({
  slug: `chapter-${position}`,
  position,
  title: { text: `Chapter ${position}` },
  published,
  updated: published,
  draft,
});

describe('feeds', () => {
  const stories = [story('salt', 'Salt'), story('tide', 'Tide'), story('secret', 'Secret', true)];
  const chapters = new Map([
    ['salt', [chapter(1, '2024-01-01'), chapter(2, '2024-03-01'), chapter(3, '2024-05-01', true)]],
    ['tide', [chapter(1, '2024-02-01'), chapter(2, '2024-03-01')]],
    ['secret', [chapter(1, '2024-12-01')]],
  ]);

  it('lists the site’s published chapters newest first, with absolute links, without drafts', () => {
    const feed = siteFeed(site, stories, chapters);
    expect(feed.items).toBeInstanceOf(Array);
    const items = feed.items as { link: string; pubDate: Date; title: string }[];
    expect(items.map((item) => item.link.replace('https://stories.example.org', ''))).toEqual([
      '/stories/salt/chapter-2/',
      '/stories/tide/chapter-2/',
      '/stories/tide/chapter-1/',
      '/stories/salt/chapter-1/',
    ]);
    expect(items[0]!.pubDate.toISOString()).toBe('2024-03-01T00:00:00.000Z');
    expect(items[0]!.title).toBe('Chapter 2 — Salt by Wren');
    expect(feed.description).toBe('New chapters on The Archive');
  });

  it('keeps the site feed to the newest chapters', () => {
    const many = new Map([['salt', Array.from({ length: SITE_FEED_LENGTH + 10 }, (_, i) => chapter(i + 1, '2024-01-01'))]]);
    expect(siteFeed(site, [story('salt', 'Salt')], many).items).toHaveLength(SITE_FEED_LENGTH);
  });

  it('lists every published chapter of a story, newest first', () => {
    const feed = storyFeed(site, stories[0]!, chapters.get('salt')!);
    expect(feed.title).toBe('Salt by Wren');
    expect((feed.items as { link: string }[]).map((item) => item.link)).toEqual([
      'https://stories.example.org/stories/salt/chapter-2/',
      'https://stories.example.org/stories/salt/chapter-1/',
    ]);
  });

  it('escapes hostile titles and author names in the XML', async () => {
    const hostile = { ...story('x', '</title><script>alert(1)</script> & co'), authors: ['<b>Wren</b> & "Co"'] };
    const xml = await getRssString(storyFeed(site, hostile, [chapter(1, '2024-01-01')]));
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('<b>');
    expect(xml).toContain('&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    expect(xml).toContain('<dc:creator>&lt;b&gt;Wren&lt;/b&gt; &amp; &quot;Co&quot;</dc:creator>');
    expect(xml).toContain('<atom:link href="https://stories.example.org/stories/x/feed.xml" rel="self" type="application/rss+xml"/>');
  });
});
