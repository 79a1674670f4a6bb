import { readingPositionKey } from '../../src/lib/reading-position';
import { expect, expectAccessible, fixtureUrl, test } from './fixtures';

const CHAPTER = '/stories/salt-and-ledger/the-lighthouse/';
const ORIGIN = `http://localhost:${process.env.QUIRE_PORT_BASE ?? 4410}`;

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** Whether the button is shown (at rest it is transparent, yet focusable, so Tab can reach it). */
const shown = (button: import('@playwright/test').Locator, yes = true) => expect(button).toHaveCSS('opacity', yes ? '1' : '0');

const clipboard = (page: import('@playwright/test').Page) => page.evaluate(() => navigator.clipboard.readText());

test('pointing at a paragraph shows one link button beside it, which copies the passage link', async ({ page }) => {
  await page.goto(CHAPTER);
  const button = page.locator('.passage-link');
  await expect(button).toHaveCount(1);
  await shown(button, false);
  await page.locator('#p-3').hover();
  await shown(button);
  await expect(button).toHaveAccessibleName('Copy link to paragraph 3');
  // Beside the paragraph: level with its first line, in the margin before it.
  const paragraph = (await page.locator('#p-3').boundingBox())!;
  const box = (await button.boundingBox())!;
  expect(Math.abs(box.y - paragraph.y)).toBeLessThan(4);
  expect(box.x + box.width).toBeLessThanOrEqual(paragraph.x);
  await button.click();
  expect(await clipboard(page)).toBe(`${ORIGIN}${CHAPTER}#p-3`);
  const status = page.locator('.passage-status');
  await expect(status).toHaveText('Link copied');
  await expect(status).toBeVisible();
  await expect(status).toHaveAttribute('aria-live', 'polite');
  await expectAccessible(page);
  // The confirmation goes away by itself.
  await expect(status).toBeEmpty({ timeout: 5000 });
});

test('what the button does loads only when a reader first points at a paragraph', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.goto(CHAPTER);
  await page.waitForLoadState('networkidle');
  const behaviour = () => requests.filter((path) => /\/passage-link-button\.[\w-]+\.js$/.test(path));
  expect(behaviour()).toEqual([]);
  await page.locator('#p-2').hover();
  await shown(page.locator('.passage-link'));
  expect(behaviour()).toHaveLength(1);
});

test('the link button is reachable by keyboard, and ↑ ↓ choose the paragraph', async ({ page }) => {
  await page.goto(CHAPTER);
  const button = page.locator('.passage-link');
  // It comes right before the text in the tab order.
  await page.locator('.chapter-nav--top a[rel="next"]').focus();
  await page.keyboard.press('Tab');
  await expect(button).toBeFocused();
  await shown(button);
  await expect(button).toHaveAccessibleName('Copy link to paragraph 1');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(button).toHaveAccessibleName('Copy link to paragraph 3');
  await page.keyboard.press('ArrowUp');
  await expect(button).toHaveAccessibleName('Copy link to paragraph 2');
  // ← and → stay with the page, not the chapter keys, while it has focus.
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(300);
  await expect(page).toHaveURL(CHAPTER);
  await page.keyboard.press('Enter');
  expect(await clipboard(page)).toBe(`${ORIGIN}${CHAPTER}#p-2`);
  await expect(page.locator('.passage-status')).toHaveText('Link copied');
  await page.keyboard.press('Tab');
  await shown(button, false);
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 360, height: 640 } });

  test('tapping a paragraph shows its link button, on screen', async ({ page }) => {
    await page.goto(CHAPTER);
    await page.locator('#p-2').tap();
    const button = page.locator('.passage-link');
    await shown(button);
    await expect(button).toHaveAccessibleName('Copy link to paragraph 2');
    const box = (await button.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    expect(box.width).toBeGreaterThanOrEqual(24);
    await button.tap();
    expect(await clipboard(page)).toBe(`${ORIGIN}${CHAPTER}#p-2`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
});

test('text can still be selected and copied', async ({ page }) => {
  await page.goto(CHAPTER);
  const paragraph = page.locator('#p-2');
  const box = (await paragraph.boundingBox())!;
  await page.mouse.move(box.x + 2, box.y + 5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width - 10, box.y + box.height - 5, { steps: 5 });
  await page.mouse.up();
  const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '');
  expect(selected.length).toBeGreaterThan(40);
  await paragraph.click({ clickCount: 3 });
  expect((await page.evaluate(() => window.getSelection()?.toString() ?? '')).trim().length).toBeGreaterThan(0);
  expect(await paragraph.evaluate((p) => getComputedStyle(p).userSelect)).not.toBe('none');
});

test('opening a passage link scrolls to the paragraph, clear of the top, and highlights it', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 500 });
  await page.goto(`${CHAPTER}#p-6`);
  const target = page.locator('#p-6');
  await expect(target).toBeInViewport();
  const top = (await target.boundingBox())!.y;
  expect(top).toBeGreaterThanOrEqual(16);
  const [marked, plain] = await page.evaluate(() => [
    getComputedStyle(document.getElementById('p-6')!).backgroundColor,
    getComputedStyle(document.getElementById('p-5')!).backgroundColor,
  ]);
  expect(marked).not.toBe(plain);
  await expectAccessible(page);
});

