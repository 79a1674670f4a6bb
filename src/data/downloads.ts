import { getEntry } from 'astro:content';
import { buildDownloads } from '../build/downloads';
import { contentRoot } from '../build/content-folder';
import { storeDownload } from '../loaders/render-cache';
import { getChaptersByStory, getSite, type Chapter } from './library';
import { currentStoryKey } from './story-builds';

/** One download of a story: its size, for the links, and its bytes, for the endpoint. */
export interface Download {
  bytes: number;
  read(): Promise<Uint8Array<ArrayBuffer>>;
}

export interface Downloads {
  epub: Download;
  html: Download;
}

/**
 * A story's downloads, generated once per build: the story page, every chapter page (for the
 * sizes) and the two endpoints (for the files) share one generation. The files wait on disk in
 * the render cache rather than in memory, which at archive scale would hold every story at once.
 * In development they are kept in memory while the story's inputs stay the same (its hash, see
 * story-builds.ts), so an edited chapter shows in the next download and an unchanged story is
 * not packed again on every page view.
 */
export async function getDownloads(story: string): Promise<Downloads> {
  if (import.meta.env.DEV) {
    const key = await currentStoryKey(story);
    let kept = developmentDownloads.get(story);
    if (!kept || kept.key !== key) developmentDownloads.set(story, (kept = { key, downloads: generate(story).then(inMemory) }));
    return kept.downloads;
  }
  if (!generated.has(story)) generated.set(story, generate(story).then((files) => onDisk(story, files)));
  return generated.get(story)!;
}

const generated = new Map<string, Promise<Downloads>>();
const developmentDownloads = new Map<string, { key: string | undefined; downloads: Promise<Downloads> }>();
let chaptersByStory: Promise<Map<string, Chapter[]>> | undefined;
const timing = { stories: 0, milliseconds: 0 };

async function generate(slug: string) {
  const started = performance.now();
  const story = await getEntry('stories', slug);
  if (!story) throw new Error(`No story "${slug}" to make downloads of`);
  // Grouped once per build; in development the content may have changed since the last request.
  const grouped = import.meta.env.DEV ? getChaptersByStory() : (chaptersByStory ??= getChaptersByStory());
  const chapters = ((await grouped).get(slug) ?? []).map((chapter) => chapter.data);
  const files = await buildDownloads(await getSite(), story.data, chapters);
  if (timing.stories++ === 0 && !import.meta.env.DEV) {
    process.once('exit', () =>
      console.log(`Built the EPUB and HTML downloads of ${timing.stories} stories in ${(timing.milliseconds / 1000).toFixed(1)} s`),
    );
  }
  timing.milliseconds += performance.now() - started;
  return files;
}

const inMemory = (files: { epub: Uint8Array; html: Uint8Array }): Downloads => ({
  epub: { bytes: files.epub.length, read: async () => new Uint8Array(files.epub) },
  html: { bytes: files.html.length, read: async () => new Uint8Array(files.html) },
});

async function onDisk(story: string, files: { epub: Uint8Array; html: Uint8Array }): Promise<Downloads> {
  const root = contentRoot();
  const stored = async (name: string, data: Uint8Array): Promise<Download> => ({ bytes: data.length, read: await storeDownload(root, name, data) });
  return { epub: await stored(`${story}.epub`, files.epub), html: await stored(`${story}.html`, files.html) };
}
