/** A word: letters or digits, with inner apostrophes or hyphens (don't, well-known). */
const WORD = /[\p{L}\p{N}]+(?:['’\-‐][\p{L}\p{N}]+)*/gu;

/** Ideographic and syllabic scripts are counted per character, as archives count them. */
const CHARACTER_COUNTED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;

/** Number of words in plain text. */
export function countWords(text: string): number {
  let count = 0;
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    count += CHARACTER_COUNTED.test(word) ? [...word].length : 1;
  }
  return count;
}

/** "12,345" in the reader's language. */
export const formatCount = (n: number, locale = 'en'): string => new Intl.NumberFormat(locale).format(n);
