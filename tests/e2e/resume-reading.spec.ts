import { readingPositionKey } from '../../src/lib/reading-position';
import { blockStorage, expect, expectAccessible, layoutShift, recordLayoutShifts, test } from './fixtures';

const STORY = '/stories/salt-and-ledger/';
const CHAPTER = '/stories/salt-and-ledger/the-lighthouse/';
const KEY = readingPositionKey('salt-and-ledger');

test.use({ viewport: { width: 360, height: 420 } });

const stored = (page: import('@playwright/test').Page) =>
  page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), KEY);

/** Reads down to paragraph `n` (its top at the reading line) and waits for the position to be saved. */
async function readTo(page: import('@playwright/test').Page, n: number) {
  await page.locator(`#p-${n}`).evaluate((p) => window.scrollTo(0, p.getBoundingClientRect().top + window.scrollY - window.innerHeight * 0.2 + 2));
  await expect.poll(async () => (await stored(page))?.paragraph).toBe(n);
}

test('the place in a story is remembered, and the story and home pages offer to continue there', async ({ page }) => {
  await page.goto(STORY);
  await expect(page.locator('.continue-reading')).toBeHidden();
  await page.goto(CHAPTER);
  expect(await stored(page)).toEqual({ chapter: 'the-lighthouse', number: 2, url: CHAPTER, paragraph: 0 });
  await readTo(page, 5);
  expect(await stored(page)).toEqual({ chapter: 'the-lighthouse', number: 2, url: CHAPTER, paragraph: 5 });

  await recordLayoutShifts(page);
  for (const url of [STORY, '/']) {
    await page.goto(url);
    // Filled in before first paint: nothing moves.
    expect(await layoutShift(page), url).toBe(0);
    const link = page.getByRole('link', { name: 'Continue reading: Chapter 2' });
    await expect(link).toHaveCount(1);
    await expect(link).toBeVisible();
    await expect(link).toHaveAttribute('href', `${CHAPTER}#p-5`);
  }
  // Only the started story offers it.
  await expect(page.locator('.continue-reading:visible')).toHaveCount(1);
  await page.getByRole('link', { name: 'Continue reading: Chapter 2' }).click();
  await expect(page.locator('#p-5')).toBeInViewport();
  await expect(page.locator('.resume-prompt')).toBeHidden();
});

test('coming back to a chapter offers to jump back, and never jumps by itself', async ({ page }) => {
  await page.goto(CHAPTER);
  await readTo(page, 6);
  await page.goto(STORY);
  await page.goto(CHAPTER);
  const prompt = page.locator('quire-resume');
  await expect(prompt.getByRole('group', { name: 'You were reading further on in this chapter.' })).toBeVisible();
  await expect(prompt.locator('[aria-live="polite"]')).toHaveText('You were reading further on in this chapter.');
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await page.getByRole('button', { name: 'Jump back to where I was' }).click();
  await expect(page).toHaveURL(`${CHAPTER}#p-6`);
  await expect(page.locator('#p-6')).toBeInViewport();
  await expect(prompt.getByRole('button')).toHaveCount(0);

  // "Stay here" keeps the reader at the top; Escape closes too.
  await page.goto(STORY);
  await page.goto(CHAPTER);
  await page.getByRole('button', { name: 'Stay here' }).click();
  await expect(prompt.getByRole('button')).toHaveCount(0);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await page.goto(STORY);
  await page.goto(CHAPTER);
  await page.getByRole('button', { name: 'Jump back to where I was' }).focus();
  await page.keyboard.press('Escape');
  await expect(prompt.getByRole('button')).toHaveCount(0);
});

test('a link to a passage opens there without an offer, and another chapter has none', async ({ page }) => {
  await page.goto(CHAPTER);
  await readTo(page, 6);
  await page.goto(STORY);
  await page.goto(`${CHAPTER}#p-2`);
  await expect(page.locator('#p-2')).toBeInViewport();
  await page.waitForTimeout(300);
  await expect(page.locator('quire-resume').getByRole('button')).toHaveCount(0);
  // Nothing moved the reader away from the passage they were sent to.
  await expect(page.locator('#p-2')).toBeInViewport();
  expect(await page.evaluate(() => location.hash)).toBe('#p-2');
  await page.goto('/stories/salt-and-ledger/the-missing-salt/');
  await page.waitForTimeout(300);
  await expect(page.locator('quire-resume').getByRole('button')).toHaveCount(0);
  // Opening another chapter moves the remembered place there.
  expect((await stored(page)).chapter).toBe('the-missing-salt');
});

test('the offer does not shift the page, and is accessible', async ({ page }) => {
  await page.goto(CHAPTER);
  await readTo(page, 6);
  await page.goto(STORY);
  await recordLayoutShifts(page);
  await page.goto(CHAPTER);
  await expect(page.getByRole('button', { name: 'Jump back to where I was' })).toBeVisible();
  await expectAccessible(page);
  expect(await layoutShift(page)).toBe(0);
});

test('malformed or unavailable storage never breaks a page', async ({ page }) => {
  await page.goto(STORY);
  await page.evaluate((key) => localStorage.setItem(key, '{"chapter": 3, "url": "javascript:alert(1)"}'), KEY);
  for (const url of [STORY, '/', CHAPTER]) {
    await page.goto(url);
    await expect(page.locator('.continue-reading:visible')).toHaveCount(0);
  }
  await blockStorage(page);
  for (const url of [STORY, '/', CHAPTER]) {
    await page.goto(url);
    await expect(page.locator('main')).toBeVisible();
  }
  await page.locator('#p-5').scrollIntoViewIfNeeded();
  await page.waitForTimeout(700);
});
