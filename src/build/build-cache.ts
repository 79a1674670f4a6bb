import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync } from 'node:fs';
import { readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/*
 * The one folder a build keeps for the next (docs/architecture.md, "Incremental builds"):
 * QUIRE_CACHE, else node_modules/.cache/quire, one sub-folder per content folder. Everything in it
 * is named by a hash of its inputs (content and code), written under a temporary name and renamed
 * into place when complete, so a build killed half-way leaves nothing the next build could
 * mistake for finished work. Deleting the folder, or `npm run build -- --clean`, forces a cold build.
 *
 *   text/<key>.html, .json    a chapter's rendered text and what rendering it found (loaders/render-cache.ts)
 *   entries/<slug>/<key>.json a story's resolved entries, by the hash of what they are made from (loaders/entry-cache.ts)
 *   stories/<slug>/<key>/     a story's built folder, stories/<slug>/ of the site (pages, downloads, cards)
 *   search-stories/<slug>/<key>.json   the terms of a story folder's pages for the search index, by the folder's key (scripts/search-index.ts)
 *   search-pages/<key>.json   the terms of any other page, by the hash of its bytes
 */

/** What the Astro build tells scripts/build.ts (src/data/story-builds.ts): the site's address, and each published story's hash and whether it was generated. */
export interface BuildPlan {
  siteUrl: string;
  stories: Record<string, { key: string; generated: boolean }>;
}

export const cacheRoot = (): string => path.resolve(process.env.QUIRE_CACHE ?? 'node_modules/.cache/quire');

/** The cache of one content folder. */
export const cacheFor = (contentRoot: string): string =>
  path.join(cacheRoot(), createHash('sha256').update(path.resolve(contentRoot)).digest('hex').slice(0, 16));

export const hashOf = (...parts: (string | Uint8Array)[]): string => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(typeof part === 'string' ? `${part.length}:${part}` : part);
  return hash.digest('hex');
};

let partials = 0;

/** A temporary name beside `file`, unique to this process and call: written there, then renamed. */
export const partialName = (file: string): string => `${file}.partial-${process.pid}-${partials++}`;

/** Where a story's built folder is kept for the inputs hashed as `key`. */
export const storyFolderCache = (cache: string, slug: string, key: string): string => path.join(cache, 'stories', slug, key);

/**
 * Makes `to` a copy of the tree at `from` whose files are hard links (no bytes copied): the output
 * and the cache share files that neither ever changes in place. Across file systems, copies.
 * Synchronous: one system call a file, where the promise API's round trip through the thread pool
 * made linking a 10,000-chapter site's kept stories take 2.3 s instead of 0.8 s.
 */
export function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else {
      try {
        linkSync(source, target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
        copyFileSync(source, target);
      }
    }
  }
}

/** Keeps a copy of the tree at `from` as `to`, complete or not at all. */
export async function keepTree(from: string, to: string): Promise<void> {
  if (existsSync(to)) return;
  const partial = partialName(to);
  linkTree(from, partial);
  await rename(partial, to);
}

/** Removes every entry of `folder` but those named in `keep`. */
export async function pruneExcept(folder: string, keep: Set<string>): Promise<void> {
  if (!existsSync(folder)) return;
  for (const name of await readdir(folder)) if (!keep.has(name)) await rm(path.join(folder, name), { recursive: true, force: true });
}

/**
 * Keeps, of a folder of one sub-folder per story, only the stories in `keep` and in each only the
 * entry `keep` names for it (story slug to entry name): what a build used, one entry a story.
 */
export async function pruneStoriesExcept(folder: string, keep: Map<string, string>): Promise<void> {
  await pruneExcept(folder, new Set(keep.keys()));
  for (const [slug, name] of keep) await pruneExcept(path.join(folder, slug), new Set([name]));
}
