import type { parseReadingPosition } from '../../lib/reading-position';

/**
 * The inline "Continue reading" script, placed right after the elements it fills: each
 * `[data-continue-story]` element (hidden in the markup) is shown, linking to the remembered
 * paragraph, when the reader has a stored position in that story. Running inline, before first
 * paint, it never shifts the layout. It reads positions with `parseReadingPosition` itself (passed
 * in, embedded as its source), and never throws. Self-contained: see `inlineScript`.
 *
 * @param positionPrefix The storage key prefix of reading positions; the story slug follows.
 * @param paragraphIdPrefix Paragraph N's id is this prefix and N.
 */
export function continueReadingScript(positionPrefix: string, paragraphIdPrefix: string, parse: typeof parseReadingPosition): void {
  for (const element of document.querySelectorAll<HTMLElement>('[data-continue-story]')) {
    try {
      const position = parse(localStorage.getItem(positionPrefix + element.dataset.continueStory));
      const link = element.querySelector('a');
      const number = element.querySelector('[data-chapter-number]');
      const storyUrl = element.dataset.storyUrl;
      if (link && number && position && storyUrl !== undefined && position.url.startsWith(storyUrl)) {
        link.href = position.url + (position.paragraph > 0 ? `#${paragraphIdPrefix}${position.paragraph}` : '');
        number.textContent = String(position.number);
        element.hidden = false;
      }
    } catch {
      // Storage denied: no link here; the next element may still get one.
    }
  }
}
