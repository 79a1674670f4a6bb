/** The Share button (see src/components/Share.astro). */

const COPIED = 'Link copied';
const NOT_COPIED = 'Could not copy the link: it is selected below, copy it from there.';

/** The page's canonical address: what a shared link should point to. */
const canonicalUrl = (): string => document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href || location.href;

class ShareControl extends HTMLElement {
  connectedCallback(): void {
    this.querySelector('button')?.addEventListener('click', this.#onClick);
  }

  disconnectedCallback(): void {
    this.querySelector('button')?.removeEventListener('click', this.#onClick);
  }

  #onClick = async (): Promise<void> => {
    const url = canonicalUrl();
    this.#say('');
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title: this.dataset.title ?? document.title, url });
        return;
      } catch (error) {
        // The reader closed the share sheet: nothing to say. Any other failure falls back to copying.
        if (error instanceof DOMException && error.name === 'AbortError') return;
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      this.#say(COPIED);
    } catch {
      this.#showLink(url);
    }
  };

  /** Writes the live region; cleared first, so saying the same thing twice is announced twice. */
  #say(message: string): void {
    const status = this.querySelector('.share__status');
    if (!status) return;
    status.textContent = '';
    if (message) requestAnimationFrame(() => (status.textContent = message));
  }

  /** Copying failed: show the link selected in a field, for the reader to copy. */
  #showLink(url: string): void {
    const fallback = this.querySelector<HTMLElement>('.share__fallback');
    const field = this.querySelector<HTMLInputElement>('.share__url');
    if (!fallback || !field) return;
    field.value = url;
    fallback.hidden = false;
    field.focus();
    field.select();
    this.#say(NOT_COPIED);
  }
}

customElements.define('quire-share', ShareControl);
