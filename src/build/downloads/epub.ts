import { createHash } from 'node:crypto';
import type { DownloadImages } from './images';
import { escapeXmlAttribute as attr, escapeXmlText as text } from './markup';
import { renderChapter, renderTitlePage } from './render';
import { resolveWork, type ParsedWork } from './resolve';
import type { WholeWork } from './whole-work';
import { EPUB_CSS } from './styles';
import { epubZip, type ZipEntry } from './zip';

/**
 * EPUB 3 (with an EPUB 2 NCX for older readers): a cover page, a title page, one XHTML document
 * per chapter, the navigation document, the images. Reproducible: the same content gives the
 * same bytes (identifier from the site and story, dates from the story's `updated`).
 */

/** A stable `urn:uuid` for a story: a name-based (SHA-1, version 5 layout) UUID of its address. */
export function storyIdentifier(storyUrl: string): string {
  const hex = createHash('sha1').update(storyUrl).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const ROOT = 'EPUB';

const xhtmlDocument = (work: WholeWork, title: string, body: string, bodyType?: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${attr(work.story.language)}" xml:lang="${attr(work.story.language)}" dir="${work.story.dir}">
<head>
<title>${text(title)}</title>
<link rel="stylesheet" type="text/css" href="styles.css"/>
</head>
<body${bodyType ? ` epub:type="${bodyType}"` : ''}>
${body}</body>
</html>
`;

export function buildEpub(parsed: ParsedWork, images: DownloadImages): Uint8Array {
  const { work } = parsed;
  const { site, story } = work;
  const identifier = storyIdentifier(work.url);
  const imageSrc = (file: string): string | undefined => {
    const image = images.byFile.get(file);
    return image && `images/${image.name}`;
  };
  const sections = resolveWork(parsed, {
    sectionPrefix: () => '',
    href: (from, to, id) => `${from === to && id ? '' : `${to}.xhtml`}${id ? `#${id}` : ''}`,
    imageSrc,
  });
  const [titleSection, ...chapters] = sections;
  const options = { syntax: 'xhtml', level: 1 } as const;

  const documents: { id: string; title: string; body: string; type?: string }[] = [];
  if (images.cover) {
    documents.push({ id: 'cover', title: 'Cover', type: 'cover', body: `<p class="cover"><img src="images/${images.cover.name}" alt="Cover"/></p>\n` });
  }
  documents.push({ id: titleSection!.id, title: story.title.text, type: 'titlepage', body: renderTitlePage(work, titleSection!, options) });
  for (const chapter of chapters) {
    documents.push({ id: chapter.id, title: chapter.title.text, type: 'bodymatter', body: `<section epub:type="chapter">\n${renderChapter(work, chapter, options)}</section>\n` });
  }

  const navItems = [
    { href: `${titleSection!.id}.xhtml`, label: 'Title page' },
    ...chapters.map((chapter) => ({ href: `${chapter.id}.xhtml`, label: chapter.title.text })),
  ];
  const chrome = `lang="${attr(site.language)}" xml:lang="${attr(site.language)}" dir="${site.dir}"`;
  const nav = xhtmlDocument(
    work,
    'Contents',
    `<nav epub:type="toc" id="toc">
<h1 ${chrome}>Contents</h1>
<ol>
${navItems.map(({ href, label }) => `<li><a href="${href}">${text(label)}</a></li>`).join('\n')}
</ol>
</nav>
<nav epub:type="landmarks" hidden="hidden">
<h2 ${chrome}>Landmarks</h2>
<ol>
<li><a epub:type="titlepage" href="${titleSection!.id}.xhtml">Title page</a></li>
<li><a epub:type="bodymatter" href="${chapters[0]!.id}.xhtml">Start of the story</a></li>
</ol>
</nav>
`,
  );

  const ncx = `<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="${attr(story.language)}">
<head>
<meta name="dtb:uid" content="${identifier}"/>
<meta name="dtb:depth" content="1"/>
<meta name="dtb:totalPageCount" content="0"/>
<meta name="dtb:maxPageNumber" content="0"/>
</head>
<docTitle><text>${text(story.title.text)}</text></docTitle>
<navMap>
${navItems.map(({ href, label }, index) => `<navPoint id="nav-${index + 1}" playOrder="${index + 1}"><navLabel><text>${text(label)}</text></navLabel><content src="${href}"/></navPoint>`).join('\n')}
</navMap>
</ncx>
`;

  const imageFiles = [...(images.cover ? [images.cover] : []), ...images.byFile.values()];
  const manifest = [
    `<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>`,
    `<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>`,
    `<item id="css" href="styles.css" media-type="text/css"/>`,
    ...documents.map((doc) => `<item id="${doc.id}" href="${doc.id}.xhtml" media-type="application/xhtml+xml"/>`),
    ...imageFiles.map(
      (image) =>
        `<item id="${image === images.cover ? 'cover-image' : image.name.replace(/\.\w+$/, '')}" href="images/${image.name}" media-type="${image.mediaType}"${image === images.cover ? ' properties="cover-image"' : ''}/>`,
    ),
  ];
  const subjects = [...story.fandoms, ...story.relationships, ...story.characters, ...story.tags];
  const opf = `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${attr(story.language)}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="book-id">${identifier}</dc:identifier>
<dc:title>${text(story.title.text)}</dc:title>
${story.authors.map((author) => `<dc:creator>${text(author)}</dc:creator>`).join('\n')}
<dc:language>${text(story.language)}</dc:language>
<dc:date>${story.published}</dc:date>
<dc:publisher>${text(site.title.text)}</dc:publisher>
<dc:source>${text(work.url)}</dc:source>
${story.summaryText ? `<dc:description>${text(story.summaryText)}</dc:description>\n` : ''}${subjects.map((subject) => `<dc:subject>${text(subject)}</dc:subject>`).join('\n')}
<meta property="dcterms:modified">${story.updated}T00:00:00Z</meta>
${images.cover ? '<meta name="cover" content="cover-image"/>\n' : ''}</metadata>
<manifest>
${manifest.join('\n')}
</manifest>
<spine toc="ncx"${story.dir === 'rtl' ? ' page-progression-direction="rtl"' : ''}>
${documents.map((doc) => `<itemref idref="${doc.id}"/>`).join('\n')}
</spine>
</package>
`;

  const container = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="${ROOT}/package.opf" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
`;

  const entries: ZipEntry[] = [
    { name: 'META-INF/container.xml', data: container },
    { name: `${ROOT}/package.opf`, data: opf },
    { name: `${ROOT}/nav.xhtml`, data: nav },
    { name: `${ROOT}/toc.ncx`, data: ncx },
    { name: `${ROOT}/styles.css`, data: EPUB_CSS },
    ...documents.map((doc) => ({ name: `${ROOT}/${doc.id}.xhtml`, data: xhtmlDocument(work, doc.title, doc.body, doc.type) })),
    ...imageFiles.map((image) => ({ name: `${ROOT}/images/${image.name}`, data: image.data, stored: true })),
  ];
  return epubZip(entries, story.updated);
}
