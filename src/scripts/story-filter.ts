import {
  compareStories,
  LIST_PARAMETERS,
  listStateQuery,
  matchesFilters,
  parseListState,
  shownCount,
  type ListedStory,
  type ListState,
} from '../lib/story-list';

/** A story card and what the list knows of it (from its data attributes, see StoryCard.astro). */
interface Card {
  element: HTMLElement;
  story: ListedStory;
}

function readCard(element: HTMLElement, position: number): Card {
  const { updated = '', published = '', words = '0', rating = '', fandoms = '' } = element.dataset;
  return {
    element,
    story: {
      position,
      title: element.querySelector('h2')?.textContent?.trim() ?? '',
      updated,
      published,
      words: Number(words),
      rating,
      fandoms: fandoms.split(' ').filter(Boolean),
      text: element.textContent ?? '',
    },
  };
}

/**
 * Sorts and filters the server-rendered story list it wraps, keeping the state in the URL query.
 * Without JavaScript the list is complete, in its default order, and the controls stay hidden.
 */
class StoryFilter extends HTMLElement {
  #list: HTMLElement | null = null;
  #status: HTMLElement | null = null;
  #cards: Card[] = [];

  connectedCallback(): void {
    this.#list = this.querySelector('.story-list');
    this.#status = this.querySelector('[role="status"]');
    if (!this.#list) return;
    this.#cards = [...this.#list.children].map((element, position) => readCard(element as HTMLElement, position));
    this.#write(parseListState(location.search));
    this.#show();
    this.addEventListener('input', this.#onInput);
    this.addEventListener('click', this.#onClick);
  }

  disconnectedCallback(): void {
    this.removeEventListener('input', this.#onInput);
    this.removeEventListener('click', this.#onClick);
  }

  #onInput = (): void => {
    this.#show();
    history.replaceState(history.state, '', `${location.pathname}${listStateQuery(this.#read())}${location.hash}`);
  };

  /** "Clear" puts back the plain list: no filters, newest update first. */
  #onClick = (event: Event): void => {
    if (!(event.target as Element).closest('.story-filter__clear')) return;
    this.#write(parseListState(''));
    this.#onInput();
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

  #show(): void {
    if (!this.#list) return;
    const state = this.#read();
    const locale = document.documentElement.lang;
    const compare = compareStories(state.sort, locale);
    const sorted = [...this.#cards].sort((a, b) => compare(a.story, b.story));
    if (sorted.some((card, index) => this.#list?.children[index] !== card.element)) this.#list.append(...sorted.map((card) => card.element));
    let shown = 0;
    for (const { element, story } of this.#cards) {
      element.hidden = !matchesFilters(story, state);
      if (!element.hidden) shown++;
    }
    const count = shownCount(shown, this.#cards.length, locale);
    if (this.#status && this.#status.textContent !== count) this.#status.textContent = count;
  }
}

customElements.define('quire-story-filter', StoryFilter);
