import { describe, expect, it } from 'vitest';
import { CHAPTER_MENU_SIZE, chapterMenuIndexes } from '../../src/lib/chapter-menu';

describe('chapterMenuIndexes', () => {
  it('lists every chapter of a story that fits', () => {
    expect(chapterMenuIndexes(1, 0)).toEqual([0]);
    expect(chapterMenuIndexes(CHAPTER_MENU_SIZE, 5)).toEqual([...Array(CHAPTER_MENU_SIZE).keys()]);
  });

  it('past that, the first, the last and a window centred on the current chapter', () => {
    expect(chapterMenuIndexes(100, 50)).toEqual([0, 46, 47, 48, 49, 50, 51, 52, 53, 54, 99]);
  });

  it('keeps the window whole at either end', () => {
    expect(chapterMenuIndexes(100, 0)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 99]);
    expect(chapterMenuIndexes(100, 2)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 99]);
    expect(chapterMenuIndexes(100, 99)).toEqual([0, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99]);
    expect(chapterMenuIndexes(12, 11)).toEqual([0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('never grows with the story, always lists the current chapter, and never repeats one', () => {
    for (const count of [12, 13, 50, 1000, 100_000]) {
      for (const current of [0, 1, Math.floor(count / 2), count - 2, count - 1]) {
        const indexes = chapterMenuIndexes(count, current);
        expect(indexes).toHaveLength(CHAPTER_MENU_SIZE);
        expect(indexes).toContain(current);
        expect(new Set(indexes).size).toBe(indexes.length);
        expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
      }
    }
  });
});
