import { createHash, type Hash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import pMap from 'p-map';
import type { z } from 'astro/zod';
import { ContentFileError, readContentFile, realContentPath } from '../build/content-files';
import { FrontmatterError, parseYamlMapping, splitFrontmatter } from '../build/frontmatter';
import { removeXmlForbidden } from '../lib/html';
import { COVER_EXTENSIONS, imageSize, resolveStoryFile } from '../plugins/story-images';
import {
  chapterSchema,
  parseChapterFileName,
  RESERVED_SLUGS,
  siteSchema,
  SLUG,
  SLUG_RULE,
  storySchema,
  type StoryEntry,
} from '../schemas';
import type { KeptStoryEntries } from './entry-cache';
import { ContentProblems, displayPath, type Problem, validate } from './problems';

/*
 * Reading the content folder: which files there are, whether each may be read (see
 * build/content-files.ts), and whether its frontmatter follows the schemas. Nothing is rendered.
 */

/** A story whose files passed every check, waiting to be resolved and rendered. */
export interface ValidStory {
  slug: string;
  folder: string;
  data: z.infer<typeof storySchema>;
  cover?: StoryEntry['cover'] | undefined;
  /** The index.md body: the summary, as Markdown. */
  summary: string;
  /** A hash of everything the story was read from (its folder's entries, the bytes of its Markdown files), which names its resolved entries (entry-cache.ts). */
  source: string;
  chapters: { slug: string; file: string; data: z.infer<typeof chapterSchema>; body: string }[];
}

/** A story whose files are those its kept entries were resolved from (entry-cache.ts): not parsed again. */
export interface KeptStory {
  slug: string;
  folder: string;
  source: string;
  kept: KeptStoryEntries;
}

/** Looks up the entries kept for a story read from `source`, when there are any to trust. */
export type KeptLookup = (story: { slug: string; source: string }) => Promise<KeptStoryEntries | undefined>;

export interface ValidContent {
  site: z.infer<typeof siteSchema>;
  stories: (ValidStory | KeptStory)[];
  /** The problems of stories left out (`skipBroken`). */
  skipped: Problem[];
}

/** Reads a content file inside `within`, recording a file problem (a link outside the folder, a pipe, a device) instead of throwing. */
async function readBytes(file: string, within: string, problems: Problem[]): Promise<Buffer | undefined> {
  try {
    return await readContentFile(file, within);
  } catch (error) {
    if (!(error instanceof ContentFileError)) throw error;
    problems.push({ file: displayPath(file), message: error.message });
    return undefined;
  }
}

/** Parses a content file's bytes with `read`, recording a YAML or frontmatter problem instead of throwing. */
function parseFile<T>(file: string, bytes: Buffer, read: (text: string) => T, problems: Problem[]): T | undefined {
  try {
    return read(removeXmlForbidden(bytes.toString('utf8')));
  } catch (error) {
    if (!(error instanceof FrontmatterError)) throw error;
    problems.push({ file: displayPath(file), message: error.message });
    return undefined;
  }
}

/** Parses a Markdown file's frontmatter and validates it, recording problems instead of throwing. */
function readEntry<S extends z.ZodType>(file: string, bytes: Buffer, schema: S, problems: Problem[]): { data: z.infer<S>; body: string } | undefined {
  const split = parseFile(file, bytes, splitFrontmatter, problems);
  const data = split && validate(displayPath(file), split.data, schema, problems);
  return split && data ? { data, body: split.body } : undefined;
}

interface ChapterFile {
  file: string;
  number: number;
  slug: string;
}

/** Lists a story folder: its chapters in order, and problems with file names. */
async function listChapters(folder: string, problems: Problem[], sources: Hash): Promise<ChapterFile[]> {
  const chapters: ChapterFile[] = [];
  const byNumber = new Map<number, string>();
  const bySlug = new Map<string, string>();
  for (const entry of (await readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const { name } = entry;
    sources.update(`\0${name}\0${entry.isFile() ? 'file' : entry.isDirectory() ? 'folder' : 'other'}`);
    const file = path.join(folder, name);
    if (path.extname(name).toLowerCase() !== '.md' || name === 'index.md') continue;
    const shown = displayPath(file);
    if (!name.endsWith('.md')) {
      problems.push({ file: shown, message: 'Markdown files end in lowercase ".md"; rename the file' });
      continue;
    }
    // A plain file needs no check yet (reading it checks it); a link or a pipe is left out now,
    // so that it takes no chapter number.
    try {
      if (!entry.isFile()) realContentPath(file, folder);
    } catch (error) {
      if (!(error instanceof ContentFileError)) throw error;
      problems.push({ file: shown, message: error.message });
      continue;
    }
    const parsed = parseChapterFileName(name);
    if (!parsed) {
      problems.push({ file: shown, message: 'not a chapter file: chapter files are named NN-<chapter-slug>.md, e.g. 01-the-letter.md' });
      continue;
    }
    const { number, digits, slug } = parsed;
    if (!SLUG.test(slug)) {
      problems.push({ file: shown, message: `chapter slug "${slug}" must be ${SLUG_RULE}` });
      continue;
    }
    if (RESERVED_SLUGS.has(slug)) {
      problems.push({ file: shown, message: `chapter slug "${slug}" is reserved (it is the whole-work page); rename the file` });
      continue;
    }
    const sameNumber = byNumber.get(number);
    if (sameNumber) problems.push({ file: shown, message: `chapter number ${digits} is also used by ${sameNumber}` });
    const sameSlug = bySlug.get(slug);
    if (sameSlug) problems.push({ file: shown, message: `chapter slug "${slug}" is also used by ${sameSlug}; chapter URLs must be unique` });
    if (sameNumber || sameSlug) continue;
    byNumber.set(number, name);
    bySlug.set(slug, name);
    chapters.push({ file, number, slug });
  }
  return chapters.sort((a, b) => a.number - b.number);
}

/**
 * Reads and validates one story folder: its index.md, cover and chapter files; or, when `kept`
 * has entries for exactly these files, those (nothing is parsed).
 */
async function readStory(slug: string, folder: string, problems: Problem[], kept: KeptLookup | undefined): Promise<ValidStory | KeptStory | undefined> {
  const indexFile = path.join(folder, 'index.md');
  const problemsBefore = problems.length;
  const sources = createHash('sha256').update(folder);
  const chapterFiles = await listChapters(folder, problems, sources);
  if (!existsSync(indexFile)) {
    problems.push({ file: displayPath(indexFile), message: 'missing: every story folder needs an index.md with the story\'s title and authors' });
    return undefined;
  }
  // Every Markdown file is read before any is parsed: their bytes name the story's kept entries.
  const bytes = new Map<string, Buffer>();
  for (const file of [indexFile, ...chapterFiles.map((chapter) => chapter.file)]) {
    const read = await readBytes(file, folder, problems);
    if (!read) continue;
    bytes.set(file, read);
    sources.update(`\0${file}\0${read.length}\0`).update(read);
  }
  // The cover's bytes are not in `source`: the kept entries keep its hash and check it (entry-cache.ts).
  const source = sources.digest('hex');
  const keptEntries = kept && problems.length === problemsBefore ? await kept({ slug, source }) : undefined;
  if (keptEntries) return { slug, folder, source, kept: keptEntries };
  const indexBytes = bytes.get(indexFile);
  const story = indexBytes && readEntry(indexFile, indexBytes, storySchema, problems);
  let cover: StoryEntry['cover'];
  if (story?.data.cover !== undefined) {
    const resolved = resolveStoryFile(folder, story.data.cover, COVER_EXTENSIONS);
    const size = 'absolute' in resolved ? await imageSize(resolved.absolute, folder) : undefined;
    if ('problem' in resolved) problems.push({ file: displayPath(indexFile), field: 'cover', message: `${resolved.problem}; a cover is an image file in the story folder` });
    else if (!size || 'problem' in size) problems.push({ file: displayPath(indexFile), field: 'cover', message: `"${story.data.cover}" ${size?.problem}` });
    else cover = { file: resolved.file, ...size };
  }
  if (chapterFiles.length === 0 && problems.length === problemsBefore) problems.push({ file: displayPath(folder), message: 'no chapters: add chapter files named NN-<chapter-slug>.md' });
  const chapters: ValidStory['chapters'] = [];
  for (const chapter of chapterFiles) {
    const chapterBytes = bytes.get(chapter.file);
    const entry = chapterBytes && readEntry(chapter.file, chapterBytes, chapterSchema, problems);
    if (!entry) continue;
    if (entry.data.published === undefined && story && story.data.published === undefined) {
      problems.push({ file: displayPath(chapter.file), field: 'published', message: 'required (or set "published" in the story\'s index.md for the chapters to inherit)' });
      continue;
    }
    chapters.push({ slug: chapter.slug, file: chapter.file, ...entry });
  }
  return story && { slug, folder, data: story.data, cover, summary: story.body, chapters, source };
}

/** The story folders under stories/, recording a problem when the folder itself cannot be used. */
async function listStoryFolders(root: string, problems: Problem[]): Promise<string[]> {
  const storiesDir = path.join(root, 'stories');
  let names: string[] = [];
  if (existsSync(storiesDir)) {
    try {
      realContentPath(storiesDir, root, { folder: true });
      names = (await readdir(storiesDir)).filter((name) => !name.startsWith('.')).sort();
    } catch (error) {
      if (!(error instanceof ContentFileError)) throw error;
      problems.push({ file: displayPath(storiesDir), message: error.message });
      return [];
    }
  }
  if (names.length === 0) problems.push({ file: displayPath(storiesDir), message: 'no stories: add a folder per story' });
  return names;
}

/** Checks a story folder and its name, then reads the story. */
async function readStoryFolder(root: string, slug: string, problems: Problem[], kept: KeptLookup | undefined): Promise<ValidStory | KeptStory | undefined> {
  const folder = path.join(root, 'stories', slug);
  try {
    realContentPath(folder, root, { folder: true });
  } catch (error) {
    if (!(error instanceof ContentFileError)) throw error;
    problems.push({ file: displayPath(folder), message: `${error.message}; stories/ holds one folder per story` });
    return undefined;
  }
  if (!SLUG.test(slug)) {
    problems.push({ file: displayPath(folder), message: `story folder name "${slug}" must be ${SLUG_RULE}` });
    return undefined;
  }
  return readStory(slug, folder, problems, kept);
}

/**
 * Reads one story folder again (the dev server, after a change in it): the story and its
 * problems, or `gone` when the folder no longer exists.
 */
export async function readOneStory(root: string, slug: string, kept?: KeptLookup): Promise<'gone' | { story: ValidStory | KeptStory | undefined; problems: Problem[] }> {
  if (!existsSync(path.join(root, 'stories', slug))) return 'gone';
  const problems: Problem[] = [];
  return { story: await readStoryFolder(root, slug, problems, kept), problems };
}

/** Stories read at once. */
export const STORIES_AT_ONCE = 8;

/**
 * Reads and validates the whole content folder; throws every problem at once. With `skipBroken`,
 * a story with problems is left out instead (its problems returned as `skipped`); problems of the
 * site itself still stop everything. `keptFor` gives, for the site read, where to look up a
 * story's kept entries (entry-cache.ts).
 */
export async function readContent(
  root: string,
  { skipBroken = false, keptFor }: { skipBroken?: boolean; keptFor?: ((site: ValidContent['site']) => KeptLookup) | undefined } = {},
): Promise<ValidContent> {
  const problems: Problem[] = [];
  if (!existsSync(root)) {
    problems.push({ file: displayPath(root), message: 'content folder not found (set QUIRE_CONTENT to its path)' });
    throw new ContentProblems(problems);
  }

  const siteFile = path.join(root, 'site.yaml');
  let site: ValidContent['site'] | undefined;
  if (!existsSync(siteFile)) {
    problems.push({ file: displayPath(siteFile), message: 'missing: create it with at least a "title:" line' });
  } else {
    const bytes = await readBytes(siteFile, root, problems);
    const yaml = bytes && parseFile(siteFile, bytes, parseYamlMapping, problems);
    site = yaml && validate(displayPath(siteFile), yaml, siteSchema, problems);
  }

  const kept = keptFor && site ? keptFor(site) : undefined;
  // A few stories at a time, so reading waits on the disk less; each keeps its own problems, in order.
  const read = await pMap(
    await listStoryFolders(root, problems),
    async (slug) => {
      const storyProblems: Problem[] = [];
      return { story: await readStoryFolder(root, slug, storyProblems, kept), problems: storyProblems };
    },
    { concurrency: STORIES_AT_ONCE },
  );
  const stories: ValidContent['stories'] = [];
  const skipped: Problem[] = [];
  for (const { story, problems: storyProblems } of read) {
    (skipBroken ? skipped : problems).push(...storyProblems);
    if (story && storyProblems.length === 0) stories.push(story);
  }
  if (problems.length > 0 || !site) throw new ContentProblems(problems);
  return { site, stories, skipped };
}
