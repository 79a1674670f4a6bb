import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject } from './project-copy';

/*
 * The dev server shows an author's saves. A save in a story's folder reads that story alone again
 * and replaces only its entries; any other change reads the whole folder; a save with a problem
 * names it and keeps the last good pages. `astro dev` runs in a copy of the project (so its
 * `.astro/` store is its own) on a copy of the sample library, and the test reads its pages as a
 * browser would fetch them.
 */

const temporary = mkdtempSync(path.join(os.tmpdir(), 'quire-dev-'));
const project = path.join(temporary, 'project');
const content = path.join(temporary, 'content');
let server: ChildProcess;
let log = '';
let origin = '';

const file = (name: string) => path.join(content, name);
const edit = (name: string, change: (text: string) => string) => writeFileSync(file(name), change(readFileSync(file(name), 'utf8')));

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** Fetches `page` until `wanted` holds of its status and body; fails with what it last saw. */
async function until(page: string, wanted: (status: number, body: string) => boolean, seconds = 30): Promise<string> {
  const deadline = Date.now() + seconds * 1000;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(origin + page);
      const body = await response.text();
      if (wanted(response.status, body)) return body;
      last = `${response.status}: ${body.slice(0, 200)}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${page} never became what the test waits for; last ${last}\n--- dev server log ---\n${log}`);
}

const withoutVitest = (environment: NodeJS.ProcessEnv) =>
  Object.fromEntries(Object.entries(environment).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST') && name !== 'TEST'));
const showing = (text: string) => (status: number, body: string) => status === 200 && body.includes(text);
const missing = (status: number) => status === 404;
const fullReads = () => log.match(/Read \d+ stories and \d+ chapters/g)?.length ?? 0;

beforeAll(async () => {
  copyProject(project);
  cpSync(path.resolve('content'), content, { recursive: true });
  const port = await freePort();
  origin = `http://localhost:${port}`;
  server = spawn(process.execPath, [path.resolve('node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port)], {
    cwd: project,
    // Without Vitest's own variables (NODE_ENV=test among them), which change how Astro serves.
    env: { ...withoutVitest(process.env), QUIRE_CONTENT: content, ASTRO_TELEMETRY_DISABLED: '1' },
    detached: true,
  });
  server.stdout!.on('data', (data: Buffer) => (log += data.toString()));
  server.stderr!.on('data', (data: Buffer) => (log += data.toString()));
  await until('/stories/salt-and-ledger/the-lighthouse/', showing('The lighthouse stood'), 120);
}, 150_000);

afterAll(() => {
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  rmSync(temporary, { recursive: true, force: true });
});

describe('the dev server', () => {
  it("shows an edited chapter, reading only that chapter's story again", async () => {
    edit('stories/salt-and-ledger/02-the-lighthouse.md', (text) => text.replace('The lighthouse stood', 'The lighthouse, freshly whitewashed, stood'));
    await until('/stories/salt-and-ledger/the-lighthouse/', showing('The lighthouse, freshly whitewashed, stood'));
    expect(log).toContain('Read salt-and-ledger again');
    expect(fullReads()).toBe(1);
    // The story's other pages and the whole work follow.
    await until('/stories/salt-and-ledger/all/', showing('freshly whitewashed'));
  }, 60_000);

  it("shows a chapter's changed notes", async () => {
    edit('stories/salt-and-ledger/02-the-lighthouse.md', (text) => text.replace('Edited on the 20th', 'Revised on the 21st'));
    await until('/stories/salt-and-ledger/the-lighthouse/', showing('Revised on the 21st'));
  }, 60_000);

  it('adds a chapter, and takes a deleted one away', async () => {
    writeFileSync(file('stories/small-hours/02-after-hours.md'), '---\ntitle: After Hours\npublished: 2025-08-02\n---\nThe kettle again, and the window.\n');
    await until('/stories/small-hours/after-hours/', showing('The kettle again, and the window.'));
    await until('/stories/small-hours/', showing('After Hours'));
    rmSync(file('stories/small-hours/02-after-hours.md'));
    await until('/stories/small-hours/after-hours/', missing);
    await until('/stories/small-hours/', (status, body) => status === 200 && !body.includes('After Hours'));
  }, 60_000);

  it('names the file, the field and the value of a bad save, keeps the last good pages, and recovers', async () => {
    edit('stories/salt-and-ledger/index.md', (text) => text.replace('rating: teen', 'rating: spicy'));
    const deadline = Date.now() + 30_000;
    while (!log.includes('spicy') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 150));
    const problem = log.slice(log.lastIndexOf('salt-and-ledger/index.md'));
    expect(problem).toMatch(/salt-and-ledger\/index\.md.*rating.*spicy/s);
    await until('/stories/salt-and-ledger/', showing('Salt and'));
    edit('stories/salt-and-ledger/index.md', (text) => text.replace('rating: spicy', 'rating: teen').replace('title: Salt and *Ledger*', 'title: Salt and *Lantern*'));
    await until('/stories/salt-and-ledger/', showing('Salt and <em>Lantern</em>'));
  }, 60_000);

  it('adds a new story folder, and removes a deleted one', async () => {
    cpSync(file('stories/small-hours'), file('stories/smaller-hours'), { recursive: true });
    await until('/stories/smaller-hours/small-hours/', (status) => status === 200);
    await until('/', showing('/stories/smaller-hours/'));
    rmSync(file('stories/smaller-hours'), { recursive: true });
    await until('/stories/smaller-hours/', missing);
    await until('/', (status, body) => status === 200 && !body.includes('/stories/smaller-hours/'));
  }, 60_000);

  it('reads everything again when site.yaml changes', async () => {
    const before = fullReads();
    edit('site.yaml', (text) => text.replace('title: The Quire Sampler', 'title: The Quire Almanac'));
    await until('/', showing('The Quire Almanac'));
    expect(fullReads()).toBe(before + 1);
  }, 60_000);
});
