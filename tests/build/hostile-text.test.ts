import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { beforeAll, describe, expect, it } from 'vitest';

/*
 * Text that breaks XML or ids: control characters and U+FFFE in titles, names, tags and the text,
 * an author spelt with a zero-width space, a heading that slugs to a paragraph's id. Every feed,
 * sitemap and EPUB file must stay well-formed, and nothing may be listed twice.
 */

const execute = promisify(execFile);
const temporary = mkdtempSync(path.join(os.tmpdir(), 'quire-text-'));
const content = path.join(temporary, 'content');
const out = path.join(temporary, 'dist');

let log = '';

const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(content, file)), { recursive: true });
  writeFileSync(path.join(content, file), text);
};

/** Parses XML strictly (saxes is a conforming parser); resolves with the error, if any. */
function xmlError(xml: string): string | undefined {
  const parser = new SaxesParser({ xmlns: true });
  let error: string | undefined;
  parser.on('error', (e) => (error ??= e.message));
  parser.write(xml).close();
  return error;
}

beforeAll(async () => {
  write('site.yaml', 'title: "Controls\\u0001 Archive"\n');
  write(
    'stories/controls/index.md',
    '---\ntitle: "Bell\\u0007 and \\uFFFE Title"\nauthors: ["Ali\\u200Bce"]\nfandoms: "Fan\\u0008dom"\ntags: ["real tag", "\\uFFFE"]\npublished: 2024-01-01\n---\nA summary with a \u0001control.\n',
  );
  write('stories/controls/01-one.md', '---\ntitle: "One\\u000B"\n---\n## p-1\n\nText with \u0002 and \uFFFF in it.\n');
  write('stories/other/index.md', '---\ntitle: Other\nauthors: Alice\npublished: 2024-01-02\n---\nSummary.\n');
  write('stories/other/01-one.md', 'Text.\n');
  // A Cyrillic А: a third "Alice" that only looks the same.
  write('stories/look-alike/index.md', '---\ntitle: Look-alike\nauthors: \u0410lice\npublished: 2024-01-03\n---\nSummary.\n');
  write('stories/look-alike/01-one.md', 'Text.\n');
  // The empty tag is refused first; once the author removes it, the rest must build.
  const refused = await execute(process.execPath, ['scripts/build.ts'], {
    env: { ...process.env, QUIRE_CONTENT: content, QUIRE_OUT: out, ASTRO_TELEMETRY_DISABLED: '1' },
  }).then(
    () => '',
    (error: { stdout: string; stderr: string }) => error.stdout + error.stderr,
  );
  expect(refused).toContain('stories/controls/index.md: tags: item 2 is empty (or only invisible characters)');
  write(
    'stories/controls/index.md',
    readFileSync(path.join(content, 'stories/controls/index.md'), 'utf8').replace('tags: ["real tag", "\\uFFFE"]', 'tags: ["real tag", "\\uFFFEfine"]'),
  );
  const built = await execute(process.execPath, ['scripts/build.ts'], {
    env: { ...process.env, QUIRE_CONTENT: content, QUIRE_OUT: out, ASTRO_TELEMETRY_DISABLED: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  log = built.stdout + built.stderr;
}, 180_000);

describe('text with characters XML forbids', () => {
  it('keeps every feed, the sitemap and every EPUB file well-formed', () => {
    const xmlFiles = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.xml'));
    expect(xmlFiles).toEqual(expect.arrayContaining(['feed.xml', 'stories/controls/feed.xml', 'sitemap-0.xml']));
    for (const file of xmlFiles) expect(xmlError(readFileSync(path.join(out, file), 'utf8')), file).toBeUndefined();
    const epub = unzipSync(readFileSync(path.join(out, 'stories/controls/controls.epub')));
    for (const [name, data] of Object.entries(epub)) {
      if (/\.(xhtml|opf|ncx|xml)$/.test(name)) expect(xmlError(new TextDecoder().decode(data)), name).toBeUndefined();
    }
    const opf = new TextDecoder().decode(epub['EPUB/package.opf']);
    expect(opf).toContain('<dc:title>Bell and Title</dc:title>');
    expect(opf).not.toMatch(/<dc:subject>\s*<\/dc:subject>/);
    expect(readFileSync(path.join(out, 'feed.xml'), 'utf8')).toContain('Controls Archive');
  });

  it('takes invisible characters out of names, so one author has one page, and warns of look-alike letters', () => {
    const authors = readdirSync(path.join(out, 'authors')).filter((name) => name !== 'index.html');
    expect(authors).toContain('alice');
    expect(authors).toHaveLength(2);
    expect(readFileSync(path.join(out, 'authors/alice/index.html'), 'utf8')).toContain('2 stories');
    expect(log).toContain('The authors "Alice" (stories/other, stories/controls) and "\u0410lice" (stories/look-alike) look alike but are spelt with different characters (U+0041 against U+0410)');
  });

  it('keeps a heading from taking a paragraph’s id', () => {
    const page = readFileSync(path.join(out, 'stories/controls/one/index.html'), 'utf8');
    const ids = [...page.matchAll(/ id="([^"]*)"/g)].map((m) => m[1]!);
    expect(ids).toEqual(expect.arrayContaining(['H-p-1', 'p-1']));
    expect(new Set(ids).size).toBe(ids.length);
    // eslint-disable-next-line no-control-regex -- none of them may reach the page
    expect(page).not.toMatch(/[\u0001\u0002\u0007\u000B\uFFFE\uFFFF]/);
  });
});
