import { paragraphId } from '../lib/urls';

/**
 * The paragraph at a height on the screen, found by binary search over the paragraph ids (which
 * run p-1, p-2, ... in document order): a dozen id look-ups and box reads, however long the
 * chapter, and no hit testing (which would make the browser paint first).
 */

/** Chapter texts, whose numbered paragraphs are passages: `data-passage-url` is the chapter's path. */
export const PASSAGE_TEXT = '[data-passage-url]';

const paragraph = (prefix: string, n: number): HTMLElement | null => document.getElementById(`${prefix}${paragraphId(n)}`);

/** How many numbered paragraphs a text has: found by doubling, then halving. */
function paragraphCount(prefix: string): number {
  if (!paragraph(prefix, 1)) return 0;
  let high = 1;
  while (paragraph(prefix, high * 2)) high *= 2;
  let low = high;
  high *= 2;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (paragraph(prefix, middle)) low = middle;
    else high = middle;
  }
  return low;
}

const counts = new Map<string, number>();

/**
 * The number of the last paragraph (of the text whose ids carry `prefix`) that starts at or above
 * `y` (a viewport coordinate); 0 when the first starts below it.
 */
export function paragraphAt(y: number, prefix = ''): number {
  const count = counts.get(prefix) ?? paragraphCount(prefix);
  counts.set(prefix, count);
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (paragraph(prefix, middle)!.getBoundingClientRect().top <= y) low = middle;
    else high = middle - 1;
  }
  return low;
}
