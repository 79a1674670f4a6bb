/**
 * Full-text search (Pagefind): the filters readers can narrow by, the search page's query string,
 * and where in a result the match is, for its excerpt and its link to the passage.
 */

/** Pagefind filter keys and their labels. Pages declare them (SearchData.astro); the search page offers them. */
export const SEARCH_FILTERS = { fandom: 'Fandom', rating: 'Rating' } as const;
export type SearchFilter = keyof typeof SEARCH_FILTERS;
const FILTER_KEYS = Object.keys(SEARCH_FILTERS) as SearchFilter[];

/** A search as the search page's URL carries it: `?q=…&fandom=…&rating=…` (what the form submits). */
export interface SearchRequest {
  query: string;
  filters: Record<SearchFilter, string[]>;
}

export function readSearchParams(params: URLSearchParams): SearchRequest {
  const filters = Object.fromEntries(FILTER_KEYS.map((key) => [key, params.getAll(key).filter((v) => v !== '')]));
  return { query: (params.get('q') ?? '').trim(), filters: filters as SearchRequest['filters'] };
}

export function searchParams({ query, filters }: SearchRequest): URLSearchParams {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  for (const key of FILTER_KEYS) for (const value of filters[key]) params.append(key, value);
  return params;
}

/**
 * Pagefind's filter option: a page matches any checked value of a filter, and every filter that
 * has one checked (checking two fandoms widens, checking a rating narrows).
 */
export function pagefindFilters(filters: SearchRequest['filters']): Record<string, { any: string[] }> {
  return Object.fromEntries(FILTER_KEYS.filter((key) => filters[key].length > 0).map((key) => [key, { any: filters[key] }]));
}

/** The parts of a Pagefind result's data that locate the match in the page's indexed text. */
export interface LocatedResult {
  /** The indexed text, words separated by whitespace. */
  content: string;
  /** The same with `<` and `>` escaped, and U+200B between words where Pagefind segmented the text (Chinese, Japanese, Thai). */
  raw_content?: string;
  /** Word positions of the matches, with Pagefind's score for each. */
  weighted_locations: { location: number; balanced_score: number }[];
  /** Every element with an id in the indexed text, in document order, at the word it starts at. */
  anchors: { id: string; location: number }[];
}

export interface Passage {
  /** Id of the element the best match is in (a paragraph `p-N`, a note), to link to; none if before any. */
  anchor: string | undefined;
  /** The excerpt as runs of text, `…` where text was left out; `match` marks matched words (not their punctuation). */
  parts: { text: string; match: boolean }[];
}

/** The words that Pagefind's match locations count, split as Pagefind splits them (U+FEFF is not a break). */
function wordsOf({ content, raw_content }: LocatedResult): { words: string[]; separator: string } {
  if (raw_content?.includes('\u200B')) {
    return { words: raw_content.split('\u200B').map((w) => w.replaceAll('&lt;', '<').replaceAll('&gt;', '>')), separator: '' };
  }
  return { words: content.split(/[^\S\uFEFF]+/), separator: ' ' };
}

/**
 * The passage of a result to show and link to: the `length`-word stretch with the highest total
 * match score (the first such, if several tie), and the last element with an id that starts at or
 * before its first match (the paragraph it is in, or an element inside that paragraph). Without
 * a match in the text, the opening words and no anchor.
 */
export function findPassage(result: LocatedResult, length = 30): Passage {
  const { words, separator } = wordsOf(result);
  const hits = [...result.weighted_locations].sort((a, b) => a.location - b.location);
  // Slide a window that starts at each match; keep the one whose matches score highest.
  let best = { first: 0, last: -1, score: -1 };
  let end = 0;
  let score = 0;
  for (let first = 0; first < hits.length; first++) {
    while (end < hits.length && hits[end]!.location < hits[first]!.location + length) score += hits[end++]!.balanced_score;
    if (score > best.score) best = { first, last: end - 1, score };
    score -= hits[first]!.balanced_score;
  }
  const firstHit = hits[best.first]?.location ?? 0;
  const lastHit = hits[best.last]?.location ?? firstHit;
  // Centre the matches in the excerpt, within the text.
  const margin = Math.floor((length - (lastHit - firstHit + 1)) / 2);
  const start = Math.max(0, Math.min(firstHit - margin, words.length - length));
  const stop = Math.min(words.length, start + length);
  const matched = new Set(hits.map((hit) => hit.location));
  // A page found by its title alone has no match in its text to link to.
  let anchor: string | undefined;
  if (hits.length > 0) for (const candidate of result.anchors) if (candidate.location <= firstHit) anchor = candidate.id;
  const parts = new Excerpt();
  if (start > 0) parts.add(`…${separator}`);
  words.slice(start, stop).forEach((word, i) => {
    if (i > 0) parts.add(separator);
    if (!matched.has(start + i)) return parts.add(word);
    const [, before = '', core = '', after = ''] = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su.exec(word) ?? [];
    if (!core) return parts.add(word, true);
    parts.add(before);
    parts.add(core, true);
    parts.add(after);
  });
  if (stop < words.length) parts.add(`${separator}…`);
  return { anchor, parts: parts.runs };
}

/** Runs of text, neighbours of the same kind merged. */
class Excerpt {
  readonly runs: Passage['parts'] = [];

  add(text: string, match = false): void {
    if (text === '') return;
    const last = this.runs.at(-1);
    if (last && last.match === match) last.text += text;
    else this.runs.push({ text, match });
  }
}
