import { defineConfig, devices } from '@playwright/test';
import { findChromium } from './scripts/chromium.ts';

/**
 * The sample library (dist/) and the test fixtures (dist-fixtures/) are served side by side.
 * QUIRE_PORT_BASE moves both, so two checkouts can run their suites at once.
 */
const PORT_BASE = Number(process.env.QUIRE_PORT_BASE ?? 4410);
export const SAMPLE_PORT = PORT_BASE;
export const FIXTURES_PORT = PORT_BASE + 1;

const executablePath = await findChromium();
if (!executablePath) throw new Error('No Chromium found: run `node scripts/chromium.ts` first.');

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://localhost:${SAMPLE_PORT}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath,
          // Without these, Chromium tries to reach Google's services, which a closed network refuses.
          args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
        },
      },
    },
  ],
  webServer: [
    { command: `node scripts/serve.ts dist ${SAMPLE_PORT}`, url: `http://localhost:${SAMPLE_PORT}/` },
    { command: `node scripts/serve.ts dist-fixtures ${FIXTURES_PORT}`, url: `http://localhost:${FIXTURES_PORT}/` },
  ],
});
