import { formatCount } from './words';

/** An adult's silent reading speed for fiction, in words a minute (studies put it at 200–260). */
export const WORDS_PER_MINUTE = 230;

/** Whole minutes to read `words`, at least one for any text, none for no text. */
export const readingMinutes = (words: number): number => (words > 0 ? Math.max(1, Math.round(words / WORDS_PER_MINUTE)) : 0);

/** "12 min read, 2,840 words", with numbers in the reader's language; "No text yet" for an empty chapter. */
export function describeLength(words: number, locale = 'en'): string {
  if (words === 0) return 'No text yet';
  const wordCount = `${formatCount(words, locale)} ${words === 1 ? 'word' : 'words'}`;
  return `${formatCount(readingMinutes(words), locale)} min read, ${wordCount}`;
}
