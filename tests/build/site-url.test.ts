import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'quire-site-url-')), 'dist');
const SITE = 'https://stories.example.org';

/**
 * Absolute URLs in a built file that are not on SITE (schema.org and XML namespaces aside, and
 * example.org, where the fixtures' authors link).
 */
const foreignUrls = (file: string): string[] =>
  [...readFileSync(path.join(out, file), 'utf8').matchAll(/https?:\/\/[^\s"'<>]+/g)]
    .map((match) => match[0])
    .filter((url) => !url.startsWith(`${SITE}/`) && !/^https?:\/\/(schema\.org|www\.w3\.org|purl\.org|www\.sitemaps\.org|www\.google\.com|example\.org)(\/|$)/.test(url));

describe('a build for a deployed address (SITE_URL)', () => {
  beforeAll(async () => {
    await run(process.execPath, ['scripts/build.ts'], {
      env: { ...process.env, QUIRE_CONTENT: 'tests/fixtures/library', QUIRE_OUT: out, SITE_URL: SITE, ASTRO_TELEMETRY_DISABLED: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
  }, 180_000);

  it('points every absolute URL of pages, feeds, sitemap and robots.txt there', () => {
    const files = ['index.html', 'stories/rtl-story/index.html', 'stories/rtl-story/the-night/index.html', 'feed.xml', 'stories/rtl-story/feed.xml', 'sitemap-index.xml', 'sitemap-0.xml', 'robots.txt'];
    for (const file of files) expect(foreignUrls(file), file).toEqual([]);
    expect(readFileSync(path.join(out, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${SITE}/sitemap-index.xml`);
    expect(readFileSync(path.join(out, 'sitemap-0.xml'), 'utf8')).toContain(`<loc>${SITE}/stories/rtl-story/the-night/</loc>`);
    expect(readFileSync(path.join(out, 'stories/rtl-story/the-night/index.html'), 'utf8')).toContain(`<meta property="og:image" content="${SITE}/stories/rtl-story/card.png">`);
  });
});
