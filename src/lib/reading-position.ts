/**
 * Where a reader is in a story, remembered per story in localStorage so the site can offer to
 * continue. The one place the storage key and the stored shape are defined.
 */

/** Storage key prefix; the story slug follows. */
export const READING_POSITION_PREFIX = 'quire:position:';

export const readingPositionKey = (story: string): string => `${READING_POSITION_PREFIX}${story}`;

export interface ReadingPosition {
  /** Chapter slug. */
  chapter: string;
  /** 1-based chapter position, for "Chapter N". */
  number: number;
  /** The chapter's path on the site. */
  url: string;
  /** Number N of the paragraph `p-N` nearest the top of the screen; 0 before the first. */
  paragraph: number;
}

/**
 * The position a stored value stands for, or nothing when it is missing or malformed.
 * Self-contained on purpose: the inline "Continue reading" script embeds this function's own
 * source (src/scripts/inline/continue-reading.ts), so it may use only its argument and globals.
 */
export function parseReadingPosition(value: string | null): ReadingPosition | undefined {
  if (value === null) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const { chapter, number, url, paragraph } = data as Record<string, unknown>;
  /** Whole counts: a chapter number from 1, a paragraph number from 0. */
  const isCount = (count: unknown, min: number): count is number => Number.isInteger(count) && (count as number) >= min;
  if (typeof chapter !== 'string' || typeof url !== 'string' || !url.startsWith('/') || !isCount(number, 1) || !isCount(paragraph, 0)) {
    return undefined;
  }
  return { chapter, number, url, paragraph };
}

export const serialiseReadingPosition = (position: ReadingPosition): string =>
  JSON.stringify({ chapter: position.chapter, number: position.number, url: position.url, paragraph: position.paragraph });
