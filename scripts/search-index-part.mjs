/**
 * Worker thread of scripts/search-index.mjs: indexes one part of a built site at a time, each in
 * a fresh Pagefind process that is closed after writing the part, so its memory is given back
 * before the next part. Pagefind's Node API keeps one process per module instance, so each
 * worker thread indexes in its own process, in parallel with the others.
 *
 * Receives `{ site, pages, output }` (the site folder, the pages of the part as paths relative to
 * it, and where to write the part's index); answers `{ errors }`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { close, createIndex } from 'pagefind';

/** Indexes the pages and writes the part; resolves with Pagefind's errors, if any. */
async function indexPart({ site, pages, output }) {
  try {
    const { index, errors } = await createIndex();
    if (errors.length > 0 || !index) return errors.length > 0 ? errors : ['Pagefind did not start'];
    for (const page of pages) {
      const added = await index.addHTMLFile({ sourcePath: page, content: await readFile(path.join(site, page), 'utf8') });
      if (added.errors.length > 0) return added.errors.map((error) => `${page}: ${error}`);
    }
    return (await index.writeFiles({ outputPath: output })).errors;
  } finally {
    await close();
  }
}

parentPort?.on('message', (part) => {
  indexPart(part).then(
    (errors) => parentPort?.postMessage({ errors }),
    (error) => parentPort?.postMessage({ errors: [error instanceof Error ? error.message : String(error)] }),
  );
});
