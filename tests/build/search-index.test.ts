import { mkdtempSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../scripts/search-index.mjs';

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

  it('fails, saying why, when no page is marked for indexing', async () => {
    const folder = await site({ 'index.html': '<h1>Home</h1><p>Nothing to find.</p>' });
    await expect(buildSearchIndex(folder)).rejects.toThrow(`no page in ${folder} is marked with data-pagefind-body`);
  });
});
