import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, packParts } from '../../scripts/search-index.ts';

/** A built site of the given pages (path → body HTML) in a new temporary folder. */
async function site(pages: Record<string, string>): Promise<string> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'quire-search-'));
  for (const [page, body] of Object.entries(pages)) {
    await mkdir(path.dirname(path.join(folder, page)), { recursive: true });
    await writeFile(path.join(folder, page), `<!doctype html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`);
  }
  return folder;
}

describe('the search index', () => {
  it('indexes only the pages marked data-pagefind-body and publishes only what the search page loads', async () => {
    const folder = await site({
      'index.html': '<h1>Home</h1><p>Welcome to the library.</p>',
      'stories/tale/one/index.html': '<article data-pagefind-body><h1>One</h1><p id="p-1">A lamp in the window.</p></article>',
    });
    const index = await buildSearchIndex(folder);
    expect(index.pages).toBe(1);
    expect(index.bytes).toBeGreaterThan(0);
    const files = readdirSync(path.join(folder, 'pagefind'));
    expect(files).toContain('pagefind.js');
    expect(files).toContain('pagefind-worker.js');
    expect(files.filter((file) => /ui|highlight/.test(file))).toEqual([]);
  });

  it('is one part for a small site, with no other parts listed', async () => {
    const folder = await site({ 'stories/tale/index.html': '<article data-pagefind-body><p>Lamp.</p></article>' });
    expect((await buildSearchIndex(folder)).parts).toBe(1);
    expect(JSON.parse(readFileSync(path.join(folder, 'pagefind', 'parts.json'), 'utf8'))).toEqual([]);
  });

  it('indexes a larger site in parts, each story whole in one, and lists the parts the search page merges', async () => {
    const chapter = (story: string, n: number) => ({
      [`stories/${story}/${n}/index.html`]: `<article data-pagefind-body><h1>${story} ${n}</h1><p id="p-1">Words of ${story}.</p></article>`,
    });
    const folder = await site({
      'index.html': '<h1>Home</h1>',
      ...chapter('alpha', 1),
      ...chapter('alpha', 2),
      ...chapter('beta', 1),
      ...chapter('beta', 2),
      ...chapter('gamma', 1),
    });
    const index = await buildSearchIndex(folder, { partPages: 2, workers: 2 });
    expect(index).toMatchObject({ pages: 5, parts: 3 });
    const output = path.join(folder, 'pagefind');
    expect(JSON.parse(readFileSync(path.join(output, 'parts.json'), 'utf8'))).toEqual(['part-2/', 'part-3/']);
    expect(readdirSync(output)).toContain('pagefind.js');
    for (const part of ['part-2', 'part-3']) {
      const files = readdirSync(path.join(output, part));
      expect(files).toContain('pagefind-entry.json');
      // Merged parts are searched by the first part's script and WebAssembly.
      expect(files.filter((file) => /\.js$|^wasm\./.test(file))).toEqual([]);
    }
    const pagesOf = (folder: string) => JSON.parse(readFileSync(path.join(folder, 'pagefind-entry.json'), 'utf8')).languages.en.page_count;
    expect([pagesOf(output), pagesOf(path.join(output, 'part-2')), pagesOf(path.join(output, 'part-3'))]).toEqual([2, 2, 1]);
  });

  it('packs whole stories into parts of about equal size, splitting only a story larger than a part', () => {
    const pages = (story: string, n: number) => Array.from({ length: n }, (_, i) => `stories/${story}/${i + 1}/index.html`);
    expect(packParts([...pages('a', 3), ...pages('b', 3), ...pages('c', 2)], 10)).toEqual([[...pages('a', 3), ...pages('b', 3), ...pages('c', 2)]]);
    expect(packParts([...pages('a', 3), ...pages('b', 3), ...pages('c', 2)], 6).map((part) => part.length)).toEqual([3, 5]);
    expect(packParts([...pages('a', 2), ...pages('b', 7), ...pages('c', 1)], 4)).toEqual([
      [...pages('a', 2)],
      pages('b', 7).slice(0, 4),
      [...pages('b', 7).slice(4), ...pages('c', 1)],
    ]);
  });

  it('fails, saying why, when no page is marked for indexing', async () => {
    const folder = await site({ 'index.html': '<h1>Home</h1><p>Nothing to find.</p>' });
    await expect(buildSearchIndex(folder)).rejects.toThrow(`no page in ${folder} is marked with data-pagefind-body`);
  });
});
