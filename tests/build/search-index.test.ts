import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildSearchIndex } from '../../scripts/search-index.ts';
import { decodeTerms, encodeTerms, type TermEntry } from '../../src/lib/search-index-format.ts';
import { SearchIndex } from '../../src/scripts/search-engine.ts';

/** A built site of the given pages (path → body HTML) in a new temporary folder. */
async function site(pages: Record<string, string>): Promise<string> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'quire-search-'));
  for (const [page, body] of Object.entries(pages)) {
    await mkdir(path.dirname(path.join(folder, page)), { recursive: true });
    await writeFile(path.join(folder, page), `<!doctype html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`);
  }
  return folder;
}

/** Every file of a folder with its bytes, to compare two indexes. */
function tree(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[path.relative(folder, path.join(entry.parentPath, entry.name))] = readFileSync(path.join(entry.parentPath, entry.name)).toString('base64');
  }
  return files;
}

/** Searches the index of a built site as the search page does, reading all results; their addresses. */
async function search(folder: string, query: string, filters: Readonly<Record<string, readonly string[]>> = {}): Promise<string[]> {
  const index = await SearchIndex.open(pathToFileURL(path.join(folder, 'search-index/')));
  const results = await index.search(query, filters);
  await results.more(Infinity);
  return Promise.all(results.hits.map(async (hit) => (await index.page(hit.page))[0]));
}

const chapter = (text: string, meta: Record<string, string> = {}) =>
  `<article data-search-body>${Object.entries(meta)
    .map(([key, value]) => `<data value="${value}" ${key === 'fandom' || key === 'rating' ? 'data-search-filter' : 'data-search-meta'}="${key}"></data>`)
    .join('')}<header data-search-ignore><h1>Header words</h1></header>${text}<script>const scripted = 1;</script></article>`;

beforeAll(() => {
  // The engine fetches the index's files; here they are read from the folder.
  vi.stubGlobal('fetch', async (url: URL) => {
    try {
      return new Response(await readFile(fileURLToPath(url)));
    } catch {
      return new Response('', { status: 404 });
    }
  });
});
afterAll(() => vi.unstubAllGlobals());

