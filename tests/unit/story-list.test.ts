import { describe, expect, it } from 'vitest';
import {
  compareStories,
  foldText,
  isPlainList,
  listedStory,
  listRow,
  listText,
  listStateQuery,
  matchesFilters,
  parseListState,
  parseResultsPage,
  shownCount,
  storyCount,
  type ListedStory,
} from '../../src/lib/story-list';

const listed = (position: number, fields: Partial<ListedStory>): ListedStory => ({
  position,
  title: `Story ${position}`,
  updated: '2024-01-01',
  published: '2024-01-01',
  words: 100,
  rating: 'general',
  fandoms: [],
  text: '',
  ...fields,
});

// In the server's order: newest update first.
const stories = [
  listed(0, { title: 'Zebra', updated: '2025-03-01', published: '2024-01-01', words: 50, rating: 'teen', fandoms: ['tides'], text: 'Zebra Café crossing' }),
  listed(1, { title: 'apple', updated: '2025-02-01', published: '2025-02-01', words: 900, fandoms: ['tides', 'stars'], text: 'apple orchard' }),
  listed(2, { title: 'Story 10', updated: '2025-02-01', published: '2023-05-05', words: 900, text: 'ليلى في المدينة' }),
  listed(3, { title: 'Story 9', updated: '2020-01-01', published: '2020-01-01', words: 10, text: '' }),
];
const order = (sort: Parameters<typeof compareStories>[0]): string[] => [...stories].sort(compareStories(sort)).map((s) => s.title);
const shown = (query: string): string[] => stories.filter((s) => matchesFilters(s, parseListState(query))).map((s) => s.title);

describe('home list state', () => {
  it('reads the address, ignoring unknown sorts, and writes only what differs from the default', () => {
    expect(parseListState('')).toEqual({ sort: 'updated', rating: '', fandom: '', text: '' });
    expect(parseListState('?sort=words&rating=teen&fandom=ليلى&q=salt+cod')).toEqual({ sort: 'words', rating: 'teen', fandom: 'ليلى', text: 'salt cod' });
    expect(parseListState('?sort=toString').sort).toBe('updated');
    expect(listStateQuery(parseListState('?sort=updated&q=%20%20'))).toBe('');
    expect(listStateQuery({ sort: 'title', rating: '', fandom: 'a-b', text: ' salt ' })).toBe('?sort=title&fandom=a-b&q=salt');
  });

  it('keeps the page of a sorted or filtered list in the query, and only there', () => {
    const sorted = parseListState('?sort=words');
    expect(listStateQuery(sorted, 3)).toBe('?sort=words&page=3');
    expect(listStateQuery(sorted, 1)).toBe('?sort=words');
    // The plain list's pages have addresses of their own.
    expect(listStateQuery(parseListState(''), 3)).toBe('');
    expect(isPlainList(parseListState('?page=2'))).toBe(true);
    expect(isPlainList(sorted)).toBe(false);
    for (const [query, page] of [['?page=3', 3], ['?page=0', 1], ['?page=-2', 1], ['?page=2.5', 1], ['?page=x', 1], ['', 1]] as const) {
      expect(parseResultsPage(query), query).toBe(page);
    }
  });

  it('keeps a story in a listing index row, fandoms as slugs, and its card’s words apart, folded', () => {
    const story = {
      title: { html: '<em>Salt</em>', text: 'Salt' },
      authors: ['Wren'],
      fandoms: ['Tidewater', 'Unknown'],
      rating: 'teen' as const,
      status: 'in-progress' as const,
      warnings: [],
      relationships: ['Isolde/Tobias'],
      characters: ['Quill'],
      tags: ['Slow Burn'],
      summaryText: 'A ledger, a café.',
      updated: '2024-05-01',
      published: '2024-01-01',
      words: 1200,
    };
    const row = listRow(story, (fandom) => (fandom === 'Tidewater' ? 'tidewater' : undefined));
    expect(row).toEqual(['Salt', '2024-05-01', '2024-01-01', 1200, 'teen', ['tidewater']]);
    const text = listText(story);
    expect(text).toBe('salt wren tidewater unknown teen and up in progress isolde/tobias quill slow burn a ledger, a cafe.');
    // Without its words a row passes no text filter but any other.
    expect(matchesFilters(listedStory(row, 7), { ...parseListState(''), text: 'quill' })).toBe(false);
    expect(matchesFilters(listedStory(row, 7), { ...parseListState(''), rating: 'teen' })).toBe(true);
    const listedRow = listedStory(row, 7, text);
    expect(listedRow).toMatchObject({ position: 7, title: 'Salt', words: 1200, fandoms: ['tidewater'] });
    expect(matchesFilters(listedRow, { ...parseListState(''), text: 'CAFÉ quill' })).toBe(true);
    expect(matchesFilters(listedRow, { ...parseListState(''), fandom: 'unknown' })).toBe(false);
  });

  it('sorts by each key, ties keeping the server order', () => {
    expect(order('updated')).toEqual(['Zebra', 'apple', 'Story 10', 'Story 9']);
    expect(order('published')).toEqual(['apple', 'Zebra', 'Story 10', 'Story 9']);
    expect(order('words')).toEqual(['apple', 'Story 10', 'Zebra', 'Story 9']);
    expect(order('title')).toEqual(['apple', 'Story 9', 'Story 10', 'Zebra']);
  });

  it('filters by rating, fandom and every word of the text, ignoring case and accents', () => {
    expect(shown('?rating=teen')).toEqual(['Zebra']);
    expect(shown('?fandom=tides')).toEqual(['Zebra', 'apple']);
    expect(shown('?fandom=stars&rating=teen')).toEqual([]);
    expect(shown('?q=CAFE  zebra')).toEqual(['Zebra']);
    expect(shown('?q=zebra+orchard')).toEqual([]);
    expect(shown('?q=ليلى')).toEqual(['Story 10']);
    expect(shown('?q=')).toHaveLength(4);
    expect(foldText('  Ça  Va\n')).toBe('ca va');
  });

  it('says how many stories are shown', () => {
    expect(shownCount(3, 3)).toBe('3 stories');
    expect(shownCount(1, 1)).toBe('1 story');
    expect(shownCount(1, 3)).toBe('1 of 3 stories');
    expect(shownCount(0, 3)).toBe('No stories match (3 in all)');
    expect(storyCount(1200)).toBe('1,200 stories');
  });
});
