/**
 * The files of Quire's search index, written by scripts/search-index.ts and read in the browser by
 * scripts/search-engine.ts. Designed so that a search fetches what it finds, not the archive:
 *
 * - `index.json`, the manifest: how many pages, and the first term of each term file;
 * - `terms/<n>.bin`: terms in order, front-coded, each with the pages that hold it. A term found on
 *   few pages keeps their list in place; a common one lists, per window of `window` pages (by
 *   page number), the block file that holds its pages in that window;
 * - `blocks/<n>.bin`: one common term's pages within one window;
 * - `pages/<n>.json`: the address and what a result shows (title, story…) of `pageGroup` pages.
 *
 * A page list is page numbers (as differences from the one before) each with a one-byte score, the
 * term's BM25 weight on that page scaled to 1–255 (0 for filter terms, which do not rank).
 * Numbers are unsigned LEB128 varints.
 */

export const SEARCH_MANIFEST = 'index.json';
export const SEARCH_FORMAT_VERSION = 1;
export const termFile = (n: number): string => `terms/${n}.bin`;
export const blockFile = (n: number): string => `blocks/${n}.bin`;
export const pageGroupFile = (n: number): string => `pages/${n}.json`;

export interface SearchManifest {
  version: typeof SEARCH_FORMAT_VERSION;
  /** Pages in the index, numbered from 0 in the order of their addresses. */
  pages: number;
  /** Pages per `pages/<n>.json`. */
  pageGroup: number;
  /** Pages per window of a common term's blocks. */
  window: number;
  /** The first term of each term file, in order. */
  terms: string[];
}

/** What a result shows of a page, without fetching it (SearchData.astro declares it). */
export interface PageMeta {
  title?: string;
  story?: string;
  chapter?: string;
  language?: string;
  dir?: string;
  /** On pages of gated stories: the story's slug, and what its gate states. */
  gate?: string;
  notice?: string;
}

/** A page of the index: its address and what a result shows. */
export type IndexedPage = [url: string, meta: PageMeta];

/** Pages that hold a term, in page order, with the term's score on each. */
export interface Postings {
  pages: Uint32Array;
  scores: Uint8Array;
}

export interface TermEntry {
  term: string;
  /** How many pages hold the term. */
  count: number;
  /** The pages, for a term found on few; else undefined, and `blocks` says where they are. */
  postings?: Postings;
  /** For a common term: the windows it occurs in, each with the block file of its pages there. */
  blocks?: { window: number; block: number }[];
}

export class ByteWriter {
  #bytes = new Uint8Array(1024);
  length = 0;

  #room(n: number): void {
    if (this.length + n <= this.#bytes.length) return;
    const grown = new Uint8Array(Math.max(this.#bytes.length * 2, this.length + n));
    grown.set(this.#bytes.subarray(0, this.length));
    this.#bytes = grown;
  }

  byte(value: number): void {
    this.#room(1);
    this.#bytes[this.length++] = value;
  }

  varint(value: number): void {
    this.#room(5);
    while (value >= 0x80) {
      this.#bytes[this.length++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    this.#bytes[this.length++] = value;
  }

  raw(bytes: Uint8Array): void {
    this.#room(bytes.length);
    this.#bytes.set(bytes, this.length);
    this.length += bytes.length;
  }

  postings({ pages, scores }: Postings): void {
    this.varint(pages.length);
    let previous = 0;
    for (let i = 0; i < pages.length; i++) {
      this.varint(pages[i]! - previous);
      this.byte(scores[i]!);
      previous = pages[i]!;
    }
  }

  bytes(): Uint8Array {
    return this.#bytes.slice(0, this.length);
  }
}

export class ByteReader {
  offset = 0;
  readonly bytes: Uint8Array;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }

  get done(): boolean {
    return this.offset >= this.bytes.length;
  }

  byte(): number {
    if (this.offset >= this.bytes.length) throw new RangeError('the search index file ends early');
    return this.bytes[this.offset++]!;
  }

  varint(): number {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = this.byte();
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  }

  raw(n: number): Uint8Array {
    if (this.offset + n > this.bytes.length) throw new RangeError('the search index file ends early');
    return this.bytes.subarray(this.offset, (this.offset += n));
  }

  postings(): Postings {
    const n = this.varint();
    const pages = new Uint32Array(n);
    const scores = new Uint8Array(n);
    let page = 0;
    for (let i = 0; i < n; i++) {
      pages[i] = page += this.varint();
      scores[i] = this.byte();
    }
    return { pages, scores };
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * A term file: its entries in term order, each term front-coded against the one before (the
 * characters in common, then the rest), then its count and either its pages or its blocks.
 */
export function encodeTerms(entries: TermEntry[]): Uint8Array {
  const out = new ByteWriter();
  out.varint(entries.length);
  let previous = '';
  for (const { term, count, postings, blocks } of entries) {
    let shared = 0;
    while (shared < previous.length && shared < term.length && previous.charCodeAt(shared) === term.charCodeAt(shared)) shared++;
    // Never between the two halves of a character outside the Basic Multilingual Plane.
    if (shared > 0 && /[\uD800-\uDBFF]/.test(term[shared - 1]!)) shared--;
    const rest = encoder.encode(term.slice(shared));
    out.varint(shared);
    out.varint(rest.length);
    out.raw(rest);
    out.varint(count);
    if (postings) {
      out.varint(0);
      out.postings(postings);
    } else {
      out.varint(blocks!.length);
      let window = 0;
      for (const block of blocks!) {
        out.varint(block.window - window);
        out.varint(block.block);
        window = block.window;
      }
    }
    previous = term;
  }
  return out.bytes();
}

export function decodeTerms(bytes: Uint8Array): TermEntry[] {
  const input = new ByteReader(bytes);
  const entries: TermEntry[] = [];
  let previous = '';
  for (let n = input.varint(); n > 0; n--) {
    const shared = input.varint();
    const term = previous.slice(0, shared) + decoder.decode(input.raw(input.varint()));
    const count = input.varint();
    const blockCount = input.varint();
    if (blockCount === 0) entries.push({ term, count, postings: input.postings() });
    else {
      const blocks: TermEntry['blocks'] = [];
      let window = 0;
      for (let i = 0; i < blockCount; i++) blocks.push({ window: (window += input.varint()), block: input.varint() });
      entries.push({ term, count, blocks });
    }
    previous = term;
  }
  return entries;
}

export const encodeBlock = (postings: Postings): Uint8Array => {
  const out = new ByteWriter();
  out.postings(postings);
  return out.bytes();
};

export const decodeBlock = (bytes: Uint8Array): Postings => new ByteReader(bytes).postings();

/** The term file that would hold `term`: the last whose first term is not after it. */
export function termFileOf(firstTerms: string[], term: string): number {
  let low = 0;
  let high = firstTerms.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (firstTerms[middle]! <= term) low = middle;
    else high = middle - 1;
  }
  return low;
}
