import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/*
 * Where rendered text lives between loading and page rendering; no other module knows. Chapter
 * text stays out of Astro's content store, which Astro bundles as one module: at archive scale
 * (10,000 chapters, 200 MB) that costs gigabytes of memory. One folder per content folder.
 */

/** The render cache of a content folder. */
export const renderCacheFor = (root: string): string =>
  path.resolve('node_modules/.cache/quire', createHash('sha256').update(root).digest('hex').slice(0, 16));

/** Empties a render cache before the content is rendered again. */
export const clearRenderCache = (cache: string): Promise<void> => rm(cache, { recursive: true, force: true });

/** Keeps a chapter's rendered text; returns the handle a chapter entry stores (its `textFile`). */
export async function storeChapterHtml(cache: string, story: string, chapter: string, html: string): Promise<string> {
  const folder = path.join(cache, story);
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, `${chapter}.html`);
  await writeFile(file, html);
  return file;
}

/** A chapter's rendered text: what its page, the whole work and the downloads show. */
export const getChapterHtml = (chapter: { textFile: string }): Promise<string> => readFile(chapter.textFile, 'utf8');

/** Keeps a story's built download (`name` as `<story>.epub`), returning a reader of it. */
export async function storeDownload(cache: string, name: string, data: Uint8Array): Promise<() => Promise<Uint8Array<ArrayBuffer>>> {
  // Story slugs never start with a dot, so this folder cannot be a story's.
  const folder = path.join(cache, '.downloads');
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, name);
  await writeFile(file, data);
  return () => readFile(file);
}
