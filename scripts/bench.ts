#!/usr/bin/env node
/**
 * Build benchmark: generates synthetic libraries (scripts/generate-library.ts) and, for each, builds
 * a baseline (scripts/bench-baseline/: the same chapters as plain Astro pages, plus Pagefind over
 * them), then Quire cold (`--clean`), and then incrementally after a one-word edit of a chapter,
 * after a chapter is added and after a story's title changes. Reports wall time (and its ratio to
 * the baseline and to the cold build, all measured in this run), peak memory of the whole process
 * tree, pages, output size and file count, and where the time goes; then the weight of a typical
 * chapter page of the sample library, without its text, and the dev server on each generated
 * library: how long until it answers a chapter page, and until a saved edit shows; then search at
 * archive scale: the largest library's index simulated at `--search-pages` pages and searched in
 * Chromium; and its home page simulated at `--list-stories` stories, sorted and filtered in
 * Chromium. Results are printed as Markdown tables.
 *
 * Usage: npm run bench -- [--chapters 1000,10000] [--search-pages 100000,1000000] [--list-stories 100000]
 */
import { spawn } from 'node:child_process';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from '@playwright/test';
import { ensureChromium } from './chromium.ts';
import { generateLibrary } from './generate-library.ts';
import { CHAPTER_PAGE_BUDGET, pageWeight } from './page-weight.ts';

const { values } = parseArgs({
  options: {
    chapters: { type: 'string', default: '1000' },
    'search-pages': { type: 'string', default: '100000' },
    'list-stories': { type: 'string', default: '100000' },
  },
});
const BUILD = path.resolve('scripts/build.ts');
const ASTRO = path.resolve('node_modules/astro/bin/astro.mjs');
const PAGEFIND = path.resolve('node_modules/pagefind/lib/runner/bin.cjs');
const BASELINE = path.resolve('scripts/bench-baseline');

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
async function treeRss(rootPid: number): Promise<number> {
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = await readFile(`/proc/${name}/status`, 'utf8');
      parents.set(Number(name), Number(/PPid:\s+(\d+)/.exec(status)?.[1]));
      rss.set(Number(name), Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    for (const [child, parent] of parents) if (parent === pid) stack.push(child);
  }
  return total;
}

interface Measured {
  seconds: number;
  /** Peak resident memory of the process tree, in bytes. */
  peak: number;
  output: string;
}

/** Runs a command, sampling the tree's memory; resolves with wall time and peak memory. */
function measure(command: string, args: string[], env: Record<string, string>): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    let peak = 0;
    const timer = setInterval(async () => (peak = Math.max(peak, await treeRss(child.pid!))), 100);
    child.on('close', (code) => {
      clearInterval(timer);
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} failed:\n${output.slice(-3000)}`));
      else resolve({ seconds: (performance.now() - started) / 1000, peak, output });
    });
  });
}

/**
 * Seconds spent reading the content (Quire's loader), generating pages (Astro; within that, building
 * the EPUB and HTML downloads) and building the search index, and the index's size, from
 * the build log.
 */
function stageSeconds(output: string) {
  const content = Number(/Read \d+ stories and \d+ chapters in ([\d.]+) s/.exec(output)?.[1] ?? 0);
  const downloads = Number(/Built the EPUB and HTML downloads of \d+ stories in ([\d.]+) s/.exec(output)?.[1] ?? 0);
  // Astro writes "870ms", "9.67s" or, past a minute, "1m 12s".
  const [, minutes = '0', amount = '0', unit = 's'] = /generating static routes[\s\S]*?Completed in (?:(\d+)m )?([\d.]+)(ms|s)\b/.exec(output) ?? [];
  const pages = Number(minutes) * 60 + Number(amount) / (unit === 'ms' ? 1000 : 1);
  const [, searchPages = '0', search = '0', searchBytes = '0'] = /Indexed (\d+) pages for search in ([\d.]+) s[^;]*; the index takes (\d+) bytes/.exec(output) ?? [];
  return { content, pages, downloads, search: Number(search), searchPages: Number(searchPages), searchBytes: Number(searchBytes) };
}

async function folderStats(folder: string): Promise<{ bytes: number; pages: number; files: number }> {
  let bytes = 0;
  let pages = 0;
  let files = 0;
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
    // A story's single-file download (stories/<story>/<story>.html) is a file, not a page.
    if (entry.name.endsWith('.html') && entry.name !== `${path.basename(entry.parentPath)}.html`) pages++;
  }
  return { bytes, pages, files };
}

const mb = (bytes: number) => (bytes < 10 * 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} KB` : `${(bytes / 1024 / 1024).toFixed(0)} MB`);

