import { paragraphId, paragraphNumber } from '../lib/urls';
import { paragraphAt } from './paragraphs';

/**
 * Passage links: one shared "copy link" button, placed beside whichever paragraph the reader
 * points at, taps, or picks with the keyboard, so a chapter of any length gains one element, not
 * one per paragraph. It copies the absolute chapter URL with `#p-N`, and a status line says
 * "Link copied" (visibly, and to screen readers). Nothing here cancels a pointer or selection
 * event, so selecting and copying text work as ever.
 *
 * Chapter texts are marked `data-passage-url` (the chapter's path); on the whole-work page their
 * ids carry a prefix, `data-passage-prefix`, which the copied link drops.
 */
const TEXT = '[data-passage-url]';
const GAP = 6;
const COPIED_FOR_MS = 2500;

interface Passage {
  paragraph: HTMLElement;
  text: HTMLElement;
  number: number;
}

/** The passage a paragraph element is, if it is one of a chapter text's numbered paragraphs. */
function passageOf(element: Element | null): Passage | undefined {
  const paragraph = element?.closest<HTMLElement>('p[id]');
  const text = paragraph?.closest<HTMLElement>(TEXT);
  if (!paragraph || !text) return undefined;
  const number = paragraphNumber(paragraph.id.slice((text.dataset.passagePrefix ?? '').length));
  return number === undefined ? undefined : { paragraph, text, number };
}

const texts = [...document.querySelectorAll<HTMLElement>(TEXT)];
if (texts.length > 0) setUp(texts);

function setUp(texts: HTMLElement[]): void {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'passage-link';
  button.textContent = '¶';
  button.dataset.noChapterKeys = '';
  button.setAttribute('aria-label', 'Copy link to this paragraph');
  button.setAttribute('aria-keyshortcuts', 'ArrowUp ArrowDown');
  button.title = 'Copy link to this paragraph (↑ and ↓ choose another)';
  const status = document.createElement('p');
  status.className = 'toast passage-status';
  status.setAttribute('aria-live', 'polite');
  // In reading order just before the first text, so Tab reaches it there.
  texts[0]!.before(button);
  document.body.append(status);

  let current: Passage | undefined;
  let clearStatus: number | undefined;

  const place = (passage: Passage): void => {
    current = passage;
    const number = passage.number;
    button.setAttribute('aria-label', `Copy link to paragraph ${number}`);
    const box = passage.paragraph.getBoundingClientRect();
    const origin = (button.offsetParent ?? document.body).getBoundingClientRect();
    const rtl = getComputedStyle(passage.paragraph).direction === 'rtl';
    const size = button.offsetWidth;
    const viewport = document.documentElement.clientWidth;
    const room = rtl ? viewport - box.right : box.left;
    let x: number;
    let y = box.top;
    if (room >= size + 2 * GAP) {
      // Beside the paragraph, in the margin.
      x = rtl ? box.right + GAP : box.left - size - GAP;
    } else {
      // No margin (phones): just above the paragraph's end corner.
      x = rtl ? box.left : box.right - size;
      y = box.top - size;
    }
    x = Math.min(Math.max(0, x), viewport - size);
    // A transform moves it without a layout shift.
    button.style.transform = `translate(${Math.round(x - origin.left)}px, ${Math.round(y - origin.top)}px)`;
    button.classList.add('is-shown');
  };

  const hide = (): void => {
    if (document.activeElement !== button) button.classList.remove('is-shown');
  };

  /** The passage nearest the top of the screen, for a reader arriving by keyboard. */
  const firstOnScreen = (): Passage | undefined => {
    const text = texts.find((t) => t.getBoundingClientRect().bottom > 0) ?? texts[0]!;
    const prefix = text.dataset.passagePrefix ?? '';
    const number = Math.max(1, paragraphAt(window.innerHeight * 0.1, prefix));
    return passageOf(document.getElementById(`${prefix}${paragraphId(number)}`));
  };

  /** The passage before or after, across texts on the whole-work page. Ids run p-1, p-2, ... in order. */
  const step = (from: Passage, by: 1 | -1): Passage | undefined => {
    const prefix = from.text.dataset.passagePrefix ?? '';
    const near = passageOf(document.getElementById(`${prefix}${paragraphId(from.number + by)}`));
    if (near) return near;
    const text = texts[texts.indexOf(from.text) + by];
    if (!text) return undefined;
    const numbered = text.querySelectorAll<HTMLElement>('p[id]');
    return passageOf(by === 1 ? numbered[0] ?? null : numbered[numbered.length - 1] ?? null);
  };

  const announce = (message: string): void => {
    window.clearTimeout(clearStatus);
    status.textContent = message;
    clearStatus = window.setTimeout(() => (status.textContent = ''), COPIED_FOR_MS);
  };

  const copy = async (passage: Passage): Promise<void> => {
    const path = `${passage.text.dataset.passageUrl}#${paragraphId(passage.number)}`;
    const url = new URL(path, window.location.href).href;
    if (await writeClipboard(url)) announce('Link copied');
    else {
      // No clipboard (an insecure origin, a refused permission): leave the link in the address bar.
      history.replaceState(history.state, '', url);
      announce('Could not copy: the link is now in the address bar');
    }
  };

  for (const text of texts) {
    text.addEventListener('mouseover', (event) => {
      const passage = passageOf(event.target as Element);
      if (passage && passage.paragraph !== current?.paragraph) place(passage);
    });
    text.addEventListener('mouseleave', (event) => {
      if (event.relatedTarget !== button) hide();
    });
    // A tap (or click) that selects nothing shows the button for that paragraph.
    text.addEventListener('click', (event) => {
      if (!window.getSelection()?.isCollapsed) return;
      const passage = passageOf(event.target as Element);
      if (passage) place(passage);
    });
  }
  button.addEventListener('mouseleave', (event) => {
    if (!(event.relatedTarget instanceof Node && texts.some((t) => t.contains(event.relatedTarget as Node)))) hide();
  });
  button.addEventListener('focus', () => {
    const passage = current && isOnScreen(current.paragraph) ? current : firstOnScreen();
    if (passage) place(passage);
  });
  button.addEventListener('blur', () => button.classList.remove('is-shown'));
  button.addEventListener('keydown', (event) => {
    if (!current || (event.key !== 'ArrowDown' && event.key !== 'ArrowUp')) return;
    event.preventDefault();
    const passage = step(current, event.key === 'ArrowDown' ? 1 : -1);
    if (!passage) return;
    passage.paragraph.scrollIntoView({ block: 'nearest' });
    place(passage);
  });
  button.addEventListener('click', () => {
    if (current) void copy(current);
  });
  // A new text size or window width moves the paragraphs: hide rather than point at the wrong one.
  const reflow = new ResizeObserver(hide);
  for (const text of texts) reflow.observe(text);
}

function isOnScreen(element: Element): boolean {
  const box = element.getBoundingClientRect();
  return box.bottom > 0 && box.top < window.innerHeight;
}

/** Copies text; false where the Clipboard API is missing (insecure origins) or refused. */
async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
