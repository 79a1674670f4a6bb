import { gatePassed } from '../lib/content-gate';
import {
  findPassage,
  pagefindFilters,
  readSearchParams,
  searchParams,
  SEARCH_FILTERS,
  type LocatedResult,
  type SearchFilter,
  type SearchRequest,
} from '../lib/search';
import { readSetting } from './storage';

/** The parts of Pagefind's browser API the search page uses (see the Pagefind search API docs). */
interface PagefindResultData extends LocatedResult {
  url: string;
  /** `gate` (the story's slug) and `notice` only on pages of gated stories (SearchData.astro). */
  meta: Partial<Record<'title' | 'story' | 'chapter' | 'language' | 'dir' | 'gate' | 'notice', string>>;
}
interface PagefindResult {
  data(): Promise<PagefindResultData>;
}
interface Pagefind {
  search(query: string, options: { filters: ReturnType<typeof pagefindFilters> }): Promise<{ results: PagefindResult[] }>;
  mergeIndex(bundlePath: string): Promise<void>;
}

const FILTER_KEYS = Object.keys(SEARCH_FILTERS) as SearchFilter[];

const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/**
 * The search page: reads the query and filters from the URL (`?q=…&fandom=…`), searches the
 * Pagefind index and draws the results. Nothing of Pagefind loads until there is something to search.
 */
class SearchPage extends HTMLElement {
  #pagefind: Promise<Pagefind> | undefined;
  #form!: HTMLFormElement;
  #status!: HTMLElement;
  #section!: HTMLElement;
  #list!: HTMLOListElement;
  #more!: HTMLButtonElement;
  #results: PagefindResult[] = [];
  #shown = 0;
  /** Counts searches, so an answer that arrives after a newer search started is dropped. */
  #generation = 0;

  connectedCallback(): void {
    this.#form = this.querySelector('form')!;
    this.#status = this.querySelector('[role="status"]')!;
    this.#section = this.querySelector('.search__results')!;
    this.#list = this.#section.querySelector('ol')!;
    this.#more = this.querySelector('.search__more')!;
    this.#form.addEventListener('submit', this.#onSubmit);
    this.#form.addEventListener('change', this.#onChange);
    this.#more.addEventListener('click', this.#onMore);
    window.addEventListener('popstate', this.#onPopState);
    this.#onPopState();
  }

  disconnectedCallback(): void {
    window.removeEventListener('popstate', this.#onPopState);
  }

  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    this.#remember();
    void this.#search();
  };

  /** Ticking a filter searches again at once, when there is a query. */
  #onChange = (event: Event): void => {
    if (!(event.target instanceof HTMLInputElement) || event.target.type !== 'checkbox') return;
    this.#remember();
    if (this.#request().query) void this.#search();
  };

  #onMore = (): void => {
    const first = this.#shown;
    void this.#draw(this.#generation).then(() => this.#list.children[first]?.querySelector('a')?.focus());
  };

