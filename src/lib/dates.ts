const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * What is wrong with a date written `YYYY-MM-DD`, in an author's words ("month 13", "June has 30
 * days"), or nothing when it is a real calendar date. Nothing rolls over: 2024-02-30 is wrong.
 */
export function dateProblem(text: string): string | undefined {
  const match = DATE_PATTERN.exec(text);
  if (!match) return 'not written YYYY-MM-DD';
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  if (month < 1 || month > 12) return `month ${month}`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) {
    const name = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, month - 1, 1));
    return day < 1 ? `day ${day}` : `${name}${month === 2 ? ` ${year}` : ''} has ${days} days`;
  }
  return undefined;
}

/** True when `text` is a real calendar date written `YYYY-MM-DD` (no roll-over: 2024-02-30 is false). */
export const isCalendarDate = (text: string): boolean => dateProblem(text) === undefined;

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
