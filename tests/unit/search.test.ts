import { describe, expect, it } from 'vitest';
import { findPassage, pagefindFilters, readSearchParams, searchParams, type LocatedResult } from '../../src/lib/search';

const hit = (location: number, balanced_score = 1) => ({ location, balanced_score });
const marked = (passage: ReturnType<typeof findPassage>) => passage.parts.filter((p) => p.match).map((p) => p.text);
const text = (passage: ReturnType<typeof findPassage>) => passage.parts.map((p) => p.text).join('');

/** Words w0 … w(n-1), so positions are easy to read in the expectations. */
const numbered = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');

describe('search request in the URL', () => {
  it('reads the query and every value of each filter', () => {
    const request = readSearchParams(new URLSearchParams('q=+salt+&fandom=A&fandom=B%2C+C&rating=Mature&other=x'));
    expect(request).toEqual({ query: 'salt', filters: { fandom: ['A', 'B, C'], rating: ['Mature'] } });
  });

  it('writes it back the way the form submits it, leaving out what is empty', () => {
    expect(searchParams({ query: 'the sea', filters: { fandom: ['A & B'], rating: [] } }).toString()).toBe('q=the+sea&fandom=A+%26+B');
    expect(searchParams({ query: '', filters: { fandom: [], rating: [] } }).toString()).toBe('');
  });

  it('turns checked values into Pagefind filters: any value within a filter, every filter that has one', () => {
    expect(pagefindFilters({ fandom: ['A', 'B'], rating: [] })).toEqual({ fandom: { any: ['A', 'B'] } });
    expect(pagefindFilters({ fandom: [], rating: [] })).toEqual({});
  });
});

describe('findPassage', () => {
  const anchors = [
    { id: 'chapter-notes', location: 0 },
    { id: 'chapter-text', location: 10 },
    { id: 'p-1', location: 10 },
    { id: 'p-2', location: 50 },
    { id: 'p-3', location: 80 },
  ];

  it('links to the paragraph the match is in, the innermost element starting there', () => {
    const result: LocatedResult = { content: numbered(100), weighted_locations: [hit(60)], anchors };
    expect(findPassage(result).anchor).toBe('p-2');
    expect(findPassage({ ...result, weighted_locations: [hit(10)] }).anchor).toBe('p-1');
    expect(findPassage({ ...result, weighted_locations: [hit(3)] }).anchor).toBe('chapter-notes');
  });

  it('chooses the stretch where the matches score highest, and centres it', () => {
    // One strong match at 20 against two weaker ones close together at 85 and 88.
    const result: LocatedResult = { content: numbered(200), weighted_locations: [hit(20, 1), hit(85, 0.8), hit(88, 0.8)], anchors };
    const passage = findPassage(result, 10);
    expect(passage.anchor).toBe('p-3');
    expect(marked(passage)).toEqual(['w85', 'w88']);
    expect(text(passage)).toBe('… w82 w83 w84 w85 w86 w87 w88 w89 w90 w91 …');
  });

  it('stays within the text at its start and end, without ellipses there', () => {
    const result: LocatedResult = { content: numbered(12), weighted_locations: [hit(1)], anchors: [] };
    expect(text(findPassage(result, 5))).toBe('w0 w1 w2 w3 w4 …');
    expect(text(findPassage({ ...result, weighted_locations: [hit(11)] }, 5))).toBe('… w7 w8 w9 w10 w11');
    expect(text(findPassage(result, 50))).toBe(numbered(12));
  });

  it('marks the matched word without its punctuation', () => {
    const result: LocatedResult = { content: '“One of them was mostly sand.” He — smiled', weighted_locations: [hit(4), hit(5), hit(7)], anchors: [] };
    const passage = findPassage(result);
    expect(marked(passage)).toEqual(['mostly', 'sand', '—']);
    expect(text(passage)).toBe(result.content);
  });

  it('counts words as Pagefind does: a zero-width no-break space is not a break', () => {
    const result: LocatedResult = { content: 'ab\uFEFFcd ef gh', weighted_locations: [hit(1)], anchors: [] };
    expect(marked(findPassage(result))).toEqual(['ef']);
  });

  it('uses the segmented text for languages written without spaces', () => {
    const result: LocatedResult = {
      content: '今日は晴れ',
      raw_content: '今日\u200Bは\u200B晴れ\u200B&lt;b&gt;',
      weighted_locations: [hit(2)],
      anchors: [],
    };
    const passage = findPassage(result);
    expect(marked(passage)).toEqual(['晴れ']);
    expect(text(passage)).toBe('今日は晴れ<b>');
  });

  it('without a match in the text (a title match), shows the opening and links to the page', () => {
    const passage = findPassage({ content: numbered(40), weighted_locations: [], anchors }, 5);
    expect(passage.anchor).toBeUndefined();
    expect(text(passage)).toBe('w0 w1 w2 w3 w4 …');
  });
});
