/**
 * Content gates: which stories show a notice before their text, and where readers' choices are
 * stored. The inline gate script, the gate element and the tests all derive from these.
 */

/** Ratings that gate a story on their own. */
const GATED_RATINGS: readonly string[] = ['mature', 'explicit'];

/**
 * Warnings that say there is nothing to warn about, compared case-insensitively. AO3's "Creator
 * Chose Not To Use Archive Warnings" is not one of them: it tells the reader the story may hold
 * anything, which is exactly what a reader who avoids some content needs to know before the text.
 */
const NO_WARNINGS: readonly string[] = ['No Archive Warnings Apply'];

/** Prefix of the per-story key: `quire:gate:<story slug>` is set once the reader continues. */
export const GATE_STORY_KEY_PREFIX = 'quire:gate:';
/** Set when the reader asks never to see a gate again, on any story. */
export const GATE_SKIP_ALL_KEY = 'quire:gate-skip-all';
/** The value both keys hold once set. */
export const GATE_PASSED = '1';

export const gateStoryKey = (story: string): string => `${GATE_STORY_KEY_PREFIX}${story}`;

const normalise = (warning: string): string => warning.trim().replace(/\s+/g, ' ').toLowerCase();
const noWarnings = new Set(NO_WARNINGS.map(normalise));

/** The warnings that warn of something (blank ones and "no warnings apply" dropped). */
export const realWarnings = (warnings: readonly string[]): string[] =>
  warnings.filter((warning) => normalise(warning) !== '' && !noWarnings.has(normalise(warning)));

/** Whether a story shows the gate before its text. */
export const isGated = (story: { rating: string; warnings: readonly string[] }): boolean =>
  GATED_RATINGS.includes(story.rating) || realWarnings(story.warnings).length > 0;

/** Whether the reader has agreed to see a story's text: for it, or for every story (the inline gate script asks the same, in its own words). */
export const gatePassed = (story: string, read: (key: string) => string | null): boolean =>
  read(GATE_SKIP_ALL_KEY) === GATE_PASSED || read(gateStoryKey(story)) === GATE_PASSED;

/** What the gate states, in one line: "Rated Mature. Warnings: A, B." (for places that show no gate, like search results). */
export function gateNotice(ratingLabel: string, warnings: readonly string[]): string {
  const real = realWarnings(warnings);
  return `Rated ${ratingLabel}.${real.length > 0 ? ` Warnings: ${real.join(', ')}.` : ''}`;
}
