import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/*
 * What Quire's own code is, as one hash: every file that can change what a build writes (the
 * site's source, the build scripts, the configuration, the exact dependency versions) and the
 * Node version. Every build cache is keyed by it, so changing any of them rebuilds everything.
 */

const CODE = ['src', 'scripts', 'public', 'astro.config.ts', 'package-lock.json', 'tsconfig.json'];

function filesUnder(entry: string): string[] {
  const stats = statSync(entry, { throwIfNoEntry: false });
  if (!stats) return [];
  if (!stats.isDirectory()) return [entry];
  return readdirSync(entry, { recursive: true, withFileTypes: true })
    .filter((file) => file.isFile())
    .map((file) => path.join(file.parentPath, file.name));
}

let key: string | undefined;

/** The hash of Quire's code in the project at the working directory (computed once per process). */
export function codeKey(): string {
  if (key) return key;
  const hash = createHash('sha256').update(process.version);
  for (const file of CODE.flatMap(filesUnder).sort()) hash.update(`\0${file}\0`).update(readFileSync(file));
  return (key = hash.digest('hex'));
}
