import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getChaptersByStory, getSite, getStories, type Chapter, type Story } from '../../../data/library';
import { storyFeed } from '../../../lib/feeds';

export const getStaticPaths = (async () => {
  const chaptersByStory = await getChaptersByStory();
  return (await getStories()).map((story) => ({
    params: { story: story.data.slug },
    props: { story, chapters: chaptersByStory.get(story.data.slug) ?? [] },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ story: Story; chapters: Chapter[] }> = async ({ props }) =>
  rss(storyFeed(await getSite(), props.story.data, props.chapters.map((chapter) => chapter.data)));
