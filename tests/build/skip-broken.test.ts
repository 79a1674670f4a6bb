import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

/* A problem in one story stops the build; `--skip-broken` builds the rest and lists what it left out. */

const execute = promisify(execFile);
const temporary = mkdtempSync(path.join(os.tmpdir(), 'quire-skip-'));
const content = path.join(temporary, 'content');

const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(content, file)), { recursive: true });
  writeFileSync(path.join(content, file), text);
};

async function build(out: string, ...args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await execute(process.execPath, ['scripts/build.ts', ...args], {
      env: { ...process.env, QUIRE_CONTENT: content, QUIRE_OUT: path.join(temporary, out), ASTRO_TELEMETRY_DISABLED: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

beforeAll(() => {
  write('site.yaml', 'title: Some broken\n');
  write('stories/sound/index.md', '---\ntitle: Sound\nauthors: Wren\npublished: 2024-01-01\n---\nA sound story.\n');
  write('stories/sound/01-one.md', 'Text.\n');
  write('stories/broken/index.md', '---\ntitle: Broken\nauthors: Wren\nrating: R\npublished: 2024-01-01\n---\nA broken story.\n');
  write('stories/broken/01-one.md', 'Text.\n');
  write('stories/unreadable/index.md', '---\ntitle: Unreadable\nauthors: Wren\npublished: 2024-01-01\n---\nIts chapter is nested too deep.\n');
  write('stories/unreadable/01-one.md', `${'>'.repeat(500)} deep\n`);
});

describe('a library with broken stories', () => {
  it('does not build by default', async () => {
    const { code, output } = await build('dist');
    expect(code).not.toBe(0);
    expect(output).toContain('stories/broken/index.md: rating: expected one of');
    expect(existsSync(path.join(temporary, 'dist'))).toBe(false);
  }, 120_000);

  it('builds the rest with --skip-broken, listing what it left out', async () => {
    const { code, output } = await build('dist-skipped', '--skip-broken');
    expect(code, output).toBe(0);
    expect(output).toContain('Left out, as --skip-broken asks, the stories with these problems:');
    expect(output).toContain('stories/broken/index.md: rating: expected one of general, teen, mature, explicit, not-rated, got "R"');
    expect(output).toContain('stories/unreadable/01-one.md: nests elements 501 deep');
    const out = path.join(temporary, 'dist-skipped');
    expect(existsSync(path.join(out, 'stories/sound/one/index.html'))).toBe(true);
    expect(existsSync(path.join(out, 'stories/broken'))).toBe(false);
    expect(existsSync(path.join(out, 'stories/unreadable'))).toBe(false);
  }, 120_000);
});
