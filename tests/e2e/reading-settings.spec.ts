import type { Page } from '@playwright/test';
import { LEGIBLE_FONT_FAMILY, SETTINGS } from '../../src/lib/settings';
import { blockStorage, expect, fixtureUrl, layoutShift, overflowsHorizontally, recordFirstFrame, recordLayoutShifts, test } from './fixtures';
import { choose, openReadingSettings, settingInput, styleOf } from './reading-settings-helpers';

const CHAPTER = '/stories/salt-and-ledger/the-lighthouse/';
const OTHER_CHAPTER = '/stories/small-hours/small-hours/';
const STORY = '/stories/salt-and-ledger/';
const STYLED_CHAPTER = fixtureUrl('/stories/publisher-styling/the-letter/');
const TEXT = '#chapter-text p';

const px = (value: string) => Number.parseFloat(value);

test.describe('each setting changes the text it is about', () => {
  test('line spacing: every step is more open than the one before', async ({ page }) => {
    await page.goto(CHAPTER);
    await openReadingSettings(page);
    const heights = [];
    for (const value of SETTINGS.lineSpacing.values) {
      await choose(page, 'lineSpacing', value);
      heights.push(px(await styleOf(page, TEXT, 'line-height')));
    }
    expect(heights).toEqual([...heights].sort((a, b) => a - b));
    expect(new Set(heights).size).toBe(heights.length);
    // The default is the unchanged page.
    await choose(page, 'lineSpacing', SETTINGS.lineSpacing.defaultValue);
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-line-spacing'))).toBe(false);
  });

  test('text width: narrow, medium and wide columns on a wide screen', async ({ page }) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(CHAPTER);
    await openReadingSettings(page);
    const widths = [];
    for (const value of SETTINGS.textWidth.values) {
      await choose(page, 'textWidth', value);
      widths.push((await page.locator('#chapter-text').boundingBox())!.width);
    }
    expect(widths[0]).toBeLessThan(widths[1]!);
    expect(widths[1]).toBeLessThan(widths[2]!);
    // About 66 characters a line at the default: the medium column is the one the site always had.
    expect(widths[1]).toBeCloseTo(40 * 16, -1);
  });

  test('font: book serif, sans-serif, and Atkinson Hyperlegible loaded from this site', async ({ page }) => {
    const fontRequests: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'font') fontRequests.push(new URL(request.url()).pathname);
    });
    await page.goto(CHAPTER);
    expect(fontRequests, 'no font is loaded until the reader asks for it').toEqual([]);
    await openReadingSettings(page);
    await choose(page, 'font', 'sans');
    expect(await styleOf(page, TEXT, 'font-family')).toMatch(/^system-ui/);
    await choose(page, 'font', 'legible');
    expect(await styleOf(page, TEXT, 'font-family')).toMatch(new RegExp(`^"?${LEGIBLE_FONT_FAMILY}"?,`));
    await expect
      .poll(() => page.evaluate((family) => document.fonts.ready.then(() => document.fonts.check(`1em "${family}"`)), LEGIBLE_FONT_FAMILY))
      .toBe(true);
    expect(fontRequests.some((path) => /^\/_astro\/atkinson-hyperlegible-latin-400-normal\.[\w-]+\.woff2$/.test(path))).toBe(true);
    await choose(page, 'font', 'book');
    expect(await styleOf(page, TEXT, 'font-family')).toMatch(/^Charter,/);
  });

  test('the legible font brings only the faces reading text uses, each shown with font-display: swap', async ({ page }) => {
    await page.goto(CHAPTER);
    const faces = await page.evaluate(
      (family) =>
        [...document.fonts].filter((face) => face.family.replace(/"/g, '') === family).map((face) => `${face.style} ${face.weight} ${face.display}`),
      LEGIBLE_FONT_FAMILY,
    );
    // Regular, italic (emphasis) and bold (strong), each in a Latin and a Latin Extended file.
    expect([...new Set(faces)].sort()).toEqual(['italic 400 swap', 'normal 400 swap', 'normal 700 swap']);
    expect(faces).toHaveLength(6);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`theme: light, sepia and dark override the system's ${scheme} scheme, system follows it`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(CHAPTER);
      const look = () =>
        page.evaluate(() => ({
          page: getComputedStyle(document.body).backgroundColor,
          text: getComputedStyle(document.querySelector('#chapter-text p')!).color,
          scheme: getComputedStyle(document.documentElement).colorScheme,
          themeColor: [...document.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"]')].map((m) => m.content),
          metaScheme: document.querySelector<HTMLMetaElement>('meta[name="color-scheme"]')!.content,
        }));
      const system = await look();
      await openReadingSettings(page);
      const looks: Record<string, Awaited<ReturnType<typeof look>>> = {};
      for (const theme of SETTINGS.theme.values) {
        await choose(page, 'theme', theme);
        looks[theme] = await look();
      }
      expect(looks.system).toEqual(system);
      expect(looks[scheme]!.page).toBe(system.page);
      expect(looks[scheme]!.text).toBe(system.text);
      expect(new Set(['light', 'sepia', 'dark'].map((theme) => looks[theme]!.page)).size).toBe(3);
      expect(looks.dark!.scheme).toBe('dark');
      expect(looks.sepia!.scheme).toBe('light');
      // The browser's own colours follow a chosen theme, and go back to the media-dependent pair for system.
      for (const theme of ['light', 'sepia', 'dark']) {
        expect(looks[theme]!.themeColor.every((color) => color === looks[theme]!.page), theme).toBe(true);
        expect(looks[theme]!.metaScheme).toBe(looks[theme]!.scheme);
      }
      expect(system.themeColor).toEqual(['#fbf8f3', '#1b1a18']);
      expect(system.metaScheme).toBe('light dark');
    });
  }

  test('publisher styling off strips centring, underlines and small print, and keeps emphasis', async ({ page }) => {
    await page.goto(STYLED_CHAPTER);
    const look = () =>
      page.evaluate(() => {
        const text = document.querySelector('#chapter-text')!;
        const style = (selector: string) => getComputedStyle(text.querySelector(selector)!);
        return {
          centred: style('.centered').textAlign,
          underline: style('u').textDecorationLine,
          small: style('small').fontSize === style('p').fontSize,
          strong: style('strong').fontWeight,
          em: style('p em').fontStyle,
          struck: style('del').textDecorationLine,
        };
      });
    expect(await look()).toEqual({ centred: 'center', underline: 'underline', small: false, strong: '700', em: 'italic', struck: 'line-through' });
    await openReadingSettings(page);
    const publisherSwitch = page.getByRole('switch', { name: 'Use publisher styling' });
    await expect(publisherSwitch).toBeChecked();
    await publisherSwitch.uncheck();
    expect(await look()).toEqual({ centred: 'start', underline: 'none', small: true, strong: '700', em: 'italic', struck: 'line-through' });
    expect(await page.evaluate((key) => localStorage.getItem(key), SETTINGS.publisherStyling.key)).toBe('off');
    await publisherSwitch.check();
    expect((await look()).centred).toBe('center');
  });
});

