import { pageCount, pageSlice, paginationItems } from '../lib/pagination';
import { parseReadingPosition, READING_POSITION_PREFIX } from '../lib/reading-position';
import {
  compareStories,
  isPlainList,
  LIST_PARAMETERS,
  listedStory,
  listStateQuery,
  matchesFilters,
  parseListState,
  parseResultsPage,
  shownCount,
  type ListedStory,
  type ListRow,
  type ListState,
  type ListText,
} from '../lib/story-list';
import { listIndexUrl, listingPageUrl, PARAGRAPH_ID_PREFIX } from '../lib/urls';
import { continueReadingScript } from './inline/continue-reading';

/** A story of the page the browser loaded, from its card's data attributes (see StoryCard.astro). */
function readCard(element: HTMLElement, position: number): ListedStory {
  const { updated = '', published = '', words = '0', rating = '', fandoms = '' } = element.dataset;
  return {
    position,
    title: element.querySelector('h2')?.textContent?.trim() ?? '',
    updated,
    published,
    words: Number(words),
    rating,
    fandoms: fandoms.split(' ').filter(Boolean),
    text: element.textContent ?? '',
  };
}

/** What is shown: the stories of one page of the sorted, filtered list, and how many matched. */
interface Shown {
  /** Places in the listing. */
  positions: number[];
  matched: number;
  /** False when the listing's index could not be read, and only the loaded page was sorted and filtered. */
  whole: boolean;
}

/**
 * Sorts and filters a whole story listing, not only the page it is on. The listing's pages are
 * its stories newest update first; sorting or filtering reads the listing's index (shards of one
 * row a story, and of their words for a text filter: data/listings.ts) and shows the matching stories page by page, taking each story's
 * card from the listing page that holds it (fetched once). The state is kept in the address
 * (`?sort=words&page=2`) so it can be shared. Without JavaScript each page is simply its stories
 * and the controls stay hidden; if the index cannot be read, the loaded page alone is sorted and
 * filtered, and the count says so.
 */
class StoryFilter extends HTMLElement {
  #list: HTMLElement | null = null;
  #status: HTMLElement | null = null;
  #navigation: HTMLElement | null = null;
  #base = '/';
  #page = 1;
  #perPage = 20;
  #total = 0;
  #shards = 1;
  /** The loaded page's cards, in its order. */
  #ownCards: HTMLElement[] = [];
  #rows: Promise<ListRow[]> | undefined;
  #texts: Promise<ListText[]> | undefined;
  /** The cards of each listing page, by page number. */
  #pageCards = new Map<number, Promise<HTMLElement[]>>();
  /** Counts the changes shown, so a slow fetch never shows a state the reader has left. */
  #shownChange = 0;

