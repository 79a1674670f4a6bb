/**
 * The sitemap of a built site, from the pages in its folder (every `index.html`, so every address
 * ending in `/`): written by scripts/build.ts once the pages kept from earlier builds are in place,
 * since Astro sees only the pages it generated. At most 50,000 addresses a file, as the protocol says.
 */
import { readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { absoluteUrl, sitemapUrl } from '../src/lib/urls.ts';

const PER_FILE = 50_000;
const XMLNS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export async function writeSitemap(site: string, siteUrl: string): Promise<number> {
  // Synchronous, as in scripts/search-index.ts: six times faster on a large site.
  const pages = readdirSync(site, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => file === 'index.html' || file.endsWith('/index.html'))
    .map((file) => absoluteUrl(siteUrl, `/${file.slice(0, -'index.html'.length)}`))
    .sort();
  const files: string[] = [];
  for (let i = 0; i * PER_FILE < Math.max(pages.length, 1); i++) {
    const name = `sitemap-${i}.xml`;
    const urls = pages.slice(i * PER_FILE, (i + 1) * PER_FILE).map((url) => `<url><loc>${escapeXml(url)}</loc></url>`);
    await writeFile(path.join(site, name), `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="${XMLNS}">${urls.join('')}</urlset>`);
    files.push(name);
  }
  const entries = files.map((name) => `<sitemap><loc>${escapeXml(absoluteUrl(siteUrl, `/${name}`))}</loc></sitemap>`);
  await writeFile(path.join(site, sitemapUrl().slice(1)), `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="${XMLNS}">${entries.join('')}</sitemapindex>`);
  return pages.length;
}
