import { readFileSync } from 'node:fs';
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../src/build/frontmatter';
import { combinePages, conflicts, decodePage, ImportError, readArchivePage, slugify, storyFiles } from '../../src/build/import/index';
import { languageTag, mapRating, readDate } from '../../src/build/import/story';
import { renderChapter, renderNote } from '../../src/loaders/markdown';

const FIXTURES = 'tests/fixtures/import';
const EFICTION = [`${FIXTURES}/efiction-tin-lantern/chapter-1.html`, `${FIXTURES}/efiction-tin-lantern/chapter-2.html`];
const AO3 = `${FIXTURES}/ao3/the-cartographers-error.html`;

const read = (file: string) => readFileSync(file, 'utf8');
const page = (file: string): Root => unified().use(rehypeParse).parse(read(file));
const importPage = (file: string) => readArchivePage(file, read(file));

/** Words as a reader counts them; typographic apostrophes are the typed ones. */
const WORD = /[\p{L}\p{N}]+(?:['’\-‐][\p{L}\p{N}]+)*/gu;
const words = (text: string): string[] => text.replace(/’/g, "'").match(WORD) ?? [];
/** The words of a region of a saved page, as a browser lays its text out. */
const sourceWords = (node: Element | undefined): string[] => words(node ? toText(node) : '');

/** The imported files of a story, by name, with their frontmatter and body. */
function importedFiles(files: { name: string; text: string }[]) {
  return Object.fromEntries(files.map((file) => [file.name, splitFrontmatter(file.text)]));
}
const renderedWords = async (markdown: unknown) => words((await renderNote(String(markdown ?? ''))).text);
const chapterWords = async (markdown: string) => words((await renderChapter(markdown)).text);

describe('importing eFiction chapter pages', () => {
  // Given in reverse order: the chapter numbers on the pages set the order.
  const story = combinePages([...EFICTION].reverse().map((file) => ({ file, story: importPage(file) })));
  const { files, problems } = storyFiles(story, '2030-01-01');
  const imported = importedFiles(files);

  it('makes one story of a folder of pages, ordered by chapter number, named by the chapter menu', () => {
    expect(problems).toEqual([]);
    expect(story.notices).toEqual([]);
    expect(files.map((file) => file.name)).toEqual(['index.md', '01-the-ferry-at-dusk.md', '02-lamplight-ledgers.md']);
    expect(imported['01-the-ferry-at-dusk.md']!.data['title']).toBe('The Ferry at Dusk');
    expect(imported['02-lamplight-ledgers.md']!.data['title']).toBe('Lamplight & Ledgers');
  });

  it('reads the story details the pages show, mapped to the contract', () => {
    expect(imported['index.md']!.data).toEqual({
      title: 'The Tin Lantern',
      authors: 'quillfeather',
      fandoms: ['Harbour Lights'],
      rating: 'teen',
      characters: ['Wren Calloway', 'Old Ambrose'],
      tags: ['Mystery', 'Friendship'],
      status: 'in-progress',
      published: '2009-03-03',
      updated: '2009-04-18',
      notes: 'Written for the *Harbour Lights* winter swap. Three chapters, all drafted.',
    });
    expect(imported['index.md']!.body.trim()).toBe("A lamp-maker's apprentice finds a lantern that *will not* go out.");
  });

  it('keeps every word of the notes, the disclaimer, the text and the end notes', async () => {
    const [chapterOne, chapterTwo] = EFICTION.map(page);

    const first = imported['01-the-ferry-at-dusk.md']!;
    const [storyNotes, notesOne, endNotesOne] = selectAll('.noteinfo', chapterOne);
    expect(await renderedWords(imported['index.md']!.data['notes'])).toEqual(sourceWords(storyNotes));
    expect(await renderedWords(first.data['notes'])).toEqual(sourceWords(notesOne));
    expect(await renderedWords(first.data['endNotes'])).toEqual(sourceWords(endNotesOne));
    // Chapter 1's disclaimer is the first line of its text: together they are the text block.
    const disclaimerOne = await renderedWords(first.data['disclaimer']);
    expect(disclaimerOne).toEqual(words("None of these people belong to me, more's the pity."));
    expect([...disclaimerOne, ...(await chapterWords(first.body))]).toEqual(sourceWords(select('#story', chapterOne)));

    const second = imported['02-lamplight-ledgers.md']!;
    const [notesTwo, endNotesTwo] = selectAll('.noteinfo', chapterTwo);
    expect(await renderedWords(second.data['notes'])).toEqual(sourceWords(notesTwo));
    expect(await renderedWords(second.data['endNotes'])).toEqual(sourceWords(endNotesTwo));
    expect(['Disclaimer', ...(await renderedWords(second.data['disclaimer']))]).toEqual(sourceWords(select('p.disclaimer', chapterTwo)));
    expect(await chapterWords(second.body)).toEqual(sourceWords(select('#story', chapterTwo)));
  });

  it('takes a disclaimer label off, however it is marked up', () => {
    for (const label of ['Disclaimer:', '<b>Disclaimer:</b>', '<b>Disclaimer</b>:', '<strong>DISCLAIMER</strong> -']) {
      const html = read(EFICTION[1]!).replace('Disclaimer: Harbour Lights', `${label} Harbour Lights`);
      expect(readArchivePage('page.html', html).chapters[0]!.disclaimer).toBe('Harbour Lights and everyone in it belong to their creators; only the lantern is mine.');
    }
  });

  it('finds a disclaimer that is a plain line between the chapter notes and the text', () => {
    // As many archive skins print it: no class, no label, just the author's line after the notes.
    const html = read(EFICTION[1]!).replace(
      '<p class="disclaimer">Disclaimer: Harbour Lights and everyone in it belong to their creators; only the lantern is mine.</p>',
      '<br /><br />I do not own Harbour Lights; only the lantern is mine.<br /><br />',
    );
    const [chapter] = readArchivePage('page.html', html).chapters;
    expect(chapter!.disclaimer).toBe('I do not own Harbour Lights; only the lantern is mine.');
    expect(chapter!.notes).toContain('my cat sat on the keyboard');
    expect(chapter!.text).not.toContain('I do not own');
    expect(chapter!.text.startsWith('Wren counted the lanterns twice')).toBe(true);
  });

  it('leaves a "Text Size" control inside the text out of the chapter', () => {
    const html = read(EFICTION[1]!).replace(
      '<div id="story"><span style="font-size: 100%;">',
      '<div id="story"><div id="sizeadj"><a href="javascript:fontDecrease();">-</a> Text Size <a href="javascript:fontIncrease();">+</a></div><span style="font-size: 100%;">',
    );
    const [chapter] = readArchivePage('page.html', html).chapters;
    expect(chapter!.text).not.toMatch(/Text Size|fontDecrease/);
    expect(chapter!.text.startsWith('Wren counted the lanterns twice')).toBe(true);
  });

  it('leaves the site chrome and tracking behind', () => {
    const all = files.map((file) => file.text).join('\n');
    for (const chrome of ['Text Size', 'login', 'register', 'Previous', 'Next >>', 'Favorites', 'Table of Contents', 'Reviews - 6', 'Report This', 'Printer', 'UA-0000000', 'tracker', 'powered by', 'Browse', 'Disclaimer:']) {
      expect(all).not.toContain(chrome);
    }
  });

  it('writes the text as clean Markdown: scene breaks, emphasis and allowed HTML kept, prose escaped', () => {
    const text = imported['02-lamplight-ledgers.md']!.body;
    expect(text).toContain('\n\n----\n\nBy morning');
    expect(text).toContain('his *soldering*.');
    expect(text).toContain('**Eleven.**');
    expect(text).toContain('> ONE LANTERN, NOT FOR SALE');
    expect(text).toContain('\\# of lanterns sold');
    expect(text).toContain('1\\. Polish the brass.');
    expect(text).toContain('<u>see me</u>');
    expect(text).toContain('3<sup>rd</sup>');
    expect(text).not.toMatch(/\u00a0|&nbsp;|<font|<span|class=|style=/);
    expect(text).not.toMatch(/\n{3,}/);
    expect(imported['01-the-ferry-at-dusk.md']!.body).toContain('\n\n* * *\n\n');
  });
});

describe('importing an AO3 HTML download', () => {
  const story = importPage(AO3);
  const { files, problems } = storyFiles(story, '2030-01-01');
  const imported = importedFiles(files);
  const source = page(AO3);

  it('reads the preface metadata, mapped to the contract', () => {
    expect(problems).toEqual([]);
    expect(files.map((file) => file.name)).toEqual(['index.md', '01-the-island-that-wasnt.md', '02-fog-rights.md']);
    expect(imported['index.md']!.data).toMatchObject({
      title: "The Cartographer's Error",
      authors: 'marginalia_moth',
      fandoms: ['Harbour Lights', 'Tidewater Chronicles'],
      rating: 'teen',
      warnings: ['No Archive Warnings Apply'],
      relationships: ['Wren Calloway & Jory Flint'],
      characters: ['Wren Calloway', 'Jory Flint', 'Original Character'],
      tags: ['Gen', 'Maps', 'Found Family', 'Fog'],
      language: 'en',
      status: 'complete',
      published: '2021-06-02',
      updated: '2021-07-14',
    });
    expect(story.notices).toEqual(['"Series: Part 2 of Lamps and Ledgers" has no field in Quire and was not imported']);
  });

  it('keeps every word of the summary, notes, chapter texts and end notes', async () => {
    const [summary, notes, ...chapterQuotes] = selectAll('#preface blockquote.userstuff, #chapters blockquote.userstuff', source);
    expect(words(imported['index.md']!.body)).toEqual(sourceWords(summary));
    expect(await renderedWords(imported['index.md']!.data['notes'])).toEqual(sourceWords(notes));
    expect(await renderedWords(imported['index.md']!.data['endNotes'])).toEqual(sourceWords(select('#endnotes blockquote', source)));
    const [summaryOne, notesOne, endNotesOne] = chapterQuotes;
    const one = imported['01-the-island-that-wasnt.md']!;
    expect(await renderedWords(one.data['summary'])).toEqual(sourceWords(summaryOne));
    expect(await renderedWords(one.data['notes'])).toEqual(sourceWords(notesOne));
    expect(await renderedWords(one.data['endNotes'])).toEqual(sourceWords(endNotesOne));
    const texts = selectAll('#chapters > div.userstuff', source);
    expect(await chapterWords(one.body)).toEqual(sourceWords(texts[0]));
    expect(await chapterWords(imported['02-fog-rights.md']!.body)).toEqual(sourceWords(texts[1]));
  });

  it('leaves the download chrome behind', () => {
    const all = files.map((file) => file.text).join('\n');
    for (const chrome of ['Posted originally', 'Archive of Our Own', 'drop by', 'See the end', 'Preface', 'Afterword', 'Chapter Summary', 'Chapter 1:']) {
      expect(all).not.toContain(chrome);
    }
  });

  it('gives a one-shot download its title as the chapter title', () => {
    const html = read(AO3)
      .replace(/<div id="chapters" class="userstuff">[\s\S]*<\/div>\s*<div id="afterword">/, '<div id="chapters" class="userstuff"><div class="userstuff"><p>Only this.</p></div></div><div id="afterword">');
    const oneShot = readArchivePage('one-shot.html', html);
    expect(oneShot.chapters).toEqual([{ title: "The Cartographer's Error", text: 'Only this.' }]);
  });
});

describe('pages the importer cannot use', () => {
  it('names the file and says why', () => {
    expect(() => importPage(`${FIXTURES}/not-an-archive.html`)).toThrow(
      `${FIXTURES}/not-an-archive.html: not a page the importer recognises: expected an eFiction chapter page`,
    );
    expect(() => readArchivePage('notes.txt', 'Just some words.')).toThrow('notes.txt: not an HTML page');
    const noChapters = read(AO3).replace('id="chapters"', 'id="text"');
    expect(() => readArchivePage('work.html', noChapters)).toThrow('work.html: looks like an AO3 download but lacks its #preface or #chapters block');
    const contents = read(EFICTION[0]!).replace('id="story"', 'id="contents"');
    expect(() => readArchivePage('toc.html', contents)).toThrow('toc.html: looks like an eFiction page but has no #story block');
    const noAuthor = read(EFICTION[0]!).replace(/<a href="viewuser\.php\?uid=77">quillfeather<\/a>/, 'someone');
    expect(() => readArchivePage('chapter.html', noAuthor)).toThrow('chapter.html: no author');
  });

  it('reads pages saved in the legacy charsets old archives served', () => {
    const utf8 = '<meta charset="utf-8"><p>Wren’s café</p>';
    expect(decodePage(new TextEncoder().encode(utf8))).toBe(utf8);
    // windows-1252: ’ is 0x92, é is 0xE9; not valid UTF-8.
    const legacy = Uint8Array.from([...Buffer.from('<meta charset="windows-1252"><p>Wren'), 0x92, ...Buffer.from('s caf'), 0xe9, ...Buffer.from('</p>')]);
    expect(decodePage(legacy)).toBe('<meta charset="windows-1252"><p>Wren’s café</p>');
    const undeclared = Uint8Array.from([...Buffer.from('<p>caf'), 0xe9, ...Buffer.from('</p>')]);
    expect(decodePage(undeclared)).toBe('<p>café</p>');
  });

  it('refuses a folder that mixes stories or repeats a chapter', () => {
    const one = { file: 'a.html', story: importPage(EFICTION[0]!) };
    const other = { file: 'b.html', story: { ...importPage(EFICTION[1]!), key: 'efiction:9:Another', title: 'Another' } };
    expect(() => combinePages([one, other])).toThrow('b.html: is a page of "Another", not of "The Tin Lantern" (a.html)');
    expect(() => combinePages([one, { ...one, file: 'copy.html' }])).toThrow(/copy\.html: is chapter \d, like a\.html/);
    expect(() => combinePages([one, { file: 'w.html', story: importPage(AO3) }])).toThrow(ImportError);
  });

  it('checks the files it would write against the content schemas', () => {
    const story = { ...importPage(AO3), authors: [], published: '2021-02-30' };
    expect(storyFiles(story, '2030-01-01').problems).toEqual([
      { file: 'index.md', field: 'authors', message: 'expected at least one author' },
      { file: 'index.md', field: 'published', message: '"2021-02-30" is not a real date (February 2021 has 28 days); dates are written YYYY-MM-DD' },
    ]);
  });

  it('finds the files an import would overwrite or duplicate', () => {
    const planned = [{ name: '02-fog-rights.md', number: 2, slug: 'fog-rights', text: '' }];
    expect(conflicts(planned, ['index.md', '01-start.md'])).toEqual([]);
    expect(conflicts(planned, ['02-fog-rights.md']).map((c) => c.reason)).toEqual(['exists']);
    expect(conflicts(planned, ['02-other.md']).map((c) => c.reason)).toEqual(['is also chapter 2']);
    expect(conflicts(planned, ['07-fog-rights.md']).map((c) => c.reason)).toEqual(['has the same chapter slug "fog-rights"']);
  });
});

describe('archive values', () => {
  it.each([
    ['General Audiences', 'general'], ['Teen And Up Audiences', 'teen'], ['Mature', 'mature'], ['Explicit', 'explicit'],
    ['Not Rated', 'not-rated'], ['PG-13', 'teen'], ['R', 'mature'], ['NC-17', 'explicit'], ['K+', 'general'], ['FR18', 'mature'],
    ['Whatever', undefined],
  ])('maps the rating %j to %j', (raw, rating) => {
    expect(mapRating(raw)).toBe(rating);
  });

  it.each([
    ['English', 'en'], ['Français', 'fr'], ['Deutsch', 'de'], ['日本語', 'ja'], ['中文-普通话 國語', 'zh'], ['Spanish', 'es'],
    ['pt-br', 'pt-BR'], ['Klingon', undefined],
  ])('reads the language %j as %j', (name, tag) => {
    expect(languageTag(name)).toBe(tag);
  });

  it.each([
    ['2021-06-02', '2021-06-02'], ['March 3, 2009', '2009-03-03'], ['3 Mar 2009', '2009-03-03'], ['Sept. 21st, 2010', '2010-09-21'],
    ['February 30, 2009', undefined], ['03/04/09', undefined],
  ])('reads the date %j as %j', (text, date) => {
    expect(readDate(text)).toBe(date);
  });

  it.each([
    ['Lamplight & Ledgers', 'lamplight-ledgers'], ["The Island That Wasn't", 'the-island-that-wasnt'], ['Ça va, Zoë?', 'ca-va-zoe'],
    ['!!!', 'chapter-3'], ['All', 'chapter-3'], ['地図', 'chapter-3'],
  ])('makes the slug of %j %j', (title, slug) => {
    expect(slugify(title, 'chapter-3')).toBe(slug);
  });
});

describe('hostile archive pages', () => {
  it('do not trust a chapter number no story reaches', () => {
    const html = read(EFICTION[0]!).replaceAll('chapter=1', 'chapter=99999999999999999999999');
    const story = readArchivePage('chapter-1.html', html);
    expect(story.chapters[0]!.number).toBeUndefined();
    expect(story.notices.join('\n')).toContain('the chapter number 99999999999999999999999 is past 99999');
    const { files } = storyFiles(story, '2030-01-01');
    expect(files.map((file) => file.name)).toContain('01-the-ferry-at-dusk.md');
  });

  it('say so when a dropped element left open holds the rest of the chapter', () => {
    const html = read(EFICTION[0]!).replace('The last ferry of the day', '<noscript>The last ferry of the day');
    expect(html).toContain('<noscript>');
    const story = readArchivePage('chapter-1.html', html);
    expect(story.notices.join('\n')).toMatch(/left out a <noscript> and the \d+ words inside it \(an element left open in the page holds all that follows it\)/);
  });

  it('refuse a page nested past any layout, naming it, instead of overflowing the stack', () => {
    const html = read(EFICTION[0]!).replace('The last ferry', `${'<blockquote>'.repeat(5000)}The last ferry`);
    expect(() => readArchivePage('chapter-1.html', html)).toThrow(/^chapter-1\.html: nests elements \d+ deep \(quotes in quotes, tags in tags\); a page may nest at most 500$/);
  });
});
