/** Browse sections: stories grouped by each value of a story field (pure, shared by the browse pages and the metadata links). */
import { RATING_LABELS } from './stories';
import { BROWSE_KINDS, slugsFor, type BrowseKind } from './urls';

type Rating = keyof typeof RATING_LABELS;

/** The story fields the browse sections group by. */
export interface Browsable {
  authors: readonly string[];
  fandoms: readonly string[];
  relationships: readonly string[];
  characters: readonly string[];
  tags: readonly string[];
  warnings: readonly string[];
  rating: Rating;
}

/** Headings for each section, as a list ("Fandoms") and for one value ("Fandom"), and what its pages list. */
export const BROWSE_LABELS: Record<BrowseKind, { plural: string; one: string; stories: (label: string) => string }> = {
  fandoms: { plural: 'Fandoms', one: 'Fandom', stories: (label) => `Stories in the fandom ${label}` },
  authors: { plural: 'Authors', one: 'Author', stories: (label) => `Stories by ${label}` },
  relationships: { plural: 'Relationships', one: 'Relationship', stories: (label) => `Stories with the relationship ${label}` },
  characters: { plural: 'Characters', one: 'Character', stories: (label) => `Stories with the character ${label}` },
  tags: { plural: 'Tags', one: 'Tag', stories: (label) => `Stories tagged ${label}` },
  ratings: { plural: 'Ratings', one: 'Rating', stories: (label) => `Stories rated ${label}` },
  warnings: { plural: 'Warnings', one: 'Warning', stories: (label) => `Stories with the warning ${label}` },
};

/** One value of a field and the stories that have it. */
export interface Term<S> {
  /** The value as the stories give it (for ratings, the rating key: `teen`). */
  value: string;
  /** What readers see ("Teen and Up" for `teen`). */
  label: string;
  slug: string;
  /** In the order the stories were given. */
  stories: S[];
}

export interface Taxonomy<S> {
  kind: BrowseKind;
  /** Ratings from the mildest; every other kind alphabetically in the site's language. */
  terms: Term<S>[];
  /** The slug of a value as written in a story, if the value is browsable. */
  slugOf: (value: string) => string | undefined;
  /** Values that would have had the same slug ("Slow Burn", "slow burn"): likely one name spelt two ways. */
  clashes: Term<S>[][];
}

/**
 * A value as browse pages compare it: Unicode-normalised (NFC, so the same visible name typed on
 * two systems is one value) and trimmed. Blank values are not browsable.
 */
const valueKey = (value: string): string => value.normalize('NFC').trim();

/** A story's distinct values of one kind. */
export function valuesOf(story: Browsable, kind: BrowseKind): string[] {
  const values = kind === 'ratings' ? [story.rating] : story[kind];
  return [...new Set(values.map(valueKey))].filter((value) => value !== '');
}

const RATING_ORDER: readonly string[] = Object.keys(RATING_LABELS);

/** Groups stories by the values of one kind; `locale` orders the values alphabetically. */
export function taxonomy<S extends Browsable>(kind: BrowseKind, stories: readonly S[], locale = 'en'): Taxonomy<S> {
  const storiesByValue = new Map<string, S[]>();
  for (const story of stories) {
    for (const value of valuesOf(story, kind)) {
      const grouped = storiesByValue.get(value);
      if (grouped) grouped.push(story);
      else storiesByValue.set(value, [story]);
    }
  }
  const slugs = slugsFor(storiesByValue.keys());
  const collator = new Intl.Collator(locale, { numeric: true });
  const terms = [...storiesByValue].map(([value, grouped]) => ({
    value,
    label: kind === 'ratings' ? RATING_LABELS[value as Rating] : value,
    slug: slugs.get(value)!,
    stories: grouped,
  }));
  terms.sort((a, b) =>
    kind === 'ratings' ? RATING_ORDER.indexOf(a.value) - RATING_ORDER.indexOf(b.value) : collator.compare(a.label, b.label) || (a.value < b.value ? -1 : 1),
  );
  const bySlugAlone = Map.groupBy(terms, (term) => slugsFor([term.value]).get(term.value));
  const clashes = [...bySlugAlone.values()].filter((group) => group.length > 1);
  return { kind, terms, slugOf: (value) => slugs.get(valueKey(value)), clashes };
}

/** Every browse section, in navigation order. */
export function taxonomies<S extends Browsable>(stories: readonly S[], locale = 'en'): Record<BrowseKind, Taxonomy<S>> {
  return Object.fromEntries(BROWSE_KINDS.map((kind) => [kind, taxonomy(kind, stories, locale)])) as Record<BrowseKind, Taxonomy<S>>;
}
