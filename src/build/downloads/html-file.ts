import { createHash } from 'node:crypto';
import type { DownloadImage, DownloadImages } from './images';
import { escapeXmlAttribute as attr, escapeXmlText as text } from './markup';
import { renderChapter, renderTitlePage } from './render';
import { resolveWork, type ParsedWork } from './resolve';
import { HTML_CSS } from './styles';

/**
 * The whole work as one HTML file to keep: its stylesheet inline, images as data URLs, no
 * scripts, nothing fetched from anywhere. Its own Content Security Policy allows exactly that
 * stylesheet and inline images, so even hostile text opened from disk cannot run or phone home.
 */

const dataUrl = (image: DownloadImage): string => `data:${image.mediaType};base64,${Buffer.from(image.data).toString('base64')}`;

export function buildHtmlFile(parsed: ParsedWork, images: DownloadImages): string {
  const { work } = parsed;
  const { site, story } = work;
  const sections = resolveWork(parsed, {
    sectionPrefix: (section) => `${section}-`,
    href: (_from, to, id) => `#${id ?? to}`,
    imageSrc: (file) => {
      const image = images.byFile.get(file);
      return image && dataUrl(image);
    },
  });
  const [titleSection, ...chapters] = sections;
  const styleHash = createHash('sha256').update(HTML_CSS).digest('base64');
  const csp = `default-src 'none'; style-src 'sha256-${styleHash}'; img-src data:; base-uri 'none'; form-action 'none'`;
  const toc = chapters.map((chapter) => `<li><a href="#${chapter.id}">${text(chapter.title.text)}</a></li>`).join('\n');
  return `<!DOCTYPE html>
<html lang="${attr(story.language)}" dir="${story.dir}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text(story.title.text)}</title>
<style>${HTML_CSS}</style>
</head>
<body>
<header id="${titleSection!.id}">
${renderTitlePage(work, titleSection!, { syntax: 'html', level: 1, ...(images.cover ? { cover: dataUrl(images.cover) } : {}) })}</header>
<nav aria-labelledby="contents"${` lang="${attr(site.language)}" dir="${site.dir}"`}>
<h2 id="contents">Contents</h2>
<ol>
${toc}
</ol>
</nav>
<main>
${chapters.map((chapter) => `<section class="chapter" id="${chapter.id}">\n${renderChapter(work, chapter, { syntax: 'html', level: 2 })}</section>\n`).join('')}</main>
</body>
</html>
`;
}
