import { expect, expectAccessible, fixtureUrl, test } from './fixtures';

const PAGES = {
  home: '/',
  story: '/stories/salt-and-ledger/',
  chapter: '/stories/salt-and-ledger/the-missing-salt/',
  'last chapter': '/stories/salt-and-ledger/balanced/',
  'whole-work': '/stories/salt-and-ledger/all/',
  'French whole-work': '/stories/la-boulangere-de-minuit/all/',
  'French chapter': '/stories/la-boulangere-de-minuit/le-premier-client/',
  '404': '/no-such-page/',
  search: '/search/',
  'reading settings': '/reading-settings/',
  'right-to-left chapter': fixtureUrl('/stories/rtl-story/the-night/'),
  'right-to-left whole-work': fixtureUrl('/stories/rtl-story/all/'),
  'edge-case whole-work': fixtureUrl('/stories/edge-cases/all/'),
  'edge-case story': fixtureUrl('/stories/edge-cases/'),
};

for (const colorScheme of ['light', 'dark'] as const) {
  for (const [name, path] of Object.entries(PAGES)) {
    test(`${name} page has no axe violations (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(path);
      await expectAccessible(page);
    });
  }

  test(`chapter page at the largest text size has no axe violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(PAGES.chapter);
    await page.getByRole('button', { name: 'Reading settings' }).click();
    const increase = page.getByRole('button', { name: 'Increase text size' });
    while ((await increase.getAttribute('aria-disabled')) !== 'true') await increase.click();
    await expect(page.getByRole('status')).toHaveText('200%');
    await expectAccessible(page);
  });
}
