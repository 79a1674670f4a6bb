import { paragraphId } from '../lib/urls';

/**
 * The "Jump back to where I was" prompt of a chapter the reader comes back to (reading-position.ts
 * loads it only then): shown and announced, it jumps to the paragraph or stays, and Escape closes it.
 */
export function offer(resume: HTMLElement, paragraph: number): void {
  const announcer = resume.querySelector<HTMLElement>('[aria-live]');
  const prompt = resume.querySelector<HTMLElement>('.resume-prompt');
  if (!announcer || !prompt) return;
  const close = (): void => {
    prompt.hidden = true;
    announcer.textContent = '';
  };
  announcer.textContent = resume.dataset.message ?? '';
  prompt.hidden = false;
  prompt.addEventListener('click', (event) => {
    const action = (event.target as Element).closest<HTMLButtonElement>('button')?.dataset.action;
    if (!action) return;
    close();
    // Going to the fragment scrolls below the header, highlights the paragraph and moves focus there.
    if (action === 'resume') window.location.replace(`#${paragraphId(paragraph)}`);
    else document.getElementById('main')?.focus({ preventScroll: true });
  });
  prompt.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    close();
    document.getElementById('main')?.focus({ preventScroll: true });
  });
}
