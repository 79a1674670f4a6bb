#!/usr/bin/env node
/**
 * Lighthouse (mobile emulation, the default) on the built sample site's home, story, chapter and fandom
 * pages: Performance, Accessibility, Best Practices and SEO must all score 100, and the chapter
 * page must not shift (CLS 0) when the reader has stored non-default settings (text size, theme, spacing, width).
 * Skips, loudly, only when no Chromium can be found.
 */
import { spawn } from 'node:child_process';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { findChromium } from './chromium.ts';
import { SETTINGS, type SettingName } from '../src/lib/settings.ts';

// QUIRE_PORT_BASE moves the test servers' ports (see playwright.config.ts).
const PORT = Number(process.env.QUIRE_PORT_BASE ?? 4410) + 10;
const ORIGIN = `http://localhost:${PORT}`;
const PAGES = {
  home: '/',
  story: '/stories/salt-and-ledger/',
  chapter: '/stories/salt-and-ledger/the-lighthouse/',
  browse: '/fandoms/tidewater-chronicles/',
  'whole work': '/stories/salt-and-ledger/all/',
};
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
/** Reader settings stored before a page loads, by name. */
type Stored = Partial<Record<SettingName, string>>;
const STORED: Stored = { textSize: '150', theme: 'sepia', lineSpacing: 'relaxed', textWidth: 'narrow' };

const chromium = await findChromium();
if (!chromium) {
  console.warn('\n!!! LIGHTHOUSE SKIPPED: no Chromium found (run `node scripts/chromium.ts`) !!!\n');
  process.exit(0);
}

const server = spawn(process.execPath, ['scripts/serve.ts', 'dist', String(PORT)], { stdio: 'ignore' });
const browser = await puppeteer.launch({
  executablePath: chromium,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

/** Runs Lighthouse on one page; `stored` settings ({ name: value }) are stored first (and kept) when given. */
async function audit(path: string, stored?: Stored) {
  const page = await browser.newPage();
  const entries = (Object.entries(stored ?? {}) as [SettingName, string][]).map(([name, value]) => [SETTINGS[name], value] as const);
  if (stored) {
    await page.goto(`${ORIGIN}/`);
    for (const [setting, value] of entries) await page.evaluate((key, v) => localStorage.setItem(key, v), setting.key, value);
  }
  const result = await lighthouse(`${ORIGIN}${path}`, { logLevel: 'error', onlyCategories: CATEGORIES, disableStorageReset: Boolean(stored) }, undefined, page);
  for (const [setting, value] of entries) {
    const applied = await page.evaluate((attribute) => document.documentElement.getAttribute(attribute), setting.attribute);
    if (applied !== value) throw new Error(`the stored ${setting.key} was not applied (got ${applied})`);
  }
  await page.close();
  if (!result) throw new Error(`Lighthouse returned no result for ${path}`);
  const { categories, audits } = result.lhr;
  const failing = Object.values(audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable' && a.scoreDisplayMode !== 'manual');
  return {
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((categories[c]?.score ?? 0) * 100)])),
    cls: audits['cumulative-layout-shift']?.numericValue,
    failing: failing.map((a) => `${a.id} (${a.displayValue ?? a.score})`),
  };
}

let failed = false;
try {
  await new Promise((resolve) => setTimeout(resolve, 300));
  console.log('| page | Performance | Accessibility | Best Practices | SEO | CLS |');
  console.log('|---|---|---|---|---|---|');
  const runs: [name: string, path: string, stored?: Stored][] = [
    ...Object.entries(PAGES),
    [`chapter, stored ${Object.values(STORED).join(', ')}`, PAGES.chapter, STORED],
  ];
  for (const [name, path, stored] of runs) {
    const { scores, cls, failing } = await audit(path, stored);
    console.log(`| ${name} | ${CATEGORIES.map((c) => scores[c]).join(' | ')} | ${cls} |`);
    if (CATEGORIES.some((c) => scores[c] !== 100) || cls !== 0) {
      failed = true;
      console.error(`  ${name}: below 100 or shifting; audits not passed: ${failing.join(', ') || 'none listed'}`);
    }
  }
} finally {
  await browser.close();
  server.kill();
}
console.log(failed ? '\nLighthouse: FAILED (every score must be 100, CLS 0)' : '\nLighthouse: every page scores 100 in every category, CLS 0');
process.exit(failed ? 1 : 0);