/** The baseline: the chapters as plain Astro pages, then Pagefind over them; wall time of both. */
async function baseline(content: string, out: string): Promise<Measured> {
  await rm(out, { recursive: true, force: true });
  const env = { BASELINE_CONTENT: content, BASELINE_OUT: out, ASTRO_TELEMETRY_DISABLED: '1' };
  const pages = await measure(process.execPath, [ASTRO, 'build', '--root', BASELINE], env);
  const search = await measure(process.execPath, [PAGEFIND, '--site', out], {});
  return { seconds: pages.seconds + search.seconds, peak: Math.max(pages.peak, search.peak), output: pages.output + search.output };
}

/** The edits an archive sees most, made to a generated library between incremental builds. */
const EDITS: { label: string; apply: (library: string) => Promise<void> }[] = [
  { label: 'nothing changed', apply: async () => undefined },
  {
    label: 'one word of a chapter',
    apply: async (library) => {
      const file = path.join(library, 'stories/story-0001/05-chapter-5.md');
      await writeFile(file, (await readFile(file, 'utf8')).replace(/\bthe\b/, 'a'));
    },
  },
  {
    label: 'a chapter added',
    apply: async (library) => {
      const folder = path.join(library, 'stories/story-0002');
      const last = (await readdir(folder)).filter((name) => /^\d+-/.test(name)).sort().at(-1)!;
      const number = Number(last.slice(0, last.indexOf('-'))) + 1;
      await writeFile(path.join(folder, `${String(number).padStart(2, '0')}-added.md`), (await readFile(path.join(folder, last), 'utf8')).replace(/^title: .*$/m, 'title: Added'));
    },
  },
  {
    label: "a story's title",
    apply: async (library) => {
      const file = path.join(library, 'stories/story-0003/index.md');
      await writeFile(file, (await readFile(file, 'utf8')).replace(/^title: (.*)$/m, (_, title: string) => `title: ${JSON.stringify(`${JSON.parse(title)}, Renamed`)}`));
    },
  },
];

async function benchBuild(label: string, content: string, out: string, { edits = true } = {}): Promise<string[]> {
  const env = { QUIRE_CONTENT: content, QUIRE_OUT: out, ASTRO_TELEMETRY_DISABLED: '1' };
  const rows: string[] = [];
  const base = await baseline(content, path.resolve(`${out}-baseline`));
  const baseStats = await folderStats(path.resolve(`${out}-baseline`));
  rows.push(`| ${label} | baseline: plain Astro pages + Pagefind | ${base.seconds.toFixed(1)} s | 1.00 | | ${mb(base.peak)} | ${baseStats.pages} | ${mb(baseStats.bytes)} | ${baseStats.files} | | | | | |`);
  console.error(`${label} baseline: ${base.seconds.toFixed(1)} s`);
  let cold = 0;
  for (const edit of [{ label: 'cold (--clean)', apply: async () => undefined }, ...(edits ? EDITS : [])]) {
    await edit.apply(content);
    const run = await measure(process.execPath, cold === 0 ? [BUILD, '--clean'] : [BUILD], env);
    if (cold === 0) cold = run.seconds;
    const { bytes, pages, files } = await folderStats(out);
    const stages = stageSeconds(run.output);
    const share = (seconds: number) => `${seconds.toFixed(1)} s (${((100 * seconds) / run.seconds).toFixed(0)}%)`;
    const generated = /Generated (\d+ of \d+) stories/.exec(run.output)?.[1] ?? '';
    rows.push(
      `| ${label} | ${edit.label} | ${run.seconds.toFixed(1)} s | ${(run.seconds / base.seconds).toFixed(2)} | ${cold === run.seconds ? '' : `${((100 * run.seconds) / cold).toFixed(0)}%`} | ${mb(run.peak)} | ${pages} | ${mb(bytes)} | ${files} | ` +
        `${generated} | ${share(stages.content)} | ${share(stages.pages)} | ${share(stages.downloads)} | ${share(stages.search)} |`,
    );
    console.error(`${label} ${edit.label}: ${run.seconds.toFixed(1)} s, peak ${mb(run.peak)}`);
  }
  return rows;
}

