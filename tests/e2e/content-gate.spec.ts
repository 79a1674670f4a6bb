import type { Page } from '@playwright/test';
import { GATE_PASSED, GATE_SKIP_ALL_KEY, gateStoryKey } from '../../src/lib/content-gate';
import { blockStorage, expect, expectAccessible, fixtureUrl, recordFirstFrame, test } from './fixtures';

// Fixture stories: rated Mature with warnings (two chapters); "chose not to warn" (one chapter); ungated.
const MATURE_STORY = fixtureUrl('/stories/mature-story/');
const MATURE = fixtureUrl('/stories/mature-story/the-signal/');
const MATURE_NEXT = fixtureUrl('/stories/mature-story/the-morning-after/');
const WARNED = fixtureUrl('/stories/warned-story/the-crossing/');
const UNGATED = [fixtureUrl('/stories/edge-cases/untitled/'), '/stories/salt-and-ledger/the-lighthouse/'];

const gate = (page: Page) => page.getByRole('region', { name: 'Content warning' });
const text = (page: Page) => page.locator('#chapter-text');
/** The gate has taken focus: its script is running, so its links act as Continue and Go back. */
const gateReady = (page: Page) => expect(page.getByRole('heading', { name: 'Content warning' })).toBeFocused();

/**
 * Records, for the first frame painted after the chapter text is parsed, whether the text and the
 * notice were displayed: a gated chapter must never flash its text, an accepted one never its gate.
 */
const recordGateFrame = (page: Page) =>
  recordFirstFrame(page, '#chapter-text', (text) => {
    const shown = (el: Element | null) => el !== null && el.getClientRects().length > 0;
    return { text: shown(text), notice: shown(document.querySelector('.content-gate__notice')) };
  });