test('on the whole-work page, a passage link points to the chapter page', async ({ page }) => {
  await page.goto('/stories/salt-and-ledger/all/');
  const paragraph = page.locator('[id="storm-warning--p-2"]');
  await paragraph.hover();
  const button = page.locator('.passage-link');
  await expect(button).toHaveAccessibleName('Copy link to paragraph 2');
  await button.click();
  expect(await clipboard(page)).toBe(`${ORIGIN}/stories/salt-and-ledger/storm-warning/#p-2`);
  // ↓ from a chapter's last paragraph goes on to the next chapter's first.
  await page.locator('[id="storm-warning--p-5"]').hover();
  await button.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  expect(await clipboard(page)).toBe(`${ORIGIN}/stories/salt-and-ledger/balanced/#p-1`);
});

test('a five-megabyte chapter gains one element, not one per paragraph, and the reading position follows', async ({ page }) => {
  test.setTimeout(90_000);
  const url = fixtureUrl('/stories/hostile/five-megabytes/');
  await page.goto(url);
  const served = await (await page.request.get(url)).text();
  // Every element of the page as served, against the page after its scripts ran.
  const [before, after] = await page.evaluate((html) => {
    const count = (doc: Document) => doc.querySelectorAll('body *').length;
    return [count(new DOMParser().parseFromString(html, 'text/html')), count(document)];
  }, served);
  expect(before).toBeGreaterThan(10_000);
  // The passage-link button; its status line comes with its first use.
  expect(after - before).toBe(1);
  await expect(page.locator('.passage-link')).toHaveCount(1);
  await expect(page.locator('#chapter-text [tabindex], #chapter-text button')).toHaveCount(0);
  const hoverCost = await page.evaluate(() => {
    const paragraphs = document.querySelectorAll('#chapter-text p');
    const start = performance.now();
    for (let i = 0; i < 50; i++) paragraphs[i * 100]!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    return (performance.now() - start) / 50;
  });
  expect(hoverCost).toBeLessThan(16);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
  // The remembered paragraph follows the reader, deep into the chapter.
  await expect
    .poll(() => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}').paragraph ?? 0, readingPositionKey('hostile')), { timeout: 15_000 })
    .toBeGreaterThan(100);
});

test('after a new text size, the button is hidden or beside the paragraph it names, never a stale line', async ({ page }) => {
  await page.goto(CHAPTER);
  const button = page.locator('.passage-link');
  await page.locator('#p-5').hover();
  await expect(button).toHaveAccessibleName('Copy link to paragraph 5');
  const before = (await button.boundingBox())!.y;
  await page.evaluate(() => document.documentElement.style.setProperty('--text-scale', '1.5'));
  await expect(page.locator('#p-5')).not.toHaveCSS('font-size', '18px');
  await expect(async () => {
    const opacity = await button.evaluate((b) => getComputedStyle(b).opacity);
    if (opacity === '0') return;
    const n = /paragraph (\d+)/.exec((await button.getAttribute('aria-label'))!)![1];
    const paragraph = (await page.locator(`#p-${n}`).boundingBox())!;
    const box = (await button.boundingBox())!;
    expect(Math.abs(box.y - paragraph.y)).toBeLessThan(4);
    expect(box.y).not.toBe(before);
  }).toPass();
});
