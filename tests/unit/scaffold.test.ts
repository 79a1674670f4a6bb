import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLibrary } from '../../src/loaders/library';
import { chapterFile, nextChapter, storyFiles, storySlugProblem, titleFromSlug, today } from '../../src/build/scaffold';

describe('scaffolding', () => {
  it('numbers the next chapter after the highest, padded like the files already there', () => {
    expect(nextChapter([])).toMatchObject({ number: 1, name: '01-chapter-1.md', title: 'Chapter 1' });
    expect(nextChapter(['index.md', '01-start.md', '02-middle.md', 'cover.png'])).toMatchObject({ number: 3, name: '03-chapter-3.md' });
    expect(nextChapter(['001-a.md', '010-b.md'], 'The Long Way Round')).toMatchObject({
      number: 11,
      name: '011-the-long-way-round.md',
      slug: 'the-long-way-round',
      title: 'The Long Way Round',
    });
    // The reserved slug "all" (the whole-work page) is never made from a title.
    expect(nextChapter(['01-a.md'], 'All').slug).toBe('chapter-2');
  });

  it('checks story slugs against the content rules', () => {
    expect(storySlugProblem('the-tin-lantern')).toBeUndefined();
    for (const bad of ['The-Tin-Lantern', 'tin_lantern', '-tin', 'tin--lantern', 'tin lantern', '']) {
      expect(storySlugProblem(bad)).toContain('is not a valid story slug');
    }
  });

  it('dates files by the local calendar', () => {
    expect(today(new Date(2031, 0, 9, 23, 59))).toBe('2031-01-09');
    expect(titleFromSlug('the-tin-lantern')).toBe('The Tin Lantern');
  });

  it('writes files that pass the content check as written', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'quire-scaffold-'));
    const folder = path.join(root, 'stories', 'first-light');
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(root, 'site.yaml'), 'title: Scaffold\n');
    for (const file of storyFiles('first-light', { date: '2031-01-09' })) writeFileSync(path.join(folder, file.name), file.text);
    writeFileSync(path.join(folder, '02-chapter-2.md'), chapterFile('Chapter 2', '2031-01-10'));
    const library = await readLibrary(root, { includeDrafts: true, renderCache: path.join(root, 'cache') });
    expect(library.stories[0]).toMatchObject({ slug: 'first-light', draft: true, published: '2031-01-09', authors: ['Your Name'] });
    expect(library.chapters.map((c) => [c.slug, c.published, c.draft])).toEqual([
      ['chapter-1', '2031-01-09', true],
      ['chapter-2', '2031-01-10', true],
    ]);
  });
});