test('a gated chapter shows the notice first, with its rating and warnings, and focus on it', async ({ page }) => {
  const firstFrame = await recordGateFrame(page);
  await page.goto(MATURE);
  expect(await firstFrame()).toEqual({ text: false, notice: true });
  await expect(gate(page)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Content warning' })).toBeFocused();
  await expect(gate(page).locator('dt:text-is("Rating") + dd')).toHaveText('Mature');
  await expect(gate(page).locator('dt:text-is("Warnings") + dd li')).toHaveText(['Major Character Death', 'Graphic Depictions Of Violence']);
  await expect(text(page)).toBeHidden();
  await expect(page.getByText('Chapter notes that stay behind the gate')).toBeHidden();
  // The page's own header and the way to other chapters stay.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The Signal');
  // (above and below the text)
  await expect(page.getByRole('link', { name: /next/i })).toHaveCount(2);
  for (const next of await page.getByRole('link', { name: /next/i }).all()) await expect(next).toBeVisible();
  // The text is still in the page for search engines.
  expect(await page.content()).toContain('The beacon on the ridge had burned for three nights');
  await expectAccessible(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page);
});

test('Continue shows the text and is remembered for the story across chapters and reloads', async ({ page }) => {
  const firstFrame = await recordGateFrame(page);
  await page.goto(MATURE);
  await gateReady(page);
  await page.getByRole('link', { name: 'Continue' }).click();
  await expect(gate(page)).toBeHidden();
  await expect(text(page)).toBeVisible();
  await expect(page.locator('#gated-text')).toBeFocused();
  expect(page.url()).toBe(MATURE);
  expect(await page.evaluate((key) => localStorage.getItem(key), gateStoryKey('mature-story'))).toBe(GATE_PASSED);
  await expectAccessible(page);

  for (const go of [() => page.goto(MATURE_NEXT), () => page.reload(), () => page.goto(MATURE)]) {
    await go();
    expect(await firstFrame(), page.url()).toEqual({ text: true, notice: false });
    await expect(text(page)).toBeVisible();
    await expect(gate(page)).toBeHidden();
    expect(await page.evaluate(() => document.activeElement?.id)).not.toBe('content-gate-heading');
  }
  // Only for that story: another gated story still asks.
  await page.goto(WARNED);
  await expect(gate(page)).toBeVisible();
  await expect(text(page)).toBeHidden();
});

test('the whole-work page is gated too, and agreeing there or on a chapter counts for both', async ({ page }) => {
  const wholeWork = fixtureUrl('/stories/mature-story/all/');
  const chapterTexts = page.locator('.work-chapter .chapter-text');
  await page.goto(wholeWork);
  await gateReady(page);
  await expect(gate(page)).toBeVisible();
  await expect(chapterTexts).toHaveCount(2);
  for (const chapterText of await chapterTexts.all()) await expect(chapterText).toBeHidden();
  // The contents stay, so the reader sees what the work holds before agreeing.
  await expect(page.getByRole('navigation', { name: 'Table of contents' })).toBeVisible();
  await page.getByRole('link', { name: 'Continue' }).click();
  await expect(gate(page)).toBeHidden();
  for (const chapterText of await chapterTexts.all()) await expect(chapterText).toBeVisible();
  await page.goto(MATURE_NEXT);
  await expect(text(page)).toBeVisible();
  await expect(gate(page)).toBeHidden();
});

test('Go back returns to the previous page, or to the story page when there is none', async ({ page }) => {
  const home = fixtureUrl('/');
  await page.goto(home);
  await page.getByRole('link', { name: 'The Long Watch' }).click();
  await page.getByRole('link', { name: 'The Signal' }).click();
  await gateReady(page);
  await page.getByRole('link', { name: 'Go back' }).click();
  await expect(page).toHaveURL(MATURE_STORY);
  await page.goBack();
  await expect(page).toHaveURL(home);

  // Opened from a bookmark or a new tab: no page it came from.
  await page.goto(MATURE);
  await gateReady(page);
  await page.getByRole('link', { name: 'Go back' }).click();
  await expect(page).toHaveURL(MATURE_STORY);
  // Going back is not agreeing: the gate is still there next time.
  await page.goto(MATURE);
  await expect(gate(page)).toBeVisible();
  expect(await page.evaluate((key) => localStorage.getItem(key), gateStoryKey('mature-story'))).toBeNull();
});

test('"Don’t ask again" lets the reader past every gate on the site', async ({ page }) => {
  await page.goto(MATURE);
  await gateReady(page);
  await page.getByRole('checkbox', { name: 'Don’t ask again for any story' }).check();
  await page.getByRole('link', { name: 'Continue' }).click();
  expect(await page.evaluate((key) => localStorage.getItem(key), GATE_SKIP_ALL_KEY)).toBe(GATE_PASSED);
  for (const url of [WARNED, MATURE_NEXT]) {
    await page.goto(url);
    await expect(text(page)).toBeVisible();
    await expect(gate(page)).toBeHidden();
  }
});

test('a story that warns of nothing and is not mature never shows the gate', async ({ page }) => {
  for (const url of UNGATED) {
    await page.goto(url);
    await expect(text(page)).toBeVisible();
    await expect(page.locator('quire-content-gate')).toHaveCount(0);
    await expect(page.getByText('Content warning')).toHaveCount(0);
  }
});

test('the story page of a gated story is not gated, and shows its rating and warnings', async ({ page }) => {
  await page.goto(MATURE_STORY);
  await expect(page.locator('quire-content-gate')).toHaveCount(0);
  await expect(page.locator('.meta dt:text-is("Rating") + dd')).toHaveText('Mature');
  await expect(page.locator('.meta dt:text-is("Warnings") + dd')).toHaveText('Major Character Death, Graphic Depictions Of Violence');
  await expect(page.getByText('A gated story for the content-gate tests')).toBeVisible();
});

test('the gate and the "chose not to warn" story state what the reader is agreeing to', async ({ page }) => {
  await page.goto(WARNED);
  await expect(gate(page).locator('dt:text-is("Rating") + dd')).toHaveText('Teen and Up');
  await expect(gate(page).locator('dt:text-is("Warnings") + dd')).toHaveText('Creator Chose Not To Use Archive Warnings');
  // A one-shot's story page is where "Go back" leads without history.
  await expect(page.getByRole('link', { name: 'Go back' })).toHaveAttribute('href', '/stories/warned-story/');
});

test('the gate works from the keyboard, and a link to a passage lands on it after Continue', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 400 });
  await page.goto(`${MATURE}#p-2`);
  await gateReady(page);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('checkbox', { name: 'Don’t ask again for any story' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Continue' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#gated-text')).toBeFocused();
  await expect(page.locator('#p-2')).toBeInViewport();
  expect(await page.evaluate((key) => localStorage.getItem(key), GATE_SKIP_ALL_KEY)).toBeNull();
});

test('Continue works under a malformed address fragment, starting at the top', async ({ page }) => {
  await page.goto(`${MATURE}#%E0%A4%A`);
  await gateReady(page);
  await page.getByRole('link', { name: 'Continue' }).click();
  await expect(page.locator('#gated-text')).toBeFocused();
  await expect(text(page)).toBeVisible();
});

test('a link straight to the text shows it, without remembering a choice', async ({ page }) => {
  await page.goto(`${MATURE}#gated-text`);
  await expect(text(page)).toBeVisible();
  await expect(gate(page)).toBeHidden();
  await page.goto(MATURE_NEXT);
  await expect(gate(page)).toBeVisible();
});

test('without JavaScript the text is there, after a plain notice that links to it', async ({ pageWithoutJavaScript: page }) => {
  await page.goto(MATURE);
  await expect(gate(page)).toBeVisible();
  await expect(text(page)).toBeVisible();
  await expect(page.getByRole('checkbox')).toBeHidden();
  await page.getByRole('link', { name: 'Continue' }).click();
  await expect(page).toHaveURL(`${MATURE}#gated-text`);
  await expect(text(page)).toBeInViewport();
});

test('when storage throws, the gate still shows and Continue still reveals the text', async ({ page }) => {
  await blockStorage(page);
  await page.goto(MATURE);
  await gateReady(page);
  await expect(text(page)).toBeHidden();
  await page.getByRole('link', { name: 'Continue' }).click();
  await expect(text(page)).toBeVisible();
  await expect(gate(page)).toBeHidden();
});
