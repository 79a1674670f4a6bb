import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject } from './project-copy';

/*
 * An incremental build must write exactly what a cold build of the same content writes. A copy of
 * the project (its code, so that the test can change Quire itself) builds a library, then after
 * each edit builds again with its cache and compares the whole output, byte for byte, with a cold
 * build of the same content. A build killed half-way must leave the last site and a cache the next
 * build can trust.
 */

const execute = promisify(execFile);
const temporary = mkdtempSync(path.join(os.tmpdir(), 'quire-incremental-'));
const project = path.join(temporary, 'project');
const content = path.join(temporary, 'content');
const incremental = { out: path.join(temporary, 'dist'), cache: path.join(temporary, 'cache') };
const cold = { out: path.join(temporary, 'dist-cold'), cache: path.join(temporary, 'cache-cold') };

const environment = (build: { out: string; cache: string }) => ({
  ...process.env,
  QUIRE_CONTENT: content,
  QUIRE_OUT: build.out,
  QUIRE_CACHE: build.cache,
  ASTRO_TELEMETRY_DISABLED: '1',
});

async function build(target: { out: string; cache: string }, ...args: string[]): Promise<string> {
  const { stdout, stderr } = await execute(process.execPath, ['scripts/build.ts', ...args], {
    cwd: project,
    env: environment(target),
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout + stderr;
}

/** Every file of a built site, by path, with its bytes. */
function tree(folder: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(path.relative(folder, path.join(entry.parentPath, entry.name)), readFileSync(path.join(entry.parentPath, entry.name)));
  }
  return files;
}

/** The paths whose bytes differ between two built sites, or that only one has. */
function differences(a: string, b: string): string[] {
  const [left, right] = [tree(a), tree(b)];
  const paths = new Set([...left.keys(), ...right.keys()]);
  return [...paths].filter((file) => !left.get(file)?.equals(right.get(file) ?? Buffer.alloc(0)) || !right.has(file)).sort();
}

/** Builds incrementally and cold, and expects the two sites to be identical; returns the incremental build's log. */
async function expectSameAsCold(): Promise<string> {
  const log = await build(incremental);
  await build(cold, '--clean');
  expect(differences(incremental.out, cold.out)).toEqual([]);
  return log;
}

const file = (name: string) => path.join(content, name);
const edit = (name: string, change: (text: string) => string) => writeFileSync(file(name), change(readFileSync(file(name), 'utf8')));

beforeAll(async () => {
  copyProject(project);
  cpSync(path.resolve('content'), content, { recursive: true });
  await build(incremental, '--clean');
}, 120_000);

afterAll(() => rmSync(temporary, { recursive: true, force: true }));

describe('an incremental build writes what a cold build writes', () => {
  it('after a word of a chapter changes, generating only that story again', async () => {
    edit('stories/salt-and-ledger/02-the-lighthouse.md', (text) => text.replace(/\bthe\b/, 'a'));
    expect(await expectSameAsCold()).toContain('Generated 1 of 3 stories');
  }, 120_000);

  it('after a chapter is added', async () => {
    writeFileSync(file('stories/small-hours/02-after-hours.md'), '---\ntitle: After Hours\npublished: 2025-08-02\n---\nThe kettle again, and the window.\n');
    expect(await expectSameAsCold()).toContain('Generated 1 of 3 stories');
  }, 120_000);

  it('after a chapter is deleted', async () => {
    rmSync(file('stories/salt-and-ledger/05-balanced.md'));
    await expectSameAsCold();
  }, 120_000);

  it("after a story's title changes, and after its folder is renamed", async () => {
    edit('stories/small-hours/index.md', (text) => text.replace(/^title: .*$/m, 'title: Smaller Hours'));
    await expectSameAsCold();
    renameSync(file('stories/small-hours'), file('stories/the-small-hours'));
    await expectSameAsCold();
  }, 240_000);

  it("after a story's tags change", async () => {
    edit('stories/salt-and-ledger/index.md', (text) => text.replace('storms]', 'storms, harbour towns]'));
    expect(readFileSync(file('stories/salt-and-ledger/index.md'), 'utf8')).toContain('harbour towns');
    await expectSameAsCold();
  }, 120_000);

  it('after site.yaml changes, generating every story again', async () => {
    edit('site.yaml', (text) => text.replace(/^title: .*$/m, 'title: Another Archive'));
    expect(await expectSameAsCold()).toContain('Generated 3 of 3 stories');
  }, 120_000);

  it("after a chapter's notes change", async () => {
    edit('stories/la-boulangere-de-minuit/02-la-farine.md', (text) => text.replace(/^---\n/, '---\nnotes: Une note de l’autrice.\n'));
    await expectSameAsCold();
  }, 120_000);

  it('after a file is touched without a change, generating nothing again', async () => {
    const touched = file('stories/salt-and-ledger/01-the-missing-salt.md');
    utimesSync(touched, new Date(), new Date(statSync(touched).mtimeMs + 60_000));
    expect(await expectSameAsCold()).toContain('Generated 0 of 3 stories');
  }, 120_000);

  it("after a source file of Quire itself changes, generating everything again", async () => {
    const layout = path.join(project, 'src/layouts/Base.astro');
    writeFileSync(layout, readFileSync(layout, 'utf8').replace('<footer class="site-footer">', '<footer class="site-footer" data-changed>'));
    expect(await expectSameAsCold()).toContain('Generated 3 of 3 stories');
    expect(readFileSync(path.join(incremental.out, 'index.html'), 'utf8')).toContain('data-changed');
  }, 120_000);
});

describe('a build killed half-way', () => {
  /** Starts an incremental build and kills it, and everything it started, when its log shows `moment`. */
  async function killedWhen(moment: string): Promise<void> {
    const child = spawn(process.execPath, ['scripts/build.ts'], { cwd: project, env: environment(incremental), detached: true });
    let log = '';
    await new Promise<void>((resolve) => {
      const read = (data: Buffer) => {
        log += data.toString();
        if (log.includes(moment)) process.kill(-child.pid!, 'SIGKILL');
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.on('close', () => resolve());
    });
    expect(log).toContain(moment);
  }

  it('leaves the last site as it was, and a cache the next build still trusts', async () => {
    const before = path.join(temporary, 'dist-before');
    cpSync(incremental.out, before, { recursive: true });
    edit('stories/salt-and-ledger/03-a-list-of-reasons.md', (text) => `${text}\nOne more line, written late.\n`);
    await killedWhen('generating static routes');
    expect(differences(incremental.out, before)).toEqual([]);
    edit('stories/salt-and-ledger/04-storm-warning.md', (text) => `${text}\nAnd the storm passed.\n`);
    await killedWhen('Generated 1 of 3 stories');
    expect(differences(incremental.out, before)).toEqual([]);
    await expectSameAsCold();
    expect(existsSync(path.join(incremental.out, 'index.html'))).toBe(true);
  }, 240_000);
});
