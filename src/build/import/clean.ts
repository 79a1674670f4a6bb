import type { Element, ElementContent, Parents, Root, RootContent, Text } from 'hast';
import { toString } from 'hast-util-to-string';
import { SCENE_BREAK } from '../../plugins/scene-breaks';

/*
 * Cleaning of an archive's HTML before it becomes Markdown: what a reader saw, without the site's
 * chrome, the word processor's debris (spacer paragraphs of non-breaking spaces, empty inline
 * tags, `<font>`, inline styles, tracking attributes) or anything the content contract would drop.
 * Presentation that carries meaning is kept as the elements the contract allows.
 */

/** Elements removed with everything inside them: code, embeds and form controls are never text. */
export const DROPPED_WITH_CONTENT = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
  'svg', 'math', 'select', 'option', 'input', 'button', 'textarea', 'head', 'title', 'meta', 'link', 'map',
]);
/** Of those, the ones that hold what follows them when left open in a page (their content is not parsed as markup). */
const SWALLOWING = new Set(['noscript', 'template', 'iframe', 'textarea', 'title']);
/** Inline elements kept as the raw HTML the contract allows (they have no Markdown form). */
export const KEPT_INLINE_HTML = new Set(['u', 'small', 'sup', 'sub', 'abbr', 'span']);
/** Attributes the contract keeps on raw HTML; every other attribute is dropped. */
const KEPT_ATTRIBUTES = ['title', 'lang', 'dir'];
/** Inline elements that mean nothing once empty. */
const INLINE = new Set([
  'a', 'abbr', 'b', 'big', 'cite', 'code', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd', 'mark', 'q', 's',
  'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'tt', 'u', 'var',
]);
/** Phrasing content: what can stand in a paragraph. */
const PHRASING = new Set([...INLINE, 'br', 'img', 'wbr', 'label', 'nobr', 'o:p']);
/** Containers whose loose lines become paragraphs (split at blank lines made of `<br><br>`). */
const FLOW_CONTAINERS = new Set(['root', 'div', 'blockquote', 'center', 'section', 'article', 'main', 'body', 'td']);
/** A line of symbols only (`* * * * *`, `~*~`, `=====`) that archives used as a scene break. */
const SYMBOL_BREAK = /^(?=(?:\s*[-*~=_+•·◇◆♦❖✦✧]){3})[-*~=_+•·◇◆♦❖✦✧\s]+$/u;
/** A centred line of symbols, even a single `~` or `*`, stands for a scene break. */
const CENTRED_SYMBOLS = /^[-*~=_+•·◇◆♦❖✦✧#§\s]+$/u;
/** Whitespace made of non-breaking spaces mixed with others: indentation and spacing, not meaning. */
const LOOSE_SPACES = /[ \t\n\r\f]*\u00a0[\u00a0 \t\n\r\f]*/g;

export interface CleanOptions {
  /** Collects what the cleaning had to leave out (images), for the author to review. */
  warn: (message: string) => void;
}

const isElement = (node: unknown, ...names: string[]): node is Element =>
  (node as Element | undefined)?.type === 'element' && (names.length === 0 || names.includes((node as Element).tagName));
const text = (value: string): Text => ({ type: 'text', value });
const element = (tagName: string, children: ElementContent[], properties: Element['properties'] = {}): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});
/** Text as a reader sees it: non-breaking spaces are spaces. */
const visibleText = (node: Parents | ElementContent): string => toString(node).replace(/\u00a0/g, ' ');
const isBlank = (node: Parents | ElementContent): boolean => visibleText(node).trim() === '';
const isPhrasing = (node: ElementContent): boolean =>
  node.type === 'text' || node.type === 'comment' || (node.type === 'element' && PHRASING.has(node.tagName));

/**
 * The scene-break marker a line of text stands for: the line itself when the contract accepts it
 * (`----`, `* * *`, `#`, `o0o`…), the contract's `***` for other lines of symbols, else nothing.
 */
export function sceneBreakMarker(line: string): string | undefined {
  const trimmed = line.replace(/\u00a0/g, ' ').trim();
  if (trimmed === '') return undefined;
  if (SCENE_BREAK.test(trimmed)) return trimmed;
  return SYMBOL_BREAK.test(trimmed) ? '***' : undefined;
}

