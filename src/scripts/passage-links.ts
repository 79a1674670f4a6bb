import buttonModule from 'first-use:./passage-link-button';
import { PASSAGE_TEXT } from './paragraphs';

/**
 * Passage links: one shared "copy link" button, placed beside whichever paragraph the reader
 * points at, taps, or picks with the keyboard, so a chapter of any length gains one element, not
 * one per paragraph. It copies the absolute chapter URL with `#p-N`, and a status line says
 * "Link copied" (visibly, and to screen readers). Nothing here cancels a pointer or selection
 * event, so selecting and copying text work as ever.
 *
 * Chapter texts are marked `data-passage-url` (the chapter's path); on the whole-work page their
 * ids carry a prefix, `data-passage-prefix`, which the copied link drops.
 *
 * This module only puts the button in place, where Tab reaches it; what it does
 * (passage-link-button.ts) loads when the reader first points at a paragraph, taps one, or reaches
 * or presses the button, and then handles that first event. Readers who never link pay nothing for it.
 */
const texts = [...document.querySelectorAll<HTMLElement>(PASSAGE_TEXT)];
if (texts.length > 0) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'passage-link';
  button.textContent = '¶';
  button.dataset.noChapterKeys = '';
  button.setAttribute('aria-label', 'Copy link to this paragraph');
  button.setAttribute('aria-keyshortcuts', 'ArrowUp ArrowDown');
  button.title = 'Copy link to this paragraph (↑ and ↓ choose another)';
  // In reading order just before the first text, so Tab reaches it there.
  texts[0]!.before(button);
  const firstUse = new AbortController();
  const options = { signal: firstUse.signal };
  const load = (event: Event): void => {
    firstUse.abort();
    void (import(/* @vite-ignore */ buttonModule) as Promise<typeof import('./passage-link-button')>).then(({ setUp }) => setUp(button, texts)(event));
  };
  for (const text of texts) {
    text.addEventListener('mouseover', load, options);
    text.addEventListener('click', load, options);
  }
  button.addEventListener('focus', load, options);
  button.addEventListener('click', load, options);
}
