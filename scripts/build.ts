#!/usr/bin/env node
/**
 * `npm run build`: builds the site into a fresh folder beside the output (QUIRE_OUT, else dist/)
 * and swaps it in only when the build succeeds, so a failed or killed build never leaves a
 * half-written site behind. Incremental (docs/architecture.md, "Incremental builds"): Astro
 * generates only the stories whose inputs changed, the others' folders are linked in from the
 * build cache, then the sitemap and the search index (from each page's terms, kept by page) are written over the
 * whole. `--clean` empties the cache first: a cold build. `--skip-broken` leaves stories with
 * problems out, listed, instead of stopping. Other arguments go to `astro build`.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { type BuildPlan, cacheFor, keepTree, linkTree, pruneStoriesExcept, storyFolderCache } from '../src/build/build-cache.ts';
import { buildSearchIndex, WINDOW_PAGES } from './search-index.ts';
import { writeSitemap } from './sitemap.ts';

const out = path.resolve(process.env.QUIRE_OUT ?? 'dist');
const staging = `${out}.staging-${process.pid}`;
const astro = path.resolve('node_modules/astro/bin/astro.mjs');
const clean = process.argv.includes('--clean');
/** Stories with problems are left out (and listed) instead of stopping the build. */
const skipBroken = process.argv.includes('--skip-broken');
const astroArguments = process.argv.slice(2).filter((argument) => argument !== '--clean' && argument !== '--skip-broken');
// As src/build/content-folder.ts finds it (that module is read through Vite, not run here).
const cache = cacheFor(process.env.QUIRE_CONTENT ?? 'content');
const planFile = path.join(cache, `plan-${process.pid}.json`);
const problemsFile = path.join(cache, `problems-${process.pid}.txt`);

/** Pages per window of the search index's common terms: QUIRE_SEARCH_WINDOW (the fixtures use a few, to test windows), else the default. */
function searchWindow() {
  const value = process.env.QUIRE_SEARCH_WINDOW;
  if (value === undefined) return WINDOW_PAGES;
  if (!/^[1-9]\d*$/.test(value)) {
    console.error(`QUIRE_SEARCH_WINDOW must be a whole number of pages, at least 1; it is "${value}".`);
    process.exit(1);
  }
  return Number(value);
}
const window = searchWindow();

async function fail(message: string): Promise<never> {
  await rm(staging, { recursive: true, force: true });
  await rm(planFile, { force: true });
  // The content's problems, when that is why: the last thing the author reads (src/loaders/astro.ts).
  const problems = existsSync(problemsFile) ? await readFile(problemsFile, 'utf8') : undefined;
  await rm(problemsFile, { force: true });
  const shown = path.relative(process.cwd(), out);
  const left = `${shown === '' || shown.startsWith('..') ? out : shown} was left as it was.`;
  if (problems) console.error(`\nThe build stopped; ${left}\n\n${problems}\n\nFix them and build again (\`npm run check\` lists them without building).`);
  else console.error(`\n${message}\n${left}`);
  process.exit(1);
}

/** Where the site this build replaces goes, to be removed once the new one is in place. */
const previous = `${out}.previous-${process.pid}`;
const previousPrefix = `${path.basename(out)}.previous-`;

/**
 * Removes the replaced site in a process of its own, so the build is done when the new site is in
 * place: removing a 10,000-chapter site's 12,000 files took 1.5 s. A removal that did not finish
 * (the machine stopped) is finished by the next build (`sweptPrevious`).
 */
function removeInBackground(folder: string): void {
  spawn(process.execPath, ['-e', 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })', folder], { detached: true, stdio: 'ignore' }).unref();
}

/** Replaced sites earlier builds left behind, removed while Astro runs. */
const sweptPrevious = readdir(path.dirname(out)).then(
  (names) => Promise.all(names.filter((name) => name.startsWith(previousPrefix)).map((name) => rm(path.join(path.dirname(out), name), { recursive: true, force: true }))),
  () => [],
);

if (clean) await rm(cache, { recursive: true, force: true });
await mkdir(cache, { recursive: true });
const code = await new Promise<number | null>((resolve) => {
  spawn(process.execPath, [astro, 'build', ...astroArguments], {
    stdio: 'inherit',
    env: { ...process.env, QUIRE_OUT: staging, QUIRE_BUILD_CACHE: cache, QUIRE_BUILD_PLAN: planFile, QUIRE_PROBLEMS_FILE: problemsFile, ...(skipBroken ? { QUIRE_SKIP_BROKEN: '1' } : {}) },
  }).on('close', resolve);
});
if (code !== 0) await fail('The build failed.');

/** Each story folder's key, by which the search index keeps its pages' terms. */
let storyKeys: Record<string, string> = {};
try {
  const plan = JSON.parse(await readFile(planFile, 'utf8')) as BuildPlan;
  const stories = Object.entries(plan.stories);
  storyKeys = Object.fromEntries(stories.map(([slug, { key }]) => [slug, key]));
  for (const [slug, { key, generated }] of stories) {
    const built = path.join(staging, 'stories', slug);
    if (generated) await keepTree(built, storyFolderCache(cache, slug, key));
    else linkTree(storyFolderCache(cache, slug, key), built);
  }
  // Only the folders this build used stay: the cache holds one site's worth of stories.
  await pruneStoriesExcept(path.join(cache, 'stories'), new Map(Object.entries(storyKeys)));
  const generated = stories.filter(([, { generated }]) => generated).length;
  console.log(`Generated ${generated} of ${stories.length} stories; the others were kept from the last build.`);
  await writeSitemap(staging, plan.siteUrl);
} catch (error) {
  await fail(`Putting the kept stories in place failed: ${error instanceof Error ? error.message : error}`);
}

try {
  const search = await buildSearchIndex(staging, { window, cache, storyKeys });
  console.log(
    `Indexed ${search.pages} pages for search in ${search.seconds.toFixed(2)} s (${search.read} read again); the index takes ${search.bytes} bytes in ${search.files} files.`,
  );
} catch (error) {
  await fail(`Building the search index failed: ${error instanceof Error ? error.message : error}`);
}
await rm(planFile, { force: true });
await sweptPrevious;
const replacing = existsSync(out);
if (replacing) await rename(out, previous);
await rename(staging, out);
if (replacing) removeInBackground(previous);
