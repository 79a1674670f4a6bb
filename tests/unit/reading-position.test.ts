import { describe, expect, it } from 'vitest';
import {
  parseReadingPosition,
  READING_POSITION_PREFIX,
  readingPositionKey,
  serialiseReadingPosition,
  type ReadingPosition,
} from '../../src/lib/reading-position';
import { INLINE_SCRIPTS } from '../../src/build/inline-scripts';

const continueScript = INLINE_SCRIPTS.continueReading.code;

const position: ReadingPosition = { chapter: 'the-lighthouse', number: 2, url: '/stories/salt/the-lighthouse/', paragraph: 14 };

/** Stored values that are not positions. */
const MALFORMED = [
  null,
  '',
  'not json',
  '42',
  'null',
  '[]',
  JSON.stringify({ ...position, paragraph: -1 }),
  JSON.stringify({ ...position, paragraph: 1.5 }),
  JSON.stringify({ ...position, number: 0 }),
  JSON.stringify({ ...position, number: '2' }),
  JSON.stringify({ ...position, url: 'https://elsewhere.example/' }),
  JSON.stringify({ ...position, chapter: 3 }),
  JSON.stringify({ chapter: 'x', number: 1, paragraph: 0 }),
];

describe('reading positions', () => {
  it('are stored per story under the quire: prefix', () => {
    expect(readingPositionKey('salt')).toBe('quire:position:salt');
    expect(READING_POSITION_PREFIX.startsWith('quire:')).toBe(true);
  });

  it('round-trip through storage', () => {
    expect(parseReadingPosition(serialiseReadingPosition(position))).toEqual(position);
    expect(parseReadingPosition(serialiseReadingPosition({ ...position, paragraph: 0 }))).toEqual({ ...position, paragraph: 0 });
  });

  it('ignore malformed or foreign values instead of throwing', () => {
    for (const value of MALFORMED) expect(parseReadingPosition(value), String(value)).toBeUndefined();
  });
});

/** Runs the inline continue script against one `[data-continue-story]` element and a stored value. */
function runContinueScript(stored: string | null, storyUrl = '/stories/salt/') {
  const link = { href: storyUrl };
  const number = { textContent: '' };
  const element = {
    hidden: true,
    dataset: { continueStory: 'salt', storyUrl },
    querySelector: (selector: string) => (selector === 'a' ? link : number),
  };
  const storage = { getItem: (key: string) => (key === readingPositionKey('salt') ? stored : null) };
  new Function('document', 'localStorage', continueScript)({ querySelectorAll: () => [element] }, storage);
  return { shown: !element.hidden, href: link.href, number: number.textContent };
}

describe('the inline "Continue reading" script', () => {
  it('links to the remembered paragraph', () => {
    expect(runContinueScript(serialiseReadingPosition(position))).toEqual({
      shown: true,
      href: '/stories/salt/the-lighthouse/#p-14',
      number: '2',
    });
    expect(runContinueScript(serialiseReadingPosition({ ...position, paragraph: 0 })).href).toBe('/stories/salt/the-lighthouse/');
  });

  it('accepts exactly what parseReadingPosition accepts, and never throws', () => {
    for (const value of MALFORMED) expect(runContinueScript(value).shown, String(value)).toBe(false);
  });

  it('shows a link for every value parseReadingPosition accepts inside the story, and for no other', () => {
    const values = [
      ...MALFORMED,
      serialiseReadingPosition(position),
      serialiseReadingPosition({ ...position, paragraph: 0 }),
      serialiseReadingPosition({ ...position, url: '/stories/salt/' }),
      JSON.stringify({ ...position, extra: true }),
      '{"chapter":"one","number":1.0,"url":"/stories/salt/one/","paragraph":3e1}',
      JSON.stringify({ ...position, number: Number.MAX_SAFE_INTEGER }),
      JSON.stringify({ ...position, url: 'stories/salt/the-lighthouse/' }),
      JSON.stringify({ ...position, paragraph: '14' }),
      JSON.stringify({ ...position, number: null }),
      JSON.stringify([position]),
      '{}',
      'true',
      '"/stories/salt/"',
    ];
    for (const value of values) {
      const accepted = parseReadingPosition(value);
      const shown = accepted !== undefined && accepted.url.startsWith('/stories/salt/');
      expect(runContinueScript(value).shown, String(value)).toBe(shown);
    }
    expect(values.filter((value) => parseReadingPosition(value) !== undefined).length).toBe(6);
  });

  it('ignores a position that points outside the story', () => {
    expect(runContinueScript(serialiseReadingPosition({ ...position, url: '/stories/other/one/' })).shown).toBe(false);
  });
});
