/** Scripts written right to left (ISO 15924 codes). */
const RTL_SCRIPTS = new Set([
  'Adlm', 'Arab', 'Aran', 'Armi', 'Avst', 'Hebr', 'Mand', 'Mani', 'Nkoo', 'Phnx',
  'Rohg', 'Samr', 'Syrc', 'Thaa', 'Yezi',
]);

/** The canonical form of a BCP 47 tag, or `undefined` when it is not a valid tag. */
export function canonicalLanguage(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/** Text direction for a valid BCP 47 tag, using its likely script (`ar` → Arab → rtl). */
export function textDirection(tag: string): 'ltr' | 'rtl' {
  const script = new Intl.Locale(tag).maximize().script;
  return script !== undefined && RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
}

/** What a text is written in: a story's language and direction. */
export interface TextLanguage {
  language: string;
  dir: 'ltr' | 'rtl';
}

/**
 * The `lang` and `dir` attributes of an element holding a story's own text (titles, summary,
 * notes, chapter text). Everything else on a page is the site's and inherits `<html lang>`, so
 * these attributes sit only where the language changes.
 */
export function languageAttributes(text: TextLanguage): { lang: string; dir: 'ltr' | 'rtl' } {
  return { lang: text.language, dir: text.dir };
}
