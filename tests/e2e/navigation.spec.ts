import { expect, expectAccessible, fixtureUrl, test } from './fixtures';

const CHAPTER = '/stories/salt-and-ledger/the-lighthouse/';
const NEXT = '/stories/salt-and-ledger/a-list-of-reasons/';
const TITLES = ['The Missing Salt', 'The Lighthouse', 'A List of Reasons', 'Storm Warning', 'Balanced'];

test('previous and next links sit above and below the text, with their keys declared', async ({ page }) => {
  await page.goto(CHAPTER);
  const top = page.getByRole('navigation', { name: 'Chapter navigation' });
  const bottom = page.getByRole('navigation', { name: 'Chapters', exact: true });
  const text = (await page.locator('#chapter-text').boundingBox())!;
  expect((await top.boundingBox())!.y).toBeLessThan(text.y);
  expect((await bottom.boundingBox())!.y).toBeGreaterThan(text.y + text.height);
  for (const nav of [top, bottom]) {
    const previous = nav.getByRole('link', { name: 'Previous chapter: The Missing Salt' });
    const next = nav.getByRole('link', { name: 'Next chapter: A List of Reasons' });
    await expect(previous).toHaveAttribute('rel', 'prev');
    await expect(previous).toHaveAttribute('aria-keyshortcuts', 'ArrowLeft');
    await expect(next).toHaveAttribute('rel', 'next');
    await expect(next).toHaveAttribute('aria-keyshortcuts', 'ArrowRight');
  }
  await expect(bottom.getByText('Tip: press ← and → for the previous and next chapter.')).toBeVisible();
  await top.getByRole('link', { name: /Next chapter/ }).click();
  await expect(page).toHaveURL(NEXT);

  // Right to left: the keys follow the reading direction.
  await page.goto(fixtureUrl('/stories/rtl-story/the-night/'));
  await expect(page.getByRole('link', { name: /Next chapter/ }).first()).toHaveAttribute('aria-keyshortcuts', 'ArrowLeft');
  await expect(page.getByText('Tip: press → and ← for the previous and next chapter.')).toBeVisible();
});

test('the next chapter is fetched ahead, so turning the page is instant', async ({ page }) => {
  const prefetched = page.waitForRequest((request) => new URL(request.url()).pathname === NEXT);
  await page.goto(CHAPTER);
  await expect(page.locator('link[rel="prefetch"]')).toHaveAttribute('href', NEXT);
  await prefetched;
  // The last chapter has nothing to fetch.
  await page.goto('/stories/salt-and-ledger/balanced/');
  await expect(page.locator('link[rel="prefetch"]')).toHaveCount(0);
});

test('the chapter menu lists every chapter, marks this one, and closes with Escape or a click outside', async ({ page }) => {
  await page.goto(CHAPTER);
  const menu = page.locator('.chapter-jump details');
  const button = page.locator('.chapter-jump summary');
  const list = page.locator('.chapter-jump__list a');
  await expect(list.first()).toBeHidden();
  await button.click();
  await expect(list).toHaveText(TITLES.map((title, i) => `${i + 1}. ${title}`));
  await expect(list.nth(1)).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('link', { name: 'Whole work on one page' })).toBeVisible();
  await expectAccessible(page);
  // Opening the menu does not move the text (it floats over it).
  const textTop = (await page.locator('#chapter-text').boundingBox())!.y;
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  await expect(menu).not.toHaveAttribute('open');
  await expect(button).toBeFocused();
  await button.click();
  await expect(list.first()).toBeVisible();
  expect((await page.locator('#chapter-text').boundingBox())!.y).toBe(textTop);
  await page.locator('h1').click();
  await expect(menu).not.toHaveAttribute('open');
  await button.click();
  await list.nth(3).click();
  await expect(page).toHaveURL('/stories/salt-and-ledger/storm-warning/');
});

