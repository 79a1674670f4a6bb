import type { ChapterEntry, StoryEntry } from '../schemas';
import { ContentProblems } from './problems';
import { keptLookup } from './entry-cache';
import { readContent, readOneStory, type ValidContent } from './read';
import { resolveContent, resolveSite, resolveStories, type Library, type ResolveOptions, type StoryDefaults } from './resolve';

export type { Library } from './resolve';

/**
 * Reads, validates and renders the whole content folder (what the build's loader, `npm run
 * check` and the tests run); throws every problem at once, unless `skipBroken` leaves the broken
 * stories out.
 */
export async function readLibrary(root: string, options: ResolveOptions): Promise<Library> {
  const { entryCache } = options;
  const keptFor = entryCache
    ? (site: ValidContent['site']) => {
        const defaults = resolveSite(site).then((resolved) => resolved.defaults);
        // A failure is the first lookup's to report (resolveContent renders the site again and meets it too).
        defaults.catch(() => undefined);
        return keptLookup(entryCache, defaults, options.includeDrafts);
      }
    : undefined;
  return resolveContent(await readContent(root, { skipBroken: options.skipBroken ?? false, keptFor }), options);
}

/**
 * Reads, validates and renders one story folder alone: what the dev server does after a change
 * inside it, since no story depends on another. Its entries, or none when the folder is gone or
 * publishes nothing (a draft, outside development); throws its problems.
 */
export async function readStory(
  root: string,
  slug: string,
  defaults: StoryDefaults,
  options: ResolveOptions,
): Promise<{ story: StoryEntry; chapters: ChapterEntry[] } | undefined> {
  const read = await readOneStory(root, slug, options.entryCache ? keptLookup(options.entryCache, defaults, options.includeDrafts) : undefined);
  if (read === 'gone') return undefined;
  if (read.problems.length > 0) throw new ContentProblems(read.problems);
  const [resolved] = read.story ? await resolveStories([read.story], defaults, options) : [];
  if (resolved && resolved.problems.length > 0) throw new ContentProblems(resolved.problems);
  return resolved?.published;
}