const sceneBreak = (marker?: string): Element => element('hr', [], marker ? { dataMarker: marker } : {});

/** Wraps content in the elements an inline style meant (italic, bold, underline, centred). */
function styleWrappers(node: Element, children: ElementContent[]): ElementContent[] {
  const style = String(node.properties['style'] ?? '').toLowerCase();
  if (style === '') return children;
  let wrapped = children;
  if (/font-style\s*:\s*italic/.test(style) && !isElement(node, 'em', 'i')) wrapped = [element('em', wrapped)];
  if (/font-weight\s*:\s*(?:bold|[6-9]00)/.test(style) && !isElement(node, 'strong', 'b')) wrapped = [element('strong', wrapped)];
  if (/text-decoration[a-z-]*\s*:[^;]*underline/.test(style) && !isElement(node, 'u')) wrapped = [element('u', wrapped)];
  return wrapped;
}

const isCentred = (node: Element): boolean =>
  /text-align\s*:\s*center/i.test(String(node.properties['style'] ?? '')) || String(node.properties['align'] ?? '').toLowerCase() === 'center';

/** Keeps only the attributes an element needs: `href` on links, `title`/`lang`/`dir` on raw HTML. */
function keptProperties(node: Element): Element['properties'] {
  const kept: Element['properties'] = {};
  if (node.tagName === 'a' && node.properties['href'] !== undefined) kept['href'] = node.properties['href'];
  if (KEPT_INLINE_HTML.has(node.tagName)) {
    for (const name of KEPT_ATTRIBUTES) if (node.properties[name] !== undefined) kept[name] = node.properties[name];
  }
  return kept;
}

const isPublicLink = (href: unknown): boolean => typeof href === 'string' && /^https?:\/\/[^/]/i.test(href.trim());

/** The text inside a node, as written. */
const textIn = (node: RootContent | Element): string =>
  node.type === 'text' ? node.value : node.type === 'element' ? node.children.map(textIn).join(' ') : '';

/** Cleans one node; returns what replaces it (nothing, itself, or its children). */
function cleanNode(node: RootContent, options: CleanOptions): ElementContent[] {
  if (node.type === 'comment' || node.type === 'doctype') return [];
  if (node.type === 'text') {
    // A lone non-breaking space between words may be meant (French punctuation); runs are spacing.
    return [text(node.value.replace(/\uFEFF/g, '').replace(LOOSE_SPACES, (spaces) => (spaces.length > 1 ? ' ' : spaces)))];
  }
  if (node.type !== 'element') return [];
  const name = node.tagName;
  if (DROPPED_WITH_CONTENT.has(name)) {
    // Left open in the page, such an element holds the rest of the chapter: never drop words unsaid.
    const words = SWALLOWING.has(name) ? textIn(node).split(/\s+/).filter(Boolean).length : 0;
    if (words > 0) options.warn(`left out a <${name}> and the ${words === 1 ? 'word' : `${words} words`} inside it (an element left open in the page holds all that follows it)`);
    return [];
  }
  if (name === 'img') {
    const alt = String(node.properties['alt'] ?? '').trim();
    const source = String(node.properties['src'] ?? '');
    options.warn(`left out an image (${source || 'no address'})${alt ? `; kept its description "${alt}" as text` : ''}`);
    return alt ? [text(` ${alt} `)] : [];
  }
  if (name === 'hr') {
    const marker = node.properties['dataMarker'];
    return [sceneBreak(typeof marker === 'string' ? marker : undefined)];
  }

  const children = cleanChildren(node, options);
  const styled = styleWrappers(node, children);
  const centred = isCentred(node) && name !== 'center';
  // Elements with no meaning of their own give way to their content.
  const unwrap =
    ['font', 'big', 'nobr', 'label', 'form', 'o:p', 'ins'].includes(name) ||
    (name === 'span' && keptProperties(node)['lang'] === undefined && keptProperties(node)['dir'] === undefined) ||
    (name === 'a' && !isPublicLink(node.properties['href']));
  if (unwrap) {
    const replaced = name === 'ins' ? [element('u', styled)] : styled;
    return centred ? [element('center', toParagraphs(replaced))] : replaced;
  }
  // Empty inline elements: nothing, or the space they stood for.
  if (INLINE.has(name) && isBlank({ type: 'root', children: styled }) && !styled.some((child) => isElement(child, 'br'))) {
    return toString({ type: 'root', children: styled }).length > 0 ? [text(' ')] : [];
  }
  const cleaned = element(name, styled, keptProperties(node));
  return centred ? [element('center', toParagraphs([cleaned]))] : [cleaned];
}

