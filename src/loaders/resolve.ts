import path from 'node:path';
import pMap from 'p-map';
import { resolveSiteUrl } from '../build/content-folder';
import { earliest, latest } from '../lib/dates';
import { textDirection } from '../lib/language';
import type { ChapterEntry, SiteEntry, StoryEntry } from '../schemas';
import { renderChapter, renderInline, renderNote, type RenderedMarkdown, type StoryFolder } from './markdown';
import { ContentProblems, displayPath, type Problem } from './problems';
import { type KeptStory, STORIES_AT_ONCE, type ValidContent, type ValidStory } from './read';
import { keepEntries, pruneEntries, storyEntriesKeys, type StoryEntries } from './entry-cache';
import { chapterKey, keepChapter, type KeptChapter, keptChapter, pruneChapters } from './render-cache';

/*
 * Resolving validated content into the entries the pages read: every default filled in (the
 * disclaimer in force, inherited dates, the language and its direction), every Markdown field
 * rendered, drafts left out unless asked for.
 */

export interface Library {
  site: SiteEntry;
  stories: StoryEntry[];
  chapters: ChapterEntry[];
  /** What the stories took from the site: a story read again alone needs it (the dev server). */
  storyDefaults: StoryDefaults;
  /** The problems of stories left out (`skipBroken`). */
  skipped: Problem[];
}

export interface ResolveOptions {
  includeDrafts: boolean;
  renderCache: string;
  /** Where resolved stories are kept between builds (entry-cache.ts); without it, every story is resolved. */
  entryCache?: string | undefined;
  /** Removes kept text the content no longer has (a build; not the dev server, which also shows drafts). */
  prune?: boolean;
  /** Leaves out a story with problems instead of failing (`npm run build -- --skip-broken`). */
  skipBroken?: boolean;
}

/** What a story takes from the site unless it sets its own: the language and the rendered disclaimer. */
export interface StoryDefaults {
  language: string;
  disclaimer: string | undefined;
}

/** Resolves and renders validated content; throws every rendering problem (images) at once. */
export async function resolveContent(content: ValidContent, options: ResolveOptions): Promise<Library> {
  const { entry: site, defaults } = await resolveSite(content.site);
  const resolved = await resolveStories(content.stories, defaults, options);
  const problems: Problem[] = [];
  const skipped = [...content.skipped];
  const stories: StoryEntry[] = [];
  const chapters: ChapterEntry[] = [];
  for (const { published, problems: storyProblems } of resolved) {
    (options.skipBroken ? skipped : problems).push(...storyProblems);
    if (!published || storyProblems.length > 0) continue;
    stories.push(published.story);
    chapters.push(...published.chapters);
  }
  if (problems.length > 0) throw new ContentProblems(problems);
  if (options.prune) {
    await pruneChapters(options.renderCache, new Set(chapters.map((chapter) => path.basename(chapter.textFile, '.html'))));
    if (options.entryCache) await pruneEntries(options.entryCache, new Map(resolved.flatMap(({ key }) => (key ? [key] : []))));
  }
  return { site, storyDefaults: defaults, stories, chapters, skipped };
}

/** The site's entry, and what its stories inherit from it. */
export async function resolveSite(site: ValidContent['site']): Promise<{ entry: SiteEntry; defaults: StoryDefaults }> {
  const { disclaimer, url, ...siteFields } = site;
  return {
    entry: { ...siteFields, title: await renderInline(site.title), dir: textDirection(site.language), url: resolveSiteUrl(url) },
    defaults: { language: site.language, disclaimer: disclaimer === undefined ? undefined : (await renderNote(disclaimer)).html },
  };
}

/**
 * Each story resolved (drafts left out unless included), with its own problems, in order: kept
 * from an earlier build when it and what it takes from the site are unchanged (entry-cache.ts),
 * else resolved now and kept when it has no problem. `key` is the story's slug and entries key
 * when it is kept.
 */
export const resolveStories = (stories: (ValidStory | KeptStory)[], defaults: StoryDefaults, options: ResolveOptions) =>
  pMap(
    // A kept story was resolved under these options: a draft has none kept unless drafts are included.
    stories.filter((story) => 'kept' in story || options.includeDrafts || !story.data.draft),
    async (story): Promise<{ published: StoryEntries | undefined; problems: Problem[]; key?: [slug: string, key: string] }> => {
      const { entryCache } = options;
      if ('kept' in story) return { published: story.kept.entries, problems: [], key: [story.slug, story.kept.key] };
      const problems: Problem[] = [];
      const published = await resolveStory(story, defaults, options, problems);
      if (!entryCache || !published || problems.length > 0) return { published, problems };
      const hasDrafts = story.data.draft === true || story.chapters.some((chapter) => chapter.data.draft === true);
      const kept = await keepEntries(entryCache, storyEntriesKeys(story.source, defaults, options.includeDrafts), published, hasDrafts);
      return { published: kept.entries, problems, key: [story.slug, kept.key] };
    },
    { concurrency: STORIES_AT_ONCE },
  );

