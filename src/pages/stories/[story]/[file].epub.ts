import type { APIRoute, GetStaticPaths } from 'astro';
import { getDownloads } from '../../../data/downloads';
import { storiesToBuild } from '../../../data/story-builds';

/** `/stories/<story>/<story>.epub`: the story as an e-book (src/build/downloads). */
export const getStaticPaths = (async () =>
  (await storiesToBuild()).map(({ data: story }) => ({ params: { story: story.slug, file: story.slug } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(await (await getDownloads(params.story!)).epub.read(), { headers: { 'Content-Type': 'application/epub+zip' } });