const DEV_PORT = 4479;

/**
 * The dev server on a library whose render cache is warm (the builds above filled it): seconds
 * until a chapter page answers, then until a one-word edit of it shows, and what the page
 * answered meanwhile (a save must never leave the author looking at errors).
 */
async function benchDev(label: string, content: string): Promise<string> {
  const page = `http://localhost:${DEV_PORT}/stories/story-0001/chapter-1/`;
  const file = path.join(content, 'stories/story-0001/01-chapter-1.md');
  const child = spawn(process.execPath, [ASTRO, 'dev', '--port', String(DEV_PORT)], {
    env: { ...process.env, QUIRE_CONTENT: content, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore',
    detached: true,
  });
  const answers = new Map<string, number>();
  const until = async (wanted: (body: string) => boolean) => {
    const deadline = performance.now() + 600_000;
    while (performance.now() < deadline) {
      const answer = await fetch(page).then(async (response) => ({ status: String(response.status), body: await response.text() }), () => ({ status: 'no answer', body: '' }));
      answers.set(answer.status, (answers.get(answer.status) ?? 0) + 1);
      if (answer.status === '200' && wanted(answer.body)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`${page} did not show what the benchmark waits for`);
  };
  try {
    const started = performance.now();
    await until(() => true);
    const ready = (performance.now() - started) / 1000;
    answers.clear();
    const word = `Benchmarked${Date.now()}`;
    await writeFile(file, (await readFile(file, 'utf8')).replace(/\n\n(?=[A-Z“])/, `\n\n${word} `));
    const saved = performance.now();
    await until((body) => body.includes(word));
    const shown = (performance.now() - saved) / 1000;
    console.error(`${label} dev server: ready ${ready.toFixed(1)} s, edit shown ${shown.toFixed(1)} s`);
    return `| ${label} | ${ready.toFixed(1)} s | ${shown.toFixed(1)} s | ${[...answers].map(([status, count]) => `${count} × ${status}`).join(', ')} |`;
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
  }
}

const SIMULATION_PORT = 4480;

interface TimedChange {
  seconds: number;
  requests: number;
  bytes: number;
  /** What the page's live region said once it was done. */
  status: string;
}

/**
 * One change on a page (`address`) of the simulated site, once the page has loaded: seconds until `done`
 * resolves, and the requests and bytes it cost.
 */
async function timeChange(browser: Browser, address: string, change: (page: Page) => Promise<void>, done: (page: Page) => Promise<void>, status: string): Promise<TimedChange> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`http://localhost:${SIMULATION_PORT}${address}`, { waitUntil: 'networkidle' });
  const sizes: Promise<number>[] = [];
  page.on('requestfinished', (request) => sizes.push(request.sizes().then((size) => size.responseBodySize + size.responseHeadersSize)));
  const started = performance.now();
  await change(page);
  await done(page);
  const seconds = (performance.now() - started) / 1000;
  await page.waitForLoadState('networkidle');
  const bytes = (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
  const result = { seconds, requests: sizes.length, bytes, status: (await page.locator(status).first().textContent()) ?? '' };
  await context.close();
  return result;
}

/**
 * For each count, writes the built site simulated at that size with `script` (which prints what it
 * wrote as JSON on its last line), serves it locally, and hands it to `use` with what the script
 * printed and its peak memory; the rows `use` returns are the table's.
 */
async function benchSimulated<T>(
  script: string,
  name: string,
  site: string,
  counts: number[],
  use: (browser: Browser, count: number, simulated: T, peak: number) => Promise<string[]>,
): Promise<string[]> {
  const browser = await chromium.launch({ executablePath: await ensureChromium() });
  const rows: string[] = [];
  try {
    for (const count of counts) {
      const out = path.resolve(`bench/${name}-${count}`);
      const written = await measure(process.execPath, [path.resolve(script), site, String(count), out], {});
      const simulated = JSON.parse(written.output.trim().split('\n').at(-1)!) as T;
      const server = spawn(process.execPath, [path.resolve('scripts/serve.ts'), out, String(SIMULATION_PORT)], { stdio: 'ignore' });
      try {
        for (let tries = 0; tries < 100 && !(await fetch(`http://localhost:${SIMULATION_PORT}/`).then((r) => r.ok, () => false)); tries++) {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        rows.push(...(await use(browser, count, simulated, written.peak)));
      } finally {
        server.kill();
      }
      await rm(out, { recursive: true, force: true });
    }
  } finally {
    await browser.close();
  }
  return rows;
}

/**
 * Search at archive scale: the built site's index simulated at `pages` pages
 * (scripts/search-simulation.ts), searched in Chromium for a rare word and for the commonest one.
 */
const benchSearch = (site: string, pages: number[]): Promise<string[]> =>
  benchSimulated<{ bytes: number; files: number; seconds: number; rareWord: string; common: string }>(
    'scripts/search-simulation.ts',
    'search',
    site,
    pages,
    async (browser, count, simulated, peak) => {
      const rows: string[] = [];
      for (const [kind, word] of [['a rare word', simulated.rareWord], ['the commonest word', simulated.common]] as const) {
        const search = await timeChange(
          browser,
          '/search/',
          async (page) => {
            await page.getByRole('searchbox', { name: 'Search stories and chapters' }).fill(word);
            await page.getByRole('searchbox', { name: 'Search stories and chapters' }).press('Enter');
          },
          async (page) => {
            await page.getByRole('status').filter({ hasText: /results? for|No results/ }).waitFor({ timeout: 120_000 });
            await page.locator('.search-result').first().waitFor({ timeout: 120_000 });
          },
          '[role="status"]',
        );
        console.error(`search at ${count} pages, ${kind} "${word}": ${search.seconds.toFixed(2)} s, ${search.requests} requests, ${search.bytes} bytes; ${search.status}`);
        rows.push(
          `| ${count.toLocaleString('en')} | ${mb(simulated.bytes)} in ${simulated.files.toLocaleString('en')} files | ${simulated.seconds.toFixed(0)} s, ${mb(peak)} | ` +
            `${kind} (“${word}”) | ${search.seconds.toFixed(2)} s | ${search.requests} | ${(search.bytes / 1024).toFixed(0)} KB | ${search.status} |`,
        );
      }
      return rows;
    },
  );

/**
 * The home page at archive scale: the built site's home listing simulated at `counts` stories
 * (scripts/listing-simulation.ts), sorted by length and filtered by a word in Chromium.
 */
const benchListing = (site: string, counts: number[]): Promise<string[]> =>
  benchSimulated<{ shards: number; rows: number; rowsGzipped: number; text: number; textGzipped: number }>(
    'scripts/listing-simulation.ts',
    'listing',
    site,
    counts,
    async (browser, count, simulated) => {
      const rows: string[] = [];
      const changes = [
        ['sort by most words', async (page: Page) => void (await page.getByLabel('Sort by').selectOption('words'))],
        ['filter by a word', (page: Page) => page.getByLabel('Filter', { exact: true }).fill('kettle')],
      ] as const;
      for (const [kind, change] of changes) {
        const shown = await timeChange(
          browser,
          '/',
          change,
          (page) => page.locator('.story-list:not([aria-busy]) .story-card').first().waitFor({ timeout: 120_000 }),
          'quire-story-filter [role="status"]',
        );
        console.error(`listing of ${count} stories, ${kind}: ${shown.seconds.toFixed(2)} s, ${shown.requests} requests, ${shown.bytes} bytes; ${shown.status}`);
        rows.push(
          `| ${count.toLocaleString('en')} | ${simulated.shards} × 2 | ${mb(simulated.rows)} (${mb(simulated.rowsGzipped)} gzipped) | ${mb(simulated.text)} (${mb(simulated.textGzipped)}) | ` +
            `${kind} | ${shown.seconds.toFixed(2)} s | ${shown.requests} | ${mb(shown.bytes)} | ${shown.status} |`,
        );
      }
      return rows;
    },
  );

const rows: string[] = [];
const devRows: string[] = [];
rows.push(...(await benchBuild('sample library', path.resolve('content'), path.resolve('bench/dist-sample'), { edits: false })));
for (const chapters of values.chapters.split(',').map(Number)) {
  const library = path.resolve(`bench/library-${chapters}`);
  // Generated afresh: the edits change it.
  await generateLibrary({ chapters, out: library });
  rows.push(...(await benchBuild(`${chapters.toLocaleString('en')} chapters`, library, path.resolve(`bench/dist-${chapters}`))));
  devRows.push(await benchDev(`${chapters.toLocaleString('en')} chapters`, library));
}
// A chapter page of the sample library, and one of the largest generated library's (a story of
// 20–50 chapters): the page must not grow with the story or the archive.
const largest = Math.max(...values.chapters.split(',').map(Number));
const weighed = [
  ['sample library, the-lighthouse', path.resolve('bench/dist-sample'), 'stories/salt-and-ledger/the-lighthouse/index.html'],
  [`${largest.toLocaleString('en')} chapters, story-0001/chapter-10`, path.resolve(`bench/dist-${largest}`), 'stories/story-0001/chapter-10/index.html'],
] as const;
const weights = await Promise.all(weighed.map(async ([label, dist, page]) => ({ label, ...(await pageWeight(dist, page)) })));
const searchRows = await benchSearch(path.resolve(`bench/dist-${largest}`), values['search-pages'].split(',').map(Number));
const listingRows = await benchListing(path.resolve(`bench/dist-${largest}`), values['list-stories'].split(',').map(Number));

console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${mb(os.totalmem())} RAM, Node ${process.version}\n`);
console.log('| library | build | wall time | × baseline | % of cold | peak memory | pages | output | files | stories generated | reading content | generating pages | of which downloads | search index |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
console.log(rows.join('\n'));
console.log(`\nChapter page without its text, each file gzipped (budget ${CHAPTER_PAGE_BUDGET} B):\n`);
console.log('| page | HTML | CSS | JS | total | requests before first paint |');
console.log('|---|---|---|---|---|---|');
for (const weight of weights) console.log(`| ${weight.label} | ${weight.html} B | ${weight.css} B | ${weight.js} B | ${weight.total} B | ${weight.blocking} |`);
console.log('\nThe dev server (`npm run dev`), render cache warm:\n');
console.log('| library | first chapter page answered | one-word edit shown | answers while the edit loads |');
console.log('|---|---|---|---|');
console.log(devRows.join('\n'));
console.log(`\nSearch at archive scale: the ${largest.toLocaleString('en')}-chapter site's index simulated larger, searched in Chromium on the local server (uncompressed):\n`);
console.log('| pages in the index | index on disk | writing it: time, peak memory | search | results shown in | requests | bytes | what the page said |');
console.log('|---|---|---|---|---|---|---|---|');
console.log(searchRows.join('\n'));
console.log(`\nThe home page at archive scale: the ${largest.toLocaleString('en')}-chapter site's home listing simulated larger, sorted and filtered in Chromium on the local server (uncompressed):\n`);
console.log('| stories | index files | rows | their words | change | stories shown in | requests | bytes | what the page said |');
console.log('|---|---|---|---|---|---|---|---|---|');
console.log(listingRows.join('\n'));
