import { paragraphId, paragraphNumber } from '../lib/urls';
import { paragraphAt, PASSAGE_TEXT } from './paragraphs';

/* What the passage-link button does: passage-links.ts puts the button on the page and loads this when a reader first needs it. */
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
  const text = paragraph?.closest<HTMLElement>(PASSAGE_TEXT);
  if (!paragraph || !text) return undefined;
  const number = paragraphNumber(paragraph.id.slice((text.dataset.passagePrefix ?? '').length));
  return number === undefined ? undefined : { paragraph, text, number };
}

/**
 * Gives the button its behaviour; returns what to do with the event that asked for it (the
 * reader's first pointing, tap, focus or press), which came before these listeners.
 */
export function setUp(button: HTMLButtonElement, texts: HTMLElement[]): (event: Event) => void {
  const status = document.createElement('p');
  status.className = 'toast passage-status';
  status.setAttribute('aria-live', 'polite');
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

  const pointedAt = (event: Event): void => {
    const passage = passageOf(event.target as Element);
    if (passage && passage.paragraph !== current?.paragraph) place(passage);
  };
  // A tap (or click) that selects nothing shows the button for that paragraph.
  const tapped = (event: Event): void => {
    if (!window.getSelection()?.isCollapsed) return;
    const passage = passageOf(event.target as Element);
    if (passage) place(passage);
  };
  const focused = (): void => {
    const passage = current && isOnScreen(current.paragraph) ? current : firstOnScreen();
    if (passage) place(passage);
  };
  const pressed = (): void => {
    if (current) void copy(current);
  };
  for (const text of texts) {
    text.addEventListener('mouseover', pointedAt);
    text.addEventListener('mouseleave', (event) => {
      if (event.relatedTarget !== button) hide();
    });
    text.addEventListener('click', tapped);
  }
  button.addEventListener('mouseleave', (event) => {
    if (!(event.relatedTarget instanceof Node && texts.some((t) => t.contains(event.relatedTarget as Node)))) hide();
  });
  button.addEventListener('focus', focused);
  button.addEventListener('blur', () => button.classList.remove('is-shown'));
  button.addEventListener('keydown', (event) => {
    if (!current || (event.key !== 'ArrowDown' && event.key !== 'ArrowUp')) return;
    event.preventDefault();
    const passage = step(current, event.key === 'ArrowDown' ? 1 : -1);
    if (!passage) return;
    passage.paragraph.scrollIntoView({ block: 'nearest' });
    place(passage);
  });
  button.addEventListener('click', pressed);
  // A new text size or window width moves the paragraphs: hide rather than point at the wrong one.
  // Not on the observer's first report, of the sizes as they are, which comes after the first event is handled.
  let measured = false;
  const reflow = new ResizeObserver(() => {
    if (measured) hide();
    measured = true;
  });
  for (const text of texts) reflow.observe(text);
  return (event) => {
    if (event.target === button) {
      if (event.type === 'click') pressed();
      else if (document.activeElement === button) focused();
    } else if (event.type === 'mouseover') pointedAt(event);
    else tapped(event);
  };
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
