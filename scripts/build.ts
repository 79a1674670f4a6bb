#!/usr/bin/env node
/**
 * `npm run build`: builds the site into a fresh folder beside the output (QUIRE_OUT, else dist/)
 * and swaps it in only when the build succeeds, so a failed build never leaves a half-written
 * site behind. The search index is built into the staging folder too, so a failed index never
 * replaces a good site. Extra arguments go to `astro build`.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { buildSearchIndex, PART_PAGES } from './search-index.ts';

const out = path.resolve(process.env.QUIRE_OUT ?? 'dist');
const staging = `${out}.staging-${process.pid}`;
const astro = path.resolve('node_modules/astro/bin/astro.mjs');

/** Pages per part of the search index: QUIRE_SEARCH_PART_PAGES (the fixtures use a few, to test parts), else the default. */
function searchPartPages() {
  const value = process.env.QUIRE_SEARCH_PART_PAGES;
  if (value === undefined) return PART_PAGES;
  if (!/^[1-9]\d*$/.test(value)) {
    console.error(`QUIRE_SEARCH_PART_PAGES must be a whole number of pages, at least 1; it is "${value}".`);
    process.exit(1);
  }
  return Number(value);
}
const partPages = searchPartPages();

const code = await new Promise<number | null>((resolve) => {
  spawn(process.execPath, [astro, 'build', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, QUIRE_OUT: staging },
  }).on('close', resolve);
});

if (code !== 0) {
  await rm(staging, { recursive: true, force: true });
  console.error(`\nThe build failed; ${path.relative(process.cwd(), out) || out} was left as it was.`);
  process.exit(code ?? 1);
}
try {
  const search = await buildSearchIndex(staging, { partPages });
  console.log(
    `Indexed ${search.pages} pages for search in ${search.seconds.toFixed(2)} s; the index takes ${search.bytes} bytes, in ${search.parts} part${search.parts === 1 ? '' : 's'}.`,
  );
} catch (error) {
  await rm(staging, { recursive: true, force: true });
  console.error(`\nBuilding the search index failed: ${error instanceof Error ? error.message : error}`);
  console.error(`${path.relative(process.cwd(), out) || out} was left as it was.`);
  process.exit(1);
}
const previous = `${out}.previous-${process.pid}`;
if (existsSync(out)) await rename(out, previous);
await rename(staging, out);
await rm(previous, { recursive: true, force: true });