function cleanChildren(parent: Root | Element, options: CleanOptions): ElementContent[] {
  const children = parent.children.flatMap((child) => cleanNode(child, options));
  const name = parent.type === 'root' ? 'root' : parent.tagName;
  if (name === 'p') return children;
  if (!FLOW_CONTAINERS.has(name)) return children;
  return toParagraphs(children);
}

/** Splits phrasing content at `<br>`s into lines. */
function lines(children: ElementContent[]): ElementContent[][] {
  const result: ElementContent[][] = [[]];
  for (const child of children) {
    if (isElement(child, 'br')) result.push([]);
    else result.at(-1)!.push(child);
  }
  return result;
}

/**
 * Rebuilds a paragraph's content into paragraphs and scene breaks: a blank line (`<br><br>`) starts
 * a new paragraph, a line that is only a scene-break marker becomes a scene break, and the other
 * lines are kept together with their line breaks.
 */
function splitParagraph(children: ElementContent[]): ElementContent[] {
  const output: ElementContent[] = [];
  let current: ElementContent[][] = [];
  const flush = () => {
    const content = current.flatMap((line, index) => (index === 0 ? line : [element('br', []), ...line]));
    if (!isBlank({ type: 'root', children: content })) output.push(element('p', trimEdges(content)));
    current = [];
  };
  for (const line of lines(children)) {
    const root: Root = { type: 'root', children: line };
    const marker = sceneBreakMarker(visibleText(root));
    if (marker !== undefined && !line.some((node) => node.type === 'element' && !INLINE.has(node.tagName))) {
      flush();
      output.push(sceneBreak(marker));
    } else if (isBlank(root) && !line.some((node) => isElement(node, 'hr'))) {
      flush();
    } else {
      current.push(line);
    }
  }
  flush();
  return output;
}

/** Leading and trailing spaces of a paragraph (including non-breaking ones) are indentation. */
function trimEdges(content: ElementContent[]): ElementContent[] {
  const first = firstText(content, 0);
  if (first) first.value = first.value.replace(/^[\s\u00a0]+/, '');
  const last = firstText(content, -1);
  if (last) last.value = last.value.replace(/[\s\u00a0]+$/, '');
  return content;
}

function firstText(content: ElementContent[], end: 0 | -1): Text | undefined {
  const node = end === 0 ? content[0] : content.at(-1);
  if (!node) return undefined;
  if (node.type === 'text') return node;
  return node.type === 'element' ? firstText(node.children, end) : undefined;
}

/**
 * Flow content: runs of loose phrasing content become paragraphs, paragraphs are split at blank
 * lines and scene-break lines, and spacer paragraphs (empty, or only non-breaking spaces) go.
 */
function toParagraphs(children: ElementContent[]): ElementContent[] {
  const output: ElementContent[] = [];
  let run: ElementContent[] = [];
  const flushRun = () => {
    if (run.length > 0) output.push(...splitParagraph(run));
    run = [];
  };
  for (const child of children) {
    if (isPhrasing(child)) {
      run.push(child);
      continue;
    }
    flushRun();
    if (child.type === 'element' && child.tagName === 'p') {
      const marker = sceneBreakMarker(visibleText(child));
      if (marker !== undefined) output.push(sceneBreak(marker));
      else output.push(...splitParagraph(child.children));
    } else if (isElement(child, 'center') && !isBlank(child) && CENTRED_SYMBOLS.test(visibleText(child))) {
      output.push(sceneBreak(sceneBreakMarker(visibleText(child)) ?? '***'));
    } else if (isElement(child, 'div', 'center') && child.children.every((c) => isElement(c, 'hr'))) {
      // Already cleaned: a block left with only scene breaks (or nothing) is just those.
      output.push(...child.children);
    } else {
      output.push(child);
    }
  }
  flushRun();
  return output;
}

/** Cleans a fragment of an archive page in place (a unified plugin's transformer, or called directly). */
export function cleanFragment(tree: Root, options: CleanOptions): Root {
  tree.children = cleanChildren(tree, options);
  return tree;
}
