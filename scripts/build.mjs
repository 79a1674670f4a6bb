#!/usr/bin/env node
/**
 * `npm run build`: builds the site into a fresh folder beside the output (QUIRE_OUT, else dist/)
 * and swaps it in only when the build succeeds, so a failed build never leaves a half-written
 * site behind. Extra arguments go to `astro build`.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';

const out = path.resolve(process.env.QUIRE_OUT ?? 'dist');
const staging = `${out}.staging-${process.pid}`;
const astro = path.resolve('node_modules/astro/bin/astro.mjs');

const code = await new Promise((resolve) => {
  spawn(process.execPath, [astro, 'build', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, QUIRE_OUT: staging },
  }).on('close', resolve);
});

if (code !== 0) {
  await rm(staging, { recursive: true, force: true });
  console.error(`\nThe build failed; ${path.relative(process.cwd(), out) || out} was left as it was.`);
  process.exit(code ?? 1);
}
const previous = `${out}.previous-${process.pid}`;
if (existsSync(out)) await rename(out, previous);
await rename(staging, out);
await rm(previous, { recursive: true, force: true });
