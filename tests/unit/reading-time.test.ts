import { describe, expect, it } from 'vitest';
import { describeLength, readingMinutes, WORDS_PER_MINUTE } from '../../src/lib/reading-time';

describe('reading time', () => {
  it('rounds to whole minutes at the reading speed, at least one for any text', () => {
    expect(readingMinutes(0)).toBe(0);
    expect(readingMinutes(1)).toBe(1);
    expect(readingMinutes(WORDS_PER_MINUTE)).toBe(1);
    expect(readingMinutes(WORDS_PER_MINUTE * 12)).toBe(12);
    expect(readingMinutes(WORDS_PER_MINUTE * 12 + WORDS_PER_MINUTE / 2 - 1)).toBe(12);
    expect(readingMinutes(WORDS_PER_MINUTE * 12 + WORDS_PER_MINUTE / 2 + 1)).toBe(13);
  });

  it('describes a chapter as "12 min read, 2,840 words", in the reader\'s number format', () => {
    expect(describeLength(2840)).toBe('12 min read, 2,840 words');
    expect(describeLength(1)).toBe('1 min read, 1 word');
    expect(describeLength(0)).toBe('No text yet');
    expect(describeLength(123456, 'de')).toBe('537 min read, 123.456 words');
    expect(describeLength(2840, 'fr')).toBe('12 min read, 2\u202f840 words');
  });
});
