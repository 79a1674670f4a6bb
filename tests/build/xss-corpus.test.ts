import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { parse } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';

/*
 * Every script-injection attempt of tests/fixtures/xss/payloads.txt, in every field an author writes
 * (title, author, fandom, tag, summary, chapter title, notes, end notes, chapter text inline and as a
 * block), built into a site: no page, HTML download or EPUB page may carry anything that runs a
 * script. The browser tests run the hostile fixture story in Chromium; this covers the whole corpus.
 */

const execute = promisify(execFile);
const temporary = mkdtempSync(path.join(os.tmpdir(), 'quire-xss-'));
const content = path.join(temporary, 'content');
const out = path.join(temporary, 'dist');

const PAYLOADS = readFileSync('tests/fixtures/xss/payloads.txt', 'utf8')
  .split('\n')
  .filter((line) => line.trim() && !line.startsWith('#'));

const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(content, file)), { recursive: true });
  writeFileSync(path.join(content, file), text);
};

// JSON is YAML, so a payload is a quoted YAML string whatever it holds.
const yaml = (value: string) => JSON.stringify(value);

/** Attributes whose value is fetched or followed as an address. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'background', 'ping', 'lowsrc', 'dynsrc', 'codebase', 'cite']);
/** Elements that can run, embed or redirect; the site itself never writes them. */
const FORBIDDEN_ELEMENTS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'animate', 'set', 'animatemotion', 'animatetransform', 'foreignobject', 'handler', 'listener', 'portal']);

interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string; prefix?: string }[];
  childNodes?: Node[];
  content?: Node;
  value?: string;
}

const textOf = (node: Node): string => (node.value ?? '') + (node.childNodes ?? []).map(textOf).join('');

