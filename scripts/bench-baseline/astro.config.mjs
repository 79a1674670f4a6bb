// The benchmark's baseline (scripts/bench.ts): the least an Astro site can do with the same
// chapters, one plain page each, into BASELINE_OUT. Pagefind runs over it afterwards.
import { defineConfig } from 'astro/config';

export default defineConfig({ outDir: process.env.BASELINE_OUT ?? 'dist', build: { format: 'directory' } });
