import type { applySettings, SettingDefinition, syncBrowserColours } from '../../lib/settings';

/**
 * The inline settings script, first in `<body>`: marks the document as scripted (so the controls
 * show) and applies every stored setting before first paint, with the very functions the settings
 * panel uses (passed in, embedded as their source); then applies them again whenever another tab
 * changes them (the `storage` event), on every page, panel or not. When the reader chose the
 * legible font, it starts loading it at once, so the swap comes as early as possible. It must never
 * throw (storage may be denied). Self-contained: see `inlineScript`.
 *
 * @param themeAttribute Present on `<html>` when the reader chose a theme.
 * @param fontAttribute Carries the chosen font; `legible` starts loading `legibleFont` (a CSS font shorthand).
 */
export function settingsScript(
  apply: typeof applySettings,
  syncColours: typeof syncBrowserColours,
  settings: readonly SettingDefinition[],
  themeAttribute: string,
  fontAttribute: string,
  legibleFont: string,
): void {
  const doc = document;
  const root = doc.documentElement;
  root.classList.add('js');
  /** Applies the stored settings; true when a theme is chosen. */
  const applyStored = (): boolean => {
    const stored: Record<string, string | null> = {};
    for (const setting of settings) {
      try {
        stored[setting.key] = localStorage.getItem(setting.key);
      } catch {
        // Storage denied: this setting keeps its default.
      }
    }
    apply(doc, settings, stored);
    return root.hasAttribute(themeAttribute);
  };
  if (applyStored()) syncColours(doc, true);
  addEventListener('storage', (event) => {
    if (event.key === null || settings.some((setting) => setting.key === event.key)) syncColours(doc, applyStored());
  });
  if (root.getAttribute(fontAttribute) === 'legible') doc.fonts?.load(legibleFont).catch(() => {});
}
