/**
 * Reader settings: the one place their storage keys, steps and defaults live. The inline settings
 * script, the controls and the tests all derive from these.
 */

/** Text size steps, in percent of the default reading size (which is rem-based). */
export const TEXT_SIZE_STEPS = [80, 90, 100, 110, 120, 135, 150, 175, 200] as const;
export const DEFAULT_TEXT_SIZE = 100;
export const TEXT_SIZE_KEY = 'quire:text-size';
/** CSS custom property holding the reading-text scale factor (1 = default). */
export const TEXT_SCALE_PROPERTY = '--text-scale';

/** The text size a stored value stands for: one of the steps, else the default. */
export function parseTextSize(value: unknown): number {
  const n = typeof value === 'string' ? Number.parseFloat(value) : Number.NaN;
  return (TEXT_SIZE_STEPS as readonly number[]).includes(n) ? n : DEFAULT_TEXT_SIZE;
}
