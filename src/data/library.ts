import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { byNewestUpdate } from '../lib/stories';

export { getChapterHtml, getChapterNotes } from '../loaders/render-cache';

/** Queries over the content collections. Drafts never reach them in production (see the loader). */

export type Story = CollectionEntry<'stories'>;
export type Chapter = CollectionEntry<'chapters'>;

export async function getSite(): Promise<CollectionEntry<'site'>['data']> {
  const site = await getEntry('site', 'site');
  if (!site) throw new Error('site.yaml was not loaded');
  return site.data;
}

export async function getStories(): Promise<Story[]> {
  return (await getCollection('stories')).sort((a, b) => byNewestUpdate(a.data, b.data));
}

/** Every story's chapters in reading order, by story slug. */
export async function getChaptersByStory(): Promise<Map<string, Chapter[]>> {
  const byStory = new Map<string, Chapter[]>();
  for (const chapter of await getCollection('chapters')) {
    const list = byStory.get(chapter.data.story) ?? [];
    list.push(chapter);
    byStory.set(chapter.data.story, list);
  }
  for (const list of byStory.values()) list.sort((a, b) => a.data.position - b.data.position);
  return byStory;
}
