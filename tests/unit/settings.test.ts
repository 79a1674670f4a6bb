import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  applySettings,
  DEFAULT_TEXT_SIZE,
  LEGIBLE_FONT_FAMILY,
  parseSetting,
  parseTextSize,
  SETTING_LIST,
  SETTINGS,
  TEXT_SCALE_PROPERTY,
  TEXT_SIZE_KEY,
  TEXT_SIZE_STEPS,
  syncBrowserColours,
} from '../../src/lib/settings';
import { INLINE_SCRIPTS } from '../../src/build/inline-scripts';

const { code: settingsScript, hash: settingsScriptHash } = INLINE_SCRIPTS.settings;

const css = (file: string) => readFileSync(new URL(`../../src/styles/${file}`, import.meta.url), 'utf8');

/** Just enough of a document for the settings functions: `<html>`, `<body>` and the colour metas. */
function fakeDocument(backgroundColor = 'rgb(244, 236, 216)') {
  const attributes = new Map<string, string>();
  const properties = new Map<string, string>();
  const classes = new Set<string>();
  const metas = [
    { name: 'color-scheme', content: 'light dark', dataset: {} as Record<string, string> },
    { name: 'theme-color', content: '#fbf8f3', dataset: {} as Record<string, string> },
  ];
  const fontLoads: string[] = [];
  const root = {
    classList: { add: (name: string) => classes.add(name) },
    setAttribute: (name: string, value: string) => attributes.set(name, value),
    removeAttribute: (name: string) => attributes.delete(name),
    hasAttribute: (name: string) => attributes.has(name),
    getAttribute: (name: string) => attributes.get(name) ?? null,
    style: {
      setProperty: (name: string, value: string) => properties.set(name, value),
      removeProperty: (name: string) => properties.delete(name),
    },
  };
  const body = {};
  const doc = {
    documentElement: root,
    body,
    querySelectorAll: () => metas,
    fonts: { load: (font: string) => (fontLoads.push(font), Promise.resolve([])) },
  };
  const getComputedStyle = (element: unknown) =>
    element === root ? { colorScheme: attributes.get('data-theme') === 'dark' ? 'dark' : 'light' } : { backgroundColor };
  return { doc, attributes, properties, classes, metas, fontLoads, getComputedStyle };
}

/** Runs the inline script as the browser would, with the given storage (a Map can change afterwards, as another tab would). */
function runScript(storage: Record<string, string> | Map<string, string> | 'throws') {
  const page = fakeDocument();
  const localStorage = {
    getItem(key: string) {
      if (storage === 'throws') throw new Error('SecurityError');
      return (storage instanceof Map ? storage.get(key) : storage[key]) ?? null;
    },
  };
  const listeners: Record<string, (event: { key: string | null }) => void> = {};
  const addEventListener = (type: string, listener: (event: { key: string | null }) => void) => (listeners[type] = listener);
  new Function('document', 'localStorage', 'getComputedStyle', 'addEventListener', settingsScript)(
    page.doc,
    localStorage,
    page.getComputedStyle,
    addEventListener,
  );
  /** Another tab changes the stored settings: the `storage` event the page gets. */
  const storageChanged = (key: string | null) => listeners.storage?.({ key });
  return { ...page, storageChanged };
}

describe('setting definitions', () => {
  it('give every setting a unique key and attribute, and a default among its values', () => {
    expect(new Set(SETTING_LIST.map((s) => s.key)).size).toBe(SETTING_LIST.length);
    expect(new Set(SETTING_LIST.map((s) => s.attribute)).size).toBe(SETTING_LIST.length);
    for (const setting of SETTING_LIST) {
      expect(setting.key).toMatch(/^quire:[a-z-]+$/);
      expect(setting.attribute).toMatch(/^data-[a-z-]+$/);
      expect(setting.values).toContain(setting.defaultValue);
      expect(new Set(setting.values).size).toBe(setting.values.length);
    }
  });

  it('offer what readers asked for', () => {
    expect(SETTINGS.lineSpacing.values.length).toBeGreaterThanOrEqual(3);
    expect(SETTINGS.textWidth.values).toEqual(['narrow', 'medium', 'wide']);
    expect(SETTINGS.theme.values).toEqual(['system', 'light', 'sepia', 'dark']);
    expect(SETTINGS.theme.defaultValue).toBe('system');
    expect(SETTINGS.font.values).toEqual(['book', 'sans', 'legible']);
    expect(SETTINGS.publisherStyling.defaultValue).toBe('on');
    expect(TEXT_SIZE_STEPS[0]).toBe(80);
    expect(TEXT_SIZE_STEPS.at(-1)).toBe(200);
    expect(SETTINGS.textSize.values).toEqual(TEXT_SIZE_STEPS.map(String));
    expect(SETTINGS.textSize.key).toBe(TEXT_SIZE_KEY);
  });

  it('have a stylesheet rule for every value but the default, and none for unknown values', () => {
    const styles = css('tokens.css') + css('prose.css');
    for (const setting of SETTING_LIST.filter((s) => !s.scaleProperty)) {
      for (const value of setting.values) {
        const selector = `:root[${setting.attribute}='${value}']`;
        expect(styles.includes(selector), `${selector} in the stylesheets`).toBe(value !== setting.defaultValue);
      }
    }
    const attributes = [...styles.matchAll(/:root\[(data-[a-z-]+)='([a-z-]+)'\]/g)].map((m) => [m[1], m[2]]);
    for (const [attribute, value] of attributes) {
      expect(SETTING_LIST.find((s) => s.attribute === attribute)?.values, `${attribute}=${value}`).toContain(value);
    }
  });

  it('name the legible font as its self-hosted faces do', () => {
    expect(css('tokens.css')).toContain(`'${LEGIBLE_FONT_FAMILY}'`);
    const faces = readFileSync(new URL('../../node_modules/@fontsource/atkinson-hyperlegible/400.css', import.meta.url), 'utf8');
    expect(faces).toContain(`font-family: '${LEGIBLE_FONT_FAMILY}'`);
    expect(faces).toContain('font-display: swap');
  });
});

