import { describe, expect, it } from 'vitest';
import {
  chapterMeta,
  homeMeta,
  jsonLdText,
  pageMeta,
  plainDescription,
  storyMeta,
  wholeWorkMeta,
  type ChapterInfo,
  type SiteInfo,
  type StoryInfo,
} from '../../src/lib/meta';

const site: SiteInfo = {
  title: { text: 'The Archive' },
  description: 'Stories about the sea.',
  language: 'en',
  url: 'https://stories.example.org',
};

const story: StoryInfo = {
  slug: 'salt',
  title: { text: 'Salt and Ledger' },
  authors: ['Wren', 'Okafor'],
  fandoms: ['Tidewater'],
  rating: 'teen',
  relationships: ['Isolde/Tobias'],
  characters: ['Isolde'],
  tags: ['slow burn', 'Tidewater'],
  language: 'en',
  status: 'complete',
  published: '2024-03-02',
  updated: '2024-05-18',
  summaryText: 'The books stop adding up.',
};

const chapter = (position: number, summary?: string): ChapterInfo => ({
  slug: `chapter-${position}`,
  position,
  title: { text: `Chapter ${position}` },
  published: '2024-03-16',
  updated: '2024-03-20',
  summary: summary === undefined ? undefined : { text: summary },
});

describe('meta descriptions', () => {
  it('keeps short text, in one line', () => {
    expect(plainDescription('  A keeper,\n  a kettle. ')).toBe('A keeper, a kettle.');
  });

  it('cuts long text at a word boundary, with an ellipsis, within the limit', () => {
    const text = `${'word '.repeat(60)}end`;
    const cut = plainDescription(text, 200);
    expect([...cut].length).toBeLessThanOrEqual(200);
    expect(cut).toMatch(/^(word )+word…$/);
  });

  it('drops punctuation left hanging before the ellipsis', () => {
    expect(plainDescription('one two, three four', 10)).toBe('one two…');
  });

  it('cuts a text without spaces where it must, counting characters, not UTF-16 units', () => {
    const cut = plainDescription('😀'.repeat(300), 200);
    expect([...cut]).toHaveLength(200);
    expect(cut.endsWith('😀…')).toBe(true);
  });
});

describe('page metadata', () => {
  it('names a chapter "Chapter — Story by Authors", from its summary, with absolute URLs', () => {
    const meta = chapterMeta(site, story, chapter(2, 'A keeper, a kettle.'), 5);
    expect(meta.title).toBe('Chapter 2 — Salt and Ledger by Wren and Okafor');
    expect(meta.description).toBe('A keeper, a kettle.');
    expect(meta.canonical).toBe('https://stories.example.org/stories/salt/chapter-2/');
    expect(meta.type).toBe('article');
    expect(meta.image).toEqual({
      url: 'https://stories.example.org/stories/salt/card.png',
      width: 1200,
      height: 630,
      alt: 'Salt and Ledger by Wren and Okafor. Tidewater, rated Teen and Up.',
    });
    expect(meta.article).toEqual({
      published: '2024-03-16',
      modified: '2024-03-20',
      authors: ['Wren', 'Okafor'],
      tags: ['Tidewater', 'Isolde/Tobias', 'Isolde', 'slow burn'],
    });
    expect(meta.feeds.map((feed) => feed.url)).toEqual([
      'https://stories.example.org/stories/salt/feed.xml',
      'https://stories.example.org/feed.xml',
    ]);
  });

  it('describes a chapter without a summary by its story, then by the site', () => {
    expect(chapterMeta(site, story, chapter(1), 5).description).toBe('The books stop adding up.');
    expect(chapterMeta(site, { ...story, summaryText: '' }, chapter(1), 5).description).toBe('Stories about the sea.');
  });

  it('names a one-shot by its story alone', () => {
    expect(chapterMeta(site, story, chapter(1), 1).title).toBe('Salt and Ledger by Wren and Okafor');
  });

  it('describes a chapter as a schema.org Chapter that is part of the story, a Book', () => {
    const ld = chapterMeta(site, story, chapter(2, 'Summary.'), 5).jsonLd;
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Chapter',
      name: 'Chapter 2',
      position: 2,
      url: 'https://stories.example.org/stories/salt/chapter-2/',
      datePublished: '2024-03-16',
      author: [{ '@type': 'Person', name: 'Wren' }, { '@type': 'Person', name: 'Okafor' }],
    });
    expect(ld.isPartOf).toEqual({ '@type': 'Book', name: 'Salt and Ledger', url: 'https://stories.example.org/stories/salt/' });
  });

  it('names a story "Story by Authors" and lists its chapters as parts', () => {
    const meta = storyMeta(site, story, [chapter(1), chapter(2)]);
    expect(meta.title).toBe('Salt and Ledger by Wren and Okafor');
    expect(meta.article?.published).toBe('2024-03-02');
    expect(meta.jsonLd).toMatchObject({ '@type': 'Book', genre: ['Tidewater'], contentRating: 'Teen and Up' });
    expect((meta.jsonLd.hasPart as { url: string }[]).map((part) => part.url)).toEqual([
      'https://stories.example.org/stories/salt/chapter-1/',
      'https://stories.example.org/stories/salt/chapter-2/',
    ]);
  });

  it('names the whole-work page after its story, with the story card, feed and tags, and the Book as its main entity', () => {
    const meta = wholeWorkMeta(site, story, [chapter(1), chapter(2)]);
    expect(meta.title).toBe('Salt and Ledger by Wren and Okafor (whole work)');
    expect(meta.canonical).toBe('https://stories.example.org/stories/salt/all/');
    expect(meta.type).toBe('article');
    expect(meta.image.url).toBe('https://stories.example.org/stories/salt/card.png');
    expect(meta.feeds[0]?.url).toBe('https://stories.example.org/stories/salt/feed.xml');
    expect(meta.article).toMatchObject({ published: '2024-03-02', modified: '2024-05-18', authors: ['Wren', 'Okafor'] });
    expect(meta.article?.tags).toContain('slow burn');
    expect(meta.jsonLd).toMatchObject({
      '@type': 'WebPage',
      url: 'https://stories.example.org/stories/salt/all/',
      mainEntity: { '@type': 'Book', name: 'Salt and Ledger', url: 'https://stories.example.org/stories/salt/' },
    });
    expect((meta.jsonLd.mainEntity as { hasPart: unknown[] }).hasPart).toHaveLength(2);
  });

  it('describes the home page as the WebSite, with the site card and feed', () => {
    const meta = homeMeta(site);
    expect(meta.title).toBe('The Archive');
    expect(meta.canonical).toBe('https://stories.example.org/');
    expect(meta.type).toBe('website');
    expect(meta.article).toBeUndefined();
    expect(meta.image.url).toBe('https://stories.example.org/card.png');
    expect(meta.jsonLd).toMatchObject({ '@type': 'WebSite', name: 'The Archive', url: 'https://stories.example.org/' });
  });

  it('appends the site title to other pages', () => {
    expect(pageMeta(site, '/404.html', 'Page not found').title).toBe('Page not found · The Archive');
  });
});

describe('JSON-LD text', () => {
  it('cannot close its script element or open a comment, and reads back as the same data', () => {
    const data = { name: '</script><script>alert(1)</script> <!-- & \u2028\u2029' };
    const text = jsonLdText(data);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(data);
  });
});
