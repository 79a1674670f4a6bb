import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'quire-build-')), 'dist');

/** Runs `npm run build`'s script on a content folder; resolves with its exit code and output. */
async function build(content: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['scripts/build.ts'], {
      env: { ...process.env, QUIRE_CONTENT: content, QUIRE_OUT: out, ASTRO_TELEMETRY_DISABLED: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

/** A fingerprint of every file in the output folder, to prove a failed build changed nothing. */
function fingerprint(folder: string): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort()) {
    const full = path.join(folder, file);
    hash.update(file);
    try {
      hash.update(readFileSync(full));
    } catch {
      // A folder.
    }
  }
  return hash.digest('hex');
}

const ERRORS = 'tests/fixtures/errors';
/** One fixture per class of content error, and what the build must say about it. */
const CLASSES: Record<string, string> = {
  'invalid-rating': 'stories/tale/index.md: rating: expected one of general, teen, mature, explicit, not-rated, got "R"',
  'impossible-date': 'stories/tale/01-one.md: published: "2023-02-29" is not a real date (February 2023 has 28 days); dates are written YYYY-MM-DD',
  'missing-title': 'stories/tale/index.md: title: required',
  'missing-authors': 'stories/tale/index.md: authors: required',
  'duplicate-chapter-slug': 'stories/tale/02-one.md: chapter slug "one" is also used by 01-one.md',
  'reserved-slug': 'stories/tale/02-all.md: chapter slug "all" is reserved',
  'broken-yaml': 'stories/tale/01-one.md: invalid YAML at line 3: the value of "title" opens a " quote that is not closed on its line',
  'missing-cover': 'stories/tale/index.md: cover: "cover.jpg" does not exist',
  'missing-published': 'stories/tale/01-one.md: published: required',
};

describe('a build of bad content', () => {
  let before: string;
  beforeAll(async () => {
    const valid = await build('tests/fixtures/library');
    expect(valid.code, valid.output).toBe(0);
    before = fingerprint(out);
  }, 120_000);

  it.concurrent.each(Object.entries(CLASSES))('fails on %s, naming the file and the field', async (name, message) => {
    const { code, output } = await build(path.join(ERRORS, name));
    expect(code).not.toBe(0);
    expect(output).toContain(`${ERRORS}/${name}/${message}`);
    expect(output).toContain('The content has 1 problem:');
  });

  it('reports every problem of a library in one run', async () => {
    const { code, output } = await build('tests/fixtures/invalid');
    expect(code).not.toBe(0);
    expect(output).toContain('The content has 21 problems:');
    // Listed once, and last: no stack trace under them.
    expect(output.match(/^ {2}- tests\/fixtures\/invalid\//gm)).toHaveLength(21);
    expect(output.slice(output.indexOf('The content has 21 problems:'))).not.toMatch(/Stack trace|\bat \S+ \(/);
    expect(output.trimEnd().endsWith('Fix them and build again (`npm run check` lists them without building).')).toBe(true);
  });

  it('leaves the previous build exactly as it was', () => {
    expect(fingerprint(out)).toBe(before);
    expect(readdirSync(path.dirname(out))).toEqual(['dist']);
  });
});
