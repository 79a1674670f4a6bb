import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Loader } from 'astro/loaders';
import { contentRoot } from '../build/content-folder';
import { readLibrary, type Library } from './library';
import { ContentProblems, formatProblem } from './problems';
import { renderCacheFor } from './render-cache';

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

/**
 * Astro loaders for the three collections. The content folder is read once per build and shared;
 * in development a change anywhere in it reloads all three.
 */
export function libraryLoaders(): Record<CollectionName, Loader> {
  // Drafts are excluded from production builds here, and nowhere else.
  const includeDrafts = import.meta.env.DEV;
  let library: Promise<Library> | undefined;
  const reloads = new Set<() => Promise<void>>();
  let watching = false;

  const loader = (name: CollectionName): Loader => ({
    name: `quire-${name}`,
    async load({ store, watcher, logger }) {
      const root = contentRoot();
      const sync = async () => {
        if (!library) {
          const started = performance.now();
          library = readLibrary(root, { includeDrafts, renderCache: renderCacheFor(root), prune: !includeDrafts, skipBroken: process.env.QUIRE_SKIP_BROKEN === '1' });
          void library.then(({ stories, chapters, skipped }) => {
            const seconds = ((performance.now() - started) / 1000).toFixed(1);
            logger.info(`Read ${stories.length} stories and ${chapters.length} chapters in ${seconds} s`);
            if (skipped.length > 0) logger.warn(`Left out, as --skip-broken asks, the stories with these problems:\n${skipped.map((problem) => `  - ${formatProblem(problem)}`).join('\n')}`);
          }, () => undefined);
        }
        const { site, stories, chapters } = await library.catch(listProblemsLast);
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
