import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getStories } from '../../../../data/library';

/** Publishes the story-folder files that pages show: covers and images in the text. */
export const getStaticPaths = (async () =>
  (await getStories()).flatMap(({ data: story }) =>
    story.files.map((file) => ({
      params: { story: story.slug, file },
      props: { source: path.join(story.folder, file) },
    })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute<{ source: string }> = async ({ props }) => new Response(await readFile(props.source));
