/**
 * The words of full-text search, the same when the index is built (scripts/search-index.ts) and
 * when a reader searches (scripts/search-engine.ts), so a word finds itself in every language.
 *
 * - Words are runs of letters and digits (parted by `Intl.Segmenter` in Thai, Lao, Khmer and
 *   Burmese, written without spaces), so apostrophes part them too, lower-cased, with the accents of Latin, Greek and Cyrillic letters
 *   removed ("Café" finds "cafe").
 * - Chinese and Japanese are written without spaces, and a word segmenter's dictionary differs
 *   between Node and each browser; so each run of Han, kana and the like is indexed as overlapping
 *   pairs of characters (地図帳 → 地図, 図帳), the way Lucene's CJK analyser does, and a search
 *   for 地図帳 finds the text that holds both pairs.
 */

/** Marks the part of a page that search indexes (stories' summaries, chapters' notes and text). */
export const SEARCH_BODY = 'data-search-body';
/** Marks a part of it that is not the story's words: labels, controls. */
export const SEARCH_IGNORE = 'data-search-ignore';
/** On `<data value>` elements: what a result shows (`title`, `story`…) and the filters a page matches (`fandom`, `rating`). */
export const SEARCH_META = 'data-search-meta';
export const SEARCH_FILTER = 'data-search-filter';
/** Elements whose content is not text, never indexed. */
export const NOT_TEXT = new Set(['script', 'style', 'template']);
/** Elements inside a word's run of text: every other element separates words. */
export const INLINE_ELEMENTS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'mark', 'q',
  'ruby', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr',
]);

/** Scripts written without spaces between words, indexed as pairs of characters. */
const CJK_CHARACTERS = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC\u3005`;
const CJK = new RegExp(`[${CJK_CHARACTERS}]`, 'u');
const CJK_RUN = new RegExp(`[${CJK_CHARACTERS}]+`, 'gu');
/** A page's words as a result shows them, each with the spaces after it: one Chinese or Japanese character, or a run of anything else but spaces. */
export const SHOWN_WORD = new RegExp(String.raw`[${CJK_CHARACTERS}]\s*|[^\s${CJK_CHARACTERS}]+\s*`, 'gu');
/** A run of letters, marks and digits: a word, but in the scripts that `Intl.Segmenter` must part into words. Apostrophes part words too. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const NEEDS_SEGMENTER = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const ACCENTED = /([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{Mn}+/gu;
/** Longer words are cut to this many characters: no word of a story is longer, and a page of one "word" cannot bloat the index. */
const MAX_TERM = 40;

const segmenter = new Intl.Segmenter('und', { granularity: 'word' });

/** A word as the index keeps it: lower case, Latin, Greek and Cyrillic accents removed. */
export function normalizeWord(word: string): string {
  return word.normalize('NFKD').replace(ACCENTED, '$1').normalize('NFC').toLocaleLowerCase('und').slice(0, MAX_TERM);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
/**
 * A copy of a word that does not share memory with the text it was found in: JavaScript engines
 * keep a piece of a string as a view of the whole, so a term kept from each page would keep every
 * page's text in memory (at 50,000 chapters, gigabytes).
 */
const own = (word: string): string => decoder.decode(encoder.encode(word));

/** Words repeat: each is normalised once (up to a bound, so a page of distinct words cannot fill memory). */
const seen = new Map<string, string>();
function normalized(word: string): string {
  let found = seen.get(word);
  if (found === undefined) {
    if (seen.size >= 200_000) seen.clear();
    const copy = own(word);
    seen.set(copy, (found = own(normalizeWord(copy))));
  }
  return found;
}

/**
 * The pairs of characters of a run of Chinese or Japanese, and its last character alone: so every
 * character starts a term, and a search for one character is a search for the terms it starts.
 */
function characterPairs(run: string): string[] {
  const characters = [...run];
  return [...characters.slice(1).map((character, i) => characters[i]! + character), characters.at(-1)!];
}

/** Whether a term is a pair (or single character) of Chinese or Japanese. */
export const isCharacterTerm = (term: string): boolean => CJK.test(term);

/** The terms of a text, in order, as the index counts them. */
export function textTerms(text: string): string[] {
  const terms: string[] = [];
  const words = (between: string) => {
    for (const [word] of between.matchAll(WORD)) {
      if (!NEEDS_SEGMENTER.test(word)) terms.push(normalized(word));
      else for (const { segment, isWordLike } of segmenter.segment(word)) if (isWordLike) terms.push(normalized(segment));
    }
  };
  let last = 0;
  for (const run of text.matchAll(CJK_RUN)) {
    words(text.slice(last, run.index));
    terms.push(...characterPairs(run[0]));
    last = run.index + run[0].length;
  }
  words(text.slice(last));
  return terms;
}

/** One term of a reader's query; `prefix` also finds longer words that start with it. */
export interface QueryTerm {
  term: string;
  prefix: boolean;
}

/**
 * The terms of a reader's query. The last word matches as a prefix while it may still be being
 * typed (no space or punctuation after it): "lighth" finds "lighthouse".
 */
export function queryTerms(query: string): QueryTerm[] {
  const unique = [...new Set(textTerms(query))];
  const single = (term: string) => isCharacterTerm(term) && [...term].length === 1;
  // A run's last character is also a term alone (characterPairs): beside the run's pairs, it adds nothing.
  const terms = unique.filter((term) => !(single(term) && unique.some((other) => other !== term && other.endsWith(term))));
  return terms.map((term, i) => ({
    term,
    // One character stands for the pairs it starts; the last word, while it may still be being typed, for the words it starts.
    prefix: isCharacterTerm(term) ? single(term) : i === terms.length - 1 && /[\p{L}\p{N}]$/u.test(query),
  }));
}

/**
 * A filter value as a term of the index: a page matches the filter when it holds the term. It
 * starts with U+0000, which no word of a text can, and is kept as written.
 */
export const filterTerm = (key: string, value: string): string => `\u0000${key}\u0000${value}`;