describe('the search index', () => {
  it('indexes only the parts of pages marked data-search-body, less what is marked data-search-ignore and scripts', async () => {
    const folder = await site({
      'index.html': '<h1>Home</h1><p>Welcome lamp.</p>',
      'stories/tale/one/index.html': chapter('<p id="p-1">A lamp in the window.</p>', { title: 'One' }),
    });
    expect((await buildSearchIndex(folder)).pages).toBe(1);
    expect(await search(folder, 'lamp')).toEqual(['/stories/tale/one/']);
    expect(await search(folder, 'welcome')).toEqual([]);
    expect(await search(folder, 'header')).toEqual([]);
    expect(await search(folder, 'scripted')).toEqual([]);
    // Its title, from its metadata, finds it too.
    expect(await search(folder, 'one')).toEqual(['/stories/tale/one/']);
    const index = await SearchIndex.open(pathToFileURL(path.join(folder, 'search-index/')));
    expect(await index.page(0)).toEqual(['/stories/tale/one/', { title: 'One' }]);
  });

  it('finds pages that hold every word of the query, the last also as the start of a word, whatever the case and accents', async () => {
    const folder = await site({
      'stories/a/1/index.html': chapter('<p>The lighthouse keeper’s café.</p>'),
      'stories/a/2/index.html': chapter('<p>The keeper of the <em>light</em>.</p>'),
      'stories/b/1/index.html': chapter('<p>A lamp, and a keep.</p>'),
    });
    await buildSearchIndex(folder);
    expect(await search(folder, 'KEEPER')).toEqual(expect.arrayContaining(['/stories/a/1/', '/stories/a/2/']));
    expect(await search(folder, 'keeper light')).toEqual(expect.arrayContaining(['/stories/a/1/', '/stories/a/2/']));
    expect(await search(folder, 'keeper light ')).toEqual(['/stories/a/2/']);
    expect(await search(folder, 'Cafe')).toEqual(['/stories/a/1/']);
    expect(await search(folder, 'lamp keeper')).toEqual([]);
    expect(await search(folder, 'nowhere')).toEqual([]);
  });

  it('finds Chinese and Japanese words in the middle of a sentence', async () => {
    const folder = await site({
      'stories/ja/1/index.html': chapter('<p>彼女は古い地図帳を開いて、港の名前を探した。</p>'),
      'stories/zh/1/index.html': chapter('<p>他在灯塔里找到了一本旧航海日志。</p>'),
    });
    await buildSearchIndex(folder);
    expect(await search(folder, '地図帳')).toEqual(['/stories/ja/1/']);
    expect(await search(folder, '港')).toEqual(['/stories/ja/1/']);
    expect(await search(folder, '航海日志')).toEqual(['/stories/zh/1/']);
    expect(await search(folder, '地図日志')).toEqual([]);
  });

  it('narrows by filters: any ticked value of a filter, and every filter that has one', async () => {
    const folder = await site({
      'stories/a/1/index.html': chapter('<p>Harbour.</p>', { fandom: 'Sea, Stories', rating: 'Teen' }),
      'stories/b/1/index.html': chapter('<p>Harbour.</p>', { fandom: 'Hills', rating: 'Teen' }),
      'stories/c/1/index.html': chapter('<p>Harbour.</p>', { fandom: 'Hills', rating: 'Mature' }),
    });
    await buildSearchIndex(folder);
    expect(await search(folder, 'harbour', { fandom: ['Sea, Stories'] })).toEqual(['/stories/a/1/']);
    expect((await search(folder, 'harbour', { fandom: ['Sea, Stories', 'Hills'] })).sort()).toEqual(['/stories/a/1/', '/stories/b/1/', '/stories/c/1/']);
    expect(await search(folder, 'harbour', { fandom: ['Hills'], rating: ['Mature'] })).toEqual(['/stories/c/1/']);
    expect(await search(folder, 'harbour', { rating: ['Explicit'] })).toEqual([]);
  });

  describe('common words in windows', () => {
    const pages: Record<string, string> = {};
    for (let n = 0; n < 40; n++) pages[`stories/s${String(n).padStart(2, '0')}/1/index.html`] = chapter(`<p>tide ${n % 2 ? 'gull' : 'kelp'} ${n % 7 ? '' : 'anchor'} word${n}</p>`, { rating: n % 3 ? 'Teen' : 'General' });
    let whole: string;
    let windowed: string;
    beforeAll(async () => {
      whole = await site(pages);
      windowed = await site(pages);
      await buildSearchIndex(whole);
      await buildSearchIndex(windowed, { window: 8 });
    });

    it('find the same pages as one window does', async () => {
      for (const [query, filters] of [['tide', {}], ['gull anchor', {}], ['kelp', { rating: ['General'] }], ['word1', {}], ['anchor word', {}]] as const) {
        expect((await search(windowed, query, filters)).sort()).toEqual((await search(whole, query, filters)).sort());
      }
      expect(await search(windowed, 'tide')).toHaveLength(40);
    });

    it('are read a window at a time, only as far as the results asked for', async () => {
      const index = await SearchIndex.open(pathToFileURL(path.join(windowed, 'search-index/')));
      const results = await index.search('tide', {});
      await results.more(3);
      expect(results.hits).toHaveLength(8);
      expect(results.complete).toBe(false);
      await results.more(Infinity);
      expect(results.hits).toHaveLength(40);
      expect(results.complete).toBe(true);
    });
  });

  it('is the same index whether the terms were gathered in memory or in run files, and with pages kept in the cache', async () => {
    const pages: Record<string, string> = {};
    for (let n = 0; n < 30; n++) pages[`stories/s${n}/1/index.html`] = chapter(`<p>tide ${n} word${n % 4} 港の名前</p>`);
    const inMemory = await site(pages);
    const inRuns = await site(pages);
    await buildSearchIndex(inMemory);
    await buildSearchIndex(inRuns, { spill: 7 });
    expect(tree(path.join(inRuns, 'search-index'))).toEqual(tree(path.join(inMemory, 'search-index')));
    const cache = mkdtempSync(path.join(os.tmpdir(), 'quire-search-cache-'));
    expect((await buildSearchIndex(inRuns, { cache })).read).toBe(30);
    expect((await buildSearchIndex(inRuns, { cache })).read).toBe(0);
    expect(tree(path.join(inRuns, 'search-index'))).toEqual(tree(path.join(inMemory, 'search-index')));
  });

  it('keeps a story folder’s terms by the folder’s key, reading its pages again only under a new key', async () => {
    const pages: Record<string, string> = { 'about/index.html': chapter('<p>about harbour</p>') };
    for (let n = 0; n < 6; n++) pages[`stories/s${n % 2}/${n}/index.html`] = chapter(`<p>tide ${n} word${n % 3}</p>`);
    pages['stories/s1/all/index.html'] = '<p>not marked for search</p>';
    const cold = await site(pages);
    const warm = await site(pages);
    await buildSearchIndex(cold);
    const cache = mkdtempSync(path.join(os.tmpdir(), 'quire-search-cache-'));
    const storyKeys = { s0: 'a', s1: 'b' };
    expect((await buildSearchIndex(warm, { cache, storyKeys })).read).toBe(7);
    expect((await buildSearchIndex(warm, { cache, storyKeys })).read).toBe(0);
    expect(tree(path.join(warm, 'search-index'))).toEqual(tree(path.join(cold, 'search-index')));

    // s1 built again under a new key (its text changed): only its pages are read, and the index is a cold build's.
    const edited = { ...pages, 'stories/s1/3/index.html': chapter('<p>lantern 3</p>') };
    const editedCold = await site(edited);
    await buildSearchIndex(editedCold);
    await writeFile(path.join(warm, 'stories/s1/3/index.html'), await readFile(path.join(editedCold, 'stories/s1/3/index.html')));
    expect((await buildSearchIndex(warm, { cache, storyKeys: { s0: 'a', s1: 'c' } })).read).toBe(3);
    expect(tree(path.join(warm, 'search-index'))).toEqual(tree(path.join(editedCold, 'search-index')));
    expect(await search(warm, 'lantern')).toEqual(['/stories/s1/3/']);
    // Only what this build used is kept.
    expect(readdirSync(path.join(cache, 'search-stories', 's1'))).toEqual(['c.json']);
  });

  it('writes terms front-coded and reads them back, characters beyond the Basic Multilingual Plane whole', () => {
    const postings = { pages: new Uint32Array([0, 5, 300000]), scores: new Uint8Array([1, 255, 7]) };
    const entries: TermEntry[] = [
      { term: 'harbour', count: 3, postings },
      { term: 'harbourmaster', count: 3, postings },
      { term: '𠀋𠀌', count: 1, postings: { pages: new Uint32Array([2]), scores: new Uint8Array([9]) } },
      { term: '𠀋𠀍', count: 20000, blocks: [{ window: 0, block: 0 }, { window: 3, block: 1 }] },
    ];
    expect(decodeTerms(encodeTerms(entries))).toEqual(entries);
  });

  it('fails, saying why, when no page is marked for indexing', async () => {
    const folder = await site({ 'index.html': '<h1>Home</h1><p>Nothing to find.</p>' });
    await expect(buildSearchIndex(folder)).rejects.toThrow(`no page in ${folder} is marked with data-search-body`);
  });
});
