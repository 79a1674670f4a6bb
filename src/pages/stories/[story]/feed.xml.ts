import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite, type Chapter, type Story } from '../../../data/library';
import { storyPaths } from '../../../data/story-builds';
import { storyFeed } from '../../../lib/feeds';

export const getStaticPaths = storyPaths satisfies GetStaticPaths;

export const GET: APIRoute<{ story: Story; chapters: Chapter[] }> = async ({ props }) =>
  rss(storyFeed(await getSite(), props.story.data, props.chapters.map((chapter) => chapter.data)));
