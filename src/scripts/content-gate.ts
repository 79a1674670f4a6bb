import { GATE_PASSED, GATE_SKIP_ALL_KEY, gateStoryKey } from '../lib/content-gate';
import { fragmentId } from '../lib/urls';
import { writeSetting } from './storage';

/**
 * The content gate (see src/components/ContentGate.astro): the inline script has already chosen
 * `open` or `passed`; this element moves focus to an open gate and handles its two links.
 */
class ContentGate extends HTMLElement {
  connectedCallback(): void {
    this.addEventListener('click', this.#onClick);
    if (this.dataset.state !== 'open') return;
    const content = this.querySelector<HTMLElement>('.content-gate__content');
    // Continue followed as a plain link (clicked before this script ran, or a link straight to the
    // text) shows the text, but is not taken as a choice to remember.
    if (content && location.hash === `#${content.id}`) {
      this.dataset.state = 'passed';
      return;
    }
    const focusHeading = (): void => this.querySelector<HTMLElement>('.content-gate__heading')?.focus();
    focusHeading();
    // With a link to a passage, the browser's scroll to it at load takes focus away: take it back.
    if (location.hash && document.readyState !== 'complete') {
      window.addEventListener('load', () => document.activeElement === document.body && focusHeading(), { once: true });
    }
  }

  disconnectedCallback(): void {
    this.removeEventListener('click', this.#onClick);
  }

  #onClick = (event: MouseEvent): void => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-action]');
    // Opening a link in a new tab or window keeps its plain meaning.
    if (!link || this.dataset.state !== 'open' || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (link.dataset.action === 'continue') {
      event.preventDefault();
      this.#continue();
    } else if (link.dataset.action === 'back' && document.referrer && history.length > 1) {
      // Arriving from nowhere (a bookmark, a new tab), the link leads to its own address: the story page.
      event.preventDefault();
      history.back();
    }
  };

  #continue(): void {
    writeSetting(gateStoryKey(this.dataset.story ?? ''), GATE_PASSED);
    if (this.querySelector<HTMLInputElement>('input[data-skip-all]')?.checked) writeSetting(GATE_SKIP_ALL_KEY, GATE_PASSED);
    this.dataset.state = 'passed';
    const content = this.querySelector<HTMLElement>('.content-gate__content');
    // A link to a passage (#p-12) lands on it once the text shows; otherwise reading starts at the top.
    const target = location.hash ? document.getElementById(fragmentId(location.hash)) : null;
    const passage = target && target !== content && content?.contains(target) ? target : null;
    content?.focus({ preventScroll: Boolean(passage) });
    passage?.scrollIntoView();
  }
}

customElements.define('quire-content-gate', ContentGate);