test('a long story’s chapter menu lists the first, the last and the chapters around this one, and links to them all', async ({ page }) => {
  const entries = (numbers: number[]) => numbers.map((n) => `${n}. Entry ${n}`);
  await page.goto(fixtureUrl('/stories/long-serial/entry-12/'));
  await page.locator('.chapter-jump summary').click();
  const list = page.locator('.chapter-jump__list a');
  await expect(list).toHaveText(entries([1, 8, 9, 10, 11, 12, 13, 14, 15, 16, 24]));
  await expect(list.nth(5)).toHaveAttribute('aria-current', 'page');
  await expectAccessible(page);

  await page.goto(fixtureUrl('/stories/long-serial/entry-1/'));
  await page.locator('.chapter-jump summary').click();
  await expect(list).toHaveText(entries([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 24]));
  await page.getByRole('link', { name: 'All 24 chapters' }).click();
  await expect(page).toHaveURL(fixtureUrl('/stories/long-serial/#contents'));
  await expect(page.locator('section:has(#contents) .toc__title')).toHaveCount(24);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the chapter menu still opens and its links work', async ({ page }) => {
    await page.goto(CHAPTER);
    await page.locator('.chapter-jump summary').click();
    await page.getByRole('link', { name: '5. Balanced' }).click();
    await expect(page).toHaveURL('/stories/salt-and-ledger/balanced/');
    await expect(page.locator('.chapter-nav__keys')).toBeHidden();
  });
});

test.describe('← and →', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(CHAPTER);
  });

  /** Presses a key and checks that the page stayed. */
  const staysAfter = async (page: import('@playwright/test').Page, key: string) => {
    await page.keyboard.press(key);
    await page.waitForTimeout(300);
    await expect(page).toHaveURL(CHAPTER);
  };

  test('turn the page from anywhere in the text', async ({ page }) => {
    await page.locator('#p-2').click();
    await page.keyboard.press('ArrowRight');
    await expect(page).toHaveURL(NEXT);
  });

  test('do nothing with any modifier held', async ({ page }) => {
    for (const modifier of ['Alt', 'Control', 'Meta', 'Shift']) {
      await staysAfter(page, `${modifier}+ArrowRight`);
      await staysAfter(page, `${modifier}+ArrowLeft`);
    }
  });

  test('do nothing while typing in a field, a select or editable text', async ({ page }) => {
    await page.evaluate(() => {
      const main = document.querySelector('main')!;
      main.insertAdjacentHTML('beforeend', '<textarea id="t" aria-label="t"></textarea><select id="s" aria-label="s"><option>a</option><option>b</option></select><div id="e" contenteditable="true">edit me</div>');
    });
    for (const field of ['#t', '#s', '#e']) {
      await page.locator(field).focus();
      await staysAfter(page, 'ArrowRight');
      await staysAfter(page, 'ArrowLeft');
    }
  });

  test('do nothing while the chapter menu is open or focused', async ({ page }) => {
    await page.locator('.chapter-jump summary').focus();
    await staysAfter(page, 'ArrowRight');
    await page.keyboard.press('Enter');
    await expect(page.locator('.chapter-jump details')).toHaveAttribute('open');
    await page.locator('.chapter-jump__list a').first().focus();
    await staysAfter(page, 'ArrowRight');
    // Open, with focus back in the text: still the menu's.
    await page.evaluate(() => (document.activeElement as HTMLElement).blur());
    await staysAfter(page, 'ArrowLeft');
  });

  test('do nothing inside a panel marked data-no-chapter-keys, such as the reading settings', async ({ page }) => {
    await page.evaluate(() => {
      document.querySelector('main')!.insertAdjacentHTML(
        'afterbegin',
        '<reading-settings data-no-chapter-keys><button type="button" aria-expanded="false" id="panel-button">Aa</button><div><input type="range" aria-label="r"><button type="button" id="inside">x</button></div></reading-settings>',
      );
    });
    await page.locator('#inside').focus();
    await staysAfter(page, 'ArrowRight');
    // Its button expanded (the panel open), focus elsewhere: the arrows still belong to the panel.
    await page.locator('#panel-button').evaluate((button) => button.setAttribute('aria-expanded', 'true'));
    await page.locator('#p-1').click();
    await staysAfter(page, 'ArrowRight');
    await page.locator('#panel-button').evaluate((button) => button.setAttribute('aria-expanded', 'false'));
    await page.keyboard.press('ArrowRight');
    await expect(page).toHaveURL(NEXT);
  });
});

test('landmarks, skip link and focus: header, navigation, main and footer are there', async ({ page }) => {
  await page.goto(CHAPTER);
  await expect(page.getByRole('banner')).toHaveCount(1);
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('contentinfo')).toHaveCount(1);
  await expect(page.getByRole('navigation')).toHaveCount(2);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the chapter text' })).toBeFocused();
});
