/**
 * Full-text search: the filters readers can narrow by, the search page's query string,
 * and where in a result the match is, for its excerpt and its link to the passage.
 */

/** Filter keys and their labels. Pages declare them (SearchData.astro); the search page offers them. */
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

/** A page's searchable words and where the query's words are in them (scripts/search-engine.ts finds them). */
export interface LocatedResult {
  /** The words, each with the space that follows it (none between Chinese or Japanese characters). */
  words: string[];
  /** Positions in `words` of the words that match the query. */
  matches: number[];
  /** Every element with an id in the searchable text, in document order, at the word it starts at. */
  anchors: { id: string; location: number }[];
}

export interface Passage {
  /** Id of the element the best match is in (a paragraph `p-N`, a note), to link to; none if before any. */
  anchor: string | undefined;
  /** The excerpt as runs of text, `…` where text was left out; `match` marks matched words (not their punctuation). */
  parts: { text: string; match: boolean }[];
}

/**
 * The passage of a result to show and link to: the `length`-word stretch with the most matches
 * (the first such, if several tie), and the last element with an id that starts at or
 * before its first match (the paragraph it is in, or an element inside that paragraph). Without
 * a match in the text, the opening words and no anchor.
 */
export function findPassage({ words, matches, anchors }: LocatedResult, length = 30): Passage {
  // Slide a window that starts at each match; keep the one with the most matches.
  let best = { first: 0, last: -1 };
  let end = 0;
  for (let first = 0; first < matches.length; first++) {
    while (end < matches.length && matches[end]! < matches[first]! + length) end++;
    if (end - first > best.last - best.first + 1) best = { first, last: end - 1 };
  }
  const firstHit = matches[best.first] ?? 0;
  const lastHit = matches[best.last] ?? firstHit;
  // Centre the matches in the excerpt, within the text.
  const margin = Math.floor((length - (lastHit - firstHit + 1)) / 2);
  const start = Math.max(0, Math.min(firstHit - margin, words.length - length));
  const stop = Math.min(words.length, start + length);
  const matched = new Set(matches);
  // A page found by its title or filters alone has no match in its text to link to.
  let anchor: string | undefined;
  if (matches.length > 0) for (const candidate of anchors) if (candidate.location <= firstHit) anchor = candidate.id;
  const parts = new Excerpt();
  if (start > 0) parts.add(words[start - 1]!.endsWith(' ') ? '… ' : '…');
  words.slice(start, stop).forEach((word, i) => {
    const last = start + i === stop - 1;
    const shown = last ? word.trimEnd() : word;
    if (!matched.has(start + i)) return parts.add(shown);
    const visible = shown.trimEnd();
    const [, before = '', core = '', after = ''] = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su.exec(visible) ?? [];
    if (core) {
      parts.add(before);
      parts.add(core, true);
      parts.add(after);
    } else parts.add(visible, true);
    parts.add(shown.slice(visible.length));
  });
  if (stop < words.length) parts.add(words[stop - 1]!.endsWith(' ') ? ' …' : '…');
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
