#!/usr/bin/env node
/**
 * `npm run import -- <file.html|folder> [--story <slug>] [--out content/stories] [--dry-run] [--force]`
 *
 * Converts saved eFiction chapter pages (a folder of them becomes one story, ordered by chapter
 * number) or an AO3 HTML download into a Quire story folder: index.md and NN-<slug>.md files.
 * Everything is read, converted and checked before anything is written; an existing chapter file
 * is only replaced with --force. Exit codes: 0 done, 1 a file could not be imported or would
 * overwrite something (nothing written), 2 wrong usage.
 */
import { existsSync } from 'node:fs';
import { lstat, mkdir, readdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentRoot } from '../src/build/content-folder';
import { combinePages, conflicts, decodePage, ImportError, readArchivePage, slugify, storyFiles } from '../src/build/import/index';
import { formatProblem } from '../src/loaders/problems';
import { SLUG, SLUG_RULE } from '../src/schemas';

const USAGE = 'usage: npm run import -- <file.html|folder> [--story <slug>] [--out <stories folder>] [--dry-run] [--force]';
const HTML_FILE = /\.x?html?$/i;

function fail(code: 1 | 2, lines: string[]): never {
  console.error(lines.join('\n'));
  process.exit(code);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      story: { type: 'string' },
      // The stories of the content folder the build reads (QUIRE_CONTENT, else content/).
      out: { type: 'string', default: path.relative(process.cwd(), path.join(contentRoot(), 'stories')) },
      'dry-run': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  fail(2, [(error as Error).message, USAGE]);
}
const { values: options, positionals } = parsed;
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}
if (positionals.length !== 1) fail(2, [positionals.length === 0 ? 'Name a saved page or a folder of them.' : 'Import one file or one folder at a time.', USAGE]);
if (options.story !== undefined && !SLUG.test(options.story)) {
  fail(2, [`--story "${options.story}": a story slug is ${SLUG_RULE}, e.g. the-tin-lantern`]);
}

const input = positionals[0]!;
if (!existsSync(input)) fail(1, [`${input}: no such file or folder`]);
const isFolder = (await stat(input)).isDirectory();
const names = isFolder ? (await readdir(input, { withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name).sort() : [];
const inputs = isFolder ? names.filter((name) => HTML_FILE.test(name)).map((name) => path.join(input, name)) : [input];
if (inputs.length === 0) fail(1, [`${input}: the folder has no saved pages (.html or .htm files)`]);
// Browsers save a page's images and styles beside it; only the pages themselves are read.
const skipped = names.filter((name) => !HTML_FILE.test(name));

// Read and convert every page first: all problems are reported together, nothing is written.
const problems: string[] = [];
const pages = [];
for (const file of inputs) {
  try {
    pages.push({ file, story: readArchivePage(file, decodePage(await readFile(file))) });
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    problems.push(error.message);
  }
}
if (problems.length > 0) fail(1, [`Nothing was imported; ${problems.length === 1 ? 'a file' : `${problems.length} files`} could not be read:`, ...problems.map((p) => `  - ${p}`)]);

let story;
try {
  story = combinePages(pages);
} catch (error) {
  if (!(error instanceof ImportError)) throw error;
  fail(1, ['Nothing was imported:', `  - ${error.message}`]);
}
const slug = options.story ?? slugify(story.title, 'imported-story');
const folder = path.join(options.out, slug);
// Every write stays inside --out: a story folder that is a link (to anywhere) is not written through.
if (existsSync(options.out) && (await lstat(folder).catch(() => undefined))?.isSymbolicLink()) {
  fail(1, [`Nothing was imported: ${folder} is a link to ${await realpath(folder).catch(() => 'nothing')}; import into a real folder inside ${options.out}`]);
}
const today = new Date().toISOString().slice(0, 10);
const planned = storyFiles(story, today);
if (planned.problems.length > 0) {
  fail(1, [
    'Nothing was imported; the converted files would not pass the content check:',
    ...planned.problems.map((problem) => `  - ${formatProblem({ ...problem, file: path.join(folder, problem.file) })}`),
  ]);
}

// An existing story keeps its index.md (unless --force); chapter files are never silently replaced.
const existing = existsSync(folder) ? (await readdir(folder)).filter((name) => name.endsWith('.md')) : [];
const keepIndex = existing.includes('index.md') && !options.force;
const files = planned.files.filter((file) => !(keepIndex && file.name === 'index.md'));
const clashes = conflicts(files.filter((file) => file.name !== 'index.md'), existing);
if (clashes.length > 0 && !options.force) {
  fail(1, [
    'Nothing was imported; these chapters are already in the story folder (use --force to replace them):',
    ...clashes.map((c) =>
      c.existing === c.file.name ? `  - ${path.join(folder, c.existing)} already exists` : `  - ${path.join(folder, c.file.name)}: ${c.existing} ${c.reason}`,
    ),
  ]);
}

// Notices about index.md do not apply when the existing one is kept.
const notices = [
  ...(skipped.length > 0 ? [`${input}: read only the .html pages; left ${skipped.length} other ${skipped.length === 1 ? 'file' : 'files'} alone (${skipped.join(', ')})`] : []),
  ...story.notices,
  ...(keepIndex ? [] : planned.notices),
];
const summary = `"${story.title}" (${story.format}, ${story.chapters.length} ${story.chapters.length === 1 ? 'chapter' : 'chapters'})`;
if (options['dry-run']) {
  for (const file of files) console.log(`=== ${path.join(folder, file.name)}\n${file.text}`);
  for (const clash of clashes) console.log(`=== would remove ${path.join(folder, clash.existing)} (${clash.reason}, --force)`);
  if (keepIndex) console.log(`=== would keep the existing ${path.join(folder, 'index.md')}`);
  console.log(`Dry run: would import ${summary} into ${folder}/; nothing was written.`);
} else {
  await mkdir(folder, { recursive: true });
  // Each file is written beside its final name and renamed into place, so none is left half-written.
  for (const file of files) {
    const target = path.join(folder, file.name);
    // Never through a link left at the temporary name: it is removed, then the file made anew.
    await rm(`${target}.importing`, { force: true });
    await writeFile(`${target}.importing`, file.text, { flag: 'wx' });
    await rename(`${target}.importing`, target);
  }
  for (const clash of clashes) if (!files.some((file) => file.name === clash.existing)) await rm(path.join(folder, clash.existing));
  console.log(`Imported ${summary} into ${folder}/:`);
  for (const file of files) console.log(`  ${file.name}`);
  if (keepIndex) console.log('  (kept the existing index.md)');
  for (const clash of clashes) if (!files.some((file) => file.name === clash.existing)) console.log(`  replaced ${clash.existing}`);
}
if (notices.length > 0) console.error(['Please review:', ...notices.map((notice) => `  - ${notice}`)].join('\n'));
if (!options['dry-run']) console.log('Run `npm run check` to validate, or `npm run dev` to read it.');
