#!/usr/bin/env node
/**
 * `npm run check`: validates the content folder (QUIRE_CONTENT, else content/) without building
 * any page, for editors and pre-commit hooks. It runs the build's own reader, so it finds the same
 * problems and prints the same messages. `--drafts` also renders drafts, as `npm run dev` does.
 * Exit code 0 when the content is valid, 1 when it has problems, 2 when the check could not run.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentRoot } from '../src/build/content-folder';
import { readLibrary } from '../src/loaders/library';
import { ContentProblems } from '../src/loaders/problems';

let options: { drafts: boolean };
try {
  ({ values: options } = parseArgs({ options: { drafts: { type: 'boolean', default: false } } }));
} catch (error) {
  console.error(`${(error as Error).message}\nusage: npm run check [-- --drafts]`);
  process.exit(2);
}
const root = contentRoot();
// Rendering also finds problems (images), so the text is rendered, into a throwaway cache.
const renderCache = await mkdtemp(path.join(os.tmpdir(), 'quire-check-'));
try {
  const started = performance.now();
  const { stories, chapters } = await readLibrary(root, { includeDrafts: options.drafts, renderCache });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const drafts = options.drafts ? 'drafts included' : 'drafts not counted';
  console.log(`The content is valid: ${stories.length} stories, ${chapters.length} chapters (${drafts}), checked in ${seconds} s.`);
} catch (error) {
  console.error(error instanceof ContentProblems ? error.message : `The check could not run: ${String(error)}`);
  process.exitCode = error instanceof ContentProblems ? 1 : 2;
} finally {
  await rm(renderCache, { recursive: true, force: true });
}
