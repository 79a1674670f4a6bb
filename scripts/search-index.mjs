/**
 * Builds the full-text search index (Pagefind) of a built site, into `<site>/pagefind/`. Only
 * pages that opt in with `data-pagefind-body` are indexed: stories and chapters.
 * scripts/build.mjs runs it on the staging folder, before that is swapped in.
 */
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { close, createIndex } from 'pagefind';
import { searchIndexUrl } from '../src/lib/urls.ts';

/** Pagefind's ready-made search interfaces: the search page has its own, so they are not published. */
const UNUSED = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

/** Total bytes of the files under a folder. */
async function folderBytes(folder) {
  let bytes = 0;
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return bytes;
}

/** Whether any page opts in; without one, Pagefind would index every page whole. */
async function anyPageMarked(folder) {
  for (const file of await readdir(folder, { recursive: true })) {
    if (file.endsWith('.html') && (await readFile(path.join(folder, file), 'utf8')).includes('data-pagefind-body')) return true;
  }
  return false;
}

const failIf = (errors) => {
  if (errors.length > 0) throw new Error(errors.join('\n'));
};

/**
 * Indexes the pages of the site in `site` and writes the index beside them. Throws, saying why,
 * when no page is marked for indexing or Pagefind reports errors.
 * @param {string} site folder of a built site
 * @returns {Promise<{ pages: number, bytes: number, seconds: number }>} pages indexed, size of the index on disk, time taken
 */
export async function buildSearchIndex(site) {
  const started = performance.now();
  const output = path.join(site, searchIndexUrl());
  if (!(await anyPageMarked(site))) throw new Error(`no page in ${site} is marked with data-pagefind-body`);
  try {
    const { index, errors } = await createIndex();
    failIf(errors);
    if (!index) throw new Error('Pagefind did not start');
    failIf((await index.addDirectory({ path: site })).errors);
    failIf((await index.writeFiles({ outputPath: output })).errors);
  } finally {
    await close();
  }
  for (const file of await readdir(output)) if (UNUSED.test(file)) await rm(path.join(output, file));
  const entry = JSON.parse(await readFile(path.join(output, 'pagefind-entry.json'), 'utf8'));
  const pages = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
  return { pages, bytes: await folderBytes(output), seconds: (performance.now() - started) / 1000 };
}
