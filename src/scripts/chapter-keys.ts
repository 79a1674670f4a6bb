/**
 * ← and → go to the previous and next chapter (the `rel="prev"`/`rel="next"` links), as in
 * book readers. Ignored while typing, with a modifier held (browser shortcuts), when another
 * handler already took the key, while focus is in a menu or panel that uses the arrows itself
 * (anything marked `data-no-chapter-keys`, such as the chapter menu and the reading settings), and
 * while such a menu or panel is open. In a right-to-left story the arrows follow the reading direction.
 */
const TYPING = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';
const OWNS_ARROWS = `${TYPING}, [data-no-chapter-keys], [role="menu"], [role="menubar"], [role="listbox"], [role="dialog"]`;
/** An open menu or panel: a marked disclosure, or a marked container whose button is expanded. */
const OPEN_MENU = 'details[data-no-chapter-keys][open], [data-no-chapter-keys] [aria-expanded="true"], [data-no-chapter-keys][aria-expanded="true"], dialog[open]';

document.addEventListener('keydown', (event) => {
  if (event.defaultPrevented || event.isComposing || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
  if (event.target instanceof Element && event.target.closest(OWNS_ARROWS)) return;
  if (document.querySelector(OPEN_MENU)) return;
  // The story's direction, which its text carries (the page around it is in the site's).
  const rtl = getComputedStyle(document.querySelector('.chapter-text') ?? document.documentElement).direction === 'rtl';
  const forward = (event.key === 'ArrowRight') !== rtl;
  const link = document.querySelector<HTMLLinkElement>(`link[rel="${forward ? 'next' : 'prev'}"]`);
  if (!link) return;
  event.preventDefault();
  window.location.href = link.href;
});
