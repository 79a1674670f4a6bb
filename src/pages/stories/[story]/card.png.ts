import path from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite, getStories, type Story } from '../../../data/library';
import { storyCard } from '../../../lib/social-card';

/** One link-preview card per story, shared by its chapters (see docs/sharing.md for why). */
export const getStaticPaths = (async () =>
  (await getStories()).map((story) => ({ params: { story: story.data.slug }, props: { story } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ story: Story }> = async ({ props: { story } }) => {
  const cover = story.data.cover && path.join(story.data.folder, story.data.cover.file);
  return new Response(new Uint8Array(await storyCard(await getSite(), story.data, cover)), { headers: { 'Content-Type': 'image/png' } });
};
