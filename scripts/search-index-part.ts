/**
 * Worker thread of scripts/search-index.ts: indexes one part of a built site at a time, each in
 * a fresh Pagefind process that is closed after writing the part, so its memory is given back
 * before the next part. Pagefind's Node API keeps one process per module instance, so each
 * worker thread indexes in its own process, in parallel with the others.
 *
 * Receives an `IndexPart`; answers an `IndexPartAnswer`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { close, createIndex } from 'pagefind';

/** One part of the index: what the worker is sent. */
export interface IndexPart {
  /** The site folder. */
  site: string;
  /** The pages of the part, as paths relative to the site. */
  pages: string[];
  /** Where to write the part's index. */
  output: string;
}

/** The worker's answer: Pagefind's errors, none when the part was written. */
export interface IndexPartAnswer {
  errors: string[];
}

/** Indexes the pages and writes the part; resolves with Pagefind's errors, if any. */
async function indexPart({ site, pages, output }: IndexPart): Promise<string[]> {
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

parentPort?.on('message', (part: IndexPart) => {
  indexPart(part).then(
    (errors) => parentPort?.postMessage({ errors } satisfies IndexPartAnswer),
    (error: unknown) => parentPort?.postMessage({ errors: [error instanceof Error ? error.message : String(error)] } satisfies IndexPartAnswer),
  );
});
