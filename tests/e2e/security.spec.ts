import { expect, fixtureUrl, test } from './fixtures';

const PAGES = ['/', '/stories/hostile/', '/stories/hostile/attacks/'];

for (const path of PAGES) {
  test(`hostile content never runs or escapes the text on ${path}`, async ({ page }) => {
    await page.goto(fixtureUrl(path));
    await page.mouse.move(200, 300);
    for (const target of await page.locator('main em, main b, main div, main a').all()) {
      await target.hover({ trial: false, force: true }).catch(() => undefined);
    }
    await page.waitForTimeout(100);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    await expect(page.locator(':is(.prose, .story-card) :is(script, iframe, object, embed, form, input, style, svg, img[onerror])')).toHaveCount(0);
    // The injected overlay did not cover the page, and the text is still readable.
    await expect(page.locator('.site-header')).toBeVisible();
  });
}

test('hostile text stays readable: attacks show as text, the long word wraps', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto(fixtureUrl('/stories/hostile/attacks/'));
  await expect(page.locator('#p-1')).toHaveText('An ordinary first paragraph.');
  await expect(page.locator('#chapter-text')).toContainText('A div that would cover the page.');
  await expect(page.locator('#chapter-text')).toContainText('A very long word');
  const longWord = page.locator('#chapter-text p', { hasText: 'A very long word' });
  const box = (await longWord.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(320);
  // A title that parses as a block of raw HTML is shown as the text it is.
  await expect(page).toHaveTitle(/^Attacks — <\/title><script>window.__pwned = "title"<\/script> \*Hostile\* by <img /);
});
