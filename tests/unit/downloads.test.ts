import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { Parser } from 'htmlparser2';
import { SaxesParser } from 'saxes';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { hashOf } from '../../src/build/build-cache';
import { buildDownloads } from '../../src/build/downloads';
import { storyIdentifier } from '../../src/build/downloads/epub';
import { parseFragment, serialise } from '../../src/build/downloads/markup';
import type { ChapterEntry, SiteEntry, StoryEntry } from '../../src/schemas';
import { formatFileSize } from '../../src/lib/file-size';
import { readLibrary } from '../../src/loaders/library';
import { keepChapter, type ChapterNotes } from '../../src/loaders/render-cache';

const folder = path.join(os.tmpdir(), `quire-downloads-${process.pid}`);
mkdirSync(folder, { recursive: true });

const HOSTILE = '</title><script>alert(1)</script> & "quotes" ]]> \u0007bell';

const site: SiteEntry = {
  title: { html: 'Test &amp; Archive', text: 'Test & Archive' },
  description: '',
  language: 'en',
  dir: 'ltr',
  url: 'https://stories.example.org/',
  perPage: { stories: 20, names: 200 },
};

function story(overrides: Partial<StoryEntry> = {}): StoryEntry {
  return {
    slug: 'tale',
    title: { html: '&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; <em>Tale</em> &amp; "quotes"', text: HOSTILE },
    authors: ['<img src=x onerror="alert(1)">', 'A & B'],
    fandoms: ['<b>Fandom</b>'],
    rating: 'teen',
    warnings: [],
    relationships: [],
    characters: [],
    tags: [HOSTILE],
    language: 'en',
    dir: 'ltr',
    status: 'complete',
    published: '2024-01-01',
    updated: '2024-02-03',
    summary: '<p>A summary &amp; more.</p>',
    summaryText: 'A summary & more.',
    notes: '<p>Story notes.</p>',
    endNotes: '<p>Story end notes.</p>',
    files: [],
    folder,
    chapterCount: 2,
    words: 20,
    draft: false,
    ...overrides,
  };
}

const FOOTNOTE = (n: number) =>
  `<p id="p-${n}">Note<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref aria-describedby="footnote-label">1</a></sup></p>` +
  '<section data-footnotes class="footnotes"><h2 class="sr-only" id="footnote-label">Footnotes</h2><ol><li id="user-content-fn-1">' +
  '<p>A footnote. <a href="#user-content-fnref-1" data-footnote-backref="" class="data-footnote-backref">↩</a></p></li></ol></section>';

/** A chapter entry, its text and notes kept as the render cache keeps them. */
async function chapter(position: number, html: string, { notes, endNotes, ...overrides }: Partial<ChapterEntry> & ChapterNotes = {}): Promise<ChapterEntry> {
  const { textFile } = await keepChapter(folder, `${position}-${hashOf(html)}`, { html, words: 10, files: [], notes, endNotes }, folder);
  return {
    story: 'tale',
    slug: ['one', 'two'][position - 1]!,
    position,
    title: { html: `Chapter <em>${position}</em> &lt;b&gt;`, text: `Chapter ${position} <b>` },
    published: '2024-01-01',
    updated: '2024-01-01',
    words: 10,
    textFile,
    draft: false,
    ...overrides,
  };
}

const chapters = async (): Promise<ChapterEntry[]> => [
  await chapter(
    1,
    `${FOOTNOTE(1)}<p id="p-2">Text &amp; more<br>a line &lt;script&gt;</p><hr>` +
      '<p id="p-3"><a href="#p-1">back</a> <a href="/stories/tale/one/#p-2">same</a> <a href="/stories/tale/two/#p-9">next</a> <a href="../two/">relative</a> ' +
      '<a href="https://elsewhere.example/?a=1&amp;b=2">elsewhere</a> <a href="/about/">site page</a> <a href="#nowhere">dead</a></p>',
    { notes: FOOTNOTE(1), disclaimer: '<p>Not mine.</p>', endNotes: '<p>End.</p>' },
  ),
  await chapter(2, '   '),
];

