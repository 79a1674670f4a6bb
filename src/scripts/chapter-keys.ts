/**
 * ← and → go to the previous and next chapter (the `rel="prev"`/`rel="next"` links), as in
 * book readers. Ignored while typing, with a modifier held (browser shortcuts), or when another
 * handler already took the key. In a right-to-left story the arrows follow the reading direction.
 */
const TYPING = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';

document.addEventListener('keydown', (event) => {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
  if (event.target instanceof Element && event.target.closest(TYPING)) return;
  const rtl = getComputedStyle(document.querySelector('article') ?? document.documentElement).direction === 'rtl';
  const forward = (event.key === 'ArrowRight') !== rtl;
  const link = document.querySelector<HTMLLinkElement>(`link[rel="${forward ? 'next' : 'prev'}"]`);
  if (!link) return;
  event.preventDefault();
  window.location.href = link.href;
});
