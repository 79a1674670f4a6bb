const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `text` is a real calendar date written `YYYY-MM-DD` (no roll-over: 2024-02-30 is false). */
export function isCalendarDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/**
 * A date as readers see it, e.g. "3 March 2025", computed from the written text in UTC so that
 * no time zone can shift it by a day.
 */
export function formatDate(text: string, locale = 'en'): string {
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${text}T00:00:00Z`));
}

/** ISO dates compare correctly as strings; these pick the earliest and latest of a list. */
export const earliest = (dates: readonly string[]): string | undefined =>
  dates.length ? dates.reduce((a, b) => (b < a ? b : a)) : undefined;

export const latest = (dates: readonly string[]): string | undefined =>
  dates.length ? dates.reduce((a, b) => (b > a ? b : a)) : undefined;