/** Parses XML strictly (well-formedness, namespaces); returns ids, links and the text of each element name. */
function parseXml(xml: string) {
  const parser = new SaxesParser({ xmlns: true });
  const ids: string[] = [];
  const hrefs: string[] = [];
  const texts = new Map<string, string[]>();
  const open: string[] = [];
  parser.on('opentag', (tag) => {
    open.push(tag.name);
    const attributes = tag.attributes as Record<string, { value: string }>;
    if (attributes.id) ids.push(attributes.id.value);
    if (attributes.href) hrefs.push(attributes.href.value);
  });
  parser.on('text', (text) => {
    const name = open.at(-1);
    if (name) texts.set(name, [...(texts.get(name) ?? []), text]);
  });
  parser.on('closetag', () => open.pop());
  parser.write(xml).close();
  return { ids, hrefs, texts };
}

const unzip = (epub: Uint8Array) => {
  const files = unzipSync(epub);
  return { names: Object.keys(files), text: (name: string) => strFromU8(files[name]!), files };
};

describe('EPUB download', () => {
  it('starts with the mimetype entry, stored uncompressed and without extra fields', async () => {
    const { epub } = await buildDownloads(site, story(), await chapters());
    const view = new DataView(epub.buffer, epub.byteOffset);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint16(8, true), 'compression method').toBe(0);
    const nameLength = view.getUint16(26, true);
    expect(view.getUint16(28, true), 'extra field length').toBe(0);
    expect(strFromU8(epub.subarray(30, 30 + nameLength))).toBe('mimetype');
    expect(strFromU8(epub.subarray(30 + nameLength, 30 + nameLength + 20))).toBe('application/epub+zip');
    expect(unzip(epub).names.slice(0, 3)).toEqual(['mimetype', 'META-INF/container.xml', 'EPUB/package.opf']);
  });

  it('writes well-formed XML everywhere, with hostile metadata escaped and kept as text', async () => {
    const { epub } = await buildDownloads(site, story(), await chapters());
    const zip = unzip(epub);
    const xmlFiles = zip.names.filter((name) => /\.(xhtml|opf|ncx|xml)$/.test(name));
    expect(xmlFiles).toEqual(
      expect.arrayContaining(['EPUB/nav.xhtml', 'EPUB/toc.ncx', 'EPUB/title.xhtml', 'EPUB/chapter-1.xhtml', 'EPUB/chapter-2.xhtml']),
    );
    for (const name of xmlFiles) expect(() => parseXml(zip.text(name)), name).not.toThrow();
    for (const name of xmlFiles) expect(zip.text(name), name).not.toMatch(/<script|<img src=x|<b>/);

    const withoutControl = HOSTILE.replace('\u0007', '');
    const opf = parseXml(zip.text('EPUB/package.opf')).texts;
    expect(opf.get('dc:title')).toEqual([withoutControl]);
    expect(opf.get('dc:creator')).toEqual(['<img src=x onerror="alert(1)">', 'A & B']);
    expect(opf.get('dc:subject')).toEqual(['<b>Fandom</b>', withoutControl]);
    expect(opf.get('dc:source')).toEqual(['https://stories.example.org/stories/tale/']);
    expect(opf.get('meta')).toEqual(['2024-02-03T00:00:00Z']);
    expect(parseXml(zip.text('EPUB/title.xhtml')).texts.get('title')).toEqual([withoutControl]);
  });

  it('opens with a title page: the metadata rows, the source address, the summary and the story notes', async () => {
    const zip = unzip((await buildDownloads(site, story({ warnings: ['No Archive Warnings Apply'] }), await chapters())).epub);
    const title = parseXml(zip.text('EPUB/title.xhtml'));
    const labels = title.texts.get('dt') ?? [];
    const values = title.texts.get('dd') ?? [];
    expect(labels).toEqual(['Rating', 'Warnings', 'Fandoms', 'Tags', 'Language', 'Status', 'Chapters', 'Words', 'Published', 'Updated', 'Source']);
    const row = (label: string) => values[labels.indexOf(label)];
    expect(row('Rating')).toBe('Teen and Up');
    expect(row('Warnings')).toBe('No Archive Warnings Apply');
    expect(row('Fandoms')).toBe('<b>Fandom</b>');
    expect(row('Language')).toBe('English');
    expect(row('Published')).toBe('January 1, 2024');
    expect(row('Updated')).toBe('February 3, 2024');
    expect(title.texts.get('a')).toEqual(['https://stories.example.org/stories/tale/']);
    expect(title.hrefs).toContain('https://stories.example.org/stories/tale/');
    expect(title.texts.get('h2')).toEqual(['Summary', 'Story Notes']);
    expect(title.texts.get('p')).toEqual(expect.arrayContaining(['A summary & more.', 'Story notes.']));
    expect(parseXml(zip.text('EPUB/package.opf')).texts.get('dc:language')).toEqual(['en']);
  });

  it('lists every chapter in the navigation document and the NCX, in order', async () => {
    const zip = unzip((await buildDownloads(site, story(), await chapters())).epub);
    const nav = parseXml(zip.text('EPUB/nav.xhtml'));
    expect(nav.hrefs.filter((href) => href.endsWith('.xhtml')).slice(0, 3)).toEqual(['title.xhtml', 'chapter-1.xhtml', 'chapter-2.xhtml']);
    expect(nav.texts.get('a')?.slice(1, 3)).toEqual(['Chapter 1 <b>', 'Chapter 2 <b>']);
    const ncx = zip.text('EPUB/toc.ncx');
    expect(ncx).toContain(`<meta name="dtb:uid" content="${storyIdentifier('https://stories.example.org/stories/tale/')}"/>`);
    expect(parseXml(ncx).texts.get('text')).toEqual([HOSTILE.replace('\u0007', ''), 'Title page', 'Chapter 1 <b>', 'Chapter 2 <b>']);
  });

  it('gives each chapter its notes and text with unique ids, and links that lead somewhere', async () => {
    const zip = unzip((await buildDownloads(site, story(), await chapters())).epub);
    const one = zip.text('EPUB/chapter-1.xhtml');
    const parsed = parseXml(one);
    expect(new Set(parsed.ids).size, 'ids are unique').toBe(parsed.ids.length);
    const local = parsed.hrefs.filter((href) => href.startsWith('#'));
    expect(local.length).toBeGreaterThan(0);
    for (const href of local) expect(parsed.ids, href).toContain(href.slice(1));
    expect(parsed.hrefs).toEqual(
      expect.arrayContaining([
        '#text-p-1',
        '#text-p-2',
        'chapter-2.xhtml',
        'https://elsewhere.example/?a=1&b=2',
        'https://stories.example.org/about/',
      ]),
    );
    expect(one).toContain('<a>dead</a>');
    expect(one).toContain('<hr/>');
    expect(one).toContain('a line &lt;script&gt;');
    for (const label of ['Disclaimer', 'Author’s Chapter Notes', 'Chapter End Notes']) expect(one).toContain(label);
    expect(one).not.toContain('Story End Notes');
    const two = zip.text('EPUB/chapter-2.xhtml');
    expect(two).toContain('Story End Notes');
    expect(two).toContain('This chapter has no text yet.');
  });

  it('is byte-for-byte the same for the same content, and changes with it', async () => {
    const first = await buildDownloads(site, story(), await chapters());
    const again = await buildDownloads(site, story(), await chapters());
    expect(Buffer.compare(first.epub, again.epub)).toBe(0);
    expect(Buffer.compare(first.html, again.html)).toBe(0);
    const updated = await buildDownloads(site, story({ updated: '2024-02-04' }), await chapters());
    expect(Buffer.compare(first.epub, updated.epub)).not.toBe(0);
  });

  it('has a stable name-based identifier per site and story', () => {
    const id = storyIdentifier('https://stories.example.org/stories/tale/');
    expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(storyIdentifier('https://stories.example.org/stories/tale/')).toBe(id);
    expect(storyIdentifier('https://stories.example.org/stories/other/')).not.toBe(id);
  });

  it('reads right to left in right-to-left stories', async () => {
    const zip = unzip((await buildDownloads(site, story({ language: 'ar', dir: 'rtl' }), await chapters())).epub);
    expect(zip.text('EPUB/package.opf')).toContain('<spine toc="ncx" page-progression-direction="rtl">');
    expect(zip.text('EPUB/chapter-1.xhtml')).toContain('lang="ar" xml:lang="ar" dir="rtl"');
  });

  it('carries the cover as a JPEG of at most 1600 pixels, and the images of the text', async () => {
    const renderCache = path.join(folder, 'render-cache');
    const library = await readLibrary(path.resolve('content'), { includeDrafts: false, renderCache });
    const salt = library.stories.find((s) => s.slug === 'salt-and-ledger')!;
    expect(salt.cover?.file).toBe('cover.webp');
    const zip = unzip((await buildDownloads(library.site, salt, library.chapters.filter((c) => c.story === salt.slug))).epub);
    expect(zip.text('EPUB/package.opf')).toContain('<item id="cover-image" href="images/cover.jpg" media-type="image/jpeg" properties="cover-image"/>');
    const cover = await sharp(zip.files['EPUB/images/cover.jpg']).metadata();
    expect(cover.format).toBe('jpeg');
    expect(Math.max(cover.width, cover.height)).toBeLessThanOrEqual(1600);
    expect(zip.text('EPUB/cover.xhtml')).toContain('<img src="images/cover.jpg" alt="Cover"/>');

    const image = path.join(folder, 'dot.png');
    await sharp({ create: { width: 4, height: 4, channels: 3, background: '#808080' } }).png().toFile(image);
    const withImage = await chapter(1, '<p id="p-1"><img src="/stories/tale/files/dot.png" alt="A dot" width="4" height="4" loading="lazy" decoding="async"></p>');
    const epub = unzip((await buildDownloads(site, story({ files: ['dot.png'], chapterCount: 1 }), [withImage])).epub);
    expect(epub.text('EPUB/chapter-1.xhtml')).toContain('<img src="images/image-1.png" alt="A dot" width="4" height="4"/>');
    expect(epub.names).toContain('EPUB/images/image-1.png');

    const unknown = await chapter(1, '<p id="p-1"><img src="/stories/tale/files/gone.png" alt="A lost map"></p>');
    const without = unzip((await buildDownloads(site, story({ chapterCount: 1 }), [unknown])).epub);
    expect(without.text('EPUB/chapter-1.xhtml')).toContain('<p id="text-p-1">A lost map</p>');
  });
});

