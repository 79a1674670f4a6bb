import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import type { DataStore, Loader } from 'astro/loaders';
import { contentRoot } from '../build/content-folder';
import { readLibrary, readStory, type Library } from './library';
import { ContentProblems, formatProblem } from './problems';
import { entryCacheFor } from './entry-cache';
import { renderCacheFor } from './render-cache';
import type { ResolveOptions, StoryDefaults } from './resolve';
import type { ChapterEntry } from '../schemas';

type CollectionName = 'site' | 'stories' | 'chapters';

/**
 * In `npm run build`, the content's problems are what the author needs: scripts/build.ts prints
 * them last, once, after Astro's own report of the failure (whose stack trace would otherwise
 * stand under the list and read like a crash of Quire). So they go to QUIRE_PROBLEMS_FILE, and
 * Astro is told only how many there are.
 */
function listProblemsLast(error: unknown): never {
  const file = process.env.QUIRE_PROBLEMS_FILE;
  if (!(error instanceof ContentProblems) || !file) throw error;
  writeFileSync(file, error.message);
  const count = error.problems.length === 1 ? 'a problem' : `${error.problems.length} problems`;
  throw new Error(`Stopped by ${count} in the content, listed below.`);
}

/** A chapter's id in the store. */
const chapterId = (chapter: { story: string; slug: string }) => `${chapter.story}/${chapter.slug}`;

/** Where a change in the content folder takes effect: one story's folder, or everything. */
function changedStory(root: string, changed: string): string | 'everything' | undefined {
  if (!changed.startsWith(root + path.sep)) return undefined;
  const [top, story] = path.relative(root, changed).split(path.sep);
  if (top !== 'stories' || story === undefined) return 'everything';
  // Hidden folders are not stories (see listStoryFolders in read.ts).
  return story.startsWith('.') ? undefined : story;
}

/**
 * Astro loaders for the three collections. The content folder is read once per build and shared.
 * In development a change in a story's folder reads that story again and replaces only its
 * entries (a story depends on no other); any other change (site.yaml) reloads everything.
 */
export function libraryLoaders(): Record<CollectionName, Loader> {
  // Drafts are excluded from production builds here, and nowhere else.
  const includeDrafts = import.meta.env.DEV;
  const options = (root: string): ResolveOptions => ({
    includeDrafts,
    renderCache: renderCacheFor(root),
    entryCache: entryCacheFor(root),
    prune: !includeDrafts,
    skipBroken: process.env.QUIRE_SKIP_BROKEN === '1',
  });
  let library: Promise<Library> | undefined;
  /** What the stories take from the site, once the whole library has been read without a problem. */
  let storyDefaults: StoryDefaults | undefined;
  const collections = new Map<CollectionName, { store: DataStore; logger: AstroIntegrationLogger }>();

  const readAll = (root: string, logger: AstroIntegrationLogger): Promise<Library> => {
    const started = performance.now();
    const read = readLibrary(root, options(root));
    void read.then(({ stories, chapters, skipped, storyDefaults: defaults }) => {
      storyDefaults = defaults;
      logger.info(`Read ${stories.length} stories and ${chapters.length} chapters in ${seconds(started)} s`);
      if (skipped.length > 0) logger.warn(`Left out, as --skip-broken asks, the stories with these problems:\n${skipped.map((problem) => `  - ${formatProblem(problem)}`).join('\n')}`);
    }, () => (storyDefaults = undefined));
    return read;
  };

  const fill = async (name: CollectionName, root: string) => {
    const { store, logger } = collections.get(name)!;
    library ??= readAll(root, logger);
    const { site, stories, chapters } = await library.catch(listProblemsLast);
    store.clear();
    if (name === 'site') store.set({ id: 'site', data: site });
    if (name === 'stories') for (const story of stories) store.set({ id: story.slug, data: story });
    if (name === 'chapters') for (const chapter of chapters) store.set({ id: chapterId(chapter), data: chapter });
  };

  /** Replaces one story's entries with what its folder holds now (none, when it is gone). */
  const refillStory = async (slug: string, root: string, defaults: StoryDefaults) => {
    const started = performance.now();
    const entries = await readStory(root, slug, defaults, options(root));
    const stories = collections.get('stories')!.store;
    const chapters = collections.get('chapters')!.store;
    stories.delete(slug);
    for (const [id, chapter] of chapters.entries()) if ((chapter.data as ChapterEntry).story === slug) chapters.delete(id);
    if (entries) {
      stories.set({ id: slug, data: entries.story });
      for (const chapter of entries.chapters) chapters.set({ id: chapterId(chapter), data: chapter });
    }
    // A later full load must not bring back the entries read before this change.
    library = undefined;
    collections.get('stories')!.logger.info(`Read ${slug} again in ${seconds(started)} s`);
  };

  /** Changes are gathered for a moment (a save can be several events), then applied in order. */
  const pending = new Set<string>();
  let applying: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const apply = (root: string) => {
    timer = undefined;
    const changed = [...pending];
    pending.clear();
    applying = applying.then(async () => {
      await library?.catch(() => undefined);
      const defaults = storyDefaults;
      if (!defaults || changed.includes('everything')) {
        library = undefined;
        for (const name of collections.keys()) await fill(name, root);
      } else {
        for (const slug of changed) await refillStory(slug, root, defaults);
      }
    }).catch((error: Error) => collections.get('site')?.logger.error(error.message));
  };

  let watching = false;
  const loader = (name: CollectionName): Loader => ({
    name: `quire-${name}`,
    async load({ store, watcher, logger }) {
      const root = contentRoot();
      collections.set(name, { store, logger });
      if (watcher && !watching) {
        watching = true;
        watcher.add(root);
        watcher.on('all', (_event, changed) => {
          const story = changedStory(root, changed);
          if (story === undefined) return;
          pending.add(story);
          timer ??= setTimeout(() => apply(root), CHANGES_SETTLE_MS);
        });
      }
      await fill(name, root);
    },
  });
  return { site: loader('site'), stories: loader('stories'), chapters: loader('chapters') };
}

/** How long a save's events are gathered before the content is read again. */
const CHANGES_SETTLE_MS = 30;

const seconds = (started: number) => ((performance.now() - started) / 1000).toFixed(1);
