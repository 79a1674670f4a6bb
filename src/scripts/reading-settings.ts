import { readingSettingsUrl } from '../lib/urls';
import type { ReadingSettingsPanel } from './reading-settings-panel';

const PANEL_ID = 'reading-settings-panel';
const PANEL_ELEMENT = 'quire-settings-panel';

/** Resolves when `link` has loaded, rejects if it cannot. */
const loaded = (link: HTMLLinkElement): Promise<unknown> =>
  new Promise((resolve, reject) => {
    link.addEventListener('load', resolve);
    link.addEventListener('error', reject);
  });

/**
 * The element `id` of the page at `url`, with what it needs to work here: that page's stylesheets
 * and module scripts this page does not have yet (a module already loaded is not run again). Taken
 * whole from the built page, so nothing here knows the panel's files, and nothing is in the
 * chapter page until a reader asks for it.
 */
async function elementFrom(url: string, id: string): Promise<HTMLElement> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  const page = new DOMParser().parseFromString(await response.text(), 'text/html');
  const element = page.getElementById(id);
  if (!element) throw new Error(`${url} has no #${id}`);
  const base = new URL(url, location.href);
  const absolute = (element: Element, attribute: string) => new URL(element.getAttribute(attribute) ?? '', base).href;
  const have = new Set([...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map((link) => link.href));
  const stylesheets = [...page.querySelectorAll('link[rel="stylesheet"]')]
    .map((link) => absolute(link, 'href'))
    .filter((href) => !have.has(href))
    .map((href) => {
      const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
      document.head.append(link);
      return loaded(link);
    });
  const scripts = [...page.querySelectorAll('script[type="module"][src]')].map((script) => import(/* @vite-ignore */ absolute(script, 'src')));
  await Promise.all([...stylesheets, ...scripts]);
  return document.importNode(element, true);
}

/**
 * The "Aa" button of a work's pages. Its panel is not in the page (a chapter page stays light):
 * the first press, or the pointer or focus reaching the button, takes it from the reading settings
 * page. A press while it loads opens it when it arrives (a second press, or focus moving on, cancels
 * that); if it cannot be loaded, a status line says so and the next press tries again.
 */
class ReadingSettingsButton extends HTMLElement {
  #toggle!: HTMLButtonElement;
  #status!: HTMLElement;
  #panel: ReadingSettingsPanel | undefined;
  #loading: Promise<ReadingSettingsPanel> | undefined;
  #wanted = false;

  connectedCallback(): void {
    this.#toggle = this.querySelector('button')!;
    this.#status = this.querySelector('[role="status"]')!;
    this.#toggle.addEventListener('click', this.#onClick);
    this.#toggle.addEventListener('pointerenter', this.#warm);
    this.#toggle.addEventListener('focus', this.#warm);
  }

  #warm = (): void => {
    this.#load().catch(() => undefined);
  };

  #onClick = (): void => {
    if (this.#panel) {
      this.#panel.setOpen(!this.#panel.isOpen);
      return;
    }
    this.#wanted = !this.#wanted;
    this.#status.textContent = '';
    if (this.#wanted) this.setAttribute('aria-busy', 'true');
    else this.removeAttribute('aria-busy');
    this.#load()
      .then(
        (panel) => {
          // Not if the reader has meanwhile moved on (focus gone elsewhere): it would cover the page unasked.
          const focus = document.activeElement;
          if (this.#wanted && (!focus || focus === document.body || this.contains(focus))) panel.setOpen(true);
        },
        () => {
          if (this.#wanted) this.#status.textContent = this.dataset.unavailable ?? '';
        },
      )
      .finally(() => {
        this.#wanted = false;
        this.removeAttribute('aria-busy');
      });
  };

  #load(): Promise<ReadingSettingsPanel> {
    this.#loading ??= elementFrom(readingSettingsUrl(), PANEL_ID).then(
      async (element) => {
        element.hidden = true;
        this.append(element);
        await customElements.whenDefined(PANEL_ELEMENT);
        this.#toggle.setAttribute('aria-controls', PANEL_ID);
        this.#panel = element as ReadingSettingsPanel;
        return this.#panel;
      },
      (error: unknown) => {
        this.#loading = undefined;
        throw error;
      },
    );
    return this.#loading;
  }
}

customElements.define('quire-reading-settings', ReadingSettingsButton);
