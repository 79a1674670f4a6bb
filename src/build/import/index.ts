import { type DefaultTreeAdapterTypes, parse } from 'parse5';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { isAo3Download, looksLikeAo3, readAo3Download } from './ao3';
import { isEFictionPage, looksLikeEFiction, readEFictionPage } from './efiction';
import { parseChapterFileName } from '../../schemas';
import type { ImportedStory, PlannedFile } from './story';

export { storyFiles, slugify, type ImportedStory, type PlannedFile } from './story';

/** A file the importer cannot use, and why. */
export class ImportError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'ImportError';
  }
}

const parser = unified().use(rehypeParse);

/**
 * The text of a saved page. Old archives served windows-1252 or ISO-8859-1 pages: bytes that are
 * not UTF-8 are decoded with the charset the page declares (windows-1252 when it declares none).
 */
export function decodePage(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const head = new TextDecoder('latin1').decode(bytes.slice(0, 4096));
    const declared = /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1];
    try {
      return new TextDecoder(declared && !/^utf-?8$/i.test(declared) ? declared : 'windows-1252').decode(bytes);
    } catch {
      return new TextDecoder('windows-1252').decode(bytes);
    }
  }
}

/** How deep an archive page may nest elements: far past any page layout and story, short of what overflows the converters, which recurse. */
const MAX_PAGE_NESTING = 500;

/** How deep the page nests elements as a browser builds it (parse5 builds it without recursion; this walks it without either). */
function pageNesting(html: string): number {
  let deepest = 0;
  const stack: { node: DefaultTreeAdapterTypes.ParentNode; depth: number }[] = [{ node: parse(html), depth: 0 }];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    deepest = Math.max(deepest, entry.depth);
    for (const child of entry.node.childNodes) if ('childNodes' in child) stack.push({ node: child, depth: entry.depth + 1 });
  }
  return deepest;
}

/** Reads a saved archive page (eFiction chapter page or AO3 HTML download) into a story. */
export function readArchivePage(file: string, html: string): ImportedStory {
  if (!/<(?:html|body|div|p)\b/i.test(html)) {
    throw new ImportError(file, 'not an HTML page: save the chapter page from the browser as a web page (HTML), not as text');
  }
  const depth = pageNesting(html);
  if (depth > MAX_PAGE_NESTING) {
    throw new ImportError(file, `nests elements ${depth} deep (quotes in quotes, tags in tags); a page may nest at most ${MAX_PAGE_NESTING}`);
  }
  const tree = parser.parse(html);
  try {
    if (isAo3Download(tree)) return readAo3Download(tree);
    if (isEFictionPage(tree)) return readEFictionPage(tree, html);
  } catch (error) {
    throw new ImportError(file, (error as Error).message);
  }
  if (looksLikeAo3(tree)) {
    throw new ImportError(file, 'looks like an AO3 download but lacks its #preface or #chapters block; download the work again as HTML');
  }
  if (looksLikeEFiction(tree)) {
    throw new ImportError(file, 'looks like an eFiction page but has no #story block (the chapter text): save the chapter page itself, not the table of contents or a review page');
  }
  throw new ImportError(
    file,
    'not a page the importer recognises: expected an eFiction chapter page (a #story block, links to viewstory.php) or an AO3 HTML download (#preface and #chapters)',
  );
}

/**
 * Joins the chapter pages of one eFiction story (a folder of saved pages) into one story, ordered
 * by chapter number. The story's details come from the pages that have them.
 */
export function combinePages(pages: { file: string; story: ImportedStory }[]): ImportedStory {
  if (pages.length === 1) return pages[0]!.story;
  const whole = pages.find(({ story }) => story.format === 'AO3');
  if (whole) throw new ImportError(whole.file, 'an AO3 download is a whole work: import it on its own, not in a folder with other pages');
  const first = pages[0]!;
  const stranger = pages.find(({ story }) => story.key !== first.story.key);
  if (stranger) {
    throw new ImportError(stranger.file, `is a page of "${stranger.story.title}", not of "${first.story.title}" (${first.file}): a folder holds the pages of one story`);
  }
  const byNumber = new Map<number, string>();
  for (const { file, story } of pages) {
    const number = story.chapters[0]?.number;
    if (number === undefined) throw new ImportError(file, 'the page does not say which chapter it is (no selected chapter in its chapter menu)');
    const other = byNumber.get(number);
    if (other) throw new ImportError(file, `is chapter ${number}, like ${other}`);
    byNumber.set(number, file);
  }
  const sorted = [...pages].sort((a, b) => a.story.chapters[0]!.number! - b.story.chapters[0]!.number!);
  const combined: ImportedStory = { ...first.story, chapters: [], notices: [] };
  for (const { file, story } of sorted) {
    combined.chapters.push(...story.chapters);
    combined.notices.push(...story.notices.map((notice) => `${file}: ${notice}`));
    for (const key of ['rating', 'language', 'status', 'published', 'updated', 'summary', 'notes', 'endNotes'] as const) {
      if (combined[key] === undefined && story[key] !== undefined) Object.assign(combined, { [key]: story[key] });
    }
    for (const key of ['fandoms', 'warnings', 'relationships', 'characters', 'tags'] as const) {
      if (combined[key].length === 0) combined[key] = story[key];
    }
  }
  return combined;
}

/** Files already in the story folder that a planned file would replace or collide with. */
export function conflicts(planned: readonly PlannedFile[], existing: readonly string[]): { file: PlannedFile; existing: string; reason: string }[] {
  const found: { file: PlannedFile; existing: string; reason: string }[] = [];
  for (const file of planned) {
    for (const name of existing) {
      const chapter = parseChapterFileName(name);
      if (name === file.name) found.push({ file, existing: name, reason: 'exists' });
      else if (chapter && file.number !== undefined && chapter.number === file.number) found.push({ file, existing: name, reason: `is also chapter ${file.number}` });
      else if (chapter && chapter.slug === file.slug) found.push({ file, existing: name, reason: `has the same chapter slug "${file.slug}"` });
    }
  }
  return found;
}
