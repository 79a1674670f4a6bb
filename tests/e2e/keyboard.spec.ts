import { expect, fixtureUrl, test } from './fixtures';

/** What has keyboard focus, described by role and name, and whether a focus ring is drawn. */
const focused = (page: import('@playwright/test').Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement;
    const style = getComputedStyle(el);
    return {
      label: `${el.tagName.toLowerCase()} ${el.getAttribute('aria-label') ?? (el.labels?.[0] ?? el).textContent?.trim().replace(/\s+/g, ' ')}`,
      ring: style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2,
    };
  });

test('a keyboard-only reader can skip to the text, size it and move to the next chapter', async ({ page }) => {
  await page.goto('/stories/salt-and-ledger/the-lighthouse/');
  const expected = [
    'a Skip to the chapter text',
    'a The Quire Sampler',
    'input Search stories',
    'button Search',
    'a Salt and Ledger',
    'a Wren Halloway',
    'a M. Okafor',
    'button Aa Reading settings',
    'button Share',
    'a ← Previous chapter: The Missing Salt',
    'summary Chapters ▾',
    'a Next chapter: A List of Reasons →',
  ];
  const walk = [];
  for (let i = 0; i < expected.length; i++) {
    await page.keyboard.press('Tab');
    const { label, ring } = await focused(page);
    walk.push(label);
    expect(ring, `${label} shows where focus is`).toBe(true);
  }
  expect(walk).toEqual(expected);

  // The skip link lands past the site's and the story's controls, where the notes and text begin,
  // and the next Tab goes on from there, not from the top of the page.
  await page.goto('/stories/salt-and-ledger/the-lighthouse/');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('chapter-start');
  await page.keyboard.press('Tab');
  // The passage-link button; what it does loads as it is reached, and then it names the paragraph.
  await expect.poll(async () => (await focused(page)).label).toBe('button Copy link to paragraph 1');
  // Open the reading settings, size the text from the keyboard, then follow the next-chapter link.
  await page.getByRole('button', { name: 'Reading settings' }).focus();
  await page.keyboard.press('Enter');
  // The panel loads on first use; the reader tabs on once it is there.
  await expect(page.getByRole('group', { name: 'Reading settings' })).toBeVisible();
  for (const control of ['button Close', 'button Decrease text size', 'button Increase text size']) {
    await page.keyboard.press('Tab');
    expect((await focused(page)).label).toBe(control);
  }
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('110%');
  await page.getByRole('link', { name: /Next chapter/ }).first().focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/a-list-of-reasons\/$/);
  await page.getByRole('button', { name: 'Reading settings' }).click();
  await expect(page.getByRole('status')).toHaveText('110%');
});

test('← and → move between chapters, but not while typing or with a modifier', async ({ page }) => {
  await page.goto('/stories/salt-and-ledger/the-lighthouse/');
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/\/a-list-of-reasons\/$/);
  await page.waitForLoadState();
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/\/the-lighthouse\/$/);
  await page.waitForLoadState();
  await page.keyboard.press('Alt+ArrowLeft');
  await page.keyboard.press('Shift+ArrowRight');
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.id = 'typing';
    document.querySelector('main')!.append(input);
  });
  await page.locator('#typing').focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(300);
  await expect(page).toHaveURL(/\/the-lighthouse\/$/);
  // The first chapter has nothing before it.
  await page.goto('/stories/salt-and-ledger/the-missing-salt/');
  await page.keyboard.press('ArrowLeft');
  await page.waitForTimeout(300);
  await expect(page).toHaveURL(/\/the-missing-salt\/$/);
});

test('in a right-to-left story, ← goes forward', async ({ page }) => {
  await page.goto(fixtureUrl('/stories/rtl-story/the-night/'));
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/\/the-morning\/$/);
  await page.waitForLoadState();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/\/the-night\/$/);
});
