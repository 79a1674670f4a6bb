import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Loader } from 'astro/loaders';
import type { z } from 'astro/zod';
import type {
  chapterEntrySchema,
  chapterSchema,
  siteEntrySchema,
  siteSchema,
  storyEntrySchema,
  storySchema,
} from '../content.config';
import { ContentFileError, readContentFile, realContentPath } from '../build/content-files';
import { contentRoot, resolveSiteUrl } from '../lib/content-folder';
import { earliest, latest } from '../lib/dates';
import { FrontmatterError, parseYamlMapping, splitFrontmatter } from '../lib/frontmatter';
import { textDirection } from '../lib/language';
import { ContentProblems, type Problem } from '../lib/problems';
import { nearest } from '../lib/suggest';
import { COVER_EXTENSIONS, imageSize, resolveStoryFile } from '../plugins/story-images';
import { renderChapter, renderInline, renderNote, type StoryFolder } from './markdown';

export interface LibrarySchemas {
  site: typeof siteSchema;
  story: typeof storySchema;
  chapter: typeof chapterSchema;
}

type SiteEntry = z.infer<typeof siteEntrySchema>;
type StoryEntry = z.infer<typeof storyEntrySchema>;
type ChapterEntry = z.infer<typeof chapterEntrySchema>;

export interface Library {
  site: SiteEntry;
  stories: StoryEntry[];
  chapters: ChapterEntry[];
}

/** Story folders and chapter slugs: lowercase ASCII letters, digits and single inner hyphens. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CHAPTER_FILE = /^(\d+)-(.+)\.md$/;
const RESERVED_SLUGS = new Set(['all']);

/**
 * Where rendered chapter text is kept between loading and page rendering, one folder per content
 * folder. Chapter text stays out of Astro's content store, which Astro bundles as one module:
 * at archive scale (10,000 chapters, 200 MB) that costs gigabytes of memory.
 */
export const renderCacheFor = (root: string): string =>
  path.resolve('node_modules/.cache/quire', createHash('sha256').update(root).digest('hex').slice(0, 16));

/** A path as authors see it in messages: relative to the project when inside it. */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}

/** Describes zod issues in the author's terms: field, what was expected, what was found. */
function describeIssues(file: string, error: z.ZodError, known: readonly string[]): Problem[] {
  return error.issues.flatMap((issue): Problem[] => {
    const field = issue.path.join('.') || undefined;
    switch (issue.code) {
      case 'unrecognized_keys':
        return issue.keys.map((key) => {
          const suggestion = nearest(key, known);
          return {
            file,
            field: key,
            message: `unknown field${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; known fields: ${known.join(', ')}`,
          };
        });
      case 'invalid_value':
        return [
          {
            file,
            field,
            message: `expected one of ${issue.values.map(String).join(', ')}, got ${JSON.stringify(issue.input)}`,
          },
        ];
      case 'invalid_type':
        return [
          {
            file,
            field,
            message: issue.input === undefined ? 'required' : `expected ${describeExpected(issue.expected)}, got ${JSON.stringify(issue.input)}`,
          },
        ];
      case 'invalid_union': {
        // The unions of the schema carry their own "expected ..." messages.
        const input = (issue as { input?: unknown }).input;
        return [{ file, field, message: input === undefined ? 'required' : `${issue.message}, got ${JSON.stringify(input)}` }];
      }
      default:
        return [{ file, field, message: issue.message }];
    }
  });
}

const describeExpected = (expected: string): string =>
  ({ string: 'text', boolean: 'true or false', number: 'a number', array: 'a list', object: 'fields' })[expected] ?? expected;

const knownFields = (schema: z.ZodType): string[] =>
  'shape' in schema && schema.shape && typeof schema.shape === 'object' ? Object.keys(schema.shape) : [];

/** Validates parsed YAML against a schema, recording problems instead of throwing. */
function validate<S extends z.ZodType>(file: string, data: unknown, schema: S, problems: Problem[]): z.infer<S> | undefined {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  problems.push(...describeIssues(displayPath(file), result.error, knownFields(schema)));
  return undefined;
}

/**
 * Reads a content file inside `within` with `read`, recording a YAML, frontmatter or file problem
 * (a link outside the folder, a pipe, a device) instead of throwing.
 */
async function parseFile<T>(file: string, within: string, read: (text: string) => T, problems: Problem[]): Promise<T | undefined> {
  try {
    return read((await readContentFile(file, within)).toString('utf8'));
  } catch (error) {
    if (!(error instanceof FrontmatterError || error instanceof ContentFileError)) throw error;
    problems.push({ file: displayPath(file), message: error.message });
    return undefined;
  }
}

