/**
 * Reader settings: the one place their storage keys, allowed values and defaults live. The inline
 * settings script, the settings panel, the stylesheets' selectors and the tests all derive from these.
 *
 * Each setting is stored under its key as one of its values, and shown on `<html>` as its attribute
 * (absent for the default, so a page without JavaScript looks exactly like the defaults).
 */

export interface SettingDefinition {
  /** localStorage key. */
  readonly key: string;
  /** Attribute on `<html>` that carries a non-default value, for the stylesheets. */
  readonly attribute: string;
  readonly values: readonly string[];
  readonly defaultValue: string;
  /** For numeric percent settings: a custom property on `<html>` set to value / 100. */
  readonly scaleProperty?: string;
}

/** Text size steps, in percent of the default reading size (which is rem-based). */
export const TEXT_SIZE_STEPS = [80, 90, 100, 110, 120, 135, 150, 175, 200] as const;
export const DEFAULT_TEXT_SIZE = 100;
export const TEXT_SIZE_KEY = 'quire:text-size';
/** CSS custom property holding the reading-text scale factor (1 = default). */
export const TEXT_SCALE_PROPERTY = '--text-scale';

export const SETTINGS = {
  textSize: {
    key: TEXT_SIZE_KEY,
    attribute: 'data-text-size',
    values: TEXT_SIZE_STEPS.map(String),
    defaultValue: String(DEFAULT_TEXT_SIZE),
    scaleProperty: TEXT_SCALE_PROPERTY,
  },
  lineSpacing: {
    key: 'quire:line-spacing',
    attribute: 'data-line-spacing',
    values: ['tight', 'normal', 'relaxed', 'loose'],
    defaultValue: 'normal',
  },
  textWidth: {
    key: 'quire:text-width',
    attribute: 'data-text-width',
    values: ['narrow', 'medium', 'wide'],
    defaultValue: 'medium',
  },
  /** `system` follows `prefers-color-scheme`. */
  theme: {
    key: 'quire:theme',
    attribute: 'data-theme',
    values: ['system', 'light', 'sepia', 'dark'],
    defaultValue: 'system',
  },
  /** `book` is the serif reading face; `legible` is Atkinson Hyperlegible, for dyslexic and low-vision readers. */
  font: {
    key: 'quire:font',
    attribute: 'data-font',
    values: ['book', 'sans', 'legible'],
    defaultValue: 'book',
  },
  /** `off` strips the author's inline presentation (centring, underlines, small print) from story text. */
  publisherStyling: {
    key: 'quire:publisher-styling',
    attribute: 'data-publisher-styling',
    values: ['on', 'off'],
    defaultValue: 'on',
  },
} as const satisfies Record<string, SettingDefinition>;

/** The legible font's family name, as its self-hosted `@font-face` rules (and tokens.css) call it. */
export const LEGIBLE_FONT_FAMILY = 'Atkinson Hyperlegible';

export type SettingName = keyof typeof SETTINGS;
/** The settings as a list, in the order the panel shows them. */
export const SETTING_LIST: readonly SettingDefinition[] = Object.values(SETTINGS);

/** The value a stored string stands for: one of the setting's values, else its default. */
export function parseSetting(setting: SettingDefinition, stored: unknown): string {
  return typeof stored === 'string' && setting.values.includes(stored) ? stored : setting.defaultValue;
}

/** The text size a stored value stands for: one of the steps, else the default. */
export function parseTextSize(value: unknown): number {
  return Number(parseSetting(SETTINGS.textSize, value));
}

/**
 * Shows settings on the document: sets (or, for defaults and unknown values, removes) each one's
 * attribute on `<html>`, and its custom property. Self-contained on purpose: the inline pre-paint
 * script (src/scripts/inline/settings.ts) embeds this function's own source, so it may use only its
 * arguments and browser globals.
 */
export function applySettings(
  doc: Document,
  settings: readonly SettingDefinition[],
  stored: Readonly<Record<string, string | null | undefined>>,
): void {
  const root = doc.documentElement;
  for (const setting of settings) {
    const raw = stored[setting.key];
    const value = typeof raw === 'string' && setting.values.includes(raw) ? raw : setting.defaultValue;
    const isDefault = value === setting.defaultValue;
    if (isDefault) root.removeAttribute(setting.attribute);
    else root.setAttribute(setting.attribute, value);
    if (setting.scaleProperty) {
      if (isDefault) root.style.removeProperty(setting.scaleProperty);
      else root.style.setProperty(setting.scaleProperty, String(Number(value) / 100));
    }
  }
}

/**
 * Keeps the browser's own colours (address bar `theme-color`, `color-scheme` of the canvas and form
 * controls) in step with a chosen theme, read from the page's computed colours so they are defined
 * once, in tokens.css. With no chosen theme the server-rendered, media-dependent values come back.
 * Self-contained, like `applySettings`: it runs in the pre-paint script too.
 */
export function syncBrowserColours(doc: Document, themed: boolean): void {
  const metas = doc.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"], meta[name="color-scheme"]');
  for (const meta of metas) {
    meta.dataset.systemValue ??= meta.content;
    if (!themed) meta.content = meta.dataset.systemValue;
    else if (meta.name === 'color-scheme') meta.content = getComputedStyle(doc.documentElement).colorScheme;
    else meta.content = getComputedStyle(doc.body).backgroundColor;
  }
}
