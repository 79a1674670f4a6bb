import { pageCount, pageSlice, PAGES_PER_SHARD } from '../lib/pagination';
import { listRow, listText, type ListRow, type ListText } from '../lib/story-list';
import { BROWSE_LABELS, valuesOf, type Term } from '../lib/taxonomies';
import { BROWSE_KINDS, browseIndexUrl, browseUrl, homeUrl, listIndexUrl, listingPageUrl, type BrowseKind } from '../lib/urls';
import { getTaxonomies, type StoryTaxonomies } from './browse';
import { getSite, getStories, type Story } from './library';

/**
 * The listings of stories (the home page and the stories of each browse value) and of names (each
 * browse index), split into pages, and each story listing's sort-and-filter index, split into
 * shards: what the paginated routes ask for.
 */

type StoryData = Story['data'];

/** A value readers can filter a listing by, with how many of its stories have it. */
export interface FilterChoice {
  slug: string;
  label: string;
  stories: number;
}

export interface StoryListing {
  /** Address of its first page. */
  base: string;
  /** Newest update first: the order of its pages. */
  stories: StoryData[];
  /** The browse value it lists; none for the home page. */
  browse?: { kind: BrowseKind; term: Term<StoryData> } | undefined;
  /** The ratings and fandoms of its stories, to filter by. */
  choices: { ratings: FilterChoice[]; fandoms: FilterChoice[] };
}

export interface ListingPage<T, L> {
  listing: L;
  /** From 1. */
  page: number;
  pages: number;
  items: T[];
}

/** Pages of stories in a shard of a listing's index; the fixtures set 1 to exercise many shards. */
const pagesPerShard = Number(process.env.QUIRE_LIST_SHARD_PAGES) || PAGES_PER_SHARD;

/**
 * A filter offers the fandoms with most stories in the listing, at most this many (alphabetically),
 * so a page does not grow with the archive; every fandom has its own page to list its stories.
 */
const MOST_FANDOMS = 50;

/** The values of one kind a listing's stories have, in the site's order, with their counts. */
function choicesOf(taxonomy: StoryTaxonomies['ratings' | 'fandoms'], stories: readonly StoryData[], most = Infinity): FilterChoice[] {
  const counts = new Map<string, number>();
  for (const story of stories) {
    for (const value of valuesOf(story, taxonomy.kind)) {
      const slug = taxonomy.slugOf(value)!;
      counts.set(slug, (counts.get(slug) ?? 0) + 1);
    }
  }
  const kept = new Set([...counts].sort((a, b) => b[1] - a[1]).slice(0, most).map(([slug]) => slug));
  return taxonomy.terms.filter((term) => kept.has(term.slug)).map((term) => ({ slug: term.slug, label: term.label, stories: counts.get(term.slug)! }));
}

async function listStories(): Promise<StoryListing[]> {
  const [stories, all] = await Promise.all([getStories(), getTaxonomies()]);
  const listing = (base: string, listed: StoryData[], browse?: StoryListing['browse']): StoryListing => ({
    base,
    stories: listed,
    browse,
    choices: { ratings: choicesOf(all.ratings, listed), fandoms: choicesOf(all.fandoms, listed, MOST_FANDOMS) },
  });
  return [
    listing(
      homeUrl(),
      stories.map((story) => story.data),
    ),
    ...BROWSE_KINDS.flatMap((kind) => all[kind].terms.map((term) => listing(browseUrl(kind, term.slug), term.stories, { kind, term }))),
  ];
}

// Several routes list the listings; the content cannot change during a build, so they are made
// once. The development server makes them for each page, as the content may have changed.
let listed: Promise<StoryListing[]> | undefined;

function storyListings(): Promise<StoryListing[]> {
  if (import.meta.env.DEV) return listStories();
  return (listed ??= listStories());
}

function pagesOf<T, L>(listing: L, items: readonly T[], perPage: number): ListingPage<T, L>[] {
  const pages = pageCount(items.length, perPage);
  return Array.from({ length: pages }, (_, index) => ({ listing, page: index + 1, pages, items: pageSlice(items, index + 1, perPage) }));
}

/** Every page of the home page (`browse` false) or of the browse pages (true). */
export async function getStoryListingPages(browse: boolean): Promise<ListingPage<StoryData, StoryListing>[]> {
  const { perPage } = await getSite();
  return (await storyListings()).filter((listing) => Boolean(listing.browse) === browse).flatMap((listing) => pagesOf(listing, listing.stories, perPage.stories));
}

/** What the whole archive can be filtered by: the home listing's choices (the search page offers them). */
export async function getArchiveChoices(): Promise<StoryListing['choices']> {
  return (await storyListings())[0]!.choices;
}

export interface NameListing {
  kind: BrowseKind;
  base: string;
  label: string;
}

/** Every page of every browse index that has names. */
export async function getNameListingPages(): Promise<ListingPage<Term<StoryData>, NameListing>[]> {
  const [{ perPage }, all] = await Promise.all([getSite(), getTaxonomies()]);
  return BROWSE_KINDS.filter((kind) => all[kind].terms.length > 0).flatMap((kind) =>
    pagesOf({ kind, base: browseIndexUrl(kind), label: BROWSE_LABELS[kind].plural }, all[kind].terms, perPage.names),
  );
}

/** How many shards the index of a listing of `total` stories has. */
export const shardCount = (total: number, storiesPerPage: number): number => pageCount(total, storiesPerPage * pagesPerShard);

/** The route parameter of a page: none for page 1, `page/N` after (derived from the address). */
export const pageParameter = (page: number): string | undefined => listingPageUrl('', page).replace(/\/$/, '') || undefined;

export interface ListIndexFile {
  /** Its address, decoded, without `/lists/` and `.json`: `fandoms/x/0`, `fandoms/x/0-text`. */
  path: string;
  listing: StoryListing;
  shard: number;
  part: 'rows' | 'text';
}

/** Every file of every story listing's index: each shard's rows, and its stories' words. */
export async function getListIndexFiles(): Promise<ListIndexFile[]> {
  const { perPage } = await getSite();
  const prefix = listIndexUrl('/', 0).replace(/0\.json$/, '');
  const pathOf = (url: string) => decodeURI(url).slice(prefix.length, -'.json'.length);
  return (await storyListings()).flatMap((listing) =>
    Array.from({ length: shardCount(listing.stories.length, perPage.stories) }, (_, shard) =>
      (['rows', 'text'] as const).map((part) => ({ path: pathOf(listIndexUrl(listing.base, shard, part)), listing, shard, part })),
    ).flat(),
  );
}

/** What a file of a listing's index holds, made when it is written (all of them at once would be the archive's metadata many times over). */
export async function listIndexContent({ listing, shard, part }: ListIndexFile): Promise<ListRow[] | ListText[]> {
  const [{ perPage }, all] = await Promise.all([getSite(), getTaxonomies()]);
  const stories = pageSlice(listing.stories, shard + 1, perPage.stories * pagesPerShard);
  return part === 'rows' ? stories.map((story) => listRow(story, all.fandoms.slugOf)) : stories.map(listText);
}
