/**
 * Builds the full-text search index (Pagefind) of a built site, into `<site>/pagefind/`. Only
 * pages that opt in with `data-pagefind-body` are indexed: stories and chapters.
 * scripts/build.ts runs it on the staging folder, before that is swapped in.
 *
 * Pagefind holds a whole index in memory while it builds it (about 0.5 MB per 3,000-word
 * chapter), so a large library is indexed in parts of at most `partPages` pages, a story kept in
 * one part where it fits, each in a fresh Pagefind process, a few at a time (Pagefind's advice for
 * large sites, Pagefind/pagefind#842). The first part is the index the search page loads; the
 * others are listed in `parts.json` beside it, and the search page merges them in the browser
 * (`mergeIndex`). A small site is one part, and `parts.json` lists none.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { hashOf, keepTree, linkTree, pruneExcept, searchPartCache } from '../src/build/build-cache.ts';
import { codeKey } from '../src/build/code-key.ts';
import { htmlDownloadUrl, SEARCH_PARTS_FILE, searchIndexPartFolder, searchIndexUrl } from '../src/lib/urls.ts';
import type { IndexPart, IndexPartAnswer } from './search-index-part.ts';

/** Pages per part: about 500 MB of Pagefind memory each, so two at once stay well under 3 GB (docs/performance.md). */
export const PART_PAGES = 1000;
/** Parts indexed at once: Pagefind indexes on one core. */
const WORKERS = Math.min(2, os.availableParallelism());

/** Pagefind's ready-made search interfaces: the search page has its own, so they are not published. */
const UNUSED = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;
/** What the search page's own Pagefind script needs, and so other parts do not. */
const SCRIPT = /^(pagefind(-worker)?\.js|wasm\..+\.pagefind)$/;

/** What Pagefind's `pagefind-entry.json` says of an index, as far as it is read here. */
interface PagefindEntry {
  languages: Record<string, { page_count: number }>;
}

/** Total bytes of the files under a folder. */
async function folderBytes(folder: string): Promise<number> {
  let bytes = 0;
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return bytes;
}

/** The page's bytes when it opts in to indexing. */
async function readIfMarked(file: string): Promise<Buffer | undefined> {
  const bytes = await readFile(file);
  return bytes.includes('data-pagefind-body') ? bytes : undefined;
}

/**
 * The pages that opt in to indexing, as paths relative to the site, in path order, each with a
 * hash of its bytes. A story's HTML download (`stories/<slug>/<slug>.html`) is a file, not a page.
 */
async function markedPages(site: string): Promise<Map<string, string>> {
  const pages = (await readdir(site, { recursive: true }))
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => file.endsWith('.html') && `/${file}` !== htmlDownloadUrl(file.split('/')[1] ?? ''))
    .sort();
  const marked = new Map<string, string>();
  // A few files at a time: all at once would hold every page in memory.
  for (let i = 0; i < pages.length; i += 64) {
    const batch = pages.slice(i, i + 64);
    const texts = await Promise.all(batch.map((page) => readIfMarked(path.join(site, page))));
    batch.forEach((page, j) => texts[j] && marked.set(page, hashOf(texts[j])));
  }
  return marked;
}

/**
 * Splits pages into parts of at most `maxPages`, of about equal size, keeping the pages of a story
 * (its folder, `stories/<slug>/`) together unless the story alone is larger than a part.
 * @param pages paths relative to the site, in path order
 */
export function packParts(pages: string[], maxPages: number): string[][] {
  const stories = new Map<string, string[]>();
  for (const page of pages) {
    const story = page.split('/').slice(0, 2).join('/');
    stories.set(story, [...(stories.get(story) ?? []), page]);
  }
  const target = pages.length / Math.ceil(pages.length / maxPages);
  const parts: string[][] = [];
  let part: string[] = [];
  let done = 0;
  for (const storyPages of stories.values()) {
    for (let i = 0; i < storyPages.length; i += maxPages) {
      const piece = storyPages.slice(i, i + maxPages);
      // A piece goes to the next part if it would not fit, or if most of it is past this part's share.
      const end = done + part.length + piece.length / 2;
      if (part.length > 0 && (part.length + piece.length > maxPages || end > target * (parts.length + 1))) {
        parts.push(part);
        done += part.length;
        part = [];
      }
      part.push(...piece);
    }
  }
  if (part.length > 0) parts.push(part);
  return parts;
}

