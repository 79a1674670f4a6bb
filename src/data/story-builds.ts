import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type BuildPlan, hashOf, storyFolderCache } from '../build/build-cache';
import { codeKey } from '../build/code-key';
import { BROWSE_KINDS } from '../lib/urls';
import { getBrowseLinks } from './browse';
import { getChaptersByStory, getSite, getStories, type Chapter, type Story } from './library';

/*
 * Which stories' folders (`stories/<slug>/`: their pages, downloads, cards and files) this build
 * generates. Everything a story's folder shows is the story, its chapters, the site and the
 * addresses of the story's browse pages, so a hash of those and of Quire's code names the folder:
 * scripts/build.ts passes the build cache in QUIRE_BUILD_CACHE, and a story whose folder is kept
 * there under its hash is not generated again (scripts/build.ts links the kept folder into the
 * output). The hashes of every story are written to QUIRE_BUILD_PLAN for scripts/build.ts to keep
 * the new folders. Without QUIRE_BUILD_CACHE (the dev server, tests) every story is generated.
 */

async function storyKey(story: Story, chapters: Chapter[]): Promise<string> {
  const [site, linkFor] = await Promise.all([getSite(), getBrowseLinks()]);
  const links = BROWSE_KINDS.flatMap((kind) => (kind === 'ratings' ? [story.data.rating] : story.data[kind]).map((value) => [kind, value, linkFor(kind, value)]));
  const files = await Promise.all(story.data.files.map(async (file) => [file, hashOf(await readFile(path.join(story.data.folder, file)))]));
  // A chapter's kept file is named by the hash of its Markdown (text and notes), so the entries carry those too.
  return hashOf(codeKey(), JSON.stringify({ site, story: story.data, chapters: chapters.map((chapter) => chapter.data), links, files }));
}

/** The hash of a story's inputs now (the dev server keeps a story's downloads while it holds). */
export async function currentStoryKey(slug: string): Promise<string | undefined> {
  const story = (await getStories()).find((entry) => entry.data.slug === slug);
  return story && storyKey(story, (await getChaptersByStory()).get(slug) ?? []);
}

async function plan(): Promise<{ story: Story; chapters: Chapter[] }[]> {
  const cache = process.env.QUIRE_BUILD_CACHE;
  const chaptersByStory = await getChaptersByStory();
  const stories = (await getStories()).map((story) => ({ story, chapters: chaptersByStory.get(story.data.slug) ?? [] }));
  if (!cache) return stories;
  const built: BuildPlan = { siteUrl: (await getSite()).url, stories: {} };
  const toGenerate = [];
  for (const entry of stories) {
    const key = await storyKey(entry.story, entry.chapters);
    const generated = !existsSync(storyFolderCache(cache, entry.story.data.slug, key));
    built.stories[entry.story.data.slug] = { key, generated };
    if (generated) toGenerate.push(entry);
  }
  if (process.env.QUIRE_BUILD_PLAN) await writeFile(process.env.QUIRE_BUILD_PLAN, JSON.stringify(built));
  return toGenerate;
}

let planned: ReturnType<typeof plan> | undefined;

const planOnce = () => (import.meta.env.DEV ? plan() : (planned ??= plan()));

/** The stories whose folders this build generates: what every route under `stories/[story]/` lists. */
export const storiesToBuild = async (): Promise<Story[]> => (await planOnce()).map(({ story }) => story);

/** Static paths for pages about one story as a whole (its page, whole work, feed), with its chapters. */
export async function storyPaths(): Promise<{ params: { story: string }; props: { story: Story; chapters: Chapter[] } }[]> {
  return (await planOnce()).map(({ story, chapters }) => ({ params: { story: story.data.slug }, props: { story, chapters } }));
}
