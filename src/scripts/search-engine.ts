/**
 * Searches Quire's search index in the browser (its files: lib/search-index-format.ts), fetching
 * only the term files of the query's words, the blocks of common words window by window until
 * there are enough results, and the pages the results show. So what a search costs grows with
 * what it finds, not with the archive.
 */
import {
  blockFile,
  decodeBlock,
  decodeTerms,
  pageGroupFile,
  SEARCH_FORMAT_VERSION,
  SEARCH_MANIFEST,
  termFile,
  termFileOf,
  type IndexedPage,
  type Postings,
  type SearchManifest,
  type TermEntry,
} from '../lib/search-index-format';
import { filterTerm, INLINE_ELEMENTS, isCharacterTerm, NOT_TEXT, queryTerms, SEARCH_BODY, SEARCH_IGNORE, SHOWN_WORD, textTerms, type QueryTerm } from '../lib/search-terms';

/** A prefix finds at most this many words (the most frequent), from at most this many term files. */
const PREFIX_WORDS = 64;
const PREFIX_FILES = 3;

export interface SearchHit {
  page: number;
  score: number;
}

/** Pages that hold any of a group's terms: the words a prefix stands for, or a filter's ticked values. */
interface Group {
  entries: TermEntry[];
}

/** The first index at which `pages[i] >= value`. */
function lowerBound(pages: Uint32Array, value: number): number {
  let low = 0;
  let high = pages.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (pages[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

export class SearchIndex {
  readonly #base: URL;
  readonly #manifest: SearchManifest;
  readonly #files = new Map<string, Promise<unknown>>();

  private constructor(base: URL, manifest: SearchManifest) {
    this.#base = base;
    this.#manifest = manifest;
  }

  /** Opens the index at `base`, a folder's address (relative to the page's). */
  static async open(base: string | URL): Promise<SearchIndex> {
    const url = new URL(base, globalThis.location?.href);
    const manifest = (await fetchFile(new URL(SEARCH_MANIFEST, url), (response) => response.json())) as SearchManifest;
    if (manifest.version !== SEARCH_FORMAT_VERSION) throw new Error(`the search index is of version ${manifest.version}, not ${SEARCH_FORMAT_VERSION}`);
    return new SearchIndex(url, manifest);
  }

  /** A file of the index, fetched once. */
  #file<T>(name: string, read: (response: Response) => Promise<T>): Promise<T> {
    let file = this.#files.get(name) as Promise<T> | undefined;
    if (!file) {
      file = fetchFile(new URL(name, this.#base), read);
      // A failed fetch is tried again by the next search.
      file.catch(() => this.#files.delete(name));
      this.#files.set(name, file);
    }
    return file;
  }

  #terms(n: number): Promise<TermEntry[]> {
    return this.#file(termFile(n), async (response) => decodeTerms(new Uint8Array(await response.arrayBuffer())));
  }

  block(n: number): Promise<Postings> {
    return this.#file(blockFile(n), async (response) => decodeBlock(new Uint8Array(await response.arrayBuffer())));
  }

  async page(n: number): Promise<IndexedPage> {
    const group = await this.#file(pageGroupFile(Math.floor(n / this.#manifest.pageGroup)), (response) => response.json() as Promise<IndexedPage[]>);
    return group[n % this.#manifest.pageGroup]!;
  }

  /** The index's entries for a term of the query: the term itself, or the words it is a prefix of. */
  async #entries({ term, prefix }: QueryTerm): Promise<TermEntry[]> {
    const first = termFileOf(this.#manifest.terms, term);
    if (!prefix) return (await this.#terms(first)).filter((entry) => entry.term === term);
    const found: TermEntry[] = [];
    for (let n = first; n < Math.min(this.#manifest.terms.length, first + PREFIX_FILES); n++) {
      if (n > first && !this.#manifest.terms[n]!.startsWith(term)) break;
      found.push(...(await this.#terms(n)).filter((entry) => entry.term.startsWith(term)));
    }
    return found.sort((a, b) => b.count - a.count).slice(0, PREFIX_WORDS);
  }

  /** Starts a search: every query word must be found (or a word it is a prefix of), and a ticked value of every filter. */
  async search(query: string, filters: Readonly<Record<string, readonly string[]>>): Promise<SearchResults> {
    const words = queryTerms(query);
    const groups: Group[] = await Promise.all(words.map(async (word) => ({ entries: await this.#entries(word) })));
    for (const [key, values] of Object.entries(filters)) {
      if (values.length === 0) continue;
      const entries = await Promise.all(values.map((value) => this.#entries({ term: filterTerm(key, value), prefix: false })));
      groups.push({ entries: entries.flat() });
    }
    return new SearchResults(this, words, groups, this.#manifest);
  }
}

/**
 * The results of one search, ranked window by window: `more()` reads further windows of the
 * common words' pages until it has the results asked for. When every word is a rare one, the first
 * call ranks them all.
 */
export class SearchResults {
  readonly hits: SearchHit[] = [];
  /** The query's words, as the index has them: what a result's page is searched for, for its excerpt. */
  readonly words: QueryTerm[];
  readonly #index: SearchIndex;
  readonly #groups: Group[];
  readonly #window: number;
  readonly #windows: number;
  #next = 0;

  constructor(index: SearchIndex, words: QueryTerm[], groups: Group[], manifest: SearchManifest) {
    this.#index = index;
    this.words = words;
    this.#groups = groups;
    const common = groups.some((group) => group.entries.some((entry) => entry.blocks));
    // With no common word, one window is the whole index.
    this.#window = common ? manifest.window : manifest.pages;
    this.#windows = groups.length === 0 || groups.some((group) => group.entries.length === 0) ? 0 : Math.ceil(manifest.pages / this.#window);
  }

  /** Whether every page has been looked at, so `hits` are all the results. */
  get complete(): boolean {
    return this.#next >= this.#windows;
  }

  /** Reads windows until there are at least `wanted` results, or none are left. */
  async more(wanted: number): Promise<void> {
    while (this.hits.length < wanted && !this.complete) {
      const window = this.#next++;
      this.hits.push(...(await this.#inWindow(window)).sort((a, b) => b.score - a.score || a.page - b.page));
    }
  }

  /** Where a rare word's pages in a window are, in its list of pages: from, to (excluded). */
  #inlineRange(pages: Uint32Array, window: number): [number, number] {
    const low = window * this.#window;
    return [lowerBound(pages, low), lowerBound(pages, low + this.#window)];
  }

  /** The pages of a group within one window, with their scores. */
  async #groupIn(group: Group, window: number): Promise<Map<number, number>> {
    const pages = new Map<number, number>();
    const add = (postings: Postings, from = 0, to = postings.pages.length) => {
      for (let i = from; i < to; i++) pages.set(postings.pages[i]!, Math.max(pages.get(postings.pages[i]!) ?? 0, postings.scores[i]!));
    };
    await Promise.all(
      group.entries.map(async (entry) => {
        if (entry.postings) add(entry.postings, ...this.#inlineRange(entry.postings.pages, window));
        else {
          const block = entry.blocks!.find((candidate) => candidate.window === window);
          if (block) add(await this.#index.block(block.block));
        }
      }),
    );
    return pages;
  }

  /** Whether a group can have pages in a window, known without fetching anything. */
  #groupMayHave(group: Group, window: number): boolean {
    return group.entries.some((entry) => {
      if (!entry.postings) return entry.blocks!.some((block) => block.window === window);
      const [from, to] = this.#inlineRange(entry.postings.pages, window);
      return from < to;
    });
  }

  async #inWindow(window: number): Promise<SearchHit[]> {
    if (!this.#groups.every((group) => this.#groupMayHave(group, window))) return [];
    const groups = await Promise.all(this.#groups.map((group) => this.#groupIn(group, window)));
    const [smallest, ...others] = groups.sort((a, b) => a.size - b.size);
    const hits: SearchHit[] = [];
    for (const [page, score] of smallest!) {
      let total = score;
      let everywhere = true;
      for (const other of others) {
        const found = other.get(page);
        if (found === undefined) {
          everywhere = false;
          break;
        }
        total += found;
      }
      if (everywhere) hits.push({ page, score: total });
    }
    return hits;
  }
}

async function fetchFile<T>(url: URL, read: (response: Response) => Promise<T>): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname} answered ${response.status}`);
  return read(response);
}

/** A page's searchable words as it shows them, each with the spaces after it, and where its elements with ids start. */
export interface PageWords {
  words: string[];
  anchors: { id: string; location: number }[];
}

/** The words of a page's parts marked for search, as the index read them (scripts/search-index.ts). */
export function pageWords(document: Document): PageWords {
  let text = '';
  const anchorsAt: { id: string; offset: number }[] = [];
  const walk = (node: Node, ignored: boolean) => {
    if (node.nodeType === Node.TEXT_NODE) {
      if (!ignored) text += node.textContent;
      return;
    }
    if (!(node instanceof Element)) return;
    const name = node.localName;
    if (NOT_TEXT.has(name)) return;
    // An ignored label still marks where its note starts.
    if (node.id) anchorsAt.push({ id: node.id, offset: text.length });
    const block = !INLINE_ELEMENTS.has(name);
    if (block) text += ' ';
    for (const child of node.childNodes) walk(child, ignored || node.hasAttribute(SEARCH_IGNORE));
    if (block) text += ' ';
  };
  for (const body of document.querySelectorAll(`[${SEARCH_BODY}]`)) walk(body, false);
  const words: string[] = [];
  const anchors: PageWords['anchors'] = [];
  let anchor = 0;
  for (const match of text.matchAll(SHOWN_WORD)) {
    while (anchor < anchorsAt.length && anchorsAt[anchor]!.offset <= match.index) anchors.push({ id: anchorsAt[anchor++]!.id, location: words.length });
    words.push(match[0].replace(/\s+$/, ' '));
  }
  for (; anchor < anchorsAt.length; anchor++) anchors.push({ id: anchorsAt[anchor]!.id, location: words.length });
  return { words, anchors };
}

/** Where the query's words are in the page's words: a word matches when one of its terms is a query term (or starts with the prefix). */
export function matchesIn(words: string[], query: QueryTerm[]): number[] {
  const exact = new Set(query.filter((term) => !term.prefix).map((term) => term.term));
  const prefixes = query.filter((term) => term.prefix).map((term) => term.term);
  const matches = new Set<number>();
  words.forEach((word, i) => {
    if (isCharacterTerm(word)) {
      const character = word.trim();
      const next = words[i + 1]?.trim();
      if (prefixes.includes(character)) matches.add(i);
      // A pair matches only where the two characters touch, as the index paired them.
      if (next && word === character && isCharacterTerm(next) && exact.has(character + next)) matches.add(i).add(i + 1);
      return;
    }
    for (const term of textTerms(word)) {
      if (exact.has(term) || prefixes.some((prefix) => term.startsWith(prefix))) matches.add(i);
    }
  });
  return [...matches].sort((a, b) => a - b);
}