/** Reads a Markdown file's frontmatter and validates it, recording problems instead of throwing. */
async function readEntry<S extends z.ZodType>(
  file: string,
  within: string,
  schema: S,
  problems: Problem[],
): Promise<{ data: z.infer<S>; body: string } | undefined> {
  const split = await parseFile(file, within, splitFrontmatter, problems);
  const data = split && validate(file, split.data, schema, problems);
  return split && data ? { data, body: split.body } : undefined;
}

/** A story that passed validation, waiting to be rendered. */
interface PendingStory {
  slug: string;
  folder: string;
  data: z.infer<LibrarySchemas['story']>;
  cover?: StoryEntry['cover'] | undefined;
  summary: string;
  chapters: { slug: string; file: string; data: z.infer<LibrarySchemas['chapter']>; body: string }[];
}

interface ChapterFile {
  file: string;
  number: number;
  slug: string;
}

/** Lists a story folder: its chapters in order, and problems with file names. */
async function listChapters(folder: string, problems: Problem[]): Promise<ChapterFile[]> {
  const chapters: ChapterFile[] = [];
  const byNumber = new Map<number, string>();
  const bySlug = new Map<string, string>();
  for (const name of (await readdir(folder)).sort()) {
    const file = path.join(folder, name);
    if (path.extname(name).toLowerCase() !== '.md' || name === 'index.md') continue;
    const shown = displayPath(file);
    if (!name.endsWith('.md')) {
      problems.push({ file: shown, message: 'Markdown files end in lowercase ".md"; rename the file' });
      continue;
    }
    try {
      realContentPath(file, folder);
    } catch (error) {
      if (!(error instanceof ContentFileError)) throw error;
      problems.push({ file: shown, message: error.message });
      continue;
    }
    const match = CHAPTER_FILE.exec(name);
    if (!match) {
      problems.push({ file: shown, message: 'not a chapter file: chapter files are named NN-<chapter-slug>.md, e.g. 01-the-letter.md' });
      continue;
    }
    const number = Number(match[1]);
    const slug = match[2]!;
    if (!SLUG.test(slug)) {
      problems.push({ file: shown, message: `chapter slug "${slug}" must be lowercase letters, digits and single hyphens, not starting or ending with a hyphen` });
      continue;
    }
    if (RESERVED_SLUGS.has(slug)) {
      problems.push({ file: shown, message: `chapter slug "${slug}" is reserved (it is the whole-work page); rename the file` });
      continue;
    }
    const sameNumber = byNumber.get(number);
    if (sameNumber) problems.push({ file: shown, message: `chapter number ${match[1]} is also used by ${sameNumber}` });
    const sameSlug = bySlug.get(slug);
    if (sameSlug) problems.push({ file: shown, message: `chapter slug "${slug}" is also used by ${sameSlug}; chapter URLs must be unique` });
    if (sameNumber || sameSlug) continue;
    byNumber.set(number, name);
    bySlug.set(slug, name);
    chapters.push({ file, number, slug });
  }
  return chapters.sort((a, b) => a.number - b.number);
}

/** Reads and validates one story folder: its index.md, cover and chapter files. */
async function readStory(slug: string, folder: string, schemas: LibrarySchemas, problems: Problem[]): Promise<PendingStory | undefined> {
  const indexFile = path.join(folder, 'index.md');
  const problemsBefore = problems.length;
  const chapterFiles = await listChapters(folder, problems);
  if (!existsSync(indexFile)) {
    problems.push({ file: displayPath(indexFile), message: 'missing: every story folder needs an index.md with the story\'s title and authors' });
    return undefined;
  }
  const story = await readEntry(indexFile, folder, schemas.story, problems);
  let cover: StoryEntry['cover'];
  if (story?.data.cover !== undefined) {
    const resolved = resolveStoryFile(folder, story.data.cover, COVER_EXTENSIONS);
    const size = 'absolute' in resolved ? await imageSize(resolved.absolute, folder) : undefined;
    if ('problem' in resolved) problems.push({ file: displayPath(indexFile), field: 'cover', message: `${resolved.problem}; a cover is an image file in the story folder` });
    else if (!size || 'problem' in size) problems.push({ file: displayPath(indexFile), field: 'cover', message: `"${story.data.cover}" ${size?.problem}` });
    else cover = { file: resolved.file, ...size };
  }
  if (chapterFiles.length === 0 && problems.length === problemsBefore) problems.push({ file: displayPath(folder), message: 'no chapters: add chapter files named NN-<chapter-slug>.md' });
  const chapters: PendingStory['chapters'] = [];
  for (const chapter of chapterFiles) {
    const entry = await readEntry(chapter.file, folder, schemas.chapter, problems);
    if (!entry) continue;
    if (entry.data.published === undefined && story && story.data.published === undefined) {
      problems.push({ file: displayPath(chapter.file), field: 'published', message: 'required (or set "published" in the story\'s index.md for the chapters to inherit)' });
      continue;
    }
    chapters.push({ slug: chapter.slug, file: chapter.file, ...entry });
  }
  return story && { slug, folder, data: story.data, cover, summary: story.body, chapters };
}

