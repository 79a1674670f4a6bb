#!/usr/bin/env node
/**
 * Checks a built site: every page passes html-validate (with .htmlvalidate.json), and every
 * internal link, image (srcset and og:image included), stylesheet and script resolves,
 * fragments (#p-12, #contents) included; and no chapter page weighs more than the ceiling
 * (scripts/page-weight.ts).
 * Usage: node scripts/check-site.ts [--no-validate] <folder>...
 */
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { HtmlValidate, StaticConfigLoader, formatterFactory } from 'html-validate';
import { Parser } from 'htmlparser2';
import { CHAPTER_PAGE_BUDGET, CHAPTER_PAGE_CEILING, pageWeight } from './page-weight.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'no-validate': { type: 'boolean', default: false } } });

/** Links and ids of one page. */
function scan(html: string): { links: string[]; ids: Set<string> } {
  const links: string[] = [];
  const ids = new Set<string>();
  const parser = new Parser({
    onopentag(name, attributes) {
      if (attributes.id) ids.add(attributes.id);
      if (name === 'a' && attributes.name) ids.add(attributes.name);
      const url = { a: attributes.href, link: attributes.href, img: attributes.src, script: attributes.src }[name];
      if (url !== undefined && !(name === 'link' && attributes.rel === 'canonical')) links.push(url);
      // Responsive images and link-preview cards must resolve too.
      if (attributes.srcset) links.push(...attributes.srcset.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]!));
      // A card with no content attribute is reported as the broken link "undefined".
      if (name === 'meta' && attributes.property === 'og:image') links.push(String(attributes.content));
    },
  });
  parser.end(html);
  return { links, ids };
}

/** The file a site path is served from, as the test server and static hosts serve it. */
function fileFor(root: string, sitePath: string): string {
  const file = path.join(root, decodeURIComponent(sitePath));
  if (sitePath.endsWith('/')) return path.join(file, 'index.html');
  return existsSync(file) && statSync(file).isDirectory() ? path.join(file, 'index.html') : file;
}

let failures = 0;
for (const folder of positionals) {
  const root = path.resolve(folder);
  const pages = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.html')).map((f) => path.join(root, f));
  const scanned = new Map();
  for (const page of pages) scanned.set(page, scan(await readFile(page, 'utf8')));

  let broken = 0;
  for (const [page, { links }] of scanned) {
    const sitePath = `/${path.relative(root, page).replace(/\\/g, '/').replace(/(^|\/)index\.html$/, '$1')}`;
    for (const link of links) {
      if (/^(mailto:|data:|https?:\/\/(?!localhost))/i.test(link)) continue;
      const url = new URL(link, `http://localhost${sitePath}`);
      const target = fileFor(root, url.pathname);
      const problem = !existsSync(target)
        ? 'no such page or file'
        : url.hash && target.endsWith('.html')
          ? !(scanned.get(target) ?? scan(await readFile(target, 'utf8'))).ids.has(decodeURIComponent(url.hash.slice(1))) && `no element with id ${url.hash}`
          : false;
      if (problem) {
        broken++;
        console.error(`${path.relative(process.cwd(), page)}: broken link ${link}: ${problem}`);
      }
    }
  }
  console.log(`${folder}: ${pages.length} pages, ${[...scanned.values()].reduce((n, s) => n + s.links.length, 0)} links checked, ${broken} broken`);
  failures += broken;

  // Chapter pages: stories/<story>/<chapter>/index.html, but the whole work (`all`).
  const chapterPages = pages.map((page) => path.relative(root, page).split(path.sep).join('/')).filter((page) => /^stories\/[^/]+\/(?!all\/)[^/]+\/index\.html$/.test(page));
  let heaviest = { page: '', total: 0 };
  for (const page of chapterPages) {
    const { total } = await pageWeight(root, page);
    if (total > heaviest.total) heaviest = { page, total };
    if (total > CHAPTER_PAGE_CEILING) {
      failures++;
      console.error(`${folder}/${page}: ${total} bytes gzipped without its text, over the ceiling of ${CHAPTER_PAGE_CEILING}`);
    }
  }
  console.log(`${folder}: heaviest of ${chapterPages.length} chapter pages ${heaviest.page}, ${heaviest.total} bytes gzipped without its text (ceiling ${CHAPTER_PAGE_CEILING}, budget ${CHAPTER_PAGE_BUDGET})`);

  if (!values['no-validate']) {
    const validator = new HtmlValidate(new StaticConfigLoader(JSON.parse(await readFile('.htmlvalidate.json', 'utf8'))));
    const report = await validator.validateMultipleFiles(pages);
    if (!report.valid) {
      console.error(formatterFactory('stylish')(report.results));
      failures += report.errorCount;
    }
    console.log(`${folder}: html-validate ${report.valid ? 'passed' : `found ${report.errorCount} errors`} on ${pages.length} pages`);
  }
}
process.exit(failures > 0 ? 1 : 0);