  /** Shows the search in the URL: with the back button and reloads, the reader keeps their place. */
  #onPopState = (): void => {
    const { query, filters } = readSearchParams(new URLSearchParams(window.location.search));
    this.#form.querySelector<HTMLInputElement>('input[name="q"]')!.value = query;
    for (const box of this.#form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
      box.checked = filters[box.name as SearchFilter]?.includes(box.value) ?? false;
    }
    const details = this.#form.querySelector('details');
    if (details && FILTER_KEYS.some((key) => filters[key].length > 0)) details.open = true;
    void this.#search();
  };

  #request(): SearchRequest {
    const fields = [...new FormData(this.#form)].map(([name, value]) => [name, String(value)]);
    return readSearchParams(new URLSearchParams(fields));
  }

  #remember(): void {
    const query = searchParams(this.#request()).toString();
    const url = `${window.location.pathname}${query ? `?${query}` : ''}`;
    if (url !== `${window.location.pathname}${window.location.search}`) history.pushState(null, '', url);
  }

  #loadPagefind(): Promise<Pagefind> {
    this.#pagefind ??= loadIndex(this.dataset.index!, this.dataset.parts!);
    return this.#pagefind;
  }

  async #search(): Promise<void> {
    const generation = ++this.#generation;
    const request = this.#request();
    this.#results = [];
    this.#shown = 0;
    this.#list.replaceChildren();
    this.#section.hidden = true;
    this.#more.hidden = true;
    if (!request.query) {
      this.#status.textContent = '';
      return;
    }
    this.#status.textContent = 'Searching…';
    let search;
    try {
      search = await (await this.#loadPagefind()).search(request.query, { filters: pagefindFilters(request.filters) });
    } catch (error) {
      if (generation === this.#generation) this.#status.textContent = 'Search is not available right now. Please try again later.';
      throw error;
    }
    if (generation !== this.#generation) return;
    this.#results = search.results;
    const filtered = FILTER_KEYS.some((key) => request.filters[key].length > 0) ? ' with these filters' : '';
    const count = this.#results.length === 0 ? 'No results' : plural(this.#results.length, 'result', 'results');
    await this.#draw(generation);
    if (generation === this.#generation) this.#status.textContent = `${count} for “${request.query}”${filtered}.`;
  }

  /** Draws the next page of results (`data-page-size` of them; "Show more results" draws the next). */
  async #draw(generation: number): Promise<void> {
    const pageSize = Number(this.dataset.pageSize);
    const page = await Promise.all(this.#results.slice(this.#shown, this.#shown + pageSize).map((result) => result.data()));
    if (generation !== this.#generation) return;
    this.#list.append(...page.map(renderResult));
    this.#shown += page.length;
    this.#section.hidden = this.#shown === 0;
    this.#more.hidden = this.#shown >= this.#results.length;
  }
}

/**
 * Loads the search index: its first part, with the others (a large site's, see
 * scripts/search-index.ts) merged in, so one search finds, filters and ranks pages of every part.
 */
async function loadIndex(script: string, partsFile: string): Promise<Pagefind> {
  const partsUrl = new URL(partsFile, window.location.href);
  const [pagefind, parts] = await Promise.all([
    import(/* @vite-ignore */ script) as Promise<Pagefind>,
    fetch(partsUrl).then((response) => {
      if (!response.ok) throw new Error(`${partsUrl.pathname} answered ${response.status}`);
      return response.json() as Promise<string[]>;
    }),
  ]);
  await Promise.all(parts.map((part) => pagefind.mergeIndex(new URL(part, partsUrl).pathname)));
  return pagefind;
}

/** One result: the chapter (or story) linked to the passage that matched, its story, and the passage. */
function renderResult(data: PagefindResultData): HTMLLIElement {
  const passage = findPassage(data);
  // The story's own words are in its language and direction; the labels are the site's.
  const inStoryLanguage = <T extends HTMLElement>(element: T): T => {
    if (data.meta.language) element.lang = data.meta.language;
    if (data.meta.dir) element.dir = data.meta.dir;
    return element;
  };
  const item = document.createElement('li');
  item.className = 'search-result';

  const heading = inStoryLanguage(document.createElement('h3'));
  const link = document.createElement('a');
  link.href = passage.anchor ? `${data.url}#${encodeURIComponent(passage.anchor)}` : data.url;
  link.textContent = data.meta.chapter ?? data.meta.title ?? data.url;
  heading.append(link);

  const story = document.createElement('p');
  story.className = 'search-result__story';
  if (data.meta.chapter) inStoryLanguage(story).textContent = data.meta.story ?? '';
  else story.textContent = 'Story summary';

  // A gated story's text stays behind its gate: the result says what the gate would, until the reader has agreed.
  if (data.meta.gate !== undefined && !gatePassed(data.meta.gate, readSetting)) {
    const notice = document.createElement('p');
    notice.className = 'search-result__notice';
    notice.textContent = `${data.meta.notice ?? ''} The excerpt shows once you have read the story’s content notice and chosen to continue.`;
    item.append(heading, story, notice);
    return item;
  }

  const excerpt = inStoryLanguage(document.createElement('p'));
  excerpt.className = 'search-result__excerpt';
  for (const { text, match } of passage.parts) {
    if (!match) excerpt.append(text);
    else excerpt.append(Object.assign(document.createElement('mark'), { textContent: text }));
  }

  item.append(heading, story, excerpt);
  return item;
}

customElements.define('quire-search', SearchPage);
