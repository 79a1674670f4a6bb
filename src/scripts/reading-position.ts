import { parseReadingPosition, readingPositionKey, serialiseReadingPosition, type ReadingPosition } from '../lib/reading-position';
import { paragraphId } from '../lib/urls';
import resumePrompt from 'first-use:./resume-prompt';
import { paragraphAt } from './paragraphs';
import { readSetting, writeSetting } from './storage';

/**
 * Remembers where the reader is in a chapter (the paragraph nearest the top of the screen), and,
 * on coming back to a chapter, offers to jump back there (resume-prompt.ts, loaded only then). It never jumps by itself, and offers
 * nothing when the address already points somewhere (`#p-12`) or the browser restores the scroll
 * position (back, forward, reload). Finding the paragraph is a binary search (see paragraphs.ts),
 * run at most twice a second while scrolling.
 */
const SAVE_EVERY_MS = 500;
/** Where on the screen the reader's eyes are taken to be, as a fraction of its height. */
const READING_LINE = 0.2;

class ResumeReading extends HTMLElement {
  #position!: ReadingPosition;
  #text: HTMLElement | null = null;
  #timer: number | undefined;

  connectedCallback(): void {
    const { story = '', chapter = '', url = '' } = this.dataset;
    this.#position = { chapter, number: Number(this.dataset.number), url, paragraph: 0 };
    this.#text = document.getElementById('chapter-text');
    const key = readingPositionKey(story);
    const stored = parseReadingPosition(readSetting(key));
    const here = stored?.chapter === chapter ? stored : undefined;
    if (here) this.#position.paragraph = here.paragraph;
    else this.#save(key);
    if (here && this.#shouldOffer(here.paragraph)) this.#offer(here.paragraph);

    window.addEventListener('scroll', () => this.#schedule(key), { passive: true });
    // A save still waiting when the reader leaves is made now.
    window.addEventListener('pagehide', () => {
      if (this.#timer !== undefined) this.#flush(key);
    });
  }

  #shouldOffer(paragraph: number): boolean {
    if (paragraph < 2 || window.location.hash !== '') return false;
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    if (navigation && navigation.type !== 'navigate') return false;
    // Only when the place is out of sight: a reader near the top has nothing to jump to.
    const target = document.getElementById(paragraphId(paragraph));
    return target !== null && target.getBoundingClientRect().top > window.innerHeight;
  }

  #offer(paragraph: number): void {
    void (import(/* @vite-ignore */ resumePrompt) as Promise<typeof import('./resume-prompt')>).then(({ offer }) => offer(this, paragraph));
  }

  #schedule(key: string): void {
    if (this.#timer !== undefined) return;
    this.#timer = window.setTimeout(() => this.#flush(key), SAVE_EVERY_MS);
  }

  #flush(key: string): void {
    window.clearTimeout(this.#timer);
    this.#timer = undefined;
    const paragraph = this.#paragraphOnScreen();
    if (paragraph === undefined || paragraph === this.#position.paragraph) return;
    this.#position.paragraph = paragraph;
    this.#save(key);
  }

  /** The number of the paragraph at the reading line: 0 above the text, nothing below it. */
  #paragraphOnScreen(): number | undefined {
    const box = this.#text?.getBoundingClientRect();
    const line = window.innerHeight * READING_LINE;
    if (!box || line > box.bottom) return undefined;
    return paragraphAt(line);
  }

  #save(key: string): void {
    writeSetting(key, serialiseReadingPosition(this.#position));
  }
}

customElements.define('quire-resume', ResumeReading);
