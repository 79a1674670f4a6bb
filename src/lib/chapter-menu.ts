/**
 * Which chapters the chapter menu of a chapter page lists. Every chapter page carries the menu,
 * so it must not grow with the story: a 1,000-chapter work listing every chapter would put 130 KB
 * of menu on each of its pages. It lists them all up to `CHAPTER_MENU_SIZE`; past that, the first
 * and the last chapter and a window around the current one, `CHAPTER_MENU_SIZE` in all, and links
 * to the story's full table of contents.
 */
export const CHAPTER_MENU_SIZE = 11;

/** The indexes (0-based, ascending) of the chapters the menu lists, of `count`, on chapter `current`. */
export function chapterMenuIndexes(count: number, current: number, size = CHAPTER_MENU_SIZE): number[] {
  if (count <= size) return Array.from({ length: count }, (_, i) => i);
  const around = size - 2;
  // The window sits between the first and the last chapter, centred on the current one where it can be.
  const start = Math.min(Math.max(1, current - Math.floor((around - 1) / 2)), count - 1 - around);
  return [0, ...Array.from({ length: around }, (_, i) => start + i), count - 1];
}
