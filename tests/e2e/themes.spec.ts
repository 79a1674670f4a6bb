import { SETTINGS } from '../../src/lib/settings';
import { expect, expectAccessible, fixtureUrl, test } from './fixtures';
import { openReadingSettings } from './reading-settings-helpers';

/** Every theme, under the system scheme it must override (system itself under both). */
const CASES = [
  ['light', 'dark'],
  ['sepia', 'dark'],
  ['dark', 'light'],
  ['system', 'light'],
  ['system', 'dark'],
] as const;
const PAGES = {
  home: '/',
  story: '/stories/salt-and-ledger/',
  chapter: '/stories/salt-and-ledger/the-missing-salt/',
  'whole-work': '/stories/salt-and-ledger/all/',
  'styled chapter': fixtureUrl('/stories/publisher-styling/the-letter/'),
  'right-to-left chapter': fixtureUrl('/stories/rtl-story/the-night/'),
};

test('every theme is tested', () => {
  expect(new Set(CASES.map(([theme]) => theme))).toEqual(new Set(SETTINGS.theme.values));
});

for (const [theme, colorScheme] of CASES) {
  test.describe(`${theme} theme (system ${colorScheme})`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.addInitScript(([key, value]) => localStorage.setItem(key!, value!), [SETTINGS.theme.key, theme]);
    });

    for (const [name, path] of Object.entries(PAGES)) {
      test(`${name} page has no axe violations`, async ({ page }) => {
        await page.goto(path);
        // `system` is the default: no attribute at all.
        expect(await page.locator('html').getAttribute(SETTINGS.theme.attribute)).toBe(theme === 'system' ? null : theme);
        await expectAccessible(page);
      });
    }

    test('the open reading settings panel has no axe violations', async ({ page }) => {
      await page.goto(PAGES.chapter);
      await openReadingSettings(page);
      await page.getByRole('button', { name: 'Increase text size' }).focus();
      await expectAccessible(page);
    });
  });
}
