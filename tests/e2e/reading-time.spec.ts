import { expect, fixtureUrl, test } from './fixtures';

const LENGTH = /^(\d[\d,]*) min read, (\d[\d,]*) words?$/;

test('chapter pages and the story contents give each chapter its reading time and word count', async ({ page }) => {
  await page.goto('/stories/salt-and-ledger/');
  const listed = (await page.locator('.toc__meta').allTextContents()).map((t) => t.split('·')[1]!.trim().replace(/\s+/g, ' '));
  expect(listed).toHaveLength(5);
  for (const text of listed) expect(text).toMatch(LENGTH);
  await page.goto('/stories/salt-and-ledger/the-lighthouse/');
  const shown = page.locator('.chapter-length');
  await expect(shown).toHaveText(listed[1]!);
  // The count is the text's words, not its notes'.
  const words = await page.locator('#chapter-text').evaluate((text) => text.textContent!.match(/[\p{L}\p{N}]+(?:['’\-‐][\p{L}\p{N}]+)*/gu)!.length);
  expect(Number(LENGTH.exec(listed[1]!)![2]!.replace(/,/g, ''))).toBe(words);
});

test('long chapters read in many minutes, with grouped digits; an empty one says so', async ({ page }) => {
  await page.goto(fixtureUrl('/stories/hostile/five-megabytes/'));
  const [, minutes, words] = LENGTH.exec((await page.locator('.chapter-length').textContent())!.trim())!;
  expect(words).toMatch(/^\d{1,3}(,\d{3})+$/);
  expect(Number(minutes!.replace(/,/g, ''))).toBeGreaterThan(100);
  await page.goto(fixtureUrl('/stories/edge-cases/empty/'));
  await expect(page.locator('.chapter-length')).toHaveText('No text yet');
});
