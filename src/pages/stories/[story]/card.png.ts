import path from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { readImageFile } from '../../../build/content-files';
import { getSite, type Story } from '../../../data/library';
import { storiesToBuild } from '../../../data/story-builds';
import { storyCard } from '../../../build/social-card';

/** One link-preview card per story, shared by its chapters (see docs/sharing.md for why). */
export const getStaticPaths = (async () =>
  (await storiesToBuild()).map((story) => ({ params: { story: story.data.slug }, props: { story } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ story: Story }> = async ({ props: { story } }) => {
  const { cover: file, folder } = story.data;
  const cover = file && (await readImageFile(path.join(folder, file.file), folder));
  return new Response(new Uint8Array(await storyCard(await getSite(), story.data, cover)), { headers: { 'Content-Type': 'image/png' } });
};
