/**
 * Enhances the chapter menu (a <details> disclosure): Escape closes it and returns focus to its
 * button, a click or focus outside closes it, and opening it shows the current chapter.
 */
class ChapterJump extends HTMLElement {
  connectedCallback(): void {
    const details = this.querySelector('details');
    const summary = details?.querySelector('summary');
    if (!details || !summary) return;
    details.addEventListener('toggle', () => {
      if (!details.open) return;
      const current = details.querySelector<HTMLElement>('[aria-current="page"]');
      const list = current?.closest<HTMLElement>('ol');
      if (current && list) list.scrollTop = current.offsetTop - list.offsetTop - list.clientHeight / 2;
    });
    details.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || !details.open) return;
      details.open = false;
      summary.focus();
    });
    const closeOutside = (event: Event): void => {
      if (details.open && event.target instanceof Node && !details.contains(event.target)) details.open = false;
    };
    document.addEventListener('click', closeOutside);
    document.addEventListener('focusin', closeOutside);
  }
}

customElements.define('quire-chapter-jump', ChapterJump);
