/** What the Share button does (share.ts loads it on the first press; see src/components/Share.astro). */

const COPIED = 'Link copied';
const NOT_COPIED = 'Could not copy the link: it is selected below, copy it from there.';

/** The page's canonical address: what a shared link should point to. */
const canonicalUrl = (): string => document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href || location.href;

/** Shares the page through the browser's share sheet, else copies its link, else shows it selected to copy. */
export async function share(control: HTMLElement): Promise<void> {
  const url = canonicalUrl();
  say(control, '');
  if (typeof navigator.share === 'function') {
    try {
      await navigator.share({ title: control.dataset.title ?? document.title, url });
      return;
    } catch (error) {
      // The reader closed the share sheet: nothing to say. Any other failure falls back to copying.
      if (error instanceof DOMException && error.name === 'AbortError') return;
    }
  }
  try {
    await navigator.clipboard.writeText(url);
    say(control, COPIED);
  } catch {
    showLink(control, url);
  }
}

/** Writes the live region; cleared first, so saying the same thing twice is announced twice. */
function say(control: HTMLElement, message: string): void {
  const status = control.querySelector('.share__status');
  if (!status) return;
  status.textContent = '';
  if (message) requestAnimationFrame(() => (status.textContent = message));
}

/** Copying failed: show the link selected in a field, for the reader to copy. */
function showLink(control: HTMLElement, url: string): void {
  const fallback = control.querySelector<HTMLElement>('.share__fallback');
  const field = control.querySelector<HTMLInputElement>('.share__url');
  if (!fallback || !field) return;
  field.value = url;
  fallback.hidden = false;
  field.focus();
  field.select();
  say(control, NOT_COPIED);
}
