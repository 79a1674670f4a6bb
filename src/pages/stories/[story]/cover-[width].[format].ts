import path from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { readImageFile } from '../../../build/content-files';
import { storiesToBuild } from '../../../data/story-builds';
import { COVER_FORMATS, coverWidths, encodeCover, type CoverFormat } from '../../../build/covers';

/** Every story cover in every published width and format (see src/components/Cover.astro). */
export const getStaticPaths = (async () =>
  (await storiesToBuild()).flatMap(({ data: story }) => {
    if (!story.cover) return [];
    const source = path.join(story.folder, story.cover.file);
    return coverWidths(story.cover.width).flatMap((width) =>
      COVER_FORMATS.map((format) => ({ params: { story: story.slug, width: String(width), format }, props: { source, folder: story.folder } })),
    );
  })) satisfies GetStaticPaths;

export const GET: APIRoute<{ source: string; folder: string }> = async ({ params, props }) =>
  new Response(new Uint8Array(await encodeCover(await readImageFile(props.source, props.folder), Number(params.width), params.format as CoverFormat)), {
    headers: { 'Content-Type': `image/${params.format}` },
  });
