import type { APIRoute, GetStaticPaths } from 'astro';
import { getDownloads } from '../../../data/downloads';
import { storiesToBuild } from '../../../data/story-builds';

/** `/stories/<story>/<story>.html`: the whole story as one self-contained HTML file (src/build/downloads). */
export const getStaticPaths = (async () =>
  (await storiesToBuild()).map(({ data: story }) => ({ params: { story: story.slug, file: story.slug } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(await (await getDownloads(params.story!)).html.read(), { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
