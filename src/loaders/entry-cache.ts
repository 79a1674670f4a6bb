import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cacheFor, hashOf, partialName, pruneStoriesExcept } from '../build/build-cache';
import { codeKey } from '../build/code-key';
import { contentFileHash } from '../build/content-files';
import type { ChapterEntry, StoryEntry } from '../schemas';

/*
 * Resolved stories kept between builds: a story's entries (defaults filled in, titles, summaries
 * and notes rendered) under a hash of everything they are made from: what the story was read from
 * (its folder's entries and the bytes of its Markdown files, hashed as they are read: `source` in
 * read.ts), what it takes from the site and Quire's code. Resolving is most of reading a large library (2.6 s of 4.5 s at 10,000 chapters:
 * a kept text looked up per chapter, every title rendered), and an edit changes one story.
 * The story files the entries show (covers, images) are hashed too, and checked before kept entries
 * are trusted, as a kept chapter's are (render-cache.ts).
 */

/** The entries cache of a content folder. */
export const entryCacheFor = (root: string): string => path.join(cacheFor(root), 'entries');

export interface StoryEntries {
  story: StoryEntry;
  chapters: ChapterEntry[];
}

interface KeptEntries extends StoryEntries {
  /** Each story file the entries show, with a hash of its bytes. */
  files: Record<string, string>;
}

/**
 * The keys a story's entries may be kept under: what it was read from (`source`, read.ts) and what
 * it takes from the site, and, for a story with drafts (whose entries depend on whether drafts are
 * shown), that too. So the dev server, which shows drafts, and a build share the entries of every
 * story without any.
 */
export interface EntriesKeys {
  anyMode: string;
  thisMode: string;
}

export function storyEntriesKeys(source: string, defaults: unknown, includeDrafts: boolean): EntriesKeys {
  const anyMode = hashOf(codeKey(), source, JSON.stringify(defaults));
  return { anyMode, thisMode: hashOf(anyMode, `drafts ${includeDrafts}`) };
}

/** Kept entries, with the key they are kept under. */
export interface KeptStoryEntries {
  entries: StoryEntries;
  key: string;
}

const entriesFile = (cache: string, slug: string, key: string) => path.join(cache, slug, `${key}.json`);

/** The entries kept under one of `keys`, when the files they show are unchanged and their chapters' texts are still kept. */
export async function keptEntries(cache: string, slug: string, keys: EntriesKeys): Promise<KeptStoryEntries | undefined> {
  let kept: KeptEntries | undefined;
  let key = '';
  for (key of [keys.anyMode, keys.thisMode]) {
    try {
      kept = JSON.parse(await readFile(entriesFile(cache, slug, key), 'utf8')) as KeptEntries;
      break;
    } catch {
      continue;
    }
  }
  if (!kept) return undefined;
  for (const [file, hash] of Object.entries(kept.files)) if ((await contentFileHash(file, kept.story.folder)) !== hash) return undefined;
  if (!kept.chapters.every((chapter) => existsSync(chapter.textFile))) return undefined;
  return { entries: { story: kept.story, chapters: kept.chapters }, key };
}

/** Finds the entries kept for a story read from `source` (read.ts) that takes `defaults` from the site. */
export const keptLookup =
  (cache: string, defaults: unknown, includeDrafts: boolean) =>
  async (story: { slug: string; source: string }): Promise<KeptStoryEntries | undefined> =>
    keptEntries(cache, story.slug, storyEntriesKeys(story.source, await defaults, includeDrafts));

/**
 * Keeps a story's entries under `key`, complete or not at all, and returns them as they will be
 * read back (JSON has no `undefined`), so a build that resolved a story and one that kept it
 * hand the pages the same entries.
 */
export async function keepEntries(cache: string, keys: EntriesKeys, entries: StoryEntries, hasDrafts: boolean): Promise<KeptStoryEntries> {
  const key = hasDrafts ? keys.thisMode : keys.anyMode;
  const files: Record<string, string> = {};
  for (const file of entries.story.files) files[path.join(entries.story.folder, file)] = (await contentFileHash(path.join(entries.story.folder, file), entries.story.folder)) ?? '';
  const json = JSON.stringify({ ...entries, files } satisfies KeptEntries);
  const file = entriesFile(cache, entries.story.slug, key);
  await mkdir(path.dirname(file), { recursive: true });
  const partial = partialName(file);
  await writeFile(partial, json);
  await rename(partial, file);
  const { story, chapters } = JSON.parse(json) as KeptEntries;
  return { entries: { story, chapters }, key };
}

/** Removes every story's kept entries but those under `keys` (slug to key): what this build used. */
export const pruneEntries = (cache: string, keys: Map<string, string>): Promise<void> =>
  pruneStoriesExcept(cache, new Map([...keys].map(([slug, key]) => [slug, `${key}.json`])));
