#!/usr/bin/env node
/**
 * Simulates the search index of a larger archive, for `npm run bench`: writes a copy of a built
 * site (hard links) whose index holds its pages `pages / n` times over. Each copy of a page keeps
 * its address (so results open and show excerpts), its common words as they are, and its rare
 * words (on one page of the site) made its own: "wickbar" on the first copy, "wickbarx2" on the
 * second… so a rare word stays on one page of the archive, as in a real one.
 *
 * Prints what it wrote as JSON, with a rare word of the last page to search for, and the commonest word.
 *
 * Usage: node scripts/search-simulation.ts <built site> <pages> <output folder>
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { linkTree } from '../src/build/build-cache.ts';
import { searchIndexUrl } from '../src/lib/urls.ts';
import { folderSize, siteTerms, writeSearchIndex, type IndexedPageTerms } from './search-index.ts';

/** The word a rare word of the site is in the `copy`th copy (from 0). */
const rareWordInCopy = (word: string, copy: number): string => (copy === 0 ? word : `${word}x${copy + 1}`);

const [site, pagesArgument, out] = process.argv.slice(2);
if (!site || !out || !/^\d+$/.test(pagesArgument ?? '')) {
  console.error('Usage: node scripts/search-simulation.ts <built site> <pages> <output folder>');
  process.exit(1);
}
const wanted = Number(pagesArgument);
const started = performance.now();
const pages: IndexedPageTerms[] = [];
for await (const page of siteTerms(site, undefined, { read: 0, used: new Set() })) pages.push(page);
const counts = new Map<string, number>();
for (const page of pages) for (const [term] of page.terms) counts.set(term, (counts.get(term) ?? 0) + 1);

async function* copies(): AsyncGenerator<IndexedPageTerms> {
  for (let n = 0; n < wanted; n++) {
    const page = pages[n % pages.length]!;
    const copy = Math.floor(n / pages.length);
    yield copy === 0 ? page : { ...page, terms: page.terms.map(([term, count]) => [counts.get(term) === 1 ? rareWordInCopy(term, copy) : term, count]) };
  }
}

await rm(out, { recursive: true, force: true });
linkTree(site, out);
const index = path.join(out, searchIndexUrl());
await rm(index, { recursive: true, force: true });
await writeSearchIndex(index, copies());
const { bytes, files } = await folderSize(index);
const last = pages[(wanted - 1) % pages.length]!;
const rare = last.terms.find(([term]) => counts.get(term) === 1 && /^\p{L}+$/u.test(term))?.[0];
const common = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
const rareWord = rare && rareWordInCopy(rare, Math.floor((wanted - 1) / pages.length));
console.log(JSON.stringify({ pages: wanted, bytes, files, seconds: (performance.now() - started) / 1000, rareWord, common }));
