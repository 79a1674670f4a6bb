import path from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { readContentFile } from '../../../../build/content-files';
import { storiesToBuild } from '../../../../data/story-builds';

/** Publishes the story-folder files that pages show: covers and images in the text. */
export const getStaticPaths = (async () =>
  (await storiesToBuild()).flatMap(({ data: story }) =>
    story.files.map((file) => ({
      params: { story: story.slug, file },
      props: { source: path.join(story.folder, file), folder: story.folder },
    })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute<{ source: string; folder: string }> = async ({ props }) =>
  new Response(new Uint8Array(await readContentFile(props.source, props.folder)));
