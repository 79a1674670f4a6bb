import { escapeXmlAttribute as attr, escapeXmlText as text, serialise, type Syntax } from './markup';
import type { ResolvedPart, ResolvedSection } from './resolve';
import type { WholeWork } from './whole-work';

/**
 * The markup of the title page and of a chapter, shared by the EPUB (a document per section,
 * XHTML) and the HTML file (every section in one document, headings a level lower).
 */

interface RenderOptions {
  syntax: Syntax;
  /** Level of the section's heading: 1 in an EPUB document, 2 for chapters in the HTML file. */
  level: 1 | 2;
}

/** Site chrome (labels, metadata) is in the site's language, inside text in the story's. */
const chrome = (work: WholeWork): string => ` lang="${attr(work.site.language)}" dir="${work.site.dir}"`;

function renderPart(work: WholeWork, part: ResolvedPart, { syntax, level }: RenderOptions): string {
  const content = serialise(part.nodes, syntax, part.rewrite);
  if (part.kind === 'text') {
    const empty = content.trim() === '' ? `<p class="chapter-empty"${chrome(work)}>This chapter has no text yet.</p>` : '';
    return `<div class="text">\n${content}${empty}\n</div>\n`;
  }
  const heading = `h${level + 1}`;
  return (
    `<section class="note note--${part.kind}">\n` +
    `<${heading}${chrome(work)}>${text(part.label ?? '')}</${heading}>\n${content}\n</section>\n`
  );
}

/** Title, byline, metadata (with the story's address), summary and story notes. */
export function renderTitlePage(work: WholeWork, section: ResolvedSection, options: RenderOptions & { cover?: string }): string {
  const { syntax, level } = options;
  const rows = work.metadata.map(({ label, value }) => `<dt>${text(label)}</dt><dd>${text(value)}</dd>\n`).join('');
  const cover = options.cover === undefined ? '' : `<p class="cover"><img src="${attr(options.cover)}" alt="Cover"${syntax === 'xhtml' ? '/' : ''}></p>\n`;
  return (
    `<h${level}>${serialise(section.title.nodes, syntax, section.title.rewrite)}</h${level}>\n` +
    `<p class="byline"${chrome(work)}>${text(work.byline)}</p>\n${cover}` +
    `<dl class="meta"${chrome(work)}>\n${rows}<dt>Source</dt><dd><a href="${attr(work.url)}">${text(work.url)}</a></dd>\n</dl>\n` +
    section.parts.map((part) => renderPart(work, part, options)).join('')
  );
}

/** A chapter's title, then its disclaimer, notes, text and end notes. */
export function renderChapter(work: WholeWork, section: ResolvedSection, options: RenderOptions): string {
  const { syntax, level } = options;
  return (
    `<h${level}>${serialise(section.title.nodes, syntax, section.title.rewrite)}</h${level}>\n` +
    section.parts.map((part) => renderPart(work, part, options)).join('')
  );
}