interface ReadingLook {
  attributes: string[];
  fontSize: string;
  lineHeight: string;
  fontFamily: string;
  color: string;
  page: string;
  width: number;
}

/** In the page: how the chapter text looks. */
const lookOfText = (): ReadingLook => {
  const p = document.querySelector('#chapter-text p')!;
  const style = getComputedStyle(p);
  return {
    attributes: [...document.documentElement.attributes].map((a) => `${a.name}=${a.value}`).filter((a) => a.startsWith('data-')).sort(),
    fontSize: style.fontSize,
    lineHeight: style.lineHeight,
    fontFamily: style.fontFamily,
    color: style.color,
    page: getComputedStyle(document.body).backgroundColor,
    width: document.querySelector('#chapter-text')!.getBoundingClientRect().width,
  };
};
const readingLook = (page: Page) => page.evaluate(lookOfText);

/**
 * Records, from the moment the chapter text is parsed (before the first frame), how the text looks
 * in its first frame, and adds up layout shifts: stored settings must apply before first paint.
 * Resolves with what reads the current page's first frame.
 */
async function recordReadingLook(page: Page): Promise<() => Promise<ReadingLook>> {
  await recordLayoutShifts(page);
  return recordFirstFrame(page, TEXT, lookOfText);
}

const CHOSEN = { lineSpacing: 'loose', textWidth: 'narrow', theme: 'sepia', font: 'sans', publisherStyling: 'off' } as const;

async function chooseAll(page: Page): Promise<void> {
  await openReadingSettings(page);
  for (const [name, value] of Object.entries(CHOSEN)) await choose(page, name as keyof typeof CHOSEN, value);
  await page.getByRole('button', { name: 'Increase text size' }).click();
}

