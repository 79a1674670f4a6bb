import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/*
 * What Quire's own code is, as one hash: every file that can change what a build writes (the
 * site's source, the build scripts, the configuration, the exact dependency versions) and the
 * Node version. Every build cache is keyed by it, so changing any of them rebuilds everything.
 */

const CODE = ['src', 'scripts', 'public', 'astro.config.ts', 'package-lock.json', 'tsconfig.json'];

/**
 * What a folder of code may hold that is not code: installed packages and Astro's cache (the
 * benchmark's baseline site in scripts/ gets its own node_modules/ and .astro/ when built; hashing
 * them cost 0.8 s a process, and every baseline build would have made Quire's cache cold).
 */
const isNotCode = (name: string) => name === 'node_modules' || name === '.astro';

function filesUnder(entry: string): string[] {
  const stats = statSync(entry, { throwIfNoEntry: false });
  if (!stats) return [];
  if (!stats.isDirectory()) return [entry];
  return readdirSync(entry, { withFileTypes: true })
    .filter((child) => !isNotCode(child.name))
    .flatMap((child) => (child.isDirectory() ? filesUnder(path.join(entry, child.name)) : child.isFile() ? [path.join(entry, child.name)] : []));
}

/** The files Quire's code is, in the project at `root`, in order. */
export const codeFiles = (root = '.'): string[] => CODE.flatMap((entry) => filesUnder(path.join(root, entry))).sort();

let key: string | undefined;

/** The hash of Quire's code in the project at the working directory (computed once per process). */
export function codeKey(): string {
  if (key) return key;
  const hash = createHash('sha256').update(process.version);
  for (const file of codeFiles()) hash.update(`\0${file}\0`).update(readFileSync(file));
  return (key = hash.digest('hex'));
}
