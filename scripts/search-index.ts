/**
 * Builds the full-text search index of a built site into `<site>/search-index/` (the format is in
 * src/lib/search-index-format.ts). Only the parts of pages marked `data-search-body` are indexed
 * (stories' summaries, chapters' notes and text), less what is marked `data-search-ignore`, and
 * the page's title (its `data-search-meta="title"`).
 * scripts/build.ts runs it on the staging folder, before that is swapped in.
 *
 * The terms of a story folder's pages are kept in the build cache under the folder's key, and any
 * other page's by the hash of the page (and of the code), so an incremental build reads again only
 * the pages of the stories it generated and the other pages that changed; the index files are then written
 * afresh from every page's terms, the same bytes as a cold build writes. The terms of all pages are
 * gathered in memory as arrays of numbers, about 12 bytes a term of a page; past `spill` of them,
 * they are written to a sorted run file and merged at the end, so memory stays bounded however
 * large the archive (docs/performance.md).
 */
import { closeSync, existsSync, openSync, readdirSync, readSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Parser } from 'htmlparser2';
import { hashOf, partialName, pruneExcept, pruneStoriesExcept } from '../src/build/build-cache.ts';
import { codeKey } from '../src/build/code-key.ts';
import {
  blockFile,
  ByteReader,
  ByteWriter,
  encodeBlock,
  encodeTerms,
  pageGroupFile,
  SEARCH_FORMAT_VERSION,
  SEARCH_MANIFEST,
  termFile,
  type IndexedPage,
  type PageMeta,
  type SearchManifest,
  type TermEntry,
} from '../src/lib/search-index-format.ts';
import { filterTerm, INLINE_ELEMENTS, NOT_TEXT, SEARCH_BODY, SEARCH_FILTER, SEARCH_IGNORE, SEARCH_META, textTerms } from '../src/lib/search-terms.ts';
import { htmlDownloadUrl, searchIndexUrl } from '../src/lib/urls.ts';

export interface SearchIndexOptions {
  /** The build cache; without it, every page is read. */
  cache?: string;
  /** Pages per window of a common term's blocks. */
  window?: number;
  /** Terms of pages gathered in memory before they are written to a run file. */
  spill?: number;
  /** The key of each story folder of the site (slug to key; data/story-builds.ts): their terms are kept by it. */
  storyKeys?: Record<string, string>;
}

/** Defaults: a window's block of a term on every page is about 20 KB; a term file about 32 KB. */
export const WINDOW_PAGES = 8192;
const TERM_FILE_BYTES = 32 * 1024;
const PAGE_GROUP = 128;
const SPILL = 16_000_000;
/** BM25's constants, and the scale of a one-byte score (a score of 30, the most at a million pages, is 240). */
const K1 = 1.2;
const B = 0.75;
const SCORE_SCALE = 8;
/** How many words of the text a word of the title counts as. */
const TITLE_WEIGHT = 3;

/** What indexing a page keeps of it: what a result shows, its filters, and its terms with their counts. */
export interface PageTerms {
  meta: PageMeta;
  filters: [key: string, value: string][];
  /** Number of terms in the page's text. */
  length: number;
  terms: [term: string, count: number][];
}

/** The text of a page's parts marked for search, with its metadata; undefined when it has none. */
export function readPage(html: string): { meta: PageMeta; filters: [string, string][]; text: string } | undefined {
  const meta: Record<string, string> = {};
  const filters: [string, string][] = [];
  const text: string[] = [];
  // Per open element: whether it starts a body, an ignored part, or text that is not text (scripts).
  const open: { body: boolean; ignore: boolean }[] = [];
  let bodies = 0;
  let ignored = 0;
  let found = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const body = SEARCH_BODY in attributes;
        const ignore = SEARCH_IGNORE in attributes || NOT_TEXT.has(name);
        open.push({ body, ignore });
        if (body) {
          bodies++;
          found = true;
        }
        if (ignore) ignored++;
        if (name === 'data' && attributes.value !== undefined) {
          if (attributes[SEARCH_META]) meta[attributes[SEARCH_META]] = attributes.value;
          if (attributes[SEARCH_FILTER]) filters.push([attributes[SEARCH_FILTER], attributes.value]);
        }
        if (!INLINE_ELEMENTS.has(name)) text.push(' ');
      },
      ontext(chunk) {
        if (bodies > 0 && ignored === 0) text.push(chunk);
      },
      onclosetag(name) {
        const element = open.pop();
        if (element?.body) bodies--;
        if (element?.ignore) ignored--;
        if (!INLINE_ELEMENTS.has(name)) text.push(' ');
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return found ? { meta, filters, text: text.join('') } : undefined;
}

