import { SETTINGS, TEXT_SIZE_KEY } from '../../src/lib/settings';
import { expect, test } from './fixtures';

const CHAPTER = '/stories/salt-and-ledger/the-missing-salt/';

test.beforeEach(async ({ page }) => {
  // The reader's screen settings: dark, sans-serif, narrow, big. None of them may reach paper but the size.
  await page.addInitScript(
    (stored) => {
      for (const [key, value] of Object.entries(stored)) localStorage.setItem(key, value);
    },
    { [SETTINGS.theme.key]: 'dark', [SETTINGS.font.key]: 'legible', [SETTINGS.textWidth.key]: 'narrow', [TEXT_SIZE_KEY]: '100' },
  );
});

test('a printed chapter is black on white serif text with its notes, and no controls or navigation', async ({ page }) => {
  await page.goto(CHAPTER);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ media: 'print' });
  const look = await page.evaluate(() => {
    const style = (selector: string) => getComputedStyle(document.querySelector(selector)!);
    return {
      page: style('body').backgroundColor,
      text: style('#chapter-text p').color,
      heading: style('h1').color,
      font: style('#chapter-text p').fontFamily,
      notes: getComputedStyle(document.querySelector('.note__body p')!).color,
    };
  });
  expect(look).toEqual({ page: 'rgb(255, 255, 255)', text: 'rgb(0, 0, 0)', heading: 'rgb(0, 0, 0)', font: expect.stringMatching(/^Charter,/), notes: 'rgb(0, 0, 0)' });
  for (const region of ['Disclaimer', 'Story Notes']) await expect(page.getByRole('region', { name: region })).toBeVisible();
  for (const hidden of ['.site-header', '.skip-link', 'nav', 'quire-reading-settings', 'button']) {
    for (const element of await page.locator(hidden).all()) await expect(element, hidden).toBeHidden();
  }
  // The text uses the page's width, not the reader's narrow screen column.
  expect((await page.locator('#chapter-text').boundingBox())!.width).toBeGreaterThan(page.viewportSize()!.width - 100);
  expect(await page.locator('h1').evaluate((h1) => getComputedStyle(h1).fontFamily)).toMatch(/^Charter,/);
});

test('the printed footer shows the address of the page; the screen does not', async ({ page }) => {
  await page.goto(CHAPTER);
  const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
  expect(canonical).toMatch(new RegExp(`^https?://[^/]+${CHAPTER}$`));
  const line = page.locator('.site-footer').getByText(canonical!);
  await expect(line).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  await expect(line).toBeVisible();
  await expect(line).toHaveText(`The Quire Sampler: ${canonical}`);
});

test('on the whole-work page each chapter starts a new printed page, with its notes and no controls', async ({ page }) => {
  await page.goto('/stories/salt-and-ledger/all/');
  await page.emulateMedia({ media: 'print' });
  const chapters = page.locator('section.work-chapter');
  await expect(chapters).toHaveCount(5);
  const breaks = await chapters.evaluateAll((sections) => sections.map((section) => getComputedStyle(section).breakBefore));
  expect(breaks).toEqual(['auto', 'page', 'page', 'page', 'page']);
  await expect(chapters.first().getByRole('region', { name: 'Disclaimer' })).toBeVisible();
  // Its table of contents stays, as a printed book's would; other navigation goes.
  await expect(page.getByRole('navigation', { name: 'Table of contents' })).toBeVisible();
  for (const hidden of ['nav:not(.work-contents)', 'button', '.share', '.downloads', 'quire-reading-settings']) {
    for (const element of await page.locator(hidden).all()) await expect(element, hidden).toBeHidden();
  }
});
