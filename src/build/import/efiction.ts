import { MAX_CHAPTER_NUMBER } from '../../schemas';
import type { Element, ElementContent, Root } from 'hast';
import { matches, select, selectAll } from 'hast-util-select';
import { classesOf, elementsWithParents, fragment, isElement, labelled, removeNode, textOf } from './dom';
import { cleanFragment } from './clean';
import { fragmentToMarkdown } from './markdown';
import { emptyStory, type ImportedStory, mapRating, readDate } from './story';

/*
 * eFiction chapter pages, as a reader saved them (viewstory.php?sid=…&chapter=…): the story title
 * and author links, the "- Text Size +" control and chapter menu, "Author's Chapter Notes:", the
 * text in #story, "Chapter End Notes:", then previous/next links, review and login forms. Skins
 * differ, so the page is read by its labels and eFiction's own ids and classes.
 */

const CHAPTER_NOTES = /^Author['’]?s (?:Chapter )?Notes:?$/i;
const STORY_NOTES = /^Story Notes:?$/i;
const END_NOTES = /^(?:Chapter )?End Notes:?$/i;
const TEXT_SIZE = /^[-–]?\s*Text Size\s*\+?$/i;
/** The story's own page: viewstory.php with only the story id. */
const STORY_LINK = /viewstory\.php\?sid=(\d+)$/;
/** eFiction's chrome, should a skin put it inside the text block. */
const CHROME = '#sizeadj, .jumpmenu, .jumpmenu2, form, #prev, #next, .respond, #reviewform, .notes, #pagetitle, .storyinfo';
/** "Disclaimer:" at the start of a line. */
const DISCLAIMER_LABEL = /^\s*disclaimer\s*[:.\-–—]\s*/i;
/** A short first line that disowns the characters ("I don't own…", "…do not belong to me"). */
const DISOWNING = /\b(?:own|owns|owned|belong|belongs|property)\b/i;
const NEGATION = /\b(?:not|never|none|no)\b|n['’]t\b/i;

/** Whether a page has eFiction's marks at all (to explain what is missing when it is not a chapter page). */
export const looksLikeEFiction = (tree: Root): boolean =>
  selectAll('a[href*="viewstory.php"]', tree).length > 0 || [CHAPTER_NOTES, END_NOTES].some((label) => labelled(tree, label).length > 0);

/** Whether a parsed page is an eFiction chapter page. */
export function isEFictionPage(tree: Root): boolean {
  if (!select('#story', tree)) return false;
  return (
    selectAll('a[href*="viewstory.php"]', tree).length > 0 ||
    [TEXT_SIZE, CHAPTER_NOTES, END_NOTES].some((label) => labelled(tree, label).length > 0)
  );
}

function parentsOf(tree: Root): Map<Element, Root | Element> {
  return new Map(elementsWithParents(tree).map(({ element, parent }) => [element, parent]));
}

function closest(element: Element, parents: Map<Element, Root | Element>, test: (e: Element) => boolean): Element | undefined {
  for (let current: Root | Element | undefined = element; current && isElement(current); current = parents.get(current)) {
    if (test(current)) return current;
  }
  return undefined;
}

/** The content of a note block: `.noteinfo`, else everything in the block but its label. */
function noteBlock(tree: Root, label: RegExp): { container: Element; content: ElementContent[] } | undefined {
  const parents = parentsOf(tree);
  const story = select('#story', tree);
  for (const { element } of labelled(tree, label)) {
    if (story && closest(element, parents, (e) => e === story)) continue;
    const container = closest(element, parents, (e) => classesOf(e).includes('notes')) ?? (parents.get(element) as Element | undefined);
    if (!container || !isElement(container)) continue;
    const info = select('.noteinfo', container);
    const content = info ? info.children : container.children.filter((child) => !(isElement(child) && label.test(textOf(child))) && child !== element);
    return { container, content };
  }
  return undefined;
}

/** "Label: value" pairs of the story information block (`<span class="label">Rated:</span> Teen<br>`). */
function infoFields(tree: Root): Map<string, ElementContent[]> {
  const fields = new Map<string, ElementContent[]>();
  for (const { element, parent } of elementsWithParents(tree)) {
    if (!classesOf(element).includes('label')) continue;
    const name = textOf(element).replace(/:$/, '').trim().toLowerCase();
    const value: ElementContent[] = [];
    for (const sibling of parent.children.slice(parent.children.indexOf(element) + 1)) {
      if (isElement(sibling) && (sibling.tagName === 'br' || classesOf(sibling).includes('label'))) break;
      value.push(sibling as ElementContent);
    }
    if (!fields.has(name)) fields.set(name, value);
  }
  return fields;
}

/** A list field: the texts of its links, else its comma-separated text; "None" is no value. */
function listOf(nodes: ElementContent[] | undefined): string[] {
  if (!nodes) return [];
  const root = fragment(nodes);
  const links = selectAll('a', root).map((a) => textOf(a));
  const items = links.length > 0 ? links : textOf(root).split(/\s*,\s*/);
  return items.map((item) => item.trim()).filter((item) => item !== '' && !/^(?:none|n\/a|no)$/i.test(item));
}

/** Removes a leading "Disclaimer:" from the first text of a block. */
function dropLabel(block: Element): void {
  for (const child of block.children) {
    if (child.type === 'text') {
      if (child.value.trim() === '') continue;
      child.value = child.value.replace(DISCLAIMER_LABEL, '');
      return;
    }
    if (isElement(child)) {
      // A label of its own, `<b>Disclaimer:</b>` or `<b>Disclaimer</b>:`, goes with its punctuation.
      if (/^disclaimer\s*[:.\-–—]?$/i.test(textOf(child))) {
        const index = block.children.indexOf(child);
        block.children.splice(index, 1);
        const next = block.children[index];
        if (next?.type === 'text') next.value = next.value.replace(/^\s*[:.\-–—]?\s*/, '');
        return;
      }
      dropLabel(child);
      return;
    }
  }
}

/** Reads one eFiction chapter page; throws a reason when the page lacks what a chapter needs. */
export function readEFictionPage(tree: Root, html: string): ImportedStory {
  const notices: string[] = [];
  const warn = (message: string) => notices.push(message);
  const storyBlock = select('#story', tree)!;

  const titleLink = selectAll('a[href]', tree).find((a) => STORY_LINK.test(String(a.properties['href'])) && textOf(a) !== '');
  if (!titleLink) throw new Error('no story title: an eFiction chapter page links its title to viewstory.php?sid=…');
  const title = textOf(titleLink);
  const sid = STORY_LINK.exec(String(titleLink.properties['href']))![1]!;
  const titleScope = select('#pagetitle', tree) ?? parentsOf(tree).get(titleLink) ?? tree;
  const authors = [...new Set(selectAll('a[href*="viewuser.php"]', titleScope).map((a) => textOf(a)).filter(Boolean))];
  if (authors.length === 0) throw new Error('no author: an eFiction chapter page links the author\'s name to viewuser.php?uid=…');

  const story = emptyStory('eFiction', `efiction:${sid}:${title}`, title);
  story.authors = authors;
  story.notices = notices;

  // The chapter: the selected entry of the chapter menu ("2. Lamplight"), else the saved address.
  const options = selectAll('select option', tree).filter((option) => /chapter=\d+/.test(String(option.properties['value'] ?? '')));
  const selected = options.find((option) => option.properties['selected'] === true);
  const savedFrom = /saved from url=\(\d+\)(\S+)/.exec(html)?.[1] ?? select('link[rel=canonical]', tree)?.properties['href'];
  const numberIn = (value: unknown) => /chapter=(\d+)/.exec(String(value ?? ''))?.[1];
  const written = numberIn(selected?.properties['value']) ?? numberIn(savedFrom);
  // A number no story reaches (99999999999999999999999 would be written 1e+23) is not trusted.
  const number = written === undefined || Number(written) <= MAX_CHAPTER_NUMBER ? written : undefined;
  if (written !== undefined && number === undefined) warn(`the chapter number ${written.slice(0, 30)} is past ${MAX_CHAPTER_NUMBER}; the chapter is numbered by the file order`);
  const chapterTitle = selected ? textOf(selected).replace(/^\d+\.\s*/, '') : undefined;
  if (options.length > 0 && !selected) warn('the chapter menu has no selected chapter; the chapter number comes from the saved address or the file order');

  const fields = infoFields(tree);
  const field = (...names: string[]) => names.map((name) => fields.get(name)).find((value) => value !== undefined);
  const rating = field('rated', 'rating');
  if (rating) {
    const raw = textOf(fragment(rating));
    story.rating = mapRating(raw);
    if (!story.rating) warn(`rating "${raw}" has no Quire equivalent; set "rating" in index.md`);
  }
  story.fandoms = listOf(field('categories', 'category', 'fandom', 'fandoms'));
  story.characters = listOf(field('characters', 'character'));
  story.relationships = listOf(field('pairings', 'pairing', 'relationships'));
  story.tags = listOf(field('genres', 'genre', 'tags'));
  story.warnings = listOf(field('warnings', 'warning'));
  const completed = field('completed', 'complete');
  if (completed) story.status = /^y/i.test(textOf(fragment(completed))) ? 'complete' : 'in-progress';
  for (const [name, key] of [['published', 'published'], ['updated', 'updated']] as const) {
    const value = field(name);
    if (!value) continue;
    const date = readDate(textOf(fragment(value)));
    if (date) story[key] = date;
    else warn(`could not read the ${name} date "${textOf(fragment(value))}"; write it as YYYY-MM-DD in index.md`);
  }
  const summary = field('summary');
  if (summary) story.summary = fragmentToMarkdown(fragment(summary), warn);
  const storyNotes = noteBlock(tree, STORY_NOTES);
  if (storyNotes) story.notes = fragmentToMarkdown(fragment(storyNotes.content), warn);

  const notes = noteBlock(tree, CHAPTER_NOTES);
  const endNotes = noteBlock(tree, END_NOTES);

  // The disclaimer: its own block, a block between the chapter notes and the text, or the text's first line.
  const text = fragment(storyBlock.children);
  for (const chrome of selectAll(CHROME, text)) removeNode(text, chrome);
  for (const { element } of labelled(text, TEXT_SIZE)) removeNode(text, element);
  let disclaimer: ElementContent[] | undefined;
  const own = select('#disclaimer, .disclaimer', tree);
  if (own) {
    disclaimer = structuredClone(own.children);
    const inText = select('#disclaimer, .disclaimer', text);
    if (inText) removeNode(text, inText);
  } else if (notes) {
    const parent = parentsOf(tree).get(notes.container);
    const start = parent ? parent.children.indexOf(notes.container) : -1;
    const end = parent ? parent.children.indexOf(storyBlock) : -1;
    const between = (start >= 0 && end > start ? parent!.children.slice(start + 1, end) : []).filter(
      (node): node is ElementContent => node.type === 'text' || (isElement(node) && !matches(CHROME, node)),
    );
    if (textOf(fragment(between)) !== '') disclaimer = structuredClone(between);
  }
  if (!disclaimer) {
    // Once cleaned, the text is a list of blocks; a disclaimer line is its first paragraph.
    cleanFragment(text, { warn });
    const first = text.children.find(isElement);
    const line = first?.tagName === 'p' ? textOf(first) : '';
    const disowning = line.length <= 300 && !/["“”]/.test(line) && DISOWNING.test(line) && NEGATION.test(line);
    if (first && (DISCLAIMER_LABEL.test(line) || disowning)) {
      removeNode(text, first);
      disclaimer = [first];
    }
  }
  if (disclaimer) {
    const wrapper: Element = { type: 'element', tagName: 'div', properties: {}, children: structuredClone(disclaimer) };
    dropLabel(wrapper);
    disclaimer = wrapper.children;
  }

  const markdown = (nodes: ElementContent[] | undefined) => {
    const converted = nodes && fragmentToMarkdown(fragment(nodes), warn);
    return converted === '' ? undefined : converted;
  };
  story.chapters.push({
    number: number === undefined ? undefined : Number(number),
    title: chapterTitle === '' ? undefined : chapterTitle,
    notes: markdown(notes?.content),
    endNotes: markdown(endNotes?.content),
    disclaimer: markdown(disclaimer),
    text: fragmentToMarkdown(text, warn),
  });
  return story;
}