function pageTerms(html: string): PageTerms | undefined {
  const page = readPage(html);
  if (!page) return undefined;
  const terms = textTerms(page.text);
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  // A page is found by its title too (a story's, a chapter's), which counts as a few words of its text.
  for (const term of textTerms(page.meta.title ?? '')) counts.set(term, (counts.get(term) ?? 0) + TITLE_WEIGHT);
  return { meta: page.meta, filters: page.filters, length: terms.length, terms: [...counts] };
}

/** The site's HTML pages, as paths relative to it, in path order; a story's HTML download is a file, not a page. */
function htmlPages(site: string): string[] {
  // Synchronous: Node's promise version lists a directory per trip through the thread pool, 1.2 s for a 10,000-chapter site where this takes 0.2 s.
  return readdirSync(site, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => file.endsWith('.html') && `/${file}` !== htmlDownloadUrl(file.split('/')[1] ?? ''))
    .sort();
}

const pageUrl = (file: string): string => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;

/**
 * The terms of all pages, by term: for each, a flat array of page numbers and counts. Past `spill`
 * pairs, the gathered terms are written to a run file (terms in order), and the runs are merged
 * when read.
 */
class Postings {
  #terms = new Map<string, number[]>();
  #pairs = 0;
  readonly #runs: string[] = [];

  #folder: string | undefined;
  readonly spill: number;

  constructor(spill: number) {
    this.spill = spill;
  }

