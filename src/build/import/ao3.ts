import type { Element, ElementContent, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { classesOf, fragment, isElement, removeNode, textOf } from './dom';
import { fragmentToMarkdown } from './markdown';
import { emptyStory, type ImportedChapter, type ImportedStory, languageTag, mapRating, readDate } from './story';

/*
 * AO3 work downloads in HTML: a #preface (metadata list, title, byline, summary, notes), #chapters
 * (per chapter: a heading, summary and notes, the text, end notes) and an #afterword (the work's
 * end notes, and a request to comment that is chrome).
 */

/** Whether a parsed page is an AO3 HTML download. */
export const isAo3Download = (tree: Root): boolean => Boolean(select('#preface', tree) && select('#chapters', tree));

/** Whether a page looks like an AO3 download at all (to explain what is missing when it is not one). */
export const looksLikeAo3 = (tree: Root): boolean =>
  Boolean(select('#preface', tree) || select('#chapters', tree) || /Archive of Our Own/.test(textOf(select('p.message', tree) ?? fragment([]))));

/** The blockquote that follows a label paragraph ("Summary", "Chapter Notes") in a block. */
function afterLabel(block: Element | undefined, label: RegExp): ElementContent[] | undefined {
  if (!block) return undefined;
  const elements = block.children.filter(isElement);
  const at = elements.findIndex((element) => element.tagName === 'p' && label.test(textOf(element)));
  const quote = at >= 0 ? elements[at + 1] : undefined;
  return quote?.tagName === 'blockquote' ? quote.children : undefined;
}

const tagsOf = (dd: Element): string[] => {
  const links = selectAll('a', dd).map((a) => textOf(a));
  return (links.length > 0 ? links : textOf(dd).split(/\s*,\s*/)).filter((tag) => tag !== '');
};

/** "Chapter 2: The Fox", "Chapter 2" or "2. The Fox": its number and title. */
function chapterHeading(text: string): { number?: number; title?: string } {
  const match = /^Chapter\s+(\d+)\s*(?:[:.]\s*(.*))?$/i.exec(text) ?? /^(\d+)\.\s+(.*)$/.exec(text);
  if (!match) return text === '' ? {} : { title: text };
  return { number: Number(match[1]), ...(match[2] ? { title: match[2] } : {}) };
}

/** Reads an AO3 HTML download; throws a reason when it lacks what a story needs. */
export function readAo3Download(tree: Root): ImportedStory {
  const notices: string[] = [];
  const warn = (message: string) => notices.push(message);
  const preface = select('#preface', tree)!;
  const titleElement = select('.meta h1', preface) ?? select('p.message b', preface);
  const title = titleElement ? textOf(titleElement) : '';
  if (title === '') throw new Error('no work title: an AO3 download has the title in #preface (an h1, or the first line in bold)');
  const byline = select('.byline', preface);
  const authorLinks = byline ? selectAll('a[rel~=author], a', byline).map((a) => textOf(a)) : [];
  const authors = authorLinks.length > 0 ? authorLinks : byline ? textOf(byline).replace(/^by\s+/i, '').split(/\s*,\s*|\s+and\s+/) : [];
  if (authors.filter(Boolean).length === 0) throw new Error('no author: an AO3 download names its creators in #preface .byline');
  const source = selectAll('p.message a[href*="/works/"]', preface)[0]?.properties['href'];

  const story = emptyStory('AO3', typeof source === 'string' ? source : `ao3:${title}`, title);
  story.authors = [...new Set(authors.filter(Boolean))];
  story.notices = notices;
  const markdown = (nodes: ElementContent[] | undefined) => {
    const converted = nodes && fragmentToMarkdown(fragment(nodes), warn);
    return converted === '' ? undefined : converted;
  };

  // The metadata list: <dt>Rating:</dt><dd>…</dd> pairs.
  const list = select('dl.tags', preface);
  const terms = list ? list.children.filter(isElement) : [];
  terms.forEach((dt, index) => {
    const dd = terms[index + 1];
    if (dt.tagName !== 'dt' || dd?.tagName !== 'dd') return;
    const label = textOf(dt).replace(/:$/, '').toLowerCase();
    const values = tagsOf(dd);
    if (/^ratings?$/.test(label)) {
      story.rating = mapRating(values[0] ?? '');
      if (!story.rating) warn(`rating "${values.join(', ')}" has no Quire equivalent; set "rating" in index.md`);
    } else if (/^archive warnings?$/.test(label)) story.warnings = values;
    else if (/^categor(?:y|ies)$/.test(label)) story.tags.unshift(...values);
    else if (/^fandoms?$/.test(label)) story.fandoms = values;
    else if (/^relationships?$/.test(label)) story.relationships = values;
    else if (/^characters?$/.test(label)) story.characters = values;
    else if (/^additional tags?$/.test(label)) story.tags.push(...values);
    else if (label === 'language') {
      story.language = languageTag(textOf(dd));
      if (!story.language) warn(`language "${textOf(dd)}" is not one the importer knows; set "language" in index.md`);
    } else if (label === 'stats') {
      const stats = textOf(dd);
      story.published = readDate(/Published:\s*(\S+)/.exec(stats)?.[1] ?? '');
      const updated = /(Updated|Completed):\s*(\S+)/.exec(stats);
      if (updated) story.updated = readDate(updated[2]!);
      const chapters = /Chapters:\s*(\d+)\/(\d+|\?)/.exec(stats);
      story.status = updated?.[1] === 'Completed' || (chapters && chapters[1] === chapters[2]) ? 'complete' : 'in-progress';
    } else warn(`"${textOf(dt).replace(/:$/, '')}: ${textOf(dd)}" has no field in Quire and was not imported`);
  });

  const meta = select('.meta', preface);
  story.summary = markdown(afterLabel(meta, /^Summary:?$/i));
  story.notes = markdown(afterLabel(meta, /^Notes:?$/i));
  const afterword = select('#afterword', tree);
  story.endNotes = markdown(afterLabel(select('#endnotes', afterword ?? fragment([])) ?? select('.meta', afterword ?? fragment([])), /^End Notes:?$/i));

  // Chapters: a heading block (.meta.group) opens each; the text (.userstuff) and end notes follow.
  const chaptersBlock = select('#chapters', tree)!;
  const blocks = chaptersBlock.children.filter(isElement);
  const chapters: ImportedChapter[] = [];
  let current: ImportedChapter | undefined;
  const text = (block: Element) => {
    const copy = fragment(block.children);
    for (const landmark of selectAll('.landmark', copy)) removeNode(copy, landmark);
    return fragmentToMarkdown(copy, warn);
  };
  for (const block of blocks) {
    const classes = classesOf(block);
    const heading = select('h2.heading, h3.heading', block);
    if (classes.includes('meta') && heading) {
      current = {
        ...chapterHeading(textOf(heading)),
        summary: markdown(afterLabel(block, /^(?:Chapter )?Summary:?$/i)),
        notes: markdown(afterLabel(block, /^(?:Chapter )?Notes:?$/i)),
        text: '',
      };
      chapters.push(current);
    } else if (classes.includes('userstuff')) {
      if (!current) {
        current = { text: '' };
        chapters.push(current);
      }
      current.text = text(block);
    } else if (classes.includes('meta') && current) {
      current.endNotes = markdown(afterLabel(block, /^(?:Chapter )?End Notes:?$/i));
    }
  }
  if (chapters.length === 0) throw new Error('no chapter text: #chapters holds neither chapter headings nor a .userstuff text block');
  // A one-shot's only chapter has no heading of its own: it carries the work's title.
  if (chapters.length === 1 && chapters[0]!.title === undefined) chapters[0]!.title = title;
  story.chapters = chapters;
  return story;
}
