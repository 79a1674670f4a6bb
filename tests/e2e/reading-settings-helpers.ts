import type { Locator, Page } from '@playwright/test';
import { SETTINGS, type SettingName } from '../../src/lib/settings';
import { expect } from './fixtures';

/** Opens the "Aa" reading settings panel and returns it. */
export async function openReadingSettings(page: Page): Promise<Locator> {
  const toggle = page.getByRole('button', { name: 'Reading settings' });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const panel = page.getByRole('group', { name: 'Reading settings' });
  await expect(panel).toBeVisible();
  return panel;
}

/** The panel's input for one value of a setting (radio, or the publisher-styling switch). */
export const settingInput = (page: Page, name: SettingName, value?: string): Locator =>
  page.locator(`#reading-settings-panel input[name="${SETTINGS[name].key}"]${value ? `[value="${value}"]` : ''}`);

/** Chooses a value in the open panel. */
export async function choose(page: Page, name: Exclude<SettingName, 'textSize'>, value: string): Promise<void> {
  if (name === 'publisherStyling') await settingInput(page, name).setChecked(value === 'on');
  else await settingInput(page, name, value).check();
}

/** A computed style property of the first element matching `selector`. */
export const styleOf = (page: Page, selector: string, property: string): Promise<string> =>
  page
    .locator(selector)
    .first()
    .evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);
