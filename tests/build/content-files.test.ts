import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';

/*
 * Files a contribution can smuggle in: links out of the content folder (the password file, the
 * build's environment, a folder of someone else's), pipes and devices, an SVG named .png, a
 * chapter whose extension is in capitals. `npm run check` and the build must refuse each one,
 * naming the file, and publish nothing of it.
 */

const execute = promisify(execFile);
const TSX = path.resolve('node_modules/tsx/dist/cli.mjs');
/** Written outside the content folder; no output may ever contain it. */
const SECRET = 'QUIRE-SECRET-7c1d0b';

interface Run {
  code: number;
  output: string;
}

async function run(command: string[], env: Record<string, string>): Promise<Run> {
  try {
    const { stdout, stderr } = await execute(process.execPath, command, {
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', QUIRE_SECRET_FOR_TESTS: SECRET, ...env },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 120_000,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

const check = (content: string) => run([TSX, 'scripts/check-content.ts'], { QUIRE_CONTENT: content });
const build = (content: string, out: string) => run(['scripts/build.ts'], { QUIRE_CONTENT: content, QUIRE_OUT: out });

const write = (file: string, text: string) => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
};
const story = (title: string, extra = '') => `---\ntitle: ${title}\nauthors: Someone\npublished: 2024-01-01\n${extra}---\nA summary.\n`;
const png = () => sharp({ create: { width: 4, height: 4, channels: 3, background: '#884422' } }).png().toBuffer();

const temporary = mkdtempSync(path.join(os.tmpdir(), 'quire-files-'));
const outside = path.join(temporary, 'outside');
const hostile = path.join(temporary, 'hostile');
/** Images are checked as the text is rendered, which happens once the files have passed. */
const hostileImages = path.join(temporary, 'hostile-images');
const linkedInside = path.join(temporary, 'inside');
/** Files whose names have no single meaning in an address: a cover, and (once files pass) an image. */
const oddNames = path.join(temporary, 'odd-names');
const oddImages = path.join(temporary, 'odd-images');

/** Each refused file, relative to the content folder, and what must be said about it. */
const REFUSED: [file: string, message: RegExp][] = [
  ['stories/tale/02-passwd.md', /is a link to \/etc\/passwd, outside the folder tale\//],
  ['stories/tale/03-environ.md', /is a link to \/proc\/[^,]+, outside the folder tale\//],
  ['stories/tale/04-secret.md', /is a link to .*outside\/secret\.md, outside the folder tale\//],
  ['stories/tale/05-hidden.MD', /Markdown files end in lowercase "\.md"/],
  ['stories/tale/06-folder.md', /is a folder, not a file/],
  ['stories/tale/index.md: cover', /"cover\.png" is a link to .*outside\/cover\.png, outside the folder tale\//],
  ['stories/linked', /is a link to .*outside\/story, outside the folder .*; stories\/ holds one folder per story/],
  ['stories/svg/index.md: cover', /"cover\.png" is not a png image/],
  ['stories/pipe/index.md', /is a named pipe, not a file/],
  ['stories/zero/01-zero.md', /is a link to \/dev\/zero, outside the folder zero\//],
];

beforeAll(async () => {
  write(path.join(outside, 'secret.md'), `---\ntitle: ${SECRET}\n---\n${SECRET}\n`);
  write(path.join(outside, 'story/index.md'), story(SECRET));
  write(path.join(outside, 'story/01-one.md'), `${SECRET}\n`);
  mkdirSync(path.join(outside, 'images'));
  writeFileSync(path.join(outside, 'images/dot.png'), await png());
  writeFileSync(path.join(outside, 'cover.png'), await png());

  write(path.join(hostile, 'site.yaml'), 'title: Hostile files\n');
  const tale = path.join(hostile, 'stories/tale');
  write(path.join(tale, 'index.md'), story('Tale', 'cover: cover.png\n'));
  write(path.join(tale, '01-one.md'), 'Text.\n');
  symlinkSync('/etc/passwd', path.join(tale, '02-passwd.md'));
  symlinkSync('/proc/self/environ', path.join(tale, '03-environ.md'));
  symlinkSync(path.join(outside, 'secret.md'), path.join(tale, '04-secret.md'));
  write(path.join(tale, '05-hidden.MD'), 'Hidden.\n');
  mkdirSync(path.join(tale, '06-folder.md'));
  symlinkSync(path.join(outside, 'cover.png'), path.join(tale, 'cover.png'));
  symlinkSync(path.join(outside, 'story'), path.join(hostile, 'stories/linked'));
  // An SVG named .png: an image library would read it as SVG, and XInclude another file's text.
  write(path.join(hostile, 'stories/svg/index.md'), story('Svg', 'cover: cover.png\n'));
  write(path.join(hostile, 'stories/svg/01-one.md'), 'Text.\n');
  write(
    path.join(hostile, 'stories/svg/cover.png'),
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xi="http://www.w3.org/2001/XInclude" width="600" height="200"><text y="100"><xi:include href="${path.join(outside, 'secret.md')}" parse="text"/></text></svg>`,
  );
  mkdirSync(path.join(hostile, 'stories/pipe'), { recursive: true });
  execFileSync('mkfifo', [path.join(hostile, 'stories/pipe/index.md')]);
  write(path.join(hostile, 'stories/pipe/01-one.md'), 'Text.\n');
  write(path.join(hostile, 'stories/zero/index.md'), story('Zero'));
  symlinkSync('/dev/zero', path.join(hostile, 'stories/zero/01-zero.md'));

  write(path.join(hostileImages, 'site.yaml'), 'title: Hostile images\n');
  write(path.join(hostileImages, 'stories/tale/index.md'), story('Tale'));
  write(path.join(hostileImages, 'stories/tale/01-one.md'), 'Text with a picture: ![dot](images/dot.png)\n');
  symlinkSync(path.join(outside, 'images'), path.join(hostileImages, 'stories/tale/images'));

  write(path.join(oddNames, 'site.yaml'), 'title: Odd names\n');
  write(path.join(oddNames, 'stories/tale/index.md'), story('Tale', 'cover: back\\slash.png\n'));
  write(path.join(oddNames, 'stories/tale/01-one.md'), 'Text.\n');
  writeFileSync(path.join(oddNames, 'stories/tale/back\\slash.png'), await png());
  write(path.join(oddImages, 'site.yaml'), 'title: Odd images\n');
  write(path.join(oddImages, 'stories/tale/index.md'), story('Tale'));
  write(path.join(oddImages, 'stories/tale/01-one.md'), 'A picture: ![dot](images/pct%252e.png)\n');
  mkdirSync(path.join(oddImages, 'stories/tale/images'));
  writeFileSync(path.join(oddImages, 'stories/tale/images/pct%2e.png'), await png());

  // Links that stay inside their folders are fine: a chapter and a cover kept in subfolders.
  write(path.join(linkedInside, 'site.yaml'), 'title: Linked inside\n');
  const kept = path.join(linkedInside, 'stories/kept');
  write(path.join(kept, 'index.md'), story('Kept', 'cover: cover.png\n'));
  write(path.join(kept, 'sources/one.md'), 'The linked chapter’s own words.\n');
  mkdirSync(path.join(kept, 'art'));
  writeFileSync(path.join(kept, 'art/cover.png'), await png());
  symlinkSync('sources/one.md', path.join(kept, '01-one.md'));
  symlinkSync('art/cover.png', path.join(kept, 'cover.png'));
}, 60_000);

describe('files from outside the content folder', () => {
  it('npm run check refuses every one, naming the file, and reads none of them', async () => {
    const { code, output } = await check(hostile);
    expect(code, output).toBe(1);
    for (const [file, message] of REFUSED) {
      const line = output.split('\n').find((text) => text.includes(`${hostile}/${file}: `));
      expect(line, `${file} in\n${output}`).toBeDefined();
      expect(line).toMatch(message);
    }
    expect(output).toContain(`The content has ${REFUSED.length} problems:`);
    expect(output).not.toContain(SECRET);
  }, 60_000);

  it('an images folder linked outside the story folder is refused', async () => {
    const { code, output } = await check(hostileImages);
    expect(code, output).toBe(1);
    expect(output).toContain('The content has 1 problem:');
    expect(output).toMatch(
      new RegExp(`${hostileImages}/stories/tale/01-one\\.md: image "images/dot\\.png" is a link to .*outside/images/dot\\.png, outside the folder tale/`),
    );
  }, 60_000);

  it('the build refuses the same files with the same words, and publishes nothing', async () => {
    const out = path.join(temporary, 'dist-hostile');
    const [checked, built] = await Promise.all([check(hostile), build(hostile, out)]);
    expect(built.code).not.toBe(0);
    // Each process reads its own /proc/<pid>/environ.
    const problems = (output: string) =>
      output
        .split('\n')
        .filter((line) => line.startsWith('  - '))
        .map((line) => line.replace(/\/proc\/\d+\//, '/proc/<pid>/'));
    expect(problems(built.output)).toEqual(problems(checked.output));
    expect(readdirSync(temporary)).not.toContain('dist-hostile');
  }, 120_000);

  it('the check and the build refuse the same file names that no address can carry, in the same words', async () => {
    const rule = "a file's name may not contain \\, %, ?, # or control characters, which have no single meaning in an address";
    const expected = {
      [oddNames]: [`  - ${oddNames}/stories/tale/index.md: cover: "back\\slash.png": ${rule}; a cover is an image file in the story folder`],
      [oddImages]: [`  - ${oddImages}/stories/tale/01-one.md: image "images/pct%252e.png": ${rule}`],
    };
    const problems = (output: string) => output.split('\n').filter((line) => line.startsWith('  - '));
    for (const [content, lines] of Object.entries(expected)) {
      const [checked, built] = await Promise.all([check(content), build(content, path.join(temporary, 'dist-odd'))]);
      expect(checked.code).toBe(1);
      expect(built.code).not.toBe(0);
      expect(problems(checked.output)).toEqual(lines);
      expect(problems(built.output)).toEqual(lines);
    }
  }, 120_000);

  it('links that stay inside the story folder are published', async () => {
    const out = path.join(temporary, 'dist-inside');
    const { code, output } = await build(linkedInside, out);
    expect(code, output).toBe(0);
    expect(readFileSync(path.join(out, 'stories/kept/one/index.html'), 'utf8')).toContain('The linked chapter’s own words.');
    expect(readdirSync(path.join(out, 'stories/kept'))).toEqual(expect.arrayContaining(['cover-4.webp', 'card.png']));
  }, 120_000);
});