test('every choice is remembered across pages and reloads, and is there in the first frame', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const firstFrame = await recordReadingLook(page);
  await page.goto(CHAPTER);
  const before = await readingLook(page);
  await chooseAll(page);
  const chosen = await readingLook(page);
  expect(chosen.attributes).toEqual(
    [...Object.entries(CHOSEN).map(([name, value]) => `${SETTINGS[name as keyof typeof CHOSEN].attribute}=${value}`), 'data-text-size=110'].sort(),
  );
  for (const key of Object.keys(before) as (keyof ReadingLook)[]) {
    if (key !== 'attributes') expect(chosen[key], key).not.toEqual(before[key]);
  }

  for (const url of [OTHER_CHAPTER, CHAPTER, 'reload']) {
    if (url === 'reload') await page.reload();
    else await page.goto(url);
    expect(await firstFrame(), `first frame on ${url}`).toEqual(chosen);
    expect(await readingLook(page)).toEqual(chosen);
    expect(await layoutShift(page), `layout shift on ${url}`).toBe(0);
  }
  // The panel shows the stored choices.
  await openReadingSettings(page);
  for (const [name, value] of Object.entries(CHOSEN)) {
    const input = name === 'publisherStyling' ? settingInput(page, name) : settingInput(page, name as keyof typeof CHOSEN, value);
    if (name === 'publisherStyling') await expect(input).not.toBeChecked();
    else await expect(input).toBeChecked();
  }
  await expect(page.getByRole('status')).toHaveText('110%');
  // Pages without the panel get the settings too.
  await page.goto(STORY);
  expect(await styleOf(page, '.reading p', 'font-family')).toBe(chosen.fontFamily);
  expect(await styleOf(page, '.reading p', 'line-height')).toBe(chosen.lineHeight);
  await page.goto('/');
  expect(await styleOf(page, 'body', 'background-color')).toBe(chosen.page);
});

test('settings follow live across open tabs', async ({ context }) => {
  const [first, second] = [await context.newPage(), await context.newPage()];
  await first.goto(CHAPTER);
  await second.goto(STORY);
  const look = () =>
    second.evaluate(() => ({
      page: getComputedStyle(document.body).backgroundColor,
      leading: getComputedStyle(document.querySelector('.reading p')!).lineHeight,
      size: getComputedStyle(document.querySelector('.reading p')!).fontSize,
    }));
  const before = await look();
  await openReadingSettings(first);
  await choose(first, 'theme', 'dark');
  await choose(first, 'lineSpacing', 'loose');
  await first.getByRole('button', { name: 'Increase text size' }).click();
  await expect.poll(look).toEqual({ page: 'rgb(27, 26, 24)', leading: expect.any(String), size: expect.any(String) });
  const after = await look();
  expect(px(after.leading)).toBeGreaterThan(px(before.leading));
  expect(px(after.size)).toBeCloseTo(px(before.size) * 1.1, 0);
  // The other tab's panel shows the new choices too.
  await openReadingSettings(second);
  await expect(settingInput(second, 'theme', 'dark')).toBeChecked();
  await expect(settingInput(second, 'lineSpacing', 'loose')).toBeChecked();
  await expect(second.getByRole('status')).toHaveText('110%');
  // Clearing the site's storage elsewhere brings every default back.
  await first.evaluate(() => localStorage.clear());
  await expect.poll(look).toEqual(before);
  await expect(settingInput(second, 'theme', 'system')).toBeChecked();
  await expect(second.getByRole('status')).toHaveText('100%');
});

test('pages without the panel follow live too: the home page takes a theme chosen in another tab', async ({ context }) => {
  const [chapter, home] = [await context.newPage(), await context.newPage()];
  await chapter.goto(CHAPTER);
  await home.goto('/');
  await expect(home.locator('quire-reading-settings')).toHaveCount(0);
  const background = () => home.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const before = await background();
  await openReadingSettings(chapter);
  await choose(chapter, 'theme', 'dark');
  await expect.poll(background).toBe('rgb(27, 26, 24)');
  // The browser's own colours (address bar, form controls) follow the chosen theme as well.
  await expect(home.locator('meta[name="color-scheme"]')).toHaveAttribute('content', 'dark');
  await choose(chapter, 'theme', 'system');
  await expect.poll(background).toBe(before);
  await expect(home.locator('meta[name="color-scheme"]')).toHaveAttribute('content', 'light dark');
});

