/// <reference types="vitest/config" />
import os from 'node:os';
import path from 'node:path';
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts'],
    maxConcurrency: 2,
    testTimeout: 60_000,
    // Builds in tests keep their cache in a temporary folder, not the project's (src/build/build-cache.ts).
    env: { QUIRE_CACHE: path.join(os.tmpdir(), `quire-test-cache-${process.pid}`) },
  },
});
