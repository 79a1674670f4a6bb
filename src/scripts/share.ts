import shareLink from 'first-use:./share-link';

/**
 * The Share button (see src/components/Share.astro). What it does (share-link.ts) loads on the
 * first press, within the press's user activation, which sharing and copying need.
 */
class ShareControl extends HTMLElement {
  connectedCallback(): void {
    this.querySelector('button')?.addEventListener('click', this.#onClick);
  }

  disconnectedCallback(): void {
    this.querySelector('button')?.removeEventListener('click', this.#onClick);
  }

  #onClick = async (): Promise<void> => {
    const { share } = (await import(/* @vite-ignore */ shareLink)) as typeof import('./share-link');
    await share(this);
  };
}

customElements.define('quire-share', ShareControl);
