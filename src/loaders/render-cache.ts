import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cacheFor, hashOf, partialName } from '../build/build-cache';
import { codeKey } from '../build/code-key';
import { contentFileHash } from '../build/content-files';

/*
 * Where rendered text lives between loading and page rendering; no other module knows. Chapter
 * text and notes stay out of Astro's content store, which Astro bundles as one module: at archive
 * scale (10,000 chapters, 200 MB) the text would cost gigabytes of memory, and the notes (half of
 * what is left) would double what the dev server writes and loads again after every save. Each
 * chapter is kept under a hash of its Markdown (text and notes), its story and Quire's code, so
 * the next build renders only what changed; the images it shows are checked again before the
 * kept chapter is trusted.
 */

/** The render cache of a content folder. */
export const renderCacheFor = (root: string): string => path.join(cacheFor(root), 'text');

/** What the pages need of a rendered chapter. */
export interface KeptChapter {
  /** The handle a chapter entry stores: read the text with getChapterHtml. */
  textFile: string;
  words: number;
  /** Story-folder files the text shows. */
  files: string[];
}

/** A chapter's notes, rendered: each absent when the chapter has none. */
export interface ChapterNotes {
  notes?: string | undefined;
  endNotes?: string | undefined;
}

interface KeptFacts extends ChapterNotes {
  words: number;
  /** Each file the text and notes show, with a hash of its bytes when they were rendered. */
  files: Record<string, string>;
}

/** The key a chapter is kept under: everything of it that is rendered. */
export const chapterKey = (story: { slug: string; folder: string }, markdown: { text: string } & ChapterNotes): string =>
  hashOf(codeKey(), story.slug, story.folder, markdown.text, JSON.stringify([markdown.notes, markdown.endNotes]));

const factsFile = (textFile: string) => textFile.replace(/\.html$/, '.json');

/** A story file's hash (`file` is relative to the story's folder). */
const fileHash = (folder: string, file: string) => contentFileHash(path.join(folder, file), folder);

/** The text kept under `key`, when it is complete and the files it shows (in the story's `folder`) are unchanged. */
export async function keptChapter(cache: string, key: string, folder: string): Promise<KeptChapter | undefined> {
  const textFile = path.join(cache, `${key}.html`);
  let facts: KeptFacts;
  try {
    facts = JSON.parse(await readFile(factsFile(textFile), 'utf8')) as KeptFacts;
  } catch {
    return undefined;
  }
  if (!existsSync(textFile)) return undefined;
  for (const [file, hash] of Object.entries(facts.files)) if ((await fileHash(folder, file)) !== hash) return undefined;
  return { textFile, words: facts.words, files: Object.keys(facts.files) };
}

/** Keeps a rendered chapter under `key`: the text first, then its facts and notes, each complete or absent. */
export async function keepChapter(
  cache: string,
  key: string,
  rendered: { html: string; words: number; files: string[] } & ChapterNotes,
  folder: string,
): Promise<KeptChapter> {
  await mkdir(cache, { recursive: true });
  const textFile = path.join(cache, `${key}.html`);
  const files: Record<string, string> = {};
  for (const file of rendered.files) files[file] = (await fileHash(folder, file)) ?? '';
  const write = async (file: string, data: string) => {
    const partial = partialName(file);
    await writeFile(partial, data);
    await rename(partial, file);
  };
  await write(textFile, rendered.html);
  await write(factsFile(textFile), JSON.stringify({ words: rendered.words, files, notes: rendered.notes, endNotes: rendered.endNotes } satisfies KeptFacts));
  return { textFile, words: rendered.words, files: rendered.files };
}

/** Removes every kept text but those under `keys`: what the content no longer has. */
export async function pruneChapters(cache: string, keys: Set<string>): Promise<void> {
  if (!existsSync(cache)) return;
  for (const name of await readdir(cache)) if (!keys.has(name.slice(0, name.indexOf('.')))) await rm(path.join(cache, name), { force: true });
}

/** A chapter's rendered text: what its page, the whole work and the downloads show. */
export const getChapterHtml = (chapter: { textFile: string }): Promise<string> => readFile(chapter.textFile, 'utf8');

/** A chapter's rendered notes and end notes, kept beside its text. */
export async function getChapterNotes(chapter: { textFile: string }): Promise<ChapterNotes> {
  const { notes, endNotes } = JSON.parse(await readFile(factsFile(chapter.textFile), 'utf8')) as KeptFacts;
  return { notes, endNotes };
}

/** Keeps a story's built download (`name` as `<story>.epub`) for this build, returning a reader of it. */
export async function storeDownload(root: string, name: string, data: Uint8Array): Promise<() => Promise<Uint8Array<ArrayBuffer>>> {
  const folder = path.join(cacheFor(root), 'downloads');
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, name);
  await writeFile(file, data);
  return () => readFile(file);
}
