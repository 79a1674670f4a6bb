/**
 * The weight of a built page without its story text: what a reader downloads before reading, so
 * what must not grow with the archive or with a story's length. The HTML with the chapter text and
 * the author's notes cut out, its stylesheets, and its scripts with every module they import
 * statically (what loads on first use, through `import()`, is not counted), each file gzipped on
 * its own as a web server sends it. Used by `npm run bench` (reported) and `npm run test:site`
 * (no chapter page may pass `CHAPTER_PAGE_CEILING`).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { Parser } from 'htmlparser2';

/** Issue 12's budget for a chapter page, in gzipped bytes of HTML, CSS and JS excluding the text. */
export const CHAPTER_PAGE_BUDGET = 10 * 1024;

/**
 * What no chapter page may weigh more than today (the heaviest, a gated chapter's, is 13.0 KB),
 * so that nothing grows back while the page is brought down to `CHAPTER_PAGE_BUDGET`.
 */
export const CHAPTER_PAGE_CEILING = 13.5 * 1024;

/** Elements whose content is the story's own text, not the page around it. */
const TEXT_CLASSES = ['chapter-text', 'note__body'];

export interface PageWeight {
  html: number;
  css: number;
  js: number;
  total: number;
  /** Requests before first paint: the page itself and its stylesheets. */
  blocking: number;
}

const gzipped = (text: string): number => gzipSync(text).length;

/** The page's markup without its text and its inline scripts, the code of those scripts, and what it loads. */
function split(html: string): { markup: string; inlineCode: string[]; stylesheets: string[]; scripts: string[] } {
  const cuts: [number, number][] = [];
  const inlineCode: string[] = [];
  const stylesheets: string[] = [];
  const scripts: string[] = [];
  const open: { cutFrom?: number; inlineScript: boolean }[] = [];
  let textDepth = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const isText = textDepth === 0 && TEXT_CLASSES.some((c) => (attributes.class ?? '').split(/\s+/).includes(c));
        const inlineScript = name === 'script' && !attributes.src && attributes.type !== 'application/ld+json';
        if (name === 'script' && attributes.src) scripts.push(attributes.src);
        if (name === 'link' && attributes.rel === 'stylesheet' && attributes.href) stylesheets.push(attributes.href);
        if (name === 'link' && attributes.rel === 'modulepreload' && attributes.href) scripts.push(attributes.href);
        open.push({ ...(isText || inlineScript ? { cutFrom: parser.endIndex + 1 } : {}), inlineScript });
        if (isText) textDepth++;
      },
      onclosetag(_name, implied) {
        const element = open.pop();
        if (!element || implied || element.cutFrom === undefined) return;
        cuts.push([element.cutFrom, parser.startIndex]);
        if (element.inlineScript) inlineCode.push(html.slice(element.cutFrom, parser.startIndex));
        else textDepth--;
      },
    },
    { decodeEntities: false },
  );
  parser.end(html);
  let markup = '';
  let from = 0;
  for (const [start, end] of cuts.filter(([start]) => !cuts.some(([s, e]) => s < start && start < e)).sort((a, b) => a[0] - b[0])) {
    markup += html.slice(from, start);
    from = end;
  }
  return { markup: markup + html.slice(from), inlineCode, stylesheets, scripts };
}

/** Static imports of a built module, as paths from the site's root. */
const importsOf = (code: string, from: string): string[] =>
  [...code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)].map((m) => path.posix.resolve(path.posix.dirname(from), m[1]!));

/** The weight of the page at `page` (a path inside the built site `root`). */
export async function pageWeight(root: string, page: string): Promise<PageWeight> {
  const { markup, inlineCode, stylesheets, scripts } = split(await readFile(path.join(root, page), 'utf8'));
  let css = 0;
  for (const href of new Set(stylesheets)) css += gzipped(await readFile(path.join(root, href), 'utf8'));
  let js = inlineCode.reduce((sum, code) => sum + gzipped(code), 0);
  const loaded = new Set<string>();
  const queue = [...scripts, ...inlineCode.flatMap((code) => importsOf(code, '/'))];
  for (let src = queue.shift(); src !== undefined; src = queue.shift()) {
    if (loaded.has(src)) continue;
    loaded.add(src);
    const code = await readFile(path.join(root, src), 'utf8');
    js += gzipped(code);
    queue.push(...importsOf(code, src));
  }
  const html = gzipped(markup);
  return { html, css, js, total: html + css + js, blocking: 1 + new Set(stylesheets).size };
}
