import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';

const CHAPTER = '/stories/salt-and-ledger/the-lighthouse/';
const STORY = '/stories/salt-and-ledger/';

type Shared = { title?: string; url?: string; text?: string };

/** Replaces the Web Share API with a recorder; `outcome` is what the share sheet does. */
const stubShare = (page: Page, outcome: 'share' | 'cancel' | 'refuse') =>
  page.addInitScript((outcome) => {
    const w = window as unknown as { shared: Shared[] };
    w.shared = [];
    Object.defineProperty(Navigator.prototype, 'share', {
      configurable: true,
      value: async (data: Shared) => {
        w.shared.push(data);
        if (outcome === 'cancel') throw new DOMException('Share canceled', 'AbortError');
        if (outcome === 'refuse') throw new DOMException('Permission denied', 'NotAllowedError');
      },
    });
  }, outcome);

/** A browser without the Web Share API (Chromium has it on some systems only). */
const withoutShare = (page: Page) => page.addInitScript(() => delete (Navigator.prototype as { share?: unknown }).share);

const canonical = (page: Page) => page.locator('link[rel="canonical"]').getAttribute('href');
const shared = (page: Page) => page.evaluate(() => (window as unknown as { shared: Shared[] }).shared);
const status = (page: Page) => page.locator('.share__status');

test('Share hands the page title and canonical address to the Web Share API', async ({ page }) => {
  await stubShare(page, 'share');
  for (const [path, title] of [
    [CHAPTER, 'The Lighthouse — Salt and Ledger by Wren Halloway and M. Okafor'],
    [STORY, 'Salt and Ledger by Wren Halloway and M. Okafor'],
  ] as const) {
    await page.goto(path);
    await expect(page).toHaveTitle(title);
    await page.getByRole('button', { name: 'Share' }).click();
    const url = await canonical(page);
    expect(url).toMatch(new RegExp(`^https?://[^/]+${path}$`));
    await expect.poll(() => shared(page)).toEqual([{ title, url }]);
    await expect(status(page)).toBeEmpty();
  }
});

test('closing the share sheet says nothing and copies nothing', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await stubShare(page, 'cancel');
  await page.goto(CHAPTER);
  await page.evaluate(() => navigator.clipboard.writeText('untouched'));
  await page.getByRole('button', { name: 'Share' }).click();
  await expect.poll(async () => (await shared(page)).length).toBe(1);
  await expect(status(page)).toBeEmpty();
  await expect(page.locator('.share__fallback')).toBeHidden();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('untouched');
});

test('without the Web Share API, Share copies the link and says so, visibly and aloud', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await withoutShare(page);
  await page.goto(CHAPTER);
  await expect(status(page)).toHaveAttribute('aria-live', 'polite');
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(status(page)).toHaveText('Link copied');
  await expect(status(page)).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await canonical(page));
  // Copying again announces it again: the live region is emptied and refilled.
  await page.evaluate(() => {
    const w = window as unknown as { changes: string[] };
    w.changes = [];
    new MutationObserver(() => w.changes.push(document.querySelector('.share__status')!.textContent!)).observe(
      document.querySelector('.share__status')!,
      { childList: true, characterData: true, subtree: true },
    );
  });
  await page.getByRole('button', { name: 'Share' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { changes: string[] }).changes)).toEqual(['', 'Link copied']);
});

test('a share sheet that refuses falls back to copying the link', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await stubShare(page, 'refuse');
  await page.goto(STORY);
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(status(page)).toHaveText('Link copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await canonical(page));
});

test('when the clipboard fails, the link is shown selected in a field to copy by hand', async ({ page }) => {
  await withoutShare(page);
  await page.addInitScript(() => {
    Object.defineProperty(Clipboard.prototype, 'writeText', {
      configurable: true,
      value: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')),
    });
  });
  await page.goto(CHAPTER);
  await page.getByRole('button', { name: 'Share' }).click();
  const field = page.getByRole('textbox', { name: 'Link to this page' });
  await expect(field).toBeVisible();
  await expect(field).toBeFocused();
  await expect(field).toHaveValue((await canonical(page))!);
  expect(await field.evaluate((input: HTMLInputElement) => [input.selectionStart, input.selectionEnd])).toEqual([0, (await canonical(page))!.length]);
  await expect(status(page)).toContainText('Could not copy the link');
  await expectAccessible(page);
});

test('Share is keyboard operable', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await withoutShare(page);
  await page.goto(STORY);
  const button = page.getByRole('button', { name: 'Share' });
  for (let i = 0; i < 10 && !(await button.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(status(page)).toHaveText('Link copied');
});

test('without JavaScript there is no Share button', async ({ pageWithoutJavaScript: page }) => {
  for (const path of [CHAPTER, STORY]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Share' })).toBeHidden();
  }
});

test('what Share does loads on the first press, and the resume prompt only when there is a place to offer', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await stubShare(page, 'share');
  await page.goto(CHAPTER);
  await page.waitForLoadState('networkidle');
  const loaded = (name: string) => requests.some((path) => new RegExp(`/${name}\\.[\\w-]+\\.js$`).test(path));
  // Nothing remembered here yet: no prompt to load.
  expect(loaded('resume-prompt')).toBe(false);
  expect(loaded('share-link')).toBe(false);
  await page.getByRole('button', { name: 'Share' }).click();
  await expect.poll(() => shared(page)).toHaveLength(1);
  expect(loaded('share-link')).toBe(true);
});