  connectedCallback(): void {
    this.#list = this.querySelector('.story-list');
    this.#status = this.querySelector('[role="status"]');
    this.#navigation = this.querySelector('.pagination');
    if (!this.#list) return;
    const { listBase = '/', page = '1', perPage = '20', total = '0', listShards = '1' } = this.dataset;
    [this.#base, this.#page, this.#perPage, this.#total, this.#shards] = [listBase, Number(page), Number(perPage), Number(total), Number(listShards)];
    this.#ownCards = [...this.#list.children] as HTMLElement[];
    this.#list.tabIndex = -1;
    this.#pageCards.set(this.#page, Promise.resolve(this.#ownCards));
    // The controls take what they offer of the address's state (an unknown value is "any"), unless
    // the reader changed them before this script arrived: then that is what they asked for.
    if (isPlainList(this.#read())) this.#write(parseListState(location.search));
    const state = this.#read();
    // A sorted or filtered list is shown at the listing's own address, whatever page it was asked on.
    if (!isPlainList(state)) void this.#show(state, parseResultsPage(location.search));
    this.addEventListener('input', this.#onInput);
    this.addEventListener('click', this.#onClick);
  }

  disconnectedCallback(): void {
    this.removeEventListener('input', this.#onInput);
    this.removeEventListener('click', this.#onClick);
  }

  #onInput = (): void => {
    void this.#show(this.#read(), 1);
  };

  #onClick = (event: Event): void => {
    const target = event.target as Element;
    // "Clear" puts back the plain list: no filters, newest update first, its first page.
    if (target.closest('.story-filter__clear')) {
      this.#write(parseListState(''));
      this.#onInput();
      return;
    }
    // The pages of a sorted or filtered list are shown in place, without loading the page again.
    const link = target.closest<HTMLAnchorElement>('.pagination a[data-results-page]');
    if (link && !(event as MouseEvent).ctrlKey && !(event as MouseEvent).metaKey && !(event as MouseEvent).shiftKey) {
      event.preventDefault();
      // The reader goes on from the top of the new page (focus would otherwise be lost with the link).
      void this.#show(this.#read(), Number(link.dataset.resultsPage)).then(() => this.#list?.focus());
    }
  };

  /** The controls, named after the URL query parameters they stand for. */
  #controls(): (HTMLInputElement | HTMLSelectElement)[] {
    return [...this.querySelectorAll<HTMLInputElement | HTMLSelectElement>('.story-filter [name]')];
  }

  #read(): ListState {
    return parseListState(new URLSearchParams(this.#controls().map((control) => [control.name, control.value])).toString());
  }

  /** Puts a state in the controls; a value a list does not offer becomes its first option ("any"). */
  #write(state: ListState): void {
    const names = Object.fromEntries(Object.entries(LIST_PARAMETERS).map(([key, name]) => [name, key as keyof ListState]));
    for (const control of this.#controls()) {
      const key = names[control.name];
      if (!key) continue;
      control.value = state[key];
      if (control instanceof HTMLSelectElement && control.selectedIndex < 0) control.selectedIndex = 0;
    }
  }

  /** The rows of the listing's index, or their words: every shard's, in order. */
  #readIndex<T>(part: 'rows' | 'text'): Promise<T[]> {
    return Promise.all(
      Array.from({ length: this.#shards }, async (_, shard) => {
        const response = await fetch(listIndexUrl(this.#base, shard, part));
        if (!response.ok) throw new Error(`${response.url}: ${response.status}`);
        return (await response.json()) as T[];
      }),
    ).then((shards) => shards.flat());
  }

  /**
   * Every story of the listing, from its index, with its words when a text filter needs them;
   * undefined when the index cannot be read (offline, a broken host), which is tried again at the
   * next change.
   */
  async #readStories(withText: boolean): Promise<ListedStory[] | undefined> {
    this.#rows ??= this.#readIndex<ListRow>('rows');
    if (withText) this.#texts ??= this.#readIndex<ListText>('text');
    try {
      const [rows, texts] = await Promise.all([this.#rows, withText ? this.#texts : undefined]);
      return rows.map((row, position) => listedStory(row, position, texts?.[position]));
    } catch {
      this.#rows = this.#texts = undefined;
      return undefined;
    }
  }

  /** The cards of page `page` of the listing, fetched once. */
  #cardsOf(page: number): Promise<HTMLElement[]> {
    let cards = this.#pageCards.get(page);
    if (!cards) {
      cards = fetch(listingPageUrl(this.#base, page))
        .then((response) => (response.ok ? response.text() : Promise.reject(new Error(`${response.url}: ${response.status}`))))
        .then((html) => {
          const loaded = new DOMParser().parseFromString(html, 'text/html');
          return [...loaded.querySelectorAll<HTMLElement>('.story-list > .story-card')].map((card) => document.importNode(card, true));
        });
      cards.catch(() => this.#pageCards.delete(page));
      this.#pageCards.set(page, cards);
    }
    return cards;
  }

  /** The card of the story at `position` in the listing (its page holds `perPage` stories before it). */
  async #cardAt(position: number): Promise<HTMLElement | undefined> {
    const cards = await this.#cardsOf(Math.floor(position / this.#perPage) + 1).catch(() => []);
    return cards[position % this.#perPage];
  }

  async #select(state: ListState, page: number): Promise<Shown> {
    const locale = document.documentElement.lang;
    if (isPlainList(state)) {
      const first = (page - 1) * this.#perPage;
      return { positions: Array.from({ length: Math.min(this.#perPage, this.#total - first) }, (_, index) => first + index), matched: this.#total, whole: true };
    }
    const rows = await this.#readStories(state.text.trim() !== '');
    const offset = (this.#page - 1) * this.#perPage;
    const stories = rows ?? this.#ownCards.map((card, index) => readCard(card, offset + index));
    const matching = stories.filter((story) => matchesFilters(story, state)).sort(compareStories(state.sort, locale));
    const shown = rows ? pageSlice(matching, page, this.#perPage) : matching;
    return { positions: shown.map((story) => story.position), matched: matching.length, whole: Boolean(rows) };
  }

  async #show(state: ListState, page: number): Promise<void> {
    if (!this.#list) return;
    const change = ++this.#shownChange;
    history.replaceState(history.state, '', `${this.#base}${listStateQuery(state, page)}${location.hash}`);
    this.#list.setAttribute('aria-busy', 'true');
    const shown = await this.#select(state, page);
    const cards = await Promise.all(shown.positions.map((position) => this.#cardAt(position)));
    if (change !== this.#shownChange) return;
    this.#list.replaceChildren(...cards.filter((card) => card !== undefined));
    this.#list.removeAttribute('aria-busy');
    continueReadingScript(READING_POSITION_PREFIX, PARAGRAPH_ID_PREFIX, parseReadingPosition);
    const locale = document.documentElement.lang;
    const count = shown.whole ? shownCount(shown.matched, this.#total, locale) : `${shownCount(shown.matched, this.#ownCards.length, locale)} on this page (the whole list could not be loaded)`;
    if (this.#status && this.#status.textContent !== count) this.#status.textContent = count;
    this.#showNavigation(state, page, shown.whole ? pageCount(shown.matched, this.#perPage) : 1);
  }

  /** The plain list's pages link to their addresses; a sorted or filtered list's pages are shown in place. */
  #showNavigation(state: ListState, page: number, pages: number): void {
    if (!this.#navigation) return;
    const plain = isPlainList(state);
    const items = paginationItems(page, pages, (n) => (plain ? listingPageUrl(this.#base, n) : `${this.#base}${listStateQuery(state, n)}`));
    const list = document.createElement('ul');
    for (const item of items) {
      const entry = document.createElement('li');
      if (item.kind === 'gap') {
        entry.textContent = '…';
        entry.setAttribute('aria-hidden', 'true');
      } else {
        const link = document.createElement('a');
        link.href = item.href;
        link.textContent = item.label;
        if (item.rel) link.rel = item.rel;
        if (item.current) link.setAttribute('aria-current', 'page');
        if (item.accessibleLabel) link.setAttribute('aria-label', item.accessibleLabel);
        if (!plain) link.dataset.resultsPage = String(item.page);
        entry.append(link);
      }
      list.append(entry);
    }
    this.#navigation.replaceChildren(list);
    this.#navigation.hidden = items.length === 0;
  }
}

customElements.define('quire-story-filter', StoryFilter);
