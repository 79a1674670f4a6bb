import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readSiteUrl } from '../../src/build/content-folder';
import { readLibrary } from '../../src/loaders/library';

const previous = process.env.SITE_URL;
afterEach(() => {
  if (previous === undefined) delete process.env.SITE_URL;
  else process.env.SITE_URL = previous;
});

function contentWith(siteYaml: string): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'quire-site-'));
  writeFileSync(path.join(folder, 'site.yaml'), siteYaml);
  return folder;
}

describe('the site URL astro.config reads', () => {
  it('is the one the loader publishes: site.yaml, else SITE_URL, else localhost', async () => {
    delete process.env.SITE_URL;
    expect(readSiteUrl(contentWith('title: T\nurl: https://fics.example.org/\n'))).toBe('https://fics.example.org/');
    expect(readSiteUrl(path.resolve('tests/fixtures/library'))).toBe('http://localhost:4321');
    process.env.SITE_URL = 'https://stories.example.org';
    const fixture = path.resolve('tests/fixtures/library');
    expect(readSiteUrl(fixture)).toBe('https://stories.example.org');
    const library = await readLibrary(fixture, { includeDrafts: false, renderCache: path.join(os.tmpdir(), `quire-url-${process.pid}`) });
    expect(library.site.url).toBe(readSiteUrl(fixture));
  });

  it('leaves a broken site.yaml to the loader to report', () => {
    delete process.env.SITE_URL;
    expect(readSiteUrl(path.resolve('tests/fixtures/invalid'))).toBe('http://localhost:4321');
    expect(readSiteUrl(contentWith('title: [unclosed\n'))).toBe('http://localhost:4321');
    expect(readSiteUrl(path.join(os.tmpdir(), 'no-such-content-folder'))).toBe('http://localhost:4321');
  });
});