describe('single-file HTML download', () => {
  it('holds the whole work, self-contained: inline style with its hash in the policy, no scripts', async () => {
    const image = path.join(folder, 'dot.png');
    await sharp({ create: { width: 4, height: 4, channels: 3, background: '#808080' } }).png().toFile(image);
    const [one, two] = await chapters();
    const withImage = await chapter(2, '<p id="p-1"><img src="/stories/tale/files/dot.png" alt="A dot" width="4" height="4"></p>');
    const html = Buffer.from((await buildDownloads(site, story({ files: ['dot.png'] }), [one!, { ...two!, textFile: withImage.textFile }])).html).toString();
    expect(html).not.toMatch(/<script|<link|src="(?!data:)/);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[^']+'; img-src data:/);
    expect(html).toContain('<img src="data:image/png;base64,');
    for (const text of ['Story notes.', 'Not mine.', 'Text &amp; more', 'End.', 'Story end notes.', 'Chapter <em>2</em> &lt;b&gt;']) {
      expect(html).toContain(text);
    }
    const ids: string[] = [];
    const hrefs: string[] = [];
    const parser = new Parser({
      onopentag(_name, attributes) {
        if (attributes.id) ids.push(attributes.id);
        if (attributes.href?.startsWith('#')) hrefs.push(attributes.href.slice(1));
      },
    });
    parser.end(html);
    expect(new Set(ids).size, 'ids are unique across chapters and notes').toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['chapter-1-text-user-content-fn-1', 'chapter-1-notes-user-content-fn-1']));
    for (const href of hrefs) expect(ids, href).toContain(href);
    expect(hrefs).toEqual(expect.arrayContaining(['chapter-1-text-p-1', 'chapter-1-text-p-2', 'chapter-2']));
  });
});

describe('markup', () => {
  it('serialises as XHTML or HTML, escaping text and attributes and dropping what XML forbids', () => {
    const nodes = parseFragment('<p title="a &quot;b&quot; &lt;c&gt;">x &amp; y\u0001<br>z<img src="i.png" alt=""></p><!-- gone -->');
    expect(serialise(nodes, 'xhtml')).toBe('<p title="a &quot;b&quot; &lt;c&gt;">x &amp; y<br/>z<img src="i.png" alt=""/></p>');
    expect(serialise(nodes, 'html')).toBe('<p title="a &quot;b&quot; &lt;c&gt;">x &amp; y<br>z<img src="i.png" alt=""></p>');
  });
});

describe('file sizes', () => {
  it('reads as bytes, KB or MB', () => {
    expect(formatFileSize(820)).toBe('820 bytes');
    expect(formatFileSize(84 * 1024 + 300)).toBe('84 KB');
    expect(formatFileSize(1.44 * 1024 * 1024)).toBe('1.4 MB');
  });
});
