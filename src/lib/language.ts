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