/** What in one document could run a script, each finding with where it is. */
function scriptVectors(html: string, where: string): string[] {
  const found: string[] = [];
  const visit = (node: Node) => {
    const tag = node.tagName?.toLowerCase();
    if (tag) {
      const attribute = (name: string) => node.attrs?.find((a) => a.name === name)?.value;
      if (FORBIDDEN_ELEMENTS.has(tag)) found.push(`${where}: <${tag}>`);
      if (tag === 'script') {
        const type = attribute('type');
        const src = attribute('src');
        if (src !== undefined && !src.startsWith('/_astro/')) found.push(`${where}: <script src="${src}">`);
        if (textOf(node).includes('__pwned') && type !== 'application/ld+json') found.push(`${where}: a <script> with the payload`);
        if (type === 'application/ld+json') {
          try {
            JSON.parse(textOf(node));
          } catch {
            found.push(`${where}: JSON-LD broken open`);
          }
        }
      }
      if (tag === 'style' && /__pwned|javascript:/i.test(textOf(node))) found.push(`${where}: a <style> with the payload`);
      if (tag === 'meta' && attribute('http-equiv') && attribute('http-equiv')!.toLowerCase() !== 'content-security-policy') found.push(`${where}: <meta http-equiv="${attribute('http-equiv')}">`);
      if (tag === 'link' && attribute('rel')?.toLowerCase() === 'import') found.push(`${where}: <link rel=import>`);
      if (tag === 'form' && !(attribute('action') ?? '/').startsWith('/')) found.push(`${where}: <form action="${attribute('action')}">`);
      for (const { name, value, prefix } of node.attrs ?? []) {
        const full = (prefix ? `${prefix}:${name}` : name).toLowerCase();
        if (full.startsWith('on')) found.push(`${where}: <${tag} ${full}>`);
        if ((full === 'id' || full === 'name') && value === '__pwned') found.push(`${where}: <${tag} ${full}="__pwned"> (clobbers a global)`);
        if (full === 'style' && /javascript:|expression\s*\(|url\s*\(/i.test(value)) found.push(`${where}: <${tag} style="${value}">`);
        if (URL_ATTRIBUTES.has(full)) {
          // Browsers drop control characters and spaces from a URL's scheme.
          const address = [...value].filter((character) => character.charCodeAt(0) > 0x20).join('').toLowerCase();
          if (/(?:^|[\s,])(?:javascript|vbscript):/.test(address) || address.includes('javascript:')) found.push(`${where}: <${tag} ${full}="${value}">`);
          if (address.startsWith('data:') && !/^data:image\/(?:png|jpeg|gif|webp|avif);/.test(address)) found.push(`${where}: <${tag} ${full}="${value.slice(0, 40)}…">`);
        }
      }
    }
    for (const child of node.childNodes ?? []) visit(child);
    if (node.content) visit(node.content);
  };
  visit(parse(html) as unknown as Node);
  return found;
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

let output = '';

beforeAll(async () => {
  write('site.yaml', 'title: Script injection corpus\n');
  PAYLOADS.forEach((payload, index) => {
    const slug = `payload-${index + 1}`;
    write(
      `stories/${slug}/index.md`,
      `---\ntitle: ${yaml(`${index + 1} ${payload}`)}\nauthors: [${yaml(`Author ${payload}`)}]\nfandoms: [${yaml(`Fandom ${payload}`)}]\ntags: [${yaml(`tag ${payload}`)}]\ncharacters: [${yaml(`Character ${payload}`)}]\npublished: 2024-01-01\n---\nSummary ${payload}\n`,
    );
    write(
      `stories/${slug}/01-one.md`,
      `---\ntitle: ${yaml(`Chapter ${payload}`)}\nnotes: ${yaml(`Notes ${payload}`)}\nendNotes: ${yaml(`End notes ${payload}`)}\n---\nBefore ${payload} after.\n\n${payload}\n\nThe last paragraph.\n`,
    );
  });
  try {
    const { stdout, stderr } = await execute(process.execPath, ['scripts/build.ts', '--skip-broken'], {
      env: { ...process.env, QUIRE_CONTENT: content, QUIRE_OUT: out, ASTRO_TELEMETRY_DISABLED: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    output = stdout + stderr;
  } catch (error) {
    const failed = error as { stdout: string; stderr: string };
    throw new Error(`The corpus did not build:\n${failed.stdout}${failed.stderr}`, { cause: error });
  }
}, 600_000);

describe(`${PAYLOADS.length} script injections in every field`, () => {
  it('are published, or refused naming the file (an image that is not a file of the story, an element left open that would hide the rest)', () => {
    // The problems, one a line: "  - <file>: <problem>".
    const refused = new Set([...output.matchAll(/^\s+- \S*stories\/(payload-\d+)\/[^:]+: /gm)].map((match) => match[1]));
    const published = PAYLOADS.map((_, index) => `payload-${index + 1}`).filter((slug) => !refused.has(slug));
    // The corpus is really published: refusing everything would pass the checks below.
    expect(published.length).toBeGreaterThan(PAYLOADS.length * 0.9);
    expect(output).toContain(`Generated ${published.length} of ${published.length} stories`);
    for (const slug of published) {
      // All of it: what a payload would hide (an unclosed <textarea>) is refused instead.
      expect(readFileSync(path.join(out, `stories/${slug}/one/index.html`), 'utf8'), slug).toContain('The last paragraph.');
    }
    expect(filesUnder(out).filter((file) => file.endsWith('.epub'))).toHaveLength(published.length);
  });

  it('leave nothing that runs a script in any page or HTML download', () => {
    const pages = filesUnder(out).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(PAYLOADS.length * 4);
    const found = pages.flatMap((file) => scriptVectors(readFileSync(file, 'utf8'), path.relative(out, file)));
    expect(found).toEqual([]);
  });

  it('leave nothing that runs a script in any EPUB page', () => {
    const epubs = filesUnder(out).filter((file) => file.endsWith('.epub'));
    const found = epubs.flatMap((file) =>
      Object.entries(unzipSync(new Uint8Array(readFileSync(file))))
        .filter(([name]) => name.endsWith('.xhtml'))
        .flatMap(([name, bytes]) => scriptVectors(strFromU8(bytes), `${path.relative(out, file)}/${name}`)),
    );
    expect(found).toEqual([]);
  });

  it('finds what it looks for (the checker is not blind)', () => {
    const planted = PAYLOADS.map((payload, index) => scriptVectors(`<!doctype html><body>${payload}</body>`, `raw ${index + 1}`));
    // Markdown-only and text-only payloads are not HTML; every HTML one is caught when left raw.
    const caught = planted.filter((found) => found.length > 0).length;
    expect(caught).toBeGreaterThan(PAYLOADS.length * 0.6);
  });
});
