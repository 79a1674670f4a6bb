import type { ChapterEntry, StoryEntry } from '../schemas';
import { ContentProblems } from './problems';
import { keptEntries, storyEntriesKeys } from './entry-cache';
import { readContent, readOneStory, type ValidContent } from './read';
import { resolveContent, resolveSite, resolveStories, type Library, type ResolveOptions, type StoryDefaults } from './resolve';

export type { Library } from './resolve';

/**
 * Reads, validates and renders the whole content folder (what the build's loader, `npm run
 * check` and the tests run); throws every problem at once, unless `skipBroken` leaves the broken
 * stories out.
 */
export async function readLibrary(root: string, options: ResolveOptions): Promise<Library> {
  let defaults: Promise<StoryDefaults> | undefined;
  const { entryCache } = options;
  const kept = entryCache
    ? async (site: ValidContent['site'], story: { slug: string; source: string }) => {
        defaults ??= resolveSite(site).then((resolved) => resolved.defaults);
        return keptEntries(entryCache, story.slug, storyEntriesKeys(story.source, await defaults, options.includeDrafts));
      }
    : undefined;
  return resolveContent(await readContent(root, { skipBroken: options.skipBroken ?? false, kept }), options);
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
  const { entryCache } = options;
  const kept = entryCache
    ? (story: { slug: string; source: string }) => keptEntries(entryCache, story.slug, storyEntriesKeys(story.source, defaults, options.includeDrafts))
    : undefined;
  const read = await readOneStory(root, slug, kept);
  if (read === 'gone') return undefined;
  if (read.problems.length > 0) throw new ContentProblems(read.problems);
  const [resolved] = read.story ? await resolveStories([read.story], defaults, options) : [];
  if (resolved && resolved.problems.length > 0) throw new ContentProblems(resolved.problems);
  return resolved?.published;
}
