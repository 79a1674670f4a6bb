import { applySettings, parseSetting, SETTINGS, syncBrowserColours, type SettingName } from '../lib/settings';
import { readSetting, writeSetting } from './storage';
import './text-size';

/** The settings this panel's own inputs change (text size has its own control inside the panel). */
const PANEL_SETTINGS = ['lineSpacing', 'textWidth', 'theme', 'font', 'publisherStyling'] as const satisfies SettingName[];
const SETTING_BY_KEY = new Map<string, SettingName>(PANEL_SETTINGS.map((name) => [SETTINGS[name].key, name]));

/** Shows one setting's value on the page, and keeps the browser's own colours in step with the theme. */
function show(name: SettingName, value: string): void {
  const setting = SETTINGS[name];
  applySettings(document, [setting], { [setting.key]: value });
  if (name === 'theme') syncBrowserColours(document, value !== setting.defaultValue);
}

/**
 * The reading settings panel (`<quire-settings-panel>`, ReadingSettingsPanel.astro): shows the
 * stored settings and changes them. On the reading settings page it is simply open. Inside the
 * "Aa" button of a work's page (scripts/reading-settings.ts, which loads the panel on first use)
 * it is that button's disclosure: closed on Escape, on a click outside and when focus leaves it,
 * giving focus back to its button.
 */
export class ReadingSettingsPanel extends HTMLElement {
  #opener: { host: HTMLElement; toggle: HTMLButtonElement } | undefined;

  connectedCallback(): void {
    const host = this.closest<HTMLElement>('quire-reading-settings');
    const toggle = host?.querySelector<HTMLButtonElement>('.reading-settings__toggle');
    this.#opener = host && toggle ? { host, toggle } : undefined;
    for (const name of PANEL_SETTINGS) this.#render(name, parseSetting(SETTINGS[name], readSetting(SETTINGS[name].key)));
    this.addEventListener('change', this.#onChange);
    window.addEventListener('storage', this.#onStorage);
    if (!this.#opener) return;
    this.addEventListener('click', this.#onPanelClick);
    this.#opener.host.addEventListener('keydown', this.#onKeydown);
    this.#opener.host.addEventListener('focusout', this.#onFocusOut);
    document.addEventListener('pointerdown', this.#onPointerDown);
  }

  disconnectedCallback(): void {
    window.removeEventListener('storage', this.#onStorage);
    document.removeEventListener('pointerdown', this.#onPointerDown);
  }

  get isOpen(): boolean {
    return !this.hidden;
  }

  setOpen(open: boolean, { returnFocus = false } = {}): void {
    this.hidden = !open;
    this.#opener?.toggle.setAttribute('aria-expanded', String(open));
    if (returnFocus) this.#opener?.toggle.focus();
  }
  #onPanelClick = (event: Event): void => {
    if ((event.target as Element).closest('[data-close]')) this.setOpen(false, { returnFocus: true });
  };

  #onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.isOpen) {
      event.preventDefault();
      this.setOpen(false, { returnFocus: true });
    } else if ((event.key === 'ArrowLeft' || event.key === 'ArrowRight') && !(event.target instanceof HTMLInputElement)) {
      // Arrow keys in the panel belong to it, not to the page's chapter shortcuts.
      event.preventDefault();
    }
  };

  #onPointerDown = (event: PointerEvent): void => {
    const opener = this.#opener!;
    if (!this.isOpen || opener.host.contains(event.target as Node)) return;
    const hadFocus = this.contains(document.activeElement);
    this.setOpen(false);
    if (!hadFocus) return;
    // A click on plain text leaves focus nowhere (once the browser has handled the press): keep the reader's place.
    setTimeout(() => {
      if (document.activeElement === document.body) opener.toggle.focus({ preventScroll: true });
    });
  };

  /** Tabbing out of the panel closes it, so it never covers the text behind the reader's back. */
  #onFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget as Node | null;
    if (this.isOpen && next && !this.#opener!.host.contains(next)) this.setOpen(false);
  };

  #onChange = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const name = SETTING_BY_KEY.get(input.name);
    if (!name) return;
    const setting = SETTINGS[name];
    const value = input.type === 'checkbox' ? (input.checked ? 'on' : 'off') : input.value;
    if (!setting.values.includes(value as never)) return;
    writeSetting(setting.key, value);
    show(name, value);
  };

  /** Another tab changed a setting (or cleared them all): show it (the settings script applies it to the page). */
  #onStorage = (event: StorageEvent): void => {
    const name = event.key === null ? undefined : SETTING_BY_KEY.get(event.key);
    const names = event.key === null ? PANEL_SETTINGS : name ? [name] : [];
    for (const name of names) this.#render(name, parseSetting(SETTINGS[name], event.newValue));
  };

  #render(name: SettingName, value: string): void {
    for (const input of this.querySelectorAll<HTMLInputElement>(`input[name="${SETTINGS[name].key}"]`)) {
      input.checked = input.type === 'checkbox' ? value === 'on' : input.value === value;
    }
  }
}

customElements.define('quire-settings-panel', ReadingSettingsPanel);
