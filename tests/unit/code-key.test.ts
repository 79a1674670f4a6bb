import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeFiles } from '../../src/build/code-key';

describe('the code key', () => {
  it('hashes the code, configuration and published files, not installed packages or Astro’s cache inside code folders', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'quire-code-'));
    const files = ['src/pages/index.astro', 'scripts/build.ts', 'scripts/bench-baseline/astro.config.mjs', 'scripts/bench-baseline/node_modules/.vite/deps.json', 'scripts/bench-baseline/.astro/data-store.json', 'public/.well-known/security.txt', 'astro.config.ts', 'package-lock.json', 'README.md'];
    for (const file of files) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), file);
    }
    expect(codeFiles(root).map((file) => path.relative(root, file))).toEqual(['astro.config.ts', 'package-lock.json', 'public/.well-known/security.txt', 'scripts/bench-baseline/astro.config.mjs', 'scripts/build.ts', 'src/pages/index.astro']);
  });
});
