/** Ordering and navigation rules for stories and chapters (pure, shared by every page). */

interface Updated {
  updated: string;
  title: { text: string };
}

/** Newest-updated first; ties broken by title so the order is stable. */
export const byNewestUpdate = (a: Updated, b: Updated): number =>
  b.updated.localeCompare(a.updated) || a.title.text.localeCompare(b.title.text);

/** The items before and after position `index` of a list, if any. */
export function neighbours<T>(items: readonly T[], index: number): { previous: T | undefined; next: T | undefined } {
  return { previous: items[index - 1], next: items[index + 1] };
}

export const RATING_LABELS = {
  general: 'General Audiences',
  teen: 'Teen and Up',
  mature: 'Mature',
  explicit: 'Explicit',
  'not-rated': 'Not Rated',
} as const;

export const STATUS_LABELS = { complete: 'Complete', 'in-progress': 'In progress' } as const;

/** Names joined for reading: "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[], locale = 'en'): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(names);
}