/** Reads, validates and renders the whole content folder; throws every problem at once. */
export async function readLibrary(
  root: string,
  schemas: LibrarySchemas,
  options: { includeDrafts: boolean; renderCache: string },
): Promise<Library> {
  const problems: Problem[] = [];
  const fail = (): never => {
    throw new ContentProblems(problems);
  };
  if (!existsSync(root)) {
    problems.push({ file: displayPath(root), message: 'content folder not found (set QUIRE_CONTENT to its path)' });
    fail();
  }

  const siteFile = path.join(root, 'site.yaml');
  let siteData: z.infer<LibrarySchemas['site']> | undefined;
  if (!existsSync(siteFile)) {
    problems.push({ file: displayPath(siteFile), message: 'missing: create it with at least a "title:" line' });
  } else {
    const yaml = await parseFile(siteFile, root, parseYamlMapping, problems);
    siteData = yaml && validate(siteFile, yaml, schemas.site, problems);
  }

  const storiesDir = path.join(root, 'stories');
  let storyNames: string[] = [];
  if (existsSync(storiesDir)) {
    try {
      realContentPath(storiesDir, root, { folder: true });
      storyNames = (await readdir(storiesDir)).filter((name) => !name.startsWith('.')).sort();
    } catch (error) {
      if (!(error instanceof ContentFileError)) throw error;
      problems.push({ file: displayPath(storiesDir), message: error.message });
    }
  }
  if (storyNames.length === 0 && problems.length === 0) problems.push({ file: displayPath(storiesDir), message: 'no stories: add a folder per story' });

  const pending: PendingStory[] = [];
  for (const slug of storyNames) {
    const folder = path.join(storiesDir, slug);
    try {
      realContentPath(folder, root, { folder: true });
    } catch (error) {
      if (!(error instanceof ContentFileError)) throw error;
      problems.push({ file: displayPath(folder), message: `${error.message}; stories/ holds one folder per story` });
      continue;
    }
    if (!SLUG.test(slug)) {
      problems.push({ file: displayPath(folder), message: `story folder name "${slug}" must be lowercase letters, digits and single hyphens, not starting or ending with a hyphen` });
      continue;
    }
    const story = await readStory(slug, folder, schemas, problems);
    if (story) pending.push(story);
  }
  if (problems.length > 0 || !siteData) fail();
  const site = siteData!;

  const siteEntry: SiteEntry = {
    title: await renderInline(site.title),
    description: site.description,
    language: site.language,
    dir: textDirection(site.language),
    url: resolveSiteUrl(site.url),
  };
  const siteDisclaimer = site.disclaimer === undefined ? undefined : (await renderNote(site.disclaimer)).html;

  await rm(options.renderCache, { recursive: true, force: true });
  const stories: StoryEntry[] = [];
  const chapters: ChapterEntry[] = [];
  for (const story of pending) {
    if (story.data.draft && !options.includeDrafts) continue;
    const published = await publishStory(story, { language: site.language, disclaimer: siteDisclaimer }, options, problems);
    if (!published) continue;
    stories.push(published.story);
    chapters.push(...published.chapters);
  }
  if (problems.length > 0) fail();
  return { site: siteEntry, stories, chapters };
}

/**
 * Renders a validated story and its chapters (drafts left out unless included), resolving every
 * default. Returns nothing when no chapter is published yet: then the story is not published either.
 */
