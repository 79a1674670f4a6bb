import type { APIRoute, GetStaticPaths } from 'astro';
import { getListIndexShards, type ListIndexShard } from '../../data/listings';

/** A shard of a story listing's sort-and-filter index (see data/listings.ts, scripts/story-filter.ts). */
export const getStaticPaths = (async () =>
  (await getListIndexShards()).map((shard) => ({ params: { shard: shard.path }, props: { shard } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ shard: ListIndexShard }> = ({ props }) =>
  new Response(JSON.stringify(props.shard.rows), { headers: { 'Content-Type': 'application/json' } });
