import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { FIXTURES_PORT } from '../../playwright.config';

/** Pages of the test-fixture build (hostile content, RTL, drafts, edge cases). */
export const fixtureUrl = (path: string): string => `http://localhost:${FIXTURES_PORT}${path}`;

/**
 * Every test fails on a script error, a console error, a Content Security Policy violation, a
 * dialog, or a request to another origin: pages must work on their own, with nothing third-party.
 */
export const test = base.extend<{ problems: string[]; pageWithoutJavaScript: Page }>({
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
  /** A page with JavaScript turned off, in a browser context of its own, closed after the test. */
  pageWithoutJavaScript: async ({ browser }, use) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    await use(await context.newPage());
    await context.close();
  },
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

/**
 * Makes `localStorage` throw, as it does where storage is blocked (site data refused, some private
 * modes), on every page the test opens from now on.
 */
export async function blockStorage(page: Page): Promise<void> {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
}

/** Adds up the layout shifts of every page the test opens from now on; `layoutShift` reads the sum. */
export async function recordLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { layoutShift: number };
    w.layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.layoutShift += (entry as unknown as { value: number }).value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The layout shifts of the page so far, added up, once `recordLayoutShifts` has been called. */
export const layoutShift = (page: Page): Promise<number> => page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift);

/** In the page: runs `look` in the first frame painted after an element matching `selector` is parsed. */
function firstFrameRecorder(selector: string, look: (element: Element) => unknown): void {
  new MutationObserver((_, observer) => {
    const element = document.querySelector(selector);
    if (!element) return;
    observer.disconnect();
    // The first animation frame after the element is parsed is the first one painted with it
    // (rendering waits for the stylesheet).
    requestAnimationFrame(() => ((window as unknown as { firstFrame: { look: unknown } }).firstFrame = { look: look(element) }));
  }).observe(document, { childList: true, subtree: true });
}

/**
 * Records, on every page the test opens from now on, what `look` sees of the first element matching
 * `selector` (and of the page) in the first frame painted with it: settings and gates must apply
 * before first paint. Resolves with a function that waits for the current page's record.
 * `look` runs in the page, so it may use nothing from around it.
 */
export async function recordFirstFrame<T>(page: Page, selector: string, look: (element: Element) => T): Promise<() => Promise<T>> {
  await page.addInitScript({ content: `(${firstFrameRecorder.toString()})(${JSON.stringify(selector)}, ${look.toString()});` });
  return async () =>
    (await (await page.waitForFunction(() => (window as unknown as { firstFrame?: { look: T } }).firstFrame)).jsonValue())!.look;
}
