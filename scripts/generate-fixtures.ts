#!/usr/bin/env node
/**
 * Writes the generated parts of the test fixtures (too big to keep in git): a 5 MB chapter in the
 * hostile-content story. Deterministic, so every build of the fixtures is the same.
 */
import { writeFile } from 'node:fs/promises';
import { writer } from './generate-library.ts';

const FIVE_MEGABYTES = 5 * 1024 * 1024;
const target = 'tests/fixtures/library/stories/hostile/02-five-megabytes.md';

const w = writer(5);
const paragraphs = [];
let size = 0;
while (size < FIVE_MEGABYTES) {
  const p = w.paragraph();
  paragraphs.push(p);
  size += Buffer.byteLength(p) + 2;
}
await writeFile(target, `---\ntitle: Five Megabytes\n---\n${paragraphs.join('\n\n')}\n`);
console.log(`Wrote ${target} (${(size / 1024 / 1024).toFixed(1)} MB)`);
