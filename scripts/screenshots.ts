#!/usr/bin/env node
/**
 * Screenshots of every page type of the built site (dist/ and dist-fixtures/), on a phone and a
 * desktop, light and dark, screen and print, so a change meant to keep the look (a refactor, a
 * CSS reorganisation) can be proved pixel-identical:
 *
 *   npm run screenshots -- <folder>                 takes them into <folder>
 *   npm run screenshots -- <folder> --compare <old> takes them, then compares with <old>
 *
 * Exit code 1 when a comparison finds a difference.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import sharp from 'sharp';
import { findChromium } from './chromium.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { compare: { type: 'string' } } });
const [folder] = positionals;
if (!folder) {
  console.error('usage: node scripts/screenshots.ts <folder> [--compare <old folder>]');
  process.exit(2);
}

/** QUIRE_SCREENSHOT_PORT moves the two servers, so two checkouts can take screenshots at once. */
const SAMPLE_PORT = Number(process.env.QUIRE_SCREENSHOT_PORT ?? 4490);
const FIXTURES_PORT = SAMPLE_PORT + 1;
/** Every page type, from the sample library and the fixtures. */
const PAGES = {
  home: `${SAMPLE_PORT}/`,
  story: `${SAMPLE_PORT}/stories/salt-and-ledger/`,
  chapter: `${SAMPLE_PORT}/stories/salt-and-ledger/the-lighthouse/`,
  'whole-work': `${SAMPLE_PORT}/stories/small-hours/all/`,
  'browse-index': `${SAMPLE_PORT}/fandoms/`,
  'browse-term': `${SAMPLE_PORT}/tags/`,
  search: `${SAMPLE_PORT}/search/`,
  'reading-settings': `${SAMPLE_PORT}/reading-settings/`,
  'not-found': `${SAMPLE_PORT}/404.html`,
  'french-chapter': `${SAMPLE_PORT}/stories/la-boulangere-de-minuit/la-farine/`,
  'rtl-story': `${FIXTURES_PORT}/stories/rtl-story/`,
  'rtl-chapter': `${FIXTURES_PORT}/stories/rtl-story/the-night/`,
  'gated-chapter': `${FIXTURES_PORT}/stories/mature-story/the-signal/`,
  'edge-cases-story': `${FIXTURES_PORT}/stories/edge-cases/`,
  'scene-breaks': `${FIXTURES_PORT}/stories/edge-cases/every-scene-break/`,
  'publisher-styling': `${FIXTURES_PORT}/stories/publisher-styling/the-letter/`,
  'hostile-chapter': `${FIXTURES_PORT}/stories/hostile/attacks/`,
};
const VIEWPORTS = { phone: { width: 375, height: 800 }, desktop: { width: 1280, height: 900 } };
const SCHEMES = ['light', 'dark'] as const;
const MEDIA = ['screen', 'print'] as const;

const servers = [
  spawn(process.execPath, ['scripts/serve.ts', 'dist', String(SAMPLE_PORT)], { stdio: 'ignore' }),
  spawn(process.execPath, ['scripts/serve.ts', 'dist-fixtures', String(FIXTURES_PORT)], { stdio: 'ignore' }),
];
await new Promise((resolve) => setTimeout(resolve, 1000));

mkdirSync(folder, { recursive: true });
const executablePath = await findChromium();
const browser = await chromium.launch(executablePath ? { executablePath } : {});
try {
  for (const [viewportName, viewport] of Object.entries(VIEWPORTS)) {
    for (const colorScheme of SCHEMES) {
      const context = await browser.newContext({ viewport, colorScheme, reducedMotion: 'reduce' });
      const page = await context.newPage();
      for (const media of MEDIA) {
        await page.emulateMedia({ media, colorScheme });
        for (const [name, address] of Object.entries(PAGES)) {
          await page.goto(`http://localhost:${address}`, { waitUntil: 'networkidle' });
          await page.evaluate(() => document.fonts.ready);
          await page.screenshot({ path: path.join(folder, `${name}-${viewportName}-${colorScheme}-${media}.png`), fullPage: true, animations: 'disabled' });
        }
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  for (const server of servers) server.kill();
}
const taken = readdirSync(folder).filter((name) => name.endsWith('.png'));
console.log(`Took ${taken.length} screenshots into ${folder}`);

if (values.compare) {
  const differ = [];
  for (const name of taken.sort()) {
    const [now, before] = await Promise.all(
      [path.join(folder, name), path.join(values.compare, name)].map((file) =>
        sharp(file)
          .raw()
          .toBuffer({ resolveWithObject: true })
          .catch(() => undefined),
      ),
    );
    if (!now || !before || now.info.width !== before.info.width || now.info.height !== before.info.height || !now.data.equals(before.data)) {
      differ.push(name);
    }
  }
  if (differ.length > 0) {
    console.error(`${differ.length} of ${taken.length} screenshots differ from ${values.compare}:\n  ${differ.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`All ${taken.length} screenshots are pixel-identical to ${values.compare}`);
}