  async add(page: number, terms: Iterable<[string, number]>): Promise<void> {
    for (const [term, count] of terms) {
      const list = this.#terms.get(term);
      if (list) list.push(page, count);
      else this.#terms.set(term, [page, count]);
      this.#pairs++;
    }
    if (this.#pairs >= this.spill) await this.#writeRun();
  }

  async #writeRun(): Promise<void> {
    const out = new ByteWriter();
    const encoder = new TextEncoder();
    for (const term of [...this.#terms.keys()].sort()) {
      const list = this.#terms.get(term)!;
      const bytes = encoder.encode(term);
      // A record: the term's length in bytes and its number of pages, then the term and the pages with their counts.
      out.varint(bytes.length);
      out.varint(list.length / 2);
      out.raw(bytes);
      for (const number of list) out.varint(number);
    }
    this.#folder ??= await mkdtemp(path.join(os.tmpdir(), 'quire-search-runs-'));
    const file = path.join(this.#folder, `run-${this.#runs.length}.bin`);
    await writeFile(file, out.bytes());
    this.#runs.push(file);
    this.#terms = new Map();
    this.#pairs = 0;
  }

  /** Every term in order, with its pages and counts in page order. */
  async *sorted(): AsyncGenerator<[string, number[]]> {
    if (this.#runs.length === 0) {
      for (const term of [...this.#terms.keys()].sort()) yield [term, this.#terms.get(term)!];
      return;
    }
    await this.#writeRun();
    const runs = this.#runs.map((file) => new RunReader(file));
    try {
      for (;;) {
        let term: string | undefined;
        for (const run of runs) if (run.term !== undefined && (term === undefined || run.term < term)) term = run.term;
        if (term === undefined) return;
        // Runs hold increasing page numbers: joined in run order, the pages stay in order.
        const list: number[] = [];
        for (const run of runs) if (run.term === term) for (const number of run.take()) list.push(number);
        yield [term, list];
      }
    } finally {
      for (const run of runs) run.close();
      await rm(this.#folder!, { recursive: true, force: true });
    }
  }
}

const decoder = new TextDecoder();

/** Reads a run file one term at a time, through a buffer that grows to the largest term. */
class RunReader {
  #fd: number;
  #buffer = Buffer.alloc(1 << 20);
  #start = 0;
  #end = 0;
  #eof = false;
  term: string | undefined;
  #list: number[] = [];

  constructor(file: string) {
    this.#fd = openSync(file, 'r');
    this.#next();
  }

  /** Makes at least `n` bytes available from the current position, unless the file ends. */
  #fill(n: number): void {
    if (this.#end - this.#start >= n || this.#eof) return;
    if (this.#buffer.length < n) {
      const grown = Buffer.alloc(n * 2);
      this.#buffer.copy(grown, 0, this.#start, this.#end);
      this.#buffer = grown;
    } else this.#buffer.copy(this.#buffer, 0, this.#start, this.#end);
    this.#end -= this.#start;
    this.#start = 0;
    while (this.#end < this.#buffer.length && !this.#eof) {
      const read = readSync(this.#fd, this.#buffer, this.#end, this.#buffer.length - this.#end, null);
      if (read === 0) this.#eof = true;
      this.#end += read;
    }
  }

  #next(): void {
    // Two varints of at most 5 bytes each, then the term, then two varints per page.
    this.#fill(10);
    if (this.#start >= this.#end) {
      this.term = undefined;
      return;
    }
    const head = new ByteReader(this.#buffer.subarray(this.#start, this.#end));
    const termBytes = head.varint();
    const pairs = head.varint();
    this.#fill(head.offset + termBytes + pairs * 10);
    const input = new ByteReader(this.#buffer.subarray(this.#start, this.#end));
    input.offset = head.offset;
    this.term = decoder.decode(input.raw(termBytes));
    this.#list = Array.from({ length: pairs * 2 }, () => input.varint());
    this.#start += input.offset;
  }

  take(): number[] {
    const list = this.#list;
    this.#next();
    return list;
  }

  close(): void {
    closeSync(this.#fd);
  }
}

/** Writes term files of about `TERM_FILE_BYTES`, and the blocks of common terms. */
class TermWriter {
  readonly firstTerms: string[] = [];
  #entries: TermEntry[] = [];
  #bytes = 0;
  #blocks = 0;
  readonly folder: string;

  constructor(folder: string) {
    this.folder = folder;
  }

  async add(entry: TermEntry, size: number): Promise<void> {
    if (this.#entries.length > 0 && this.#bytes + size > TERM_FILE_BYTES) await this.flush();
    if (this.#entries.length === 0) this.firstTerms.push(entry.term);
    this.#entries.push(entry);
    this.#bytes += size;
  }

  async block(bytes: Uint8Array): Promise<number> {
    if (this.#blocks === 0) await mkdir(path.join(this.folder, path.dirname(blockFile(0))), { recursive: true });
    await writeFile(path.join(this.folder, blockFile(this.#blocks)), bytes);
    return this.#blocks++;
  }

  async flush(): Promise<void> {
    if (this.#entries.length === 0) return;
    await writeFile(path.join(this.folder, termFile(this.firstTerms.length - 1)), encodeTerms(this.#entries));
    this.#entries = [];
    this.#bytes = 0;
  }
}

/** A page as the index takes it: its address and its terms. */
export interface IndexedPageTerms extends PageTerms {
  url: string;
}

/**
 * Writes the index of `pages` (in page order) into `output`, an empty folder.
 * @returns how many pages it holds
 */
export async function writeSearchIndex(
  output: string,
  pages: AsyncIterable<IndexedPageTerms>,
  { window = WINDOW_PAGES, spill = SPILL }: SearchIndexOptions = {},
): Promise<number> {
  for (const folder of ['terms', 'pages']) await mkdir(path.join(output, folder), { recursive: true });
  // A term on more pages than this is common: its pages are in blocks, one per window (1,024 by default).
  const inlinePages = Math.max(1, Math.floor(window / 8));
  const postings = new Postings(spill);
  const lengths: number[] = [];
  let group: IndexedPage[] = [];
  const writeGroup = async () => {
    await writeFile(path.join(output, pageGroupFile(Math.floor((lengths.length - 1) / PAGE_GROUP))), JSON.stringify(group));
    group = [];
  };
  for await (const page of pages) {
    const number = lengths.length;
    lengths.push(page.length);
    group.push([page.url, page.meta]);
    if (group.length === PAGE_GROUP) await writeGroup();
    const filters = page.filters.map(([key, value]): [string, number] => [filterTerm(key, value), 0]);
    await postings.add(number, [...page.terms, ...filters]);
  }
  if (group.length > 0) await writeGroup();
  const count = lengths.length;
  if (count === 0) return 0;

  const averageLength = lengths.reduce((sum, length) => sum + length, 0) / count || 1;
  const writer = new TermWriter(output);
  for await (const [term, list] of postings.sorted()) {
    const pagesWith = list.length / 2;
    const idf = Math.log(1 + (count - pagesWith + 0.5) / (pagesWith + 0.5));
    const score = (page: number, tf: number) => {
      if (tf === 0) return 0; // a filter: it narrows, it does not rank
      const weight = (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * lengths[page]!) / averageLength));
      return Math.min(255, Math.max(1, Math.round(weight * SCORE_SCALE)));
    };
    const postingsOf = (from: number, to: number) => {
      const n = (to - from) / 2;
      const result = { pages: new Uint32Array(n), scores: new Uint8Array(n) };
      for (let k = 0; k < n; k++) {
        result.pages[k] = list[from + 2 * k]!;
        result.scores[k] = score(list[from + 2 * k]!, list[from + 2 * k + 1]!);
      }
      return result;
    };
    if (pagesWith <= inlinePages) {
      await writer.add({ term, count: pagesWith, postings: postingsOf(0, list.length) }, term.length + 4 + pagesWith * 3);
      continue;
    }
    const blocks: NonNullable<TermEntry['blocks']> = [];
    for (let from = 0; from < list.length; ) {
      const inWindow = Math.floor(list[from]! / window);
      let to = from;
      while (to < list.length && Math.floor(list[to]! / window) === inWindow) to += 2;
      blocks.push({ window: inWindow, block: await writer.block(encodeBlock(postingsOf(from, to))) });
      from = to;
    }
    await writer.add({ term, count: pagesWith, blocks }, term.length + 4 + blocks.length * 4);
  }
  await writer.flush();
  const manifest: SearchManifest = { version: SEARCH_FORMAT_VERSION, pages: count, pageGroup: PAGE_GROUP, window, terms: writer.firstTerms };
  await writeFile(path.join(output, SEARCH_MANIFEST), JSON.stringify(manifest));
  return count;
}

/** A story folder's pages with their terms, in path order (those marked for search), kept by the folder's key. */
interface StoryTerms {
  files: string[];
  pages: [file: string, terms: PageTerms][];
}

/** The story folder a page is in, when the build says which key that folder was kept or built under. */
function storyOf(file: string, storyKeys: Record<string, string>): string | undefined {
  const slug = /^stories\/([^/]+)\//.exec(file)?.[1];
  return slug !== undefined && Object.hasOwn(storyKeys, slug) ? slug : undefined;
}

/** Files in path order, cut into runs of one story folder each (`story` set) or of pages outside them. */
function runsOf(files: string[], storyKeys: Record<string, string>): { story: string | undefined; files: string[] }[] {
  const runs: { story: string | undefined; files: string[] }[] = [];
  for (const file of files) {
    const story = storyOf(file, storyKeys);
    const last = runs.at(-1);
    if (last && last.story === story) last.files.push(file);
    else runs.push({ story, files: [file] });
  }
  return runs;
}

/** Where the cache keeps pages' terms by the hash of the page and the code, and story folders' terms by the folder's key (data/story-builds.ts), which covers its pages' every input and the code. */
const PAGE_TERMS = 'search-pages';
const STORY_TERMS = 'search-stories';
const storyTermsName = (key: string) => `${key}.json`;

async function writeKept(file: string, data: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const partial = partialName(file);
  await writeFile(partial, JSON.stringify(data));
  await rename(partial, file);
}

/** The terms of `files` read from their pages, a few at a time (all at once would hold every page in memory). */
async function* readTerms(site: string, files: string[], pageTermsOf: (html: Buffer) => Promise<PageTerms | undefined> | PageTerms | undefined) {
  for (let i = 0; i < files.length; i += 64) {
    const batch = files.slice(i, i + 64);
    const found = await Promise.all(batch.map(async (file) => pageTermsOf(await readFile(path.join(site, file)))));
    for (const [j, terms] of found.entries()) yield [batch[j]!, terms] as const;
  }
}

/**
 * The pages of a built site marked for search, in path order, with their terms. A story folder
 * whose key the build gives (`storyKeys`, slug to key) has its pages' terms kept in the build
 * `cache` under that key, so a folder kept from an earlier build is not read at all; any other
 * page's terms are kept by the hash of the page (and of the code). Without a cache, every page is
 * read. `progress.read` counts the pages read; `used` collects the names of the pages' entries used.
 */
export async function* siteTerms(
  site: string,
  cache: string | undefined,
  progress: { read: number; used: Set<string> },
  storyKeys: Record<string, string> = {},
): AsyncGenerator<IndexedPageTerms> {
  const code = codeKey();
  const termsOf = (html: Buffer): PageTerms | undefined => {
    if (!html.includes(SEARCH_BODY)) return undefined;
    progress.read++;
    return pageTerms(html.toString());
  };
  for (const run of runsOf(htmlPages(site), storyKeys)) {
    if (run.story !== undefined) {
      const file = cache && path.join(cache, STORY_TERMS, run.story, storyTermsName(storyKeys[run.story]!));
      const keptTerms = file && existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as StoryTerms) : undefined;
      // The folder is the one its key names; were it not (files added by hand), it is read.
      if (keptTerms && keptTerms.files.join('\0') === run.files.join('\0')) {
        for (const [page, terms] of keptTerms.pages) yield { url: pageUrl(page), ...terms };
        continue;
      }
      const read: StoryTerms = { files: run.files, pages: [] };
      for await (const [page, terms] of readTerms(site, run.files, termsOf)) {
        if (!terms) continue;
        read.pages.push([page, terms]);
        yield { url: pageUrl(page), ...terms };
      }
      if (file) await writeKept(file, read);
      continue;
    }
    const pageTermsOf = async (html: Buffer): Promise<PageTerms | undefined> => {
      if (!html.includes(SEARCH_BODY)) return undefined;
      const name = `${hashOf(code, html)}.json`;
      progress.used.add(name);
      const file = cache && path.join(cache, PAGE_TERMS, name);
      if (file && existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as PageTerms;
      const terms = termsOf(html);
      if (file && terms) await writeKept(file, terms);
      return terms;
    };
    for await (const [page, terms] of readTerms(site, run.files, pageTermsOf)) if (terms) yield { url: pageUrl(page), ...terms };
  }
}

/** Total bytes and number of the files under a folder. */
export async function folderSize(folder: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
    files++;
  }
  return { bytes, files };
}

/**
 * Indexes the pages of the site in `site` and writes the index beside them. Throws, saying why,
 * when no page is marked for search.
 * @returns pages indexed, pages read again (not found in the cache), size and files of the index, time taken
 */
export async function buildSearchIndex(
  site: string,
  options: SearchIndexOptions = {},
): Promise<{ pages: number; read: number; bytes: number; files: number; seconds: number }> {
  const started = performance.now();
  const { cache } = options;
  const output = path.join(site, searchIndexUrl());
  await rm(output, { recursive: true, force: true });
  const progress = { read: 0, used: new Set<string>() };
  const pages = await writeSearchIndex(output, siteTerms(site, cache, progress, options.storyKeys), options);
  if (pages === 0) throw new Error(`no page in ${site} is marked with ${SEARCH_BODY}`);
  if (cache) {
    // Only what this build used stays: the cache holds one site's worth.
    await pruneExcept(path.join(cache, PAGE_TERMS), progress.used);
    await pruneStoriesExcept(path.join(cache, STORY_TERMS), new Map(Object.entries(options.storyKeys ?? {}).map(([slug, key]) => [slug, storyTermsName(key)])));
  }
  return { pages, read: progress.read, ...(await folderSize(output)), seconds: (performance.now() - started) / 1000 };
}
