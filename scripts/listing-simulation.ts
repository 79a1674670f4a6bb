#!/usr/bin/env node
/**
 * Simulates the home page of a larger archive, for `npm run bench`: writes a copy of a built site
 * (hard links) whose home listing holds `stories` stories: its full pages repeated as pages 1, 2…
 * of the larger listing, and its index rows repeated to match, each copy's word counts scaled by
 * a factor of its own so that sorting by length mixes the copies as a real archive would.
 *
 * Prints what it wrote as JSON: the index's rows and words, as served and gzipped.
 *
 * Usage: node scripts/listing-simulation.ts <built site> <stories> <output folder>
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { linkTree } from '../src/build/build-cache.ts';
import { pageCount, PAGES_PER_SHARD } from '../src/lib/pagination.ts';
import { homeUrl, listIndexUrl, listingPageUrl } from '../src/lib/urls.ts';

const [site, storiesArgument, out] = process.argv.slice(2);
if (!site || !out || !/^\d+$/.test(storiesArgument ?? '')) {
  console.error('Usage: node scripts/listing-simulation.ts <built site> <stories> <output folder>');
  process.exit(1);
}
const wanted = Number(storiesArgument);
const fileOf = (url: string) => path.join(site, url.endsWith('/') ? `${url}index.html` : url);

const home = await readFile(fileOf(homeUrl()), 'utf8');
const attribute = (name: string) => Number(new RegExp(`${name}="(\\d+)"`).exec(home)?.[1]);
const [perPage, total, shards] = [attribute('data-per-page'), attribute('data-total'), attribute('data-list-shards')];
const read = async <T>(part: 'rows' | 'text') =>
  (await Promise.all(Array.from({ length: shards }, async (_, shard) => JSON.parse(await readFile(fileOf(listIndexUrl(homeUrl(), shard, part)), 'utf8')) as T[]))).flat();
// A row as lib/story-list.ts writes it: [title, updated, published, words, rating, fandoms].
type Row = [string, string, string, number, string, string[]];
const [rows, texts] = [await read<Row>('rows'), await read<string>('text')];
const fullPages = Math.floor(total / perPage);
if (fullPages < 1) throw new Error(`${site} has fewer than ${perPage} stories: no full page to repeat`);

await rm(out, { recursive: true, force: true });
linkTree(site, out);
const target = (url: string) => path.join(out, url.endsWith('/') ? `${url}index.html` : url);
const pages = pageCount(wanted, perPage);
const perShard = PAGES_PER_SHARD * perPage; // as the build shards a listing by default
const newShards = pageCount(wanted, perShard);

// Page k of the larger listing is full page ((k - 1) mod fullPages) + 1 of the site.
const sourcePage = (page: number) => ((page - 1) % fullPages) + 1;
for (let page = 1; page <= pages; page++) {
  const html = await readFile(fileOf(listingPageUrl(homeUrl(), sourcePage(page))), 'utf8');
  const file = target(listingPageUrl(homeUrl(), page));
  await rm(file, { force: true }); // a hard link to the site's page: never write through it
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, page === 1 ? html.replace(/data-list-shards="\d+"/, `data-list-shards="${newShards}"`).replace(/data-total="\d+"/, `data-total="${wanted}"`) : html);
}

const bytes = { rows: 0, rowsGzipped: 0, text: 0, textGzipped: 0 };
for (let shard = 0; shard < newShards; shard++) {
  const positions = Array.from({ length: Math.min(perShard, wanted - shard * perShard) }, (_, index) => shard * perShard + index);
  const source = (position: number) => (sourcePage(Math.floor(position / perPage) + 1) - 1) * perPage + (position % perPage);
  const scale = (position: number) => 1 + ((Math.floor(position / (fullPages * perPage)) * 7919) % 1000) / 1000;
  const shardRows = positions.map((position): Row => {
    const [title, updated, published, words, rating, fandoms] = rows[source(position)]!;
    return [title, updated, published, Math.round(words * scale(position)), rating, fandoms];
  });
  for (const [part, content] of [['rows', shardRows], ['text', positions.map((position) => texts[source(position)]!)]] as const) {
    const file = target(listIndexUrl(homeUrl(), shard, part));
    const body = JSON.stringify(content);
    await rm(file, { force: true });
    await writeFile(file, body);
    bytes[part] += Buffer.byteLength(body);
    bytes[`${part}Gzipped`] += gzipSync(body).length;
  }
}
console.log(JSON.stringify({ stories: wanted, pages, shards: newShards, ...bytes }));
