import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';

/**
 * A copy of the project in `folder`: its code and configuration (so a test can change Quire
 * itself, and Astro's `.astro/` is the copy's own), with the project's node_modules linked in.
 */
export function copyProject(folder: string): void {
  mkdirSync(folder);
  for (const entry of ['src', 'scripts', 'public', 'astro.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json']) {
    cpSync(path.resolve(entry), path.join(folder, entry), { recursive: true });
  }
  symlinkSync(path.resolve('node_modules'), path.join(folder, 'node_modules'));
}
