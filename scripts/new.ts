#!/usr/bin/env node
/**
 * `npm run new -- story <slug> [--title "…"] [--author "…"]` makes a story folder with index.md and
 * a first chapter; `npm run new -- chapter <story> [--title "…"]` adds the next chapter to a story.
 * Files are dated today, start as drafts, pass `npm run check` as written, and are never
 * overwritten. Exit codes: 0 done, 1 refused (exists, unknown story), 2 wrong usage.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentRoot } from '../src/build/content-folder';
import { chapterFile, nextChapter, storyFiles, storySlugProblem, today } from '../src/build/scaffold';
import { nearest } from '../src/lib/suggest';

const USAGE = [
  'usage: npm run new -- story <slug> [--title "Story title"] [--author "Your name"]',
  '       npm run new -- chapter <story-slug> [--title "Chapter title"]',
].join('\n');

function fail(code: 1 | 2, message: string): never {
  console.error(message);
  process.exit(code);
}

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { title: { type: 'string' }, author: { type: 'string' } } });
} catch (error) {
  fail(2, `${(error as Error).message}\n${USAGE}`);
}
const { values: options, positionals } = parsed;
const [kind, slug] = positionals;
if (positionals.length !== 2 || (kind !== 'story' && kind !== 'chapter')) fail(2, USAGE);

const stories = path.join(contentRoot(), 'stories');
/** A path as the author typed it: relative to the project when inside it. */
const shown = (file: string) => {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
};
const folder = path.join(stories, slug!);
const date = today();

/** Writes a file that must not exist yet (the `wx` flag refuses to replace one, even in a race). */
async function create(file: string, text: string): Promise<void> {
  await writeFile(file, text, { flag: 'wx' });
  console.log(`  created ${shown(file)}`);
}

if (kind === 'story') {
  const problem = storySlugProblem(slug!);
  if (problem) fail(2, problem);
  if (existsSync(folder)) fail(1, `${shown(folder)} already exists; choose another slug, or add a chapter with: npm run new -- chapter ${slug}`);
  await mkdir(folder, { recursive: true });
  console.log(`New story "${slug}" (a draft, dated ${date}):`);
  for (const file of storyFiles(slug!, { title: options.title, author: options.author, date })) await create(path.join(folder, file.name), file.text);
} else {
  if (!existsSync(path.join(folder, 'index.md'))) {
    const known = existsSync(stories) ? (await readdir(stories)).filter((name) => existsSync(path.join(stories, name, 'index.md'))) : [];
    const suggestion = nearest(slug!, known);
    fail(1, `${shown(folder)}: no such story${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; stories: ${known.join(', ') || 'none yet'}`);
  }
  const existing = await readdir(folder);
  const chapter = nextChapter(existing, options.title);
  const sameSlug = existing.find((name) => name.replace(/^\d+-/, '') === `${chapter.slug}.md`);
  if (sameSlug) fail(1, `${shown(path.join(folder, sameSlug))} already has the chapter slug "${chapter.slug}"; give the new chapter another --title`);
  console.log(`New chapter ${chapter.number} of "${slug}" (a draft, dated ${date}):`);
  await create(path.join(folder, chapter.name), chapterFile(chapter.title, date));
}
console.log('Remove "draft: true" when it is ready to publish; `npm run dev` shows drafts, `npm run check` validates.');
