import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

/*
 * Pathological input, every kind at once (a YAML alias bomb is refused by tests/unit/frontmatter.test.ts): each story is a problem naming its file (or, for what
 * can be shown, is shortened and built), in bounded time. The bounds are far from what the
 * inputs took before (minutes, or a crash), so they do not flake on a slow machine.
 */

const execute = promisify(execFile);
const temporary = mkdtempSync(path.join(os.tmpdir(), 'quire-pathological-'));
const content = path.join(temporary, 'content');
const TSX = path.resolve('node_modules/tsx/dist/cli.mjs');

const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(content, file)), { recursive: true });
  writeFileSync(path.join(content, file), text);
};
const story = (slug: string, fields: string, chapter: string) => {
  write(`stories/${slug}/index.md`, `---\ntitle: ${slug}\nauthors: Wren\npublished: 2024-01-01\n${fields}---\nSummary.\n`);
  write(`stories/${slug}/01-one.md`, chapter);
};

/**
 * The peak memory of a process and everything it started (Astro's build runs in a child of the
 * build script): the kernel keeps each process's high-water mark (VmHWM), read every 50 ms.
 */
function watchPeakMemory(root: number): () => number {
  let peakKb = 0;
  const children = (pid: number): number[] => {
    try {
      return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  const sample = () => {
    for (const pid of [root, ...children(root).flatMap((child) => [child, ...children(child)])]) {
      try {
        const kb = Number(/^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
        peakKb = Math.max(peakKb, kb);
      } catch {
        // It ended between the listing and the read.
      }
    }
  };
  const timer = setInterval(sample, 50);
  return () => {
    clearInterval(timer);
    return peakKb / 1024;
  };
}

async function run(args: string[]): Promise<{ code: number; output: string; seconds: number; peakMegabytes: number }> {
  const started = performance.now();
  const env = { ...process.env, QUIRE_CONTENT: content, QUIRE_OUT: path.join(temporary, 'dist'), ASTRO_TELEMETRY_DISABLED: '1' };
  const command = execute(process.execPath, args, { env, maxBuffer: 256 * 1024 * 1024 });
  const peak = watchPeakMemory(command.child.pid!);
  const finish = (code: number, stdout: string, stderr: string) => ({
    code,
    output: stdout + stderr,
    seconds: (performance.now() - started) / 1000,
    peakMegabytes: peak(),
  });
  try {
    const { stdout, stderr } = await command;
    return finish(0, stdout, stderr);
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return finish(failed.code, failed.stdout, failed.stderr);
  }
}

/** Before the guards, 80,000 &amp; alone peaked at 6.1 GB; a build of this library takes about 0.75 GB. */
const MEMORY_BOUND_MEGABYTES = 2048;

/** Each refused story, and what must be said of it. */
const REFUSED: Record<string, RegExp> = {
  'nested-quotes': /stories\/nested-quotes\/01-one\.md: nests elements 5001 deep/,
  'nested-spans': /stories\/nested-spans\/01-one\.md: nests elements 2001 deep/,
  ampersands: /stories\/ampersands\/01-one\.md: has a paragraph with more than 5,000 character references/,
  underscores: /stories\/underscores\/01-one\.md: has a word of more than 10,000 characters/,
};

beforeAll(() => {
  write('site.yaml', 'title: Pathological\n');
  story('nested-quotes', '', `${'>'.repeat(5000)} deep\n`);
  story('nested-spans', '', `${'<span> '.repeat(2000)}deep\n`);
  story('ampersands', '', `${'&amp; '.repeat(80_000)}\n`);
  story('underscores', '', `${'a_'.repeat(250_000)}\n`);
  // What can be shown is shortened, not refused: a 7.5 KB title and a long list of fandoms
  // (3,000 are drawn in the card's unit test; here 300, as each is also a page).
  story('enormous-fields', '', 'Text.\n');
  write('stories/enormous-fields/index.md', `---\ntitle: "${'Salt and ledger '.repeat(480)}"\nauthors: Wren\nfandoms: [${Array.from({ length: 300 }, (_, i) => `"Fandom ${i}"`).join(', ')}]\npublished: 2024-01-01\n---\nSummary.\n`);
});

describe('pathological input', () => {
  it('npm run check names every refused story, quickly', async () => {
    const { code, output, seconds, peakMegabytes } = await run([TSX, 'scripts/check-content.ts']);
    expect(code, output).toBe(1);
    for (const [slug, problem] of Object.entries(REFUSED)) expect(output, slug).toMatch(problem);
    expect(output).toContain(`The content has ${Object.keys(REFUSED).length} problems:`);
    expect(seconds).toBeLessThan(60);
    console.log(`pathological check: ${seconds.toFixed(1)} s, peak ${Math.round(peakMegabytes)} MB`);
    expect(peakMegabytes).toBeLessThan(MEMORY_BOUND_MEGABYTES);
  }, 120_000);

  it('the build leaves the refused stories out with --skip-broken and builds the rest, quickly', async () => {
    const { code, output, seconds, peakMegabytes } = await run(['scripts/build.ts', '--skip-broken']);
    expect(code, output).toBe(0);
    expect(output).toContain('Generated 1 of 1 stories');
    expect(existsSync(path.join(temporary, 'dist/stories/enormous-fields/card.png'))).toBe(true);
    expect(seconds).toBeLessThan(120);
    console.log(`pathological build: ${seconds.toFixed(1)} s, peak ${Math.round(peakMegabytes)} MB`);
    expect(peakMegabytes).toBeLessThan(MEMORY_BOUND_MEGABYTES);
  }, 180_000);
});