/**
 * Renders a Markdown field of a file (none when absent), adding the story files it shows to
 * `files` and its problems (images), named by file and field, to `problems`.
 */
async function renderField(
  markdown: string | undefined,
  where: { story: StoryFolder; file: string; field?: string | undefined },
  files: Set<string>,
  problems: Problem[],
): Promise<RenderedMarkdown | undefined> {
  if (markdown === undefined) return undefined;
  const rendered = await renderNote(markdown, where.story);
  rendered.files.forEach((file) => files.add(file));
  problems.push(...rendered.problems.map((message) => ({ file: displayPath(where.file), field: where.field, message })));
  return rendered;
}

/**
 * A chapter's text and notes, kept from an earlier build or rendered now (and kept when they have
 * no problem). A note's problems name its field.
 */
async function chapterText(chapter: ValidStory['chapters'][number], story: StoryFolder, cache: string): Promise<KeptChapter & { problems: Problem[] }> {
  const { notes, endNotes } = chapter.data;
  const key = chapterKey(story, { text: chapter.body, notes, endNotes });
  const kept = await keptChapter(cache, key, story.folder);
  if (kept) return { ...kept, problems: [] };
  const body = await renderChapter(chapter.body, story);
  const problems = body.problems.map((message) => ({ file: displayPath(chapter.file), message }));
  const files = new Set(body.files);
  const note = async (markdown: string | undefined, field: 'notes' | 'endNotes') =>
    (await renderField(markdown, { story, file: chapter.file, field }, files, problems))?.html;
  const rendered = { html: body.html, words: body.words, notes: await note(notes, 'notes'), endNotes: await note(endNotes, 'endNotes') };
  if (problems.length === 0) return { ...(await keepChapter(cache, key, { ...rendered, files: [...files] }, story.folder)), problems };
  return { textFile: '', words: body.words, files: [...files], problems };
}

/** Chapters whose text is looked up (or rendered) at once. */
const CHAPTERS_AT_ONCE = 8;

/**
 * Renders a validated story and its chapters (drafts left out unless included), resolving every
 * default. Returns nothing when no chapter is published yet: then the story is not published either.
 */
async function resolveStory(
  story: ValidStory,
  site: StoryDefaults,
  options: ResolveOptions,
  problems: Problem[],
): Promise<{ story: StoryEntry; chapters: ChapterEntry[] } | undefined> {
  const context: StoryFolder = { slug: story.slug, folder: story.folder };
  const files = new Set<string>(story.cover ? [story.cover.file] : []);
  /** Renders a Markdown field of a file, recording image problems against that field. */
  const note = (markdown: string | undefined, file: string, field?: string) => renderField(markdown, { story: context, file, field }, files, problems);
  const indexFile = path.join(story.folder, 'index.md');
  const { disclaimer, ...fields } = story.data;
  // `false` turns the disclaimer off; otherwise the nearest one set applies: chapter, story, site.
  const storyDisclaimer = disclaimer === false ? undefined : ((await note(disclaimer, indexFile, 'disclaimer'))?.html ?? site.disclaimer);

  const chapters: ChapterEntry[] = [];
  const published = story.chapters.filter((chapter) => options.includeDrafts || !chapter.data.draft);
  const texts = await pMap(published, (chapter) => chapterText(chapter, context, options.renderCache), { concurrency: CHAPTERS_AT_ONCE });
  for (const [index, chapter] of published.entries()) {
    const text = texts[index]!;
    text.files.forEach((f) => files.add(f));
    problems.push(...text.problems);
    const chapterPublished = chapter.data.published ?? story.data.published!;
    // The notes are kept with the text (see render-cache.ts), not in the entry.
    const { notes, endNotes, ...fields } = chapter.data;
    const summary = await note(chapter.data.summary, chapter.file, 'summary');
    chapters.push({
      ...fields,
      story: story.slug,
      slug: chapter.slug,
      position: index + 1,
      title: await renderInline(chapter.data.title ?? `Chapter ${index + 1}`),
      published: chapterPublished,
      updated: chapter.data.updated ?? chapterPublished,
      summary: summary && { html: summary.html, text: summary.text },
      disclaimer:
        chapter.data.disclaimer === false
          ? undefined
          : ((await note(chapter.data.disclaimer, chapter.file, 'disclaimer'))?.html ?? storyDisclaimer),
      words: text.words,
      textFile: text.textFile,
    });
  }
  if (chapters.length === 0) return undefined;

  const summary = (await note(story.summary, indexFile))!;
  const language = story.data.language ?? site.language;
  return {
    story: {
      ...fields,
      slug: story.slug,
      title: await renderInline(story.data.title),
      language,
      dir: textDirection(language),
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
    },
    chapters,
  };
}
