import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readLibrary } from '../../src/loaders/library';
import { ContentProblems, formatProblem } from '../../src/loaders/problems';

const fixture = (name: string) => path.resolve('tests/fixtures', name);
const renderCache = path.join(os.tmpdir(), `quire-test-${process.pid}`);

async function problemsOf(name: string): Promise<string[]> {
  try {
    await readLibrary(fixture(name), { includeDrafts: false, renderCache });
  } catch (error) {
    if (error instanceof ContentProblems) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error(`${name} was expected to have problems`);
}

describe('reading the content folder', () => {
  it('reports every problem of an invalid library at once, naming the file, the field and the reason', async () => {
    const problems = await problemsOf('invalid');
    const root = 'tests/fixtures/invalid';
    const expected = [
      `${root}/site.yaml: url: expected an absolute http(s) URL`,
      `${root}/stories/bad-fields/index.md: authors: expected at least one author`,
      `${root}/stories/bad-fields/index.md: rating: expected one of general, teen, mature, explicit, not-rated, got "R"`,
      `${root}/stories/bad-fields/index.md: note: unknown field (did you mean "notes"?)`,
      `${root}/stories/bad-fields/index.md: published: "2024-13-45" is not a real date (month 13); dates are written YYYY-MM-DD`,
      `${root}/stories/bad-fields/index.md: language: expected a BCP 47 language tag`,
      `${root}/stories/bad-fields/index.md: status: expected one of complete, in-progress, got "done"`,
      `${root}/stories/bad-fields/01-one.md: published: "2024-02-30" is not a real date (February 2024 has 29 days); dates are written YYYY-MM-DD`,
      `${root}/stories/bad-fields/01-one.md: draft: expected true or false, got "yes"`,
      `${root}/stories/bad-fields/index.md: tags: expected text or a list of text, got {"nested":"map"}`,
      `${root}/stories/bad-fields/01-one.md: disclaimer: expected Markdown text, or false for none, got 3`,
      `${root}/stories/bad-fields/02-two.md: invalid YAML at line 3`,
      `${root}/stories/bad-fields/notes.md: not a chapter file`,
      `${root}/stories/Bad_Folder: story folder name "Bad_Folder" must be lowercase`,
      `${root}/stories/dupes/index.md: cover: "missing.png" does not exist`,
      `${root}/stories/dupes/02-same.md: chapter slug "same" is also used by 01-same.md`,
      `${root}/stories/dupes/03-third.md: chapter number 03 is also used by 03-fourth.md`,
      `${root}/stories/dupes/05-all.md: chapter slug "all" is reserved`,
      `${root}/stories/dupes/06-no-date.md: published: required`,
      `${root}/stories/no-index/index.md: missing`,
      `${root}/stories/untitled/index.md: title: required`,
    ];
    for (const start of expected) {
      expect(problems.some((p) => p.startsWith(start)), `expected a problem starting "${start}" in:\n${problems.join('\n')}`).toBe(true);
    }
    expect(problems).toHaveLength(expected.length);
  });

  it('reads a valid library with defaults resolved and drafts left out', async () => {
    const library = await readLibrary(fixture('library'), { includeDrafts: false, renderCache });
    expect(library.stories.map((s) => s.slug).sort()).toEqual(['edge-cases', 'hostile', 'long-serial', 'long-words', 'mature-story', 'publisher-styling', 'rtl-story', 'warned-story']);
    const edge = library.stories.find((s) => s.slug === 'edge-cases')!;
    expect(edge).toMatchObject({
      authors: ['Solo Author'],
      fandoms: ['Single Fandom'],
      tags: ['one tag'],
      rating: 'not-rated',
      language: 'en-GB',
      dir: 'ltr',
      published: '2023-12-01',
      updated: '2024-03-01',
      chapterCount: 3,
      cover: { file: 'cover.png', width: 60, height: 90 },
      files: ['cover.png', 'images/dot.png'],
    });
    expect(edge.title).toEqual({ html: 'Edge <em>Cases</em>', text: 'Edge Cases' });
    const chapters = library.chapters.filter((c) => c.story === 'edge-cases');
    expect(chapters.map((c) => [c.slug, c.position, c.title.text])).toEqual([
      ['untitled', 1, 'Chapter 1'],
      ['empty', 2, 'An Empty Chapter'],
      ['every-scene-break', 3, 'Every Scene Break'],
    ]);
    expect(chapters[0]).toMatchObject({ published: '2023-12-01', updated: '2023-12-01', disclaimer: undefined });
    expect(chapters[1]).toMatchObject({ words: 0, updated: '2024-02-01' });
    expect(chapters[1]!.disclaimer).toContain('This chapter has its own disclaimer.');
    const sceneBreaks = readFileSync(chapters[2]!.textFile, 'utf8');
    expect(sceneBreaks.match(/<hr>/g)).toHaveLength(9);
    expect(sceneBreaks).not.toMatch(/<h\d|<pre/);
    expect(library.stories.find((s) => s.slug === 'rtl-story')).toMatchObject({ language: 'ar', dir: 'rtl' });
    // The site disclaimer applies where neither story nor chapter sets one.
    expect(library.chapters.find((c) => c.story === 'rtl-story')!.disclaimer).toContain('A site-wide disclaimer.');
  });

  it('takes the site URL from site.yaml, else SITE_URL, else localhost', async () => {
    const previous = process.env.SITE_URL;
    try {
      delete process.env.SITE_URL;
      expect((await readLibrary(fixture('library'), { includeDrafts: false, renderCache })).site.url).toBe('http://localhost:4321');
      process.env.SITE_URL = 'https://stories.example.org';
      expect((await readLibrary(fixture('library'), { includeDrafts: false, renderCache })).site.url).toBe('https://stories.example.org');
    } finally {
      if (previous === undefined) delete process.env.SITE_URL;
      else process.env.SITE_URL = previous;
    }
  });

  it('includes drafts in development', async () => {
    const library = await readLibrary(fixture('library'), { includeDrafts: true, renderCache });
    expect(library.stories.map((s) => s.slug)).toContain('draft-story');
    expect(library.chapters.map((c) => c.slug)).toContain('not-yet');
  });

  it('keeps resolved stories between reads: the same entries, read again only when a file they come from changed', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'quire-entries-'));
    cpSync(fixture('library'), root, { recursive: true });
    const options = { includeDrafts: false, renderCache: path.join(root, '.cache/text'), entryCache: path.join(root, '.cache/entries'), prune: true };
    const uncached = await readLibrary(root, { ...options, entryCache: undefined });
    const first = await readLibrary(root, options);
    const second = await readLibrary(root, options);
    // What a build hands Astro is the same with the cache (kept or just resolved) as without; JSON, as the store holds it.
    const asStored = (library: typeof first) => JSON.parse(JSON.stringify({ site: library.site, stories: library.stories, chapters: library.chapters })) as { stories: { slug: string }[] };
    expect(asStored(first)).toEqual(asStored(uncached));
    expect(asStored(second)).toEqual(asStored(uncached));
    expect(readdirSync(options.entryCache).sort()).toEqual(first.stories.map((story) => story.slug).sort());
    // The dev server, which shows drafts, uses the same entries for every story without any.
    const withDrafts = await readLibrary(root, { ...options, includeDrafts: true, prune: false });
    expect(asStored(withDrafts).stories.filter((story) => story.slug === 'long-serial')).toEqual(asStored(uncached).stories.filter((story) => story.slug === 'long-serial'));
    expect(readdirSync(path.join(options.entryCache, 'long-serial'))).toHaveLength(1);
    expect(readdirSync(path.join(options.entryCache, 'draft-story'))).toHaveLength(1);

    // A chapter edited: that story is resolved again (and the entry it replaced removed).
    const chapterFile = path.join(root, 'stories/long-serial/01-entry-1.md');
    writeFileSync(chapterFile, readFileSync(chapterFile, 'utf8').replace(/\n\n/, '\n\nOne more sentence here.\n\n'));
    const edited = await readLibrary(root, options);
    const words = (library: typeof first) => library.stories.find((story) => story.slug === 'long-serial')!.words;
    expect(words(edited)).toBe(words(first) + 4);
    expect(readdirSync(path.join(options.entryCache, 'long-serial'))).toHaveLength(1);

    // A cover replaced by another of a new size, its Markdown untouched: the kept entries are not trusted.
    await sharp({ create: { width: 30, height: 40, channels: 3, background: '#808080' } }).png().toFile(path.join(root, 'stories/edge-cases/cover.png'));
    const recovered = await readLibrary(root, options);
    expect(recovered.stories.find((story) => story.slug === 'edge-cases')!.cover).toMatchObject({ width: 30, height: 40 });
  });

  it('keeps a chapter that shows an image rendered, until the image changes', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'quire-kept-image-'));
    cpSync(fixture('library'), root, { recursive: true });
    const options = { includeDrafts: false, renderCache: path.join(root, '.cache/text') };
    // Rendering again writes the text anew (a new file in its place); kept, it is the same file.
    const textOf = async () => statSync((await readLibrary(root, options)).chapters.find((c) => c.story === 'edge-cases' && c.position === 1)!.textFile).ino;
    const first = await textOf();
    expect(await textOf()).toBe(first);
    await sharp({ create: { width: 2, height: 2, channels: 3, background: '#000000' } }).png().toFile(path.join(root, 'stories/edge-cases/images/dot.png'));
    expect(await textOf()).not.toBe(first);
  });
});
