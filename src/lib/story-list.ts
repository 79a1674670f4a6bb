/**
 * Story listings (the home page, browse pages): how they sort and filter, shared by the
 * server-rendered pages, the index of each listing and the script that sorts and filters across
 * its pages (pure). The state lives in the URL query so a sorted, filtered list can be shared:
 * `/?sort=words&rating=teen&fandom=<slug>&q=salt&page=2`.
 */
import type { StoryEntry } from '../schemas';
import { RATING_LABELS, STATUS_LABELS } from './stories';

export const SORTS = {
  updated: 'Recently updated',
  published: 'Recently published',
  words: 'Most words',
  title: 'Title',
} as const;
export type SortKey = keyof typeof SORTS;
/** The order the server renders: newest update first (see byNewestUpdate). */
const DEFAULT_SORT: SortKey = 'updated';

export interface ListState {
  sort: SortKey;
  /** A rating key, or '' for any. */
  rating: string;
  /** A fandom slug, or '' for any. */
  fandom: string;
  /** Words every shown story must contain, or ''. */
  text: string;
}

/** The query parameter of each part of the state, also the name of its form control. */
export const LIST_PARAMETERS = { sort: 'sort', rating: 'rating', fandom: 'fandom', text: 'q' } as const satisfies Record<keyof ListState, string>;

/** The query parameter of the page of a sorted or filtered list (the plain list's pages have addresses of their own). */
export const RESULTS_PAGE_PARAMETER = 'page';

/** The URL query for a state and a page of its results, leaving out defaults: '' for the plain list. */
export function listStateQuery(state: ListState, page = 1): string {
  const params = new URLSearchParams();
  if (state.sort !== DEFAULT_SORT) params.set(LIST_PARAMETERS.sort, state.sort);
  for (const key of ['rating', 'fandom', 'text'] as const) if (state[key].trim()) params.set(LIST_PARAMETERS[key], state[key].trim());
  if (params.size > 0 && page > 1) params.set(RESULTS_PAGE_PARAMETER, String(page));
  const query = params.toString();
  return query && `?${query}`;
}

/** The page of results a URL query asks for: 1 unless it names a later one. */
export function parseResultsPage(query: string): number {
  const page = Number(new URLSearchParams(query).get(RESULTS_PAGE_PARAMETER));
  return Number.isInteger(page) && page > 1 ? page : 1;
}

/** Whether a state is the plain list, which the listing's own pages already show. */
export const isPlainList = (state: ListState): boolean => listStateQuery(state) === '';

const isSortKey = (value: string | null): value is SortKey => value !== null && Object.hasOwn(SORTS, value);

/** The state a URL query asks for; anything unknown is the default. */
export function parseListState(query: string): ListState {
  const params = new URLSearchParams(query);
  const sort = params.get(LIST_PARAMETERS.sort);
  return {
    sort: isSortKey(sort) ? sort : DEFAULT_SORT,
    rating: params.get(LIST_PARAMETERS.rating) ?? '',
    fandom: params.get(LIST_PARAMETERS.fandom) ?? '',
    text: params.get(LIST_PARAMETERS.text) ?? '',
  };
}

/** A story as the list knows it (from the listing's index, or from a card's data attributes). */
export interface ListedStory {
  /** Place in the listing, which is newest update first. */
  position: number;
  title: string;
  updated: string;
  published: string;
  words: number;
  rating: string;
  fandoms: readonly string[];
  /** Everything shown on the card, for the text filter. */
  text: string;
}

/**
 * A story as a listing's index keeps it (see `listRow`): an array, since field names would repeat
 * in every row of a shard. The card's words, for the text filter, are kept apart (`ListText`):
 * they are most of a row's size, and only a text filter needs them.
 */
export type ListRow = [title: string, updated: string, published: string, words: number, rating: string, fandoms: string[]];
/** A story's card in words, folded as the text filter compares it, so the browser does not fold it again. */
export type ListText = string;

/** The fields of a story that its card shows and a listing sorts and filters by. */
type Listable = Pick<
  StoryEntry,
  'title' | 'authors' | 'fandoms' | 'rating' | 'status' | 'warnings' | 'relationships' | 'characters' | 'tags' | 'summaryText' | 'updated' | 'published' | 'words'
>;

/** A story's row in its listings' indexes; `fandomSlug` gives the slug of a fandom. */
export function listRow(story: Listable, fandomSlug: (fandom: string) => string | undefined): ListRow {
  const fandoms = story.fandoms.map((fandom) => fandomSlug(fandom)).filter((slug) => slug !== undefined);
  return [story.title.text, story.updated, story.published, story.words, story.rating, fandoms];
}

/** What the card shows in words (title, byline, fandoms, rating, status, tags, summary), folded. */
export function listText(story: Listable): ListText {
  const text = [
    story.title.text,
    ...story.authors,
    ...story.fandoms,
    RATING_LABELS[story.rating],
    STATUS_LABELS[story.status],
    ...story.warnings,
    ...story.relationships,
    ...story.characters,
    ...story.tags,
    story.summaryText,
  ].join(' ');
  return foldText(text);
}

/** A row as the sort and filter take it; `position` is its place in the listing, `text` its words if read. */
export function listedStory([title, updated, published, words, rating, fandoms]: ListRow, position: number, text: ListText = ''): ListedStory {
  return { position, title, updated, published, words, rating, fandoms, text };
}

type Compare = (a: ListedStory, b: ListedStory) => number;

/** Orders for each sort; ties keep the server's order, so every sort is stable. */
export function compareStories(sort: SortKey, locale = 'en'): Compare {
  const collator = new Intl.Collator(locale, { numeric: true });
  const compares: Record<SortKey, Compare> = {
    updated: (a, b) => b.updated.localeCompare(a.updated),
    published: (a, b) => b.published.localeCompare(a.published),
    words: (a, b) => b.words - a.words,
    title: (a, b) => collator.compare(a.title, b.title),
  };
  return (a, b) => compares[sort](a, b) || a.position - b.position;
}

/** Text as the filter compares it: case, accents and spacing do not matter ("cafe" finds "Café"). */
export const foldText = (text: string): string =>
  text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** Whether a story passes the filters; the text filter needs every word somewhere on the card. */
export function matchesFilters(story: ListedStory, state: ListState): boolean {
  if (state.rating && story.rating !== state.rating) return false;
  if (state.fandom && !story.fandoms.includes(state.fandom)) return false;
  const text = foldText(story.text);
  return foldText(state.text)
    .split(' ')
    .every((word) => text.includes(word));
}

/** "1 story", "12 stories". */
export const storyCount = (n: number, locale = 'en'): string =>
  `${new Intl.NumberFormat(locale).format(n)} ${n === 1 ? 'story' : 'stories'}`;

/** What the live region says: "3 stories", "1 of 3 stories", "No stories match (3 in all)". */
export function shownCount(shown: number, total: number, locale = 'en'): string {
  if (shown === total) return storyCount(total, locale);
  if (shown === 0) return `No stories match (${new Intl.NumberFormat(locale).format(total)} in all)`;
  return `${new Intl.NumberFormat(locale).format(shown)} of ${storyCount(total, locale)}`;
}
