import { applySettings, DEFAULT_TEXT_SIZE, parseTextSize, SETTINGS, TEXT_SIZE_KEY, TEXT_SIZE_STEPS } from '../lib/settings';
import { readSetting, writeSetting } from './storage';

/** Applies a text size to the whole document (the reading text scales with `--text-scale`). */
function applyTextSize(size: number): void {
  applySettings(document, [SETTINGS.textSize], { [TEXT_SIZE_KEY]: String(size) });
}

/** The "− Text size +" control: enhances the server-rendered buttons. */
class TextSizeControl extends HTMLElement {
  #size = DEFAULT_TEXT_SIZE;

  connectedCallback(): void {
    this.#size = parseTextSize(readSetting(TEXT_SIZE_KEY));
    this.addEventListener('click', this.#onClick);
    window.addEventListener('storage', this.#onStorage);
    this.#render();
  }

  disconnectedCallback(): void {
    this.removeEventListener('click', this.#onClick);
    window.removeEventListener('storage', this.#onStorage);
  }

  #onClick = (event: Event): void => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
    if (!button || button.getAttribute('aria-disabled') === 'true') return;
    const index = TEXT_SIZE_STEPS.indexOf(this.#size as (typeof TEXT_SIZE_STEPS)[number]);
    const steps: Record<string, number | undefined> = {
      decrease: TEXT_SIZE_STEPS[index - 1],
      increase: TEXT_SIZE_STEPS[index + 1],
      reset: DEFAULT_TEXT_SIZE,
    };
    const size = steps[button.dataset.action ?? ''];
    if (size === undefined) return;
    this.#size = size;
    writeSetting(TEXT_SIZE_KEY, String(size));
    applyTextSize(size);
    this.#render();
  };

  /** Another tab changed the size (or cleared every setting): show it (the settings script applies it to the page). */
  #onStorage = (event: StorageEvent): void => {
    if (event.key !== TEXT_SIZE_KEY && event.key !== null) return;
    this.#size = parseTextSize(event.newValue);
    this.#render();
  };

  #render(): void {
    const output = this.querySelector('output');
    if (output) output.textContent = `${this.#size}%`;
    const disabled: Record<string, boolean> = {
      decrease: this.#size === TEXT_SIZE_STEPS[0],
      increase: this.#size === TEXT_SIZE_STEPS[TEXT_SIZE_STEPS.length - 1],
      reset: this.#size === DEFAULT_TEXT_SIZE,
    };
    // aria-disabled rather than disabled, so a button keeps keyboard focus at the end of the range.
    for (const button of this.querySelectorAll<HTMLButtonElement>('button[data-action]')) {
      button.setAttribute('aria-disabled', String(disabled[button.dataset.action ?? ''] ?? false));
    }
  }
}

customElements.define('quire-text-size', TextSizeControl);