describe('parseSetting and parseTextSize', () => {
  it('accept only allowed values, and fall back to the default', () => {
    expect(parseSetting(SETTINGS.theme, 'sepia')).toBe('sepia');
    expect(parseSetting(SETTINGS.theme, 'SEPIA')).toBe('system');
    expect(parseSetting(SETTINGS.theme, null)).toBe('system');
    expect(parseSetting(SETTINGS.font, 42)).toBe('book');
    expect(parseTextSize('150')).toBe(150);
    expect(parseTextSize('151')).toBe(DEFAULT_TEXT_SIZE);
    expect(parseTextSize('1e2')).toBe(DEFAULT_TEXT_SIZE);
    expect(parseTextSize(undefined)).toBe(DEFAULT_TEXT_SIZE);
  });
});

describe('applySettings', () => {
  it('sets attributes and the text scale for chosen values, and removes them for defaults', () => {
    const page = fakeDocument();
    const doc = page.doc as unknown as Document;
    applySettings(doc, SETTING_LIST, { [TEXT_SIZE_KEY]: '150', 'quire:theme': 'dark', 'quire:font': 'nonsense' });
    expect(page.attributes.get('data-text-size')).toBe('150');
    expect(page.properties.get(TEXT_SCALE_PROPERTY)).toBe('1.5');
    expect(page.attributes.get('data-theme')).toBe('dark');
    expect(page.attributes.has('data-font')).toBe(false);
    applySettings(doc, [SETTINGS.textSize, SETTINGS.theme], { [TEXT_SIZE_KEY]: '100', 'quire:theme': 'system' });
    expect(page.attributes.size).toBe(0);
    expect(page.properties.size).toBe(0);
  });
});

describe('syncBrowserColours', () => {
  it('takes the chosen theme’s colours, and gives the media-dependent ones back for system', () => {
    const page = fakeDocument('rgb(27, 26, 24)');
    page.attributes.set('data-theme', 'dark');
    const getComputedStyle = globalThis.getComputedStyle;
    globalThis.getComputedStyle = page.getComputedStyle as unknown as typeof globalThis.getComputedStyle;
    try {
      syncBrowserColours(page.doc as unknown as Document, true);
      expect(page.metas.map((m) => m.content)).toEqual(['dark', 'rgb(27, 26, 24)']);
      syncBrowserColours(page.doc as unknown as Document, false);
      expect(page.metas.map((m) => m.content)).toEqual(['light dark', '#fbf8f3']);
    } finally {
      globalThis.getComputedStyle = getComputedStyle;
    }
  });
});

describe('the inline settings script', () => {
  it('applies every stored setting before first paint', () => {
    const page = runScript({
      [TEXT_SIZE_KEY]: '175',
      'quire:line-spacing': 'loose',
      'quire:text-width': 'narrow',
      'quire:theme': 'sepia',
      'quire:font': 'legible',
      'quire:publisher-styling': 'off',
    });
    expect(page.classes.has('js')).toBe(true);
    expect(Object.fromEntries(page.attributes)).toEqual({
      'data-text-size': '175',
      'data-line-spacing': 'loose',
      'data-text-width': 'narrow',
      'data-theme': 'sepia',
      'data-font': 'legible',
      'data-publisher-styling': 'off',
    });
    expect(page.properties.get(TEXT_SCALE_PROPERTY)).toBe('1.75');
    // The browser's colours follow the chosen theme; the legible font starts loading at once.
    expect(page.metas.map((m) => m.content)).toEqual(['light', 'rgb(244, 236, 216)']);
    expect(page.fontLoads).toEqual([`1em "${LEGIBLE_FONT_FAMILY}"`]);
  });

  it('leaves the defaults (and the media-dependent colours) alone, and ignores unknown values', () => {
    const page = runScript({ [TEXT_SIZE_KEY]: '1000', 'quire:theme': 'neon', 'quire:font': 'book' });
    expect(page.classes.has('js')).toBe(true);
    expect(page.attributes.size).toBe(0);
    expect(page.properties.size).toBe(0);
    expect(page.metas.map((m) => m.content)).toEqual(['light dark', '#fbf8f3']);
    expect(page.fontLoads).toEqual([]);
  });

  it('applies settings again when another tab changes or clears them, and only then', () => {
    const storage = new Map<string, string>();
    const page = runScript(storage);
    storage.set('quire:theme', 'dark').set(TEXT_SIZE_KEY, '150');
    page.storageChanged('unrelated-key');
    expect(page.attributes.size).toBe(0);
    page.storageChanged('quire:theme');
    expect(Object.fromEntries(page.attributes)).toEqual({ 'data-theme': 'dark', 'data-text-size': '150' });
    expect(page.metas[0]?.content).toBe('dark');
    storage.clear();
    page.storageChanged(null);
    expect(page.attributes.size).toBe(0);
    expect(page.properties.size).toBe(0);
    expect(page.metas.map((m) => m.content)).toEqual(['light dark', '#fbf8f3']);
  });

  it('never throws when storage is denied', () => {
    const page = runScript('throws');
    expect(page.classes.has('js')).toBe(true);
    expect(page.attributes.size).toBe(0);
  });

  it('is hashed for the Content Security Policy', () => {
    expect(settingsScriptHash).toMatch(/^sha256-[A-Za-z0-9+/]{43}=$/);
    expect(settingsScript).not.toContain('</script');
  });
});