test.describe('the panel', () => {
  test('opens from its button, closes on Escape, Close, a click outside or leaving it, and gives focus back', async ({ page }) => {
    await page.goto(CHAPTER);
    const toggle = page.getByRole('button', { name: 'Reading settings' });
    const panel = page.getByRole('group', { name: 'Reading settings' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(panel).toBeHidden();

    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await settingInput(page, 'theme', 'sepia').focus();
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await expect(toggle).toBeFocused();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');

    await page.keyboard.press('Enter');
    await expect(panel).toBeVisible();
    await panel.getByRole('button', { name: 'Close' }).click();
    await expect(panel).toBeHidden();
    await expect(toggle).toBeFocused();

    await toggle.click();
    await page.getByRole('button', { name: 'Increase text size' }).focus();
    // In the margin beside the text: plain page, nothing focusable.
    await page.mouse.click(5, 400);
    await expect(panel).toBeHidden();
    await expect(toggle).toBeFocused();

    await toggle.click();
    await toggle.click();
    await expect(panel).toBeHidden();

    // Tabbing past the last control closes it.
    await toggle.click();
    await settingInput(page, 'publisherStyling').focus();
    await page.keyboard.press('Tab');
    await expect(panel).toBeHidden();
  });

  test('text size is the first setting, one tap away, and arrow keys in the panel never turn the page', async ({ page }) => {
    await page.goto(CHAPTER);
    await page.getByRole('button', { name: 'Reading settings' }).press('Enter');
    await expect(page.getByRole('group', { name: 'Reading settings' })).toBeVisible();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Decrease text size' })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await settingInput(page, 'theme', 'system').focus();
    await page.keyboard.press('ArrowRight');
    await expect(settingInput(page, 'theme', 'light')).toBeChecked();
    await expect(settingInput(page, 'theme', 'light')).toBeFocused();
    await page.waitForTimeout(300);
    await expect(page).toHaveURL(new RegExp(`${CHAPTER}$`));
    expect(await page.evaluate((key) => localStorage.getItem(key), SETTINGS.theme.key)).toBe('light');
  });

  test('on a phone it is a short sheet at the bottom, and the text above it stays in view', async ({ page }) => {
    // The narrowest phones stack each setting's name above its choices, and scroll the sheet past 60%.
    for (const [width, height, share] of [[320, 640, 0.6], [390, 740, 0.5]] as const) {
      await page.setViewportSize({ width, height });
      await page.goto(CHAPTER);
      const panel = await openReadingSettings(page);
      const box = (await panel.boundingBox())!;
      expect(box.y + box.height).toBeCloseTo(height, 0);
      expect(box.height, `sheet height at ${width}×${height}`).toBeLessThanOrEqual(height * share);
      expect(await panel.evaluate((el) => el.scrollWidth <= el.clientWidth), 'nothing in the sheet is cut off').toBe(true);
      const heading = (await page.getByRole('heading', { level: 1 }).boundingBox())!;
      expect(heading.y + heading.height).toBeLessThan(box.y);
      expect(await overflowsHorizontally(page)).toBe(false);
    }
    // Every column is the screen's width here, so the width choice is not offered.
    await expect(page.getByRole('group', { name: 'Text width' })).toBeHidden();
    await expect(page.getByRole('group', { name: 'Theme' })).toBeVisible();
  });

  test('works for the page when storage throws', async ({ page }) => {
    await blockStorage(page);
    await page.goto(CHAPTER);
    await openReadingSettings(page);
    await choose(page, 'theme', 'dark');
    expect(await styleOf(page, 'body', 'background-color')).toBe('rgb(27, 26, 24)');
  });

  test('is not there without JavaScript', async ({ pageWithoutJavaScript: page }) => {
    await page.goto(CHAPTER);
    await expect(page.locator('#chapter-text p').first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Reading settings' })).toBeHidden();
  });
});

test.describe('the panel loads on first use', () => {
  /** Holds back the reading settings page (where the panel comes from) until `release` is called. */
  async function holdPanel(page: Page, { fail = false } = {}): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/reading-settings/', async (route) => {
      await released;
      if (fail) await route.abort('internetdisconnected');
      else await route.continue();
    });
    return release;
  }

  test('a chapter page carries none of it until the reader asks', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(CHAPTER);
    await page.waitForLoadState('networkidle');
    expect(requests.filter((path) => path.startsWith('/reading-settings/') || /ReadingSettingsPanel|settings\..*\.css/.test(path))).toEqual([]);
    await expect(page.locator('#reading-settings-panel')).toHaveCount(0);

    await page.getByRole('button', { name: 'Reading settings' }).click();
    await expect(page.getByRole('group', { name: 'Reading settings' })).toBeVisible();
    expect(requests).toContain('/reading-settings/');
    // Its own stylesheet came with it: the options are drawn as segments, not bare radios.
    expect(await styleOf(page, '.reading-settings__option input', 'opacity')).toBe('0');
  });

  test('a press while it loads opens it when it arrives, and a second press cancels that', async ({ page }) => {
    await page.goto(CHAPTER);
    const toggle = page.getByRole('button', { name: 'Reading settings' });
    const panel = page.getByRole('group', { name: 'Reading settings' });
    let release = await holdPanel(page);
    await toggle.click();
    await expect(page.locator('quire-reading-settings')).toHaveAttribute('aria-busy', 'true');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    release();
    await expect(panel).toBeVisible();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(page.locator('quire-reading-settings')).not.toHaveAttribute('aria-busy');

    await page.goto(OTHER_CHAPTER);
    release = await holdPanel(page);
    await toggle.click();
    await toggle.click();
    release();
    await expect(page.locator('#reading-settings-panel')).toHaveCount(1);
    await expect(panel).toBeHidden();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.click();
    await expect(panel).toBeVisible();
  });

  test('when it cannot load, it says so, and the next press tries again', async ({ page, problems }) => {
    await page.goto(CHAPTER);
    const toggle = page.getByRole('button', { name: 'Reading settings' });
    const release = await holdPanel(page, { fail: true });
    await toggle.click();
    release();
    await expect(page.getByRole('status').filter({ hasText: 'could not be loaded' })).toBeVisible();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await page.unroute('**/reading-settings/');
    await toggle.click();
    await expect(page.getByRole('group', { name: 'Reading settings' })).toBeVisible();
    await expect(page.getByText('could not be loaded')).toHaveCount(0);
    // The one failed request this test made on purpose, and nothing else.
    expect(problems).toEqual(['console error: Failed to load resource: net::ERR_INTERNET_DISCONNECTED']);
    problems.length = 0;
  });

  test('the reading settings page shows the panel open, tried on a passage, and its choices follow the reader', async ({ page }) => {
    await page.goto('/reading-settings/');
    await expect(page.getByRole('heading', { level: 1, name: 'Reading settings' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Close' })).toBeHidden();
    const before = await styleOf(page, '.reading-settings-page__sample p', 'line-height');
    await choose(page, 'lineSpacing', 'loose');
    expect(px(await styleOf(page, '.reading-settings-page__sample p', 'line-height'))).toBeGreaterThan(px(before));
    await choose(page, 'theme', 'dark');
    await page.goto(CHAPTER);
    expect(await styleOf(page, 'body', 'background-color')).toBe('rgb(27, 26, 24)');
    await openReadingSettings(page);
    await expect(settingInput(page, 'lineSpacing', 'loose')).toBeChecked();
  });
});

test('with reduced motion asked for, nothing animates', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(CHAPTER);
  const moving = await page.evaluate(() => {
    const probe = document.createElement('p');
    probe.style.transition = 'opacity 1s';
    probe.style.animation = 'spin 1s infinite';
    document.querySelector('main')!.append(probe);
    const style = getComputedStyle(probe);
    return { transition: style.transitionProperty, animation: style.animationName, scroll: getComputedStyle(document.documentElement).scrollBehavior };
  });
  expect(moving).toEqual({ transition: 'none', animation: 'none', scroll: 'auto' });
});

test('once chosen, the legible font is asked for before the first frame of the next pages', async ({ page }) => {
  const firstFrame = await recordReadingLook(page);
  await page.goto(CHAPTER);
  await openReadingSettings(page);
  await choose(page, 'font', 'legible');
  await page.evaluate(() => document.fonts.ready);
  for (const url of [OTHER_CHAPTER, STORY, CHAPTER]) {
    await page.goto(url);
    if (url !== STORY) {
      expect((await firstFrame()).fontFamily).toMatch(new RegExp(`^"?${LEGIBLE_FONT_FAMILY}"?,`));
    }
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate((family) => document.fonts.check(`1em "${family}"`), LEGIBLE_FONT_FAMILY)).toBe(true);
    // `font-display: swap` shows the fallback until the file is read, even from the cache: lines may
    // rewrap once. Known and bounded (a tenth of what counts as a poor layout-shift score).
    expect(await layoutShift(page), url).toBeLessThan(0.01);
  }
});
