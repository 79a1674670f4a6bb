import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getChaptersByStory, getSite, getStories } from '../data/library';
import { siteFeed } from '../lib/feeds';

export const GET: APIRoute = async () => {
  const chapters = new Map([...(await getChaptersByStory())].map(([story, list]) => [story, list.map((c) => c.data)]));
  return rss(siteFeed(await getSite(), (await getStories()).map((story) => story.data), chapters));
};
