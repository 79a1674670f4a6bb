import type { APIRoute, GetStaticPaths } from 'astro';
import { getListIndexFiles, listIndexContent, type ListIndexFile } from '../../data/listings';

/** A file of a story listing's sort-and-filter index (see data/listings.ts, scripts/story-filter.ts). */
export const getStaticPaths = (async () => (await getListIndexFiles()).map((file) => ({ params: { file: file.path }, props: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ file: ListIndexFile }> = async ({ props }) =>
  new Response(JSON.stringify(await listIndexContent(props.file)), { headers: { 'Content-Type': 'application/json' } });
