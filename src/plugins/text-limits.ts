import { MAX_REFERENCES_PER_PARAGRAPH, MAX_WORD_LENGTH } from '../schemas';

/**
 * What makes a text too costly to render, found in one pass before the renderer sees it (see
 * MAX_WORD_LENGTH in schemas.ts); nothing for any text a person writes.
 */
export function textLimitProblem(markdown: string): string | undefined {
  let word = 0;
  let references = 0;
  let blankLine = true;
  for (let i = 0; i < markdown.length; i++) {
    const code = markdown.charCodeAt(i);
    if (code === 10) {
      // A blank line ends the paragraph.
      if (blankLine) references = 0;
      blankLine = true;
      word = 0;
      continue;
    }
    if (code === 32 || code === 9 || code === 13) {
      word = 0;
      continue;
    }
    blankLine = false;
    if (++word > MAX_WORD_LENGTH) return `has a word of more than ${MAX_WORD_LENGTH.toLocaleString('en')} characters without a space; break it up`;
    if (code === 38 && /^&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/.test(markdown.slice(i, i + 34)) && ++references > MAX_REFERENCES_PER_PARAGRAPH) {
      return `has a paragraph with more than ${MAX_REFERENCES_PER_PARAGRAPH.toLocaleString('en')} character references such as &amp;; write the characters themselves`;
    }
  }
  return undefined;
}