async function publishStory(
  story: PendingStory,
  site: { language: string; disclaimer: string | undefined },
  options: { includeDrafts: boolean; renderCache: string },
  problems: Problem[],
): Promise<{ story: StoryEntry; chapters: ChapterEntry[] } | undefined> {
  const context: StoryFolder = { slug: story.slug, folder: story.folder };
  const files = new Set<string>(story.cover ? [story.cover.file] : []);
  /** Renders a Markdown field of a file, recording image problems against that field. */
  const note = async (markdown: string | undefined, file: string, field?: string) => {
    if (markdown === undefined) return undefined;
    const rendered = await renderNote(markdown, context);
    rendered.files.forEach((f) => files.add(f));
    problems.push(...rendered.problems.map((message) => ({ file: displayPath(file), field, message })));
    return rendered;
  };
  const indexFile = path.join(story.folder, 'index.md');
  // `false` turns the disclaimer off; otherwise the nearest one set applies: chapter, story, site.
  const storyDisclaimer =
    story.data.disclaimer === false ? undefined : ((await note(story.data.disclaimer, indexFile, 'disclaimer'))?.html ?? site.disclaimer);

  const chapters: ChapterEntry[] = [];
  const cacheFolder = path.join(options.renderCache, story.slug);
  await mkdir(cacheFolder, { recursive: true });
  const published = story.chapters.filter((chapter) => options.includeDrafts || !chapter.data.draft);
  for (const [index, chapter] of published.entries()) {
    const body = await renderChapter(chapter.body, context);
    const textFile = path.join(cacheFolder, `${chapter.slug}.html`);
    await writeFile(textFile, body.html);
    body.files.forEach((f) => files.add(f));
    problems.push(...body.problems.map((message) => ({ file: displayPath(chapter.file), message })));
    const chapterPublished = chapter.data.published ?? story.data.published!;
    chapters.push({
      story: story.slug,
      slug: chapter.slug,
      position: index + 1,
      title: await renderInline(chapter.data.title ?? `Chapter ${index + 1}`),
      published: chapterPublished,
      updated: chapter.data.updated ?? chapterPublished,
      summary: await note(chapter.data.summary, chapter.file, 'summary'),
      notes: (await note(chapter.data.notes, chapter.file, 'notes'))?.html,
      endNotes: (await note(chapter.data.endNotes, chapter.file, 'endNotes'))?.html,
      disclaimer:
        chapter.data.disclaimer === false
          ? undefined
          : ((await note(chapter.data.disclaimer, chapter.file, 'disclaimer'))?.html ?? storyDisclaimer),
      words: body.words,
      textFile,
      draft: chapter.data.draft,
    });
  }
  if (chapters.length === 0) return undefined;

  const summary = (await note(story.summary, indexFile))!;
  const language = story.data.language ?? site.language;
  return {
    story: {
      slug: story.slug,
      title: await renderInline(story.data.title),
      authors: story.data.authors,
      fandoms: story.data.fandoms,
      rating: story.data.rating,
      warnings: story.data.warnings,
      relationships: story.data.relationships,
      characters: story.data.characters,
      tags: story.data.tags,
      language,
      dir: textDirection(language),
      status: story.data.status,
      published: story.data.published ?? earliest(chapters.map((c) => c.published))!,
      updated: story.data.updated ?? latest(chapters.flatMap((c) => [c.published, c.updated]))!,
      summary: summary.html,
      summaryText: summary.text.replace(/\s+/g, ' ').trim(),
      notes: (await note(story.data.notes, indexFile, 'notes'))?.html,
      endNotes: (await note(story.data.endNotes, indexFile, 'endNotes'))?.html,
      cover: story.cover,
      files: [...files].sort(),
      folder: story.folder,
      chapterCount: chapters.length,
      words: chapters.reduce((sum, c) => sum + c.words, 0),
      draft: story.data.draft,
    },
    chapters,
  };
}

/**
 * Astro loaders for the three collections. The content folder is read once per build and shared;
 * in development a change anywhere in it reloads all three.
 */
export function libraryLoaders(schemas: LibrarySchemas): Record<'site' | 'stories' | 'chapters', Loader> {
  // Drafts are excluded from production builds here, and nowhere else.
  const includeDrafts = import.meta.env.DEV;
  let library: Promise<Library> | undefined;
  const reloads = new Set<() => Promise<void>>();
  let watching = false;

  const loader = (name: 'site' | 'stories' | 'chapters'): Loader => ({
    name: `quire-${name}`,
    async load({ store, watcher, logger }) {
      const root = contentRoot();
      const sync = async () => {
        if (!library) {
          const started = performance.now();
          library = readLibrary(root, schemas, { includeDrafts, renderCache: renderCacheFor(root) });
          void library.then(({ stories, chapters }) => {
            const seconds = ((performance.now() - started) / 1000).toFixed(1);
            logger.info(`Read ${stories.length} stories and ${chapters.length} chapters in ${seconds} s`);
          }, () => undefined);
        }
        const { site, stories, chapters } = await library;
        store.clear();
        if (name === 'site') store.set({ id: 'site', data: site });
        if (name === 'stories') for (const story of stories) store.set({ id: story.slug, data: story });
        if (name === 'chapters') for (const chapter of chapters) store.set({ id: `${chapter.story}/${chapter.slug}`, data: chapter });
      };
      reloads.add(sync);
      if (watcher && !watching) {
        watching = true;
        watcher.add(root);
        watcher.on('all', (_event, changed) => {
          if (!changed.startsWith(root + path.sep)) return;
          library = undefined;
          for (const reload of reloads) reload().catch((error: Error) => logger.error(error.message));
        });
      }
      await sync();
    },
  });
  return { site: loader('site'), stories: loader('stories'), chapters: loader('chapters') };
}
