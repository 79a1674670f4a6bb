import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { FIXTURES_PORT } from '../../playwright.config';

/** Pages of the test-fixture build (hostile content, RTL, drafts, edge cases). */
export const fixtureUrl = (path: string): string => `http://localhost:${FIXTURES_PORT}${path}`;

/**
 * Every test fails on a script error, a console error, a Content Security Policy violation, a
 * dialog, or a request to another origin: pages must work on their own, with nothing third-party.
 */
export const test = base.extend<{ problems: string[] }>({
  problems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        // A test may open a missing page on purpose; any other failed load is a problem.
        const isPageItself = message.location().url === page.url();
        if (message.type() === 'error' && !isPageItself) problems.push(`console error: ${message.text()}`);
      });
      page.on('dialog', (dialog) => {
        problems.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
      });
      // A blocked script or style would show up here as a console error too, but say what it was.
      await page.addInitScript(() =>
        document.addEventListener('securitypolicyviolation', (event) =>
          console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`),
        ),
      );
      await page.route(/^(?!https?:\/\/localhost[:/])/, (route) => {
        if (route.request().url().startsWith('data:')) return route.continue();
        problems.push(`request to another origin: ${route.request().url()}`);
        return route.abort();
      });
      await use(problems);
      expect(problems, 'page problems').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Axe with the WCAG 2.x A and AA rules, WCAG 2.2 included. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`)).toEqual([]);
}

/** True when the page scrolls sideways (content wider than the viewport). */
export const overflowsHorizontally = (page: Page): Promise<boolean> =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
