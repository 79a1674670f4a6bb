import { expect, fixtureUrl, test } from './fixtures';
import type { Page } from '@playwright/test';

/*
 * One author's markup ends where their field or chapter ends: the hostile story's title, summary,
 * notes and text open formatting and blocks they never close (and its title has a link), and
 * nothing of it may reach the rest of the page.
 */

/**
 * How an element's first words look, as unclosed formatting would change it: the style of the
 * element that holds the text, and every decoration (strike, underline) from there up to `element`.
 */
function textLook(element: Element) {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, { acceptNode: (node) => (node.textContent?.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP) });
  const holder = walker.nextNode()?.parentElement ?? element;
  const decorations = new Set<string>();
  for (let current: Element | null = holder; current && current !== element.parentElement; current = current.parentElement) {
    const line = getComputedStyle(current).textDecorationLine;
    if (line !== 'none') decorations.add(line);
  }
  const style = getComputedStyle(holder);
  return { fontSize: style.fontSize, fontWeight: style.fontWeight, decorations: [...decorations].sort().join(' '), textAlign: style.textAlign };
}

const look = (page: Page, selector: string) => page.locator(selector).first().evaluate(textLook);

test("a story card's unclosed title and summary leave the other cards and the footer as they are", async ({ page }) => {
  await page.goto(fixtureUrl('/search/'));
  const footer = await look(page, '.site-footer p');
  await page.goto(fixtureUrl('/page/3/')); // the hostile story's page of the home page
  const cards = page.locator('.story-card');
  const hostile = cards.filter({ has: page.locator('a[href="/stories/hostile/"]') });
  await expect(hostile).toHaveCount(1);
  const others = cards.filter({ hasNot: page.locator('a[href="/stories/hostile/"]') });
  const reference = { title: await others.first().locator('h2').evaluate(textLook), summary: await others.first().locator('.story-card__summary').evaluate(textLook) };
  expect(reference.title.decorations).toBe('underline');
  for (const card of await others.all()) {
    expect({ title: await card.locator('h2').evaluate(textLook), summary: await card.locator('.story-card__summary').evaluate(textLook) }).toEqual(reference);
  }
  expect(await look(page, '.site-footer p')).toEqual(footer);
  // A title is shown inside a link: it may not bring a link of its own.
  expect(await page.locator('a a').count()).toBe(0);
});

test("a chapter's unclosed text and notes leave the navigation, the downloads and the footer as they are", async ({ page }) => {
  await page.goto(fixtureUrl('/stories/edge-cases/untitled/'));
  const reference = { nav: await look(page, '.chapter-nav--bottom .chapter-nav__toc a'), downloads: await look(page, '.downloads a'), footer: await look(page, '.site-footer p') };
  await page.goto(fixtureUrl('/stories/hostile/unclosed/'));
  await expect(page.locator('#chapter-text')).toContainText('The last paragraph of the chapter.');
  expect({ nav: await look(page, '.chapter-nav--bottom .chapter-nav__toc a'), downloads: await look(page, '.downloads a'), footer: await look(page, '.site-footer p') }).toEqual(reference);
  // Every note and the text end where they began: nothing after them is inside them.
  for (const selector of ['.note--end-notes:has(#chapter-end-notes)', '.chapter-nav--bottom', '.downloads']) {
    expect(await page.locator(selector).evaluate((element) => element.parentElement?.closest('.note, .chapter-text') === null)).toBe(true);
  }
  // The chapter menu lists the title without its link.
  expect(await page.locator('a a').count()).toBe(0);
  await expect(page.locator('a[href="https://evil.invalid/title"]')).toHaveCount(0);
});

test('on the whole work, the unclosed chapter ends where it ends', async ({ page }) => {
  await page.goto(fixtureUrl('/search/'));
  const footer = await look(page, '.site-footer p');
  await page.goto(fixtureUrl('/stories/hostile/all/'));
  await expect(page.locator('.work-chapter').last()).toContainText('The last paragraph of the chapter.');
  // Each chapter is a section of the work, none inside another's text or notes.
  const nested = await page.locator('.work-chapter').evaluateAll((sections) => sections.filter((section) => section.parentElement?.closest('.work-chapter, .chapter-text, .note')).length);
  expect(nested).toBe(0);
  expect(await page.locator('.site-footer').evaluate((element) => element.closest('.chapter-text, .note, article') === null)).toBe(true);
  expect(await look(page, '.site-footer p')).toEqual(footer);
});
