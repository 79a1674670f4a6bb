import { DEFAULT_TEXT_SIZE, TEXT_SIZE_KEY, TEXT_SIZE_STEPS } from '../../src/lib/settings';
import { blockStorage, expect, layoutShift, recordFirstFrame, recordLayoutShifts, test } from './fixtures';
import { openReadingSettings, styleOf } from './reading-settings-helpers';

const CHAPTER = '/stories/salt-and-ledger/the-lighthouse/';
const OTHER_CHAPTER = '/stories/small-hours/small-hours/';

const fontSize = async (page: import('@playwright/test').Page, selector: string) => Number.parseFloat(await styleOf(page, selector, 'font-size'));

test('the buttons step the reading text through every size, and reset it', async ({ page }) => {
  await page.goto(CHAPTER);
  await openReadingSettings(page);
  const control = page.getByRole('group', { name: 'Text size' });
  const value = control.getByRole('status');
  const increase = control.getByRole('button', { name: 'Increase text size' });
  const decrease = control.getByRole('button', { name: 'Decrease text size' });
  const reset = control.getByRole('button', { name: 'Reset text size' });
  await expect(value).toHaveText(`${DEFAULT_TEXT_SIZE}%`);
  const base = await fontSize(page, '#chapter-text p');
  const uiBase = await fontSize(page, '.site-header a');
  expect(TEXT_SIZE_STEPS.length).toBeGreaterThanOrEqual(7);
  expect(TEXT_SIZE_STEPS[0]).toBeLessThanOrEqual(80);
  expect(TEXT_SIZE_STEPS.at(-1)).toBeGreaterThanOrEqual(200);

  await expect(reset).toHaveAttribute('aria-disabled', 'true');
  const controlBox = await increase.boundingBox();
  for (const step of TEXT_SIZE_STEPS.filter((s) => s > DEFAULT_TEXT_SIZE)) {
    await increase.click();
    await expect(value).toHaveText(`${step}%`);
    expect(await fontSize(page, '#chapter-text p')).toBeCloseTo((base * step) / 100, 0);
    expect(await fontSize(page, '.note__body p')).toBeCloseTo((base * step) / 100, 0);
  }
  await expect(increase).toHaveAttribute('aria-disabled', 'true');
  // The chrome does not move or grow: the site header and the control itself stay put (the panel floats over the page).
  expect(await fontSize(page, '.site-header a')).toBe(uiBase);
  expect(await increase.boundingBox()).toEqual(controlBox);

  await reset.click();
  await expect(value).toHaveText(`${DEFAULT_TEXT_SIZE}%`);
  expect(await fontSize(page, '#chapter-text p')).toBe(base);

  for (const step of TEXT_SIZE_STEPS.filter((s) => s < DEFAULT_TEXT_SIZE).reverse()) {
    await decrease.click();
    await expect(value).toHaveText(`${step}%`);
    expect(await fontSize(page, '#chapter-text p')).toBeCloseTo((base * step) / 100, 0);
  }
  await expect(decrease).toHaveAttribute('aria-disabled', 'true');
  // A click at the end of the range changes nothing.
  await decrease.click({ force: true });
  await expect(value).toHaveText(`${TEXT_SIZE_STEPS[0]}%`);
});

test('the size follows the browser default font size (rem-based)', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(CHAPTER);
  const normal = await fontSize(page, '#chapter-text p');
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 20, fixed: 16 } });
  await page.reload();
  expect(await fontSize(page, '#chapter-text p')).toBeCloseTo((normal * 20) / 16, 0);
  await context.close();
});

test('the choice is remembered across chapters and reloads, and applied before first paint', async ({ page }) => {
  // From the moment the chapter text is parsed (before the first frame): its font size in the first
  // frame, and the layout shifts. The stored size must apply before first paint.
  await recordLayoutShifts(page);
  const firstSize = await recordFirstFrame(page, '#chapter-text p', (p) => getComputedStyle(p).fontSize);
  await page.goto(CHAPTER);
  const base = await fontSize(page, '#chapter-text p');
  await openReadingSettings(page);
  await page.getByRole('button', { name: 'Increase text size' }).click();
  await page.getByRole('button', { name: 'Increase text size' }).click();
  await expect(page.getByRole('status')).toHaveText('120%');
  expect(await page.evaluate((key) => localStorage.getItem(key), TEXT_SIZE_KEY)).toBe('120');

  for (const url of [OTHER_CHAPTER, CHAPTER]) {
    await page.goto(url);
    const expected = `${(base * 1.2).toFixed(1)}`;
    expect(Number.parseFloat(await firstSize()).toFixed(1), `first frame on ${url}`).toBe(expected);
    expect((await fontSize(page, '#chapter-text p')).toFixed(1)).toBe(expected);
    await openReadingSettings(page);
    await expect(page.getByRole('status')).toHaveText('120%');
    expect(await layoutShift(page)).toBe(0);
  }
  await page.reload();
  await openReadingSettings(page);
  await expect(page.getByRole('status')).toHaveText('120%');
  // Other pages get the size too.
  await page.goto('/stories/salt-and-ledger/');
  expect((await fontSize(page, '.reading p')).toFixed(1)).toBe((base * 1.2).toFixed(1));
});

test('the buttons still work for the page when storage throws', async ({ page }) => {
  await blockStorage(page);
  await page.goto(CHAPTER);
  const base = await fontSize(page, '#chapter-text p');
  await openReadingSettings(page);
  await page.getByRole('button', { name: 'Increase text size' }).click();
  await expect(page.getByRole('status')).toHaveText('110%');
  expect(await fontSize(page, '#chapter-text p')).toBeCloseTo(base * 1.1, 0);
});

test('the control is keyboard operable', async ({ page }) => {
  await page.goto(CHAPTER);
  await page.getByRole('button', { name: 'Reading settings' }).press('Enter');
  const increase = page.getByRole('button', { name: 'Increase text size' });
  for (let i = 0; i < 10 && !(await increase.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(increase).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('110%');
  await page.keyboard.press('Space');
  await expect(page.getByRole('status')).toHaveText('120%');
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: 'Decrease text size' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('110%');
  // At the end of the range a button keeps focus instead of becoming unfocusable.
  await page.getByRole('button', { name: 'Reset text size' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Reset text size' })).toBeFocused();
  await expect(page.getByRole('status')).toHaveText('100%');
});

test('without JavaScript the page reads normally and shows no dead buttons', async ({ pageWithoutJavaScript: page }) => {
  await page.goto(CHAPTER);
  await expect(page.locator('#chapter-text p').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Increase text size' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Reading settings' })).toBeHidden();
});
