import { describe, expect, it } from 'vitest';
import { findPassage, readSearchParams, searchParams, type LocatedResult } from '../../src/lib/search';

const marked = (passage: ReturnType<typeof findPassage>) => passage.parts.filter((p) => p.match).map((p) => p.text);
const text = (passage: ReturnType<typeof findPassage>) => passage.parts.map((p) => p.text).join('');

/** A text's words as a page gives them, each with the space after it. */
const spaced = (words: string) => words.split(' ').map((word, i, all) => (i < all.length - 1 ? `${word} ` : word));
/** Words w0 … w(n-1), so positions are easy to read in the expectations. */
const numbered = (n: number) => spaced(Array.from({ length: n }, (_, i) => `w${i}`).join(' '));

describe('search request in the URL', () => {
  it('reads the query and every value of each filter', () => {
    const request = readSearchParams(new URLSearchParams('q=+salt+&fandom=A&fandom=B%2C+C&rating=Mature&other=x'));
    expect(request).toEqual({ query: 'salt', filters: { fandom: ['A', 'B, C'], rating: ['Mature'] } });
  });

  it('writes it back the way the form submits it, leaving out what is empty', () => {
    expect(searchParams({ query: 'the sea', filters: { fandom: ['A & B'], rating: [] } }).toString()).toBe('q=the+sea&fandom=A+%26+B');
    expect(searchParams({ query: '', filters: { fandom: [], rating: [] } }).toString()).toBe('');
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
    const result: LocatedResult = { words: numbered(100), matches: [60], anchors };
    expect(findPassage(result).anchor).toBe('p-2');
    expect(findPassage({ ...result, matches: [10] }).anchor).toBe('p-1');
    expect(findPassage({ ...result, matches: [3] }).anchor).toBe('chapter-notes');
  });

  it('chooses the stretch with the most matches, and centres it', () => {
    // One match at 20 against two close together at 85 and 88.
    const result: LocatedResult = { words: numbered(200), matches: [20, 85, 88], anchors };
    const passage = findPassage(result, 10);
    expect(passage.anchor).toBe('p-3');
    expect(marked(passage)).toEqual(['w85', 'w88']);
    expect(text(passage)).toBe('… w82 w83 w84 w85 w86 w87 w88 w89 w90 w91 …');
  });

  it('stays within the text at its start and end, without ellipses there', () => {
    const result: LocatedResult = { words: numbered(12), matches: [1], anchors: [] };
    expect(text(findPassage(result, 5))).toBe('w0 w1 w2 w3 w4 …');
    expect(text(findPassage({ ...result, matches: [11] }, 5))).toBe('… w7 w8 w9 w10 w11');
    expect(text(findPassage(result, 50))).toBe(numbered(12).join(''));
  });

  it('marks the matched word without its punctuation', () => {
    const result: LocatedResult = { words: spaced('“One of them was mostly sand.” He — smiled'), matches: [4, 5, 7], anchors: [] };
    const passage = findPassage(result);
    expect(marked(passage)).toEqual(['mostly', 'sand', '—']);
    expect(text(passage)).toBe(result.words.join(''));
  });

  it('joins the words of languages written without spaces without adding any', () => {
    const result: LocatedResult = { words: [...'今日は晴れ。明日は雨'], matches: [3, 4], anchors: [] };
    const passage = findPassage(result, 6);
    expect(marked(passage)).toEqual(['晴れ']);
    expect(text(passage)).toBe('…日は晴れ。明…');
  });

  it('without a match in the text (a filter or title match), shows the opening and links to the page', () => {
    const passage = findPassage({ words: numbered(40), matches: [], anchors }, 5);
    expect(passage.anchor).toBeUndefined();
    expect(text(passage)).toBe('w0 w1 w2 w3 w4 …');
  });
});