/** Indexes the parts with a few worker threads, each part in its own Pagefind process. */
async function indexParts(site: string, parts: { pages: string[]; output: string }[], workers: number): Promise<void> {
  const queue = parts.map(({ pages, output }): IndexPart => ({ site, pages, output }));
  const errors: string[] = [];
  const work = async () => {
    const worker = new Worker(new URL('./search-index-part.ts', import.meta.url));
    try {
      for (let part = queue.shift(); part && errors.length === 0; part = queue.shift()) {
        const answer = await new Promise<IndexPartAnswer>((resolve, reject) => {
          const settle = <T>(settled: (value: T) => void) => (value: T) => {
            worker.off('message', onMessage).off('error', onError);
            settled(value);
          };
          const onMessage = settle(resolve);
          const onError = settle(reject);
          worker.on('message', onMessage).on('error', onError);
          worker.postMessage(part);
        });
        errors.push(...answer.errors);
      }
    } finally {
      await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.min(workers, parts.length) }, work));
  if (errors.length > 0) throw new Error(errors.join('\n'));
}

/**
 * Indexes the pages of the site in `site` and writes the index beside them. Throws, saying why,
 * when no page is marked for indexing or Pagefind reports errors.
 * @param site folder of a built site
 * @param options pages per part at most, parts indexed at once
 * @returns pages indexed, parts, size of the index on disk, time taken
 */
export async function buildSearchIndex(
  site: string,
  { partPages = PART_PAGES, workers = WORKERS, cache }: { partPages?: number; workers?: number; cache?: string } = {},
): Promise<{ pages: number; parts: number; kept: number; bytes: number; seconds: number }> {
  const started = performance.now();
  const output = path.join(site, searchIndexUrl());
  const pages = await markedPages(site);
  if (pages.size === 0) throw new Error(`no page in ${site} is marked with data-pagefind-body`);
  const parts = packParts([...pages.keys()], partPages).map((partPages, i) => ({
    pages: partPages,
    output: path.join(output, i === 0 ? '' : searchIndexPartFolder(i + 1)),
    // A part is named by its pages and their bytes, whether it is the first (which keeps the search script) and the code.
    key: hashOf(codeKey(), String(i === 0), ...partPages.flatMap((page) => [page, pages.get(page)!])),
  }));
  const kept = cache ? parts.filter((part) => existsSync(searchPartCache(cache, part.key))) : [];
  for (const part of kept) await linkTree(searchPartCache(cache!, part.key), part.output);
  const toIndex = parts.filter((part) => !kept.includes(part));
  await indexParts(site, toIndex, workers);
  for (const part of toIndex) {
    for (const file of await readdir(part.output)) if (UNUSED.test(file) || (part.output !== output && SCRIPT.test(file))) await rm(path.join(part.output, file));
  }
  let indexed = 0;
  for (let i = 0; i < parts.length; i++) {
    const folder = parts[i]!.output;
    const entry = JSON.parse(await readFile(path.join(folder, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
    indexed += Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
  }
  const partFolders = parts.slice(1).map((_, i) => searchIndexPartFolder(i + 2));
  await writeFile(path.join(output, SEARCH_PARTS_FILE), `${JSON.stringify(partFolders)}\n`);
  if (cache) {
    // The first part's folder also holds the other parts: only its own files are its.
    const others = new Set([SEARCH_PARTS_FILE, ...parts.slice(1).map((part) => path.basename(part.output))]);
    for (const part of toIndex) await keepTree(part.output, searchPartCache(cache, part.key), (name) => part.output === output && others.has(name));
    await pruneExcept(path.join(cache, 'search'), new Set(parts.map((part) => part.key)));
  }
  return { pages: indexed, parts: parts.length, kept: kept.length, bytes: await folderBytes(output), seconds: (performance.now() - started) / 1000 };
}
