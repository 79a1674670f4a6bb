import { gatePassed } from '../lib/content-gate';
import type { IndexedPage } from '../lib/search-index-format';
import type { QueryTerm } from '../lib/search-terms';
import { findPassage, readSearchParams, searchParams, SEARCH_FILTERS, type Passage, type SearchFilter, type SearchRequest } from '../lib/search';
import type { SearchIndex, SearchResults } from './search-engine';
import { readSetting } from './storage';

const FILTER_KEYS = Object.keys(SEARCH_FILTERS) as SearchFilter[];

const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/**
 * The search page: reads the query and filters from the URL (`?q=…&fandom=…`), searches the
 * index and draws the results. Nothing of the index loads until there is something to search.
 */
class SearchPage extends HTMLElement {
  #index: Promise<LoadedIndex> | undefined;
  #form!: HTMLFormElement;
  #status!: HTMLElement;
  #section!: HTMLElement;
  #list!: HTMLOListElement;
  #more!: HTMLButtonElement;
  #results: SearchResults | undefined;
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

  #loadIndex(): Promise<LoadedIndex> {
    this.#index ??= openIndex(this.dataset.index!);
    // A failed load is tried again by the next search.
    this.#index.catch(() => (this.#index = undefined));
    return this.#index;
  }

  async #search(): Promise<void> {
    const generation = ++this.#generation;
    const request = this.#request();
    this.#results = undefined;
    this.#nearScreen.disconnect();
    this.#shown = 0;
    this.#list.replaceChildren();
    this.#section.hidden = true;
    this.#more.hidden = true;
    if (!request.query) {
      this.#status.textContent = '';
      return;
    }
    this.#status.textContent = 'Searching…';
    try {
      const { index } = await this.#loadIndex();
      const results = await index.search(request.query, request.filters);
      if (generation !== this.#generation) return;
      this.#results = results;
      await this.#draw(generation);
    } catch (error) {
      if (generation === this.#generation) this.#status.textContent = 'Search is not available right now. Please try again later.';
      throw error;
    }
    if (generation !== this.#generation) return;
    const { hits, complete } = this.#results;
    const filtered = FILTER_KEYS.some((key) => request.filters[key].length > 0) ? ' with these filters' : '';
    const count = hits.length === 0 ? 'No results' : complete ? plural(hits.length, 'result', 'results') : `At least ${plural(hits.length, 'result', 'results')}`;
    this.#status.textContent = `${count} for “${request.query}”${filtered}.`;
  }

  /** Draws the next page of results (`data-page-size` of them; "Show more results" draws the next). */
  async #draw(generation: number): Promise<void> {
    const results = this.#results!;
    const pageSize = Number(this.dataset.pageSize);
    // One more than is shown, so the button knows whether there is a next page.
    await results.more(this.#shown + pageSize + 1);
    const { index, engine } = await this.#loadIndex();
    const pages = await Promise.all(results.hits.slice(this.#shown, this.#shown + pageSize).map((hit) => index.page(hit.page)));
    if (generation !== this.#generation) return;
    const query = results.words;
    this.#list.append(
      ...pages.map((page) => {
        const item = renderResult(page);
        // The page itself gives the excerpt and the paragraph to link to (the index holds no copy of
        // the text), fetched as the result nears the screen: a search costs what the reader sees.
        this.#excerpts.set(item, () => passageOf(page[0], query, engine).then((passage) => generation === this.#generation && showPassage(item, page, passage)));
        this.#nearScreen.observe(item);
        return item;
      }),
    );
    this.#shown += pages.length;
    this.#section.hidden = this.#shown === 0;
    this.#more.hidden = this.#shown >= results.hits.length && results.complete;
  }

  /** Results waiting for their excerpt, each with what fetches it. */
  #excerpts = new WeakMap<Element, () => Promise<unknown>>();
  #nearScreen = new IntersectionObserver(
    (entries) => {
      for (const { target, isIntersecting } of entries) {
        if (!isIntersecting) continue;
        this.#nearScreen.unobserve(target);
        // A page that cannot be read leaves its result without an excerpt: the link still works.
        void this.#excerpts.get(target)?.().catch(() => undefined);
      }
    },
    { rootMargin: '50% 0px' },
  );
}

type Engine = typeof import('./search-engine');
interface LoadedIndex {
  index: SearchIndex;
  engine: Engine;
}

/** Loads the search engine and the index's manifest: only once the reader searches. */
async function openIndex(url: string): Promise<LoadedIndex> {
  const engine = await import('./search-engine');
  return { index: await engine.SearchIndex.open(url), engine };
}

/** The passage of a page that matches the query, read from the page. */
async function passageOf(url: string, query: QueryTerm[], engine: Engine): Promise<Passage> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  const { words, anchors } = engine.pageWords(new DOMParser().parseFromString(await response.text(), 'text/html'));
  return findPassage({ words, matches: engine.matchesIn(words, query), anchors });
}

/** One result: the chapter (or story) linked to the passage that matched, its story, and the passage. */
/** One result: the chapter (or story) it found, its story, and the place of its excerpt (showPassage fills it). */
function renderResult([url, meta]: IndexedPage): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';

  const heading = inStoryLanguage(document.createElement('h3'), meta);
  const link = document.createElement('a');
  link.href = url;
  link.textContent = meta.chapter ?? meta.title ?? url;
  heading.append(link);

  const story = document.createElement('p');
  story.className = 'search-result__story';
  if (meta.chapter) inStoryLanguage(story, meta).textContent = meta.story ?? '';
  else story.textContent = 'Story summary';
  item.append(heading, story);

  // A gated story's text stays behind its gate: the result says what the gate would, until the reader has agreed.
  if (meta.gate !== undefined && !gatePassed(meta.gate, readSetting)) {
    const notice = document.createElement('p');
    notice.className = 'search-result__notice';
    notice.textContent = `${meta.notice ?? ''} The excerpt shows once you have read the story’s content notice and chosen to continue.`;
    item.append(notice);
  } else {
    const excerpt = inStoryLanguage(document.createElement('p'), meta);
    excerpt.className = 'search-result__excerpt';
    item.append(excerpt);
  }
  return item;
}

/** The passage that matched: the link goes to its paragraph, and the excerpt shows it (not behind a gate). */
function showPassage(item: HTMLLIElement, [url]: IndexedPage, passage: Passage): void {
  if (passage.anchor) item.querySelector('a')!.href = `${url}#${encodeURIComponent(passage.anchor)}`;
  const excerpt = item.querySelector('.search-result__excerpt');
  for (const { text, match } of excerpt ? passage.parts : []) {
    if (!match) excerpt!.append(text);
    else excerpt!.append(Object.assign(document.createElement('mark'), { textContent: text }));
  }
}

/** The story's own words are in its language and direction; the labels are the site's. */
function inStoryLanguage<T extends HTMLElement>(element: T, meta: IndexedPage[1]): T {
  if (meta.language) element.lang = meta.language;
  if (meta.dir) element.dir = meta.dir;
  return element;
}

customElements.define('quire-search', SearchPage);
