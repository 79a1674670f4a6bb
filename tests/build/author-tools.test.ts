import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { beforeAll, describe, expect, it } from 'vitest';

/*
 * The author tools as authors run them: `npm run import`, `npm run new` and `npm run check` on a
 * content folder of their own, then the build, whose chapter pages must show what was imported.
 */

const execute = promisify(execFile);
const TSX = path.resolve('node_modules/tsx/dist/cli.mjs');
const FIXTURES = 'tests/fixtures/import';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a script as its npm script does: the build on Node itself, the author tools with tsx. */
async function run(script: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  const command = script === 'scripts/build.ts' ? [script, ...args] : [TSX, script, ...args];
  try {
    const { stdout, stderr } = await execute(process.execPath, command, {
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const content = mkdtempSync(path.join(os.tmpdir(), 'quire-authors-'));
const stories = path.join(content, 'stories');
const inContent = { QUIRE_CONTENT: content };
const importer = (...args: string[]) => run('scripts/import.ts', [...args, '--out', stories]);
/** Every file under a folder with its text, to prove that a refused import changed nothing. */
const fingerprint = (folder: string) =>
  (existsSync(folder) ? readdirSync(folder, { recursive: true, encoding: 'utf8' }) : [])
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `${name}:${readFileSync(path.join(folder, name), 'utf8')}`)
    .join('\n');

const WORD = /[\p{L}\p{N}]+(?:['’\-‐][\p{L}\p{N}]+)*/gu;
const words = (node: Element | undefined): string[] => (node ? toText(node) : '').replace(/’/g, "'").match(WORD) ?? [];
const parse = (file: string) => unified().use(rehypeParse).parse(readFileSync(file, 'utf8'));

describe('npm run import', () => {
  beforeAll(() => writeFileSync(path.join(content, 'site.yaml'), 'title: Imported Archive\n'));

  it('shows what it would write with --dry-run, and writes nothing', async () => {
    const { code, stdout } = await importer(`${FIXTURES}/ao3/the-cartographers-error.html`, '--dry-run');
    expect(code).toBe(0);
    expect(stdout).toContain(`=== ${stories}/the-cartographers-error/index.md\n---\ntitle: The Cartographer's Error\n`);
    expect(stdout).toContain(`=== ${stories}/the-cartographers-error/02-fog-rights.md\n---\ntitle: Fog Rights\n---\nThe fog came in on Tuesday`);
    expect(stdout).toContain('nothing was written');
    expect(existsSync(stories)).toBe(false);
  });

  it('imports a folder of eFiction chapter pages and an AO3 download', async () => {
    const efiction = await importer(`${FIXTURES}/efiction-tin-lantern`);
    expect(efiction.code, efiction.stderr).toBe(0);
    expect(efiction.stdout).toContain('Imported "The Tin Lantern" (eFiction, 2 chapters)');
    expect(readdirSync(path.join(stories, 'the-tin-lantern')).sort()).toEqual(['01-the-ferry-at-dusk.md', '02-lamplight-ledgers.md', 'index.md']);
    const ao3 = await importer(`${FIXTURES}/ao3/the-cartographers-error.html`, '--story', 'cartographer');
    expect(ao3.code, ao3.stderr).toBe(0);
    expect(ao3.stderr).toContain('Series: Part 2 of Lamps and Ledgers" has no field in Quire');
    expect(readdirSync(path.join(stories, 'cartographer')).sort()).toEqual(['01-the-island-that-wasnt.md', '02-fog-rights.md', 'index.md']);
  });

  it('never overwrites a chapter file without --force, and then replaces it whole', async () => {
    const folder = path.join(stories, 'the-tin-lantern');
    const chapter = path.join(folder, '02-lamplight-ledgers.md');
    writeFileSync(chapter, readFileSync(chapter, 'utf8').replace('Wren counted', 'Wren (edited) counted'));
    const before = fingerprint(folder);
    const refused = await importer(`${FIXTURES}/efiction-tin-lantern/chapter-2.html`);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${chapter} already exists`);
    expect(refused.stderr).toContain('use --force');
    expect(fingerprint(folder)).toBe(before);

    const forced = await importer(`${FIXTURES}/efiction-tin-lantern/chapter-2.html`, '--force', '--story', 'the-tin-lantern');
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(chapter, 'utf8')).not.toContain('(edited)');
    expect(readdirSync(folder).sort()).toEqual(['01-the-ferry-at-dusk.md', '02-lamplight-ledgers.md', 'index.md']);
  });

  it('names a file it does not recognise, says why, and writes nothing', async () => {
    const before = fingerprint(stories);
    const { code, stderr } = await importer(`${FIXTURES}/not-an-archive.html`);
    expect(code).toBe(1);
    expect(stderr).toContain(`${FIXTURES}/not-an-archive.html: not a page the importer recognises`);
    expect(fingerprint(stories)).toBe(before);
  });

  it('never writes through a story folder that is a link out of --out', async () => {
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'quire-elsewhere-'));
    mkdirSync(stories, { recursive: true });
    symlinkSync(elsewhere, path.join(stories, 'linked-away'));
    const { code, stderr } = await importer(`${FIXTURES}/ao3/the-cartographers-error.html`, '--story', 'linked-away');
    expect(code).toBe(1);
    expect(stderr).toContain(`Nothing was imported: ${path.join(stories, 'linked-away')} is a link to ${elsewhere}`);
    expect(readdirSync(elsewhere)).toEqual([]);
    // The content check would rightly refuse the link; the later tests check the rest.
    rmSync(path.join(stories, 'linked-away'));
  });

  it('explains wrong usage with exit code 2', async () => {
    expect((await importer()).code).toBe(2);
    const badSlug = await importer(`${FIXTURES}/ao3/the-cartographers-error.html`, '--story', 'Bad_Slug');
    expect(badSlug.code).toBe(2);
    expect(badSlug.stderr).toContain('--story "Bad_Slug": a story slug is lowercase letters');
  });
});

describe('npm run new', () => {
  it('scaffolds a story and its next chapters, dated today, and refuses to overwrite', async () => {
    const story = await run('scripts/new.ts', ['story', 'first-light', '--author', 'A. Writer'], inContent);
    expect(story.code, story.stderr).toBe(0);
    const chapter = await run('scripts/new.ts', ['chapter', 'first-light', '--title', 'The Second Morning'], inContent);
    expect(chapter.code, chapter.stderr).toBe(0);
    const folder = path.join(stories, 'first-light');
    expect(readdirSync(folder).sort()).toEqual(['01-chapter-1.md', '02-the-second-morning.md', 'index.md']);
    const now = new Date();
    const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    expect(readFileSync(path.join(folder, '02-the-second-morning.md'), 'utf8')).toBe(
      `---\ntitle: The Second Morning\npublished: ${today}\ndraft: true\n---\nWrite the chapter here.\n`,
    );
    expect(readFileSync(path.join(folder, 'index.md'), 'utf8')).toContain('authors: A. Writer\n');

    const again = await run('scripts/new.ts', ['story', 'first-light'], inContent);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('first-light already exists');
    const unknown = await run('scripts/new.ts', ['chapter', 'first-lite'], inContent);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no such story (did you mean "first-light"?)');
    const invalid = await run('scripts/new.ts', ['story', 'First Light'], inContent);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('"First Light" is not a valid story slug');
  });
});

describe('npm run check', () => {
  it('passes the imported and scaffolded content, drafts included', async () => {
    const { code, stdout, stderr } = await run('scripts/check-content.ts', ['--drafts'], inContent);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('The content is valid: 3 stories, 6 chapters (drafts included)');
  });

  it('fails bad content with exactly the build\'s messages, without building', async () => {
    const invalid = { QUIRE_CONTENT: 'tests/fixtures/invalid' };
    const out = path.join(content, 'never-built');
    const [check, build] = await Promise.all([
      run('scripts/check-content.ts', [], invalid),
      run('scripts/build.ts', [], { ...invalid, QUIRE_OUT: out }),
    ]);
    expect(check.code).toBe(1);
    expect(build.code).not.toBe(0);
    const problems = (output: string) => output.split('\n').filter((line) => /^The content has|^ {2}- /.test(line));
    expect(problems(check.stderr)).toHaveLength(22);
    expect(problems(check.stderr)).toEqual(problems(build.stdout + build.stderr));
    expect(check.stdout).toBe('');
  }, 120_000);
});

describe('an imported story, built', () => {
  const dist = path.join(content, 'dist');
  beforeAll(async () => {
    const build = await run('scripts/build.ts', [], { ...inContent, QUIRE_OUT: dist });
    expect(build.code, build.stdout + build.stderr).toBe(0);
  }, 180_000);

  const page = (story: string, chapter: string) => parse(path.join(dist, 'stories', story, chapter, 'index.html'));
  const note = (tree: ReturnType<typeof parse>, id: string) => select(`section[aria-labelledby="${id}"] .note__body`, tree);

  it('shows an eFiction chapter\'s notes, disclaimer, text and end notes, word for word', () => {
    const source = parse(`${FIXTURES}/efiction-tin-lantern/chapter-2.html`);
    const built = page('the-tin-lantern', 'lamplight-ledgers');
    const [notes, endNotes] = selectAll('.noteinfo', source);
    expect(words(note(built, 'chapter-notes'))).toEqual(words(notes));
    expect(['Disclaimer', ...words(note(built, 'disclaimer'))]).toEqual(words(select('p.disclaimer', source)));
    expect(words(select('#chapter-text', built))).toEqual(words(select('#story', source)));
    expect(words(note(built, 'chapter-end-notes'))).toEqual(words(endNotes));
    expect(selectAll('#chapter-text hr', built)).toHaveLength(2);
    expect(select('#chapter-text blockquote', built)).toBeDefined();
  });

  it('shows an AO3 chapter\'s notes, text and end notes, and the work\'s notes, word for word', () => {
    const source = parse(`${FIXTURES}/ao3/the-cartographers-error.html`);
    const built = page('cartographer', 'the-island-that-wasnt');
    const [, workNotes, , chapterNotes, chapterEndNotes] = selectAll('blockquote.userstuff', source);
    expect(words(note(built, 'story-notes'))).toEqual(words(workNotes));
    expect(words(note(built, 'chapter-notes'))).toEqual(words(chapterNotes));
    expect(words(select('#chapter-text', built))).toEqual(words(select('#chapters > div.userstuff', source)));
    expect(words(note(built, 'chapter-end-notes'))).toEqual(words(chapterEndNotes));
    expect(select('#chapter-text span[lang="la"]', built)).toBeDefined();
    expect(select('#chapter-text .centered', built)).toBeUndefined();
  });
});
