import type { Element, ElementContent, Root } from 'hast';
import type { Handle as HastHandle, State } from 'hast-util-to-mdast';
import { toText } from 'hast-util-to-text';
import { toString as toMdastString } from 'mdast-util-to-string';
import type { Html, Nodes as MdastNodes, Root as MdastRoot, RootContent as MdastContent, ThematicBreak } from 'mdast';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify, { type Options as StringifyOptions } from 'remark-stringify';
import { unified } from 'unified';
import { cleanFragment, DROPPED_WITH_CONTENT, KEPT_INLINE_HTML, sceneBreakMarker } from './clean';

declare module 'mdast' {
  interface ThematicBreakData {
    /** The scene-break line to write (`----`, `* * *`, `o0o`…), as the source had it. */
    marker?: string;
  }
}

const html = (value: string): Html => ({ type: 'html', value });

/**
 * Attributes kept on raw HTML, written out (values escaped for an attribute, on one line: a tag
 * broken by a blank line is no tag in Markdown, and would show as text).
 */
function attributes(node: Element): string {
  return Object.entries(node.properties)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([name, value]) => ` ${name}="${String(value).replace(/\s+/g, ' ').trim().replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"`)
    .join('');
}

/** Inline elements with no Markdown form (`<u>`, `<sup>`…) stay raw HTML around their converted content. */
const inlineHtml: HastHandle = (state: State, node: Element) => [
  html(`<${node.tagName}${attributes(node)}>`),
  ...state.all(node),
  html(`</${node.tagName}>`),
];

/** `<center>` is a block: its tags stand on their own lines, so Markdown inside it is still read. */
const centre: HastHandle = (state: State, node: Element) => [
  html('<center>'),
  ...state.toFlow(state.all(node)),
  html('</center>'),
];

const sceneBreak: HastHandle = (_state: State, node: Element): ThematicBreak => {
  const marker = node.properties['dataMarker'];
  return typeof marker === 'string' ? { type: 'thematicBreak', data: { marker } } : { type: 'thematicBreak' };
};

const STRINGIFY: StringifyOptions = {
  bullet: '-',
  emphasis: '*',
  strong: '*',
  rule: '*',
  fences: true,
  listItemIndent: 'one',
  handlers: {
    // The contract reads `***`, `----`, `* * *`, `#`, `o0o`… alone on a line as a scene break.
    thematicBreak: (node: ThematicBreak) => node.data?.marker ?? '***',
  },
};

const processor = unified()
  .use(rehypeRemark, {
    handlers: {
      ...Object.fromEntries([...KEPT_INLINE_HTML].map((name) => [name, inlineHtml])),
      center: centre,
      hr: sceneBreak,
    },
  })
  .use(remarkGfm)
  .use(remarkStringify, STRINGIFY);

/** Words as readers count them (see lib/words.ts), with typographic apostrophes as typed ones. */
const WORD = /[\p{L}\p{N}]+(?:['’\-‐][\p{L}\p{N}]+)*/gu;
const wordsOf = (text: string): string[] => text.replace(/’/g, "'").match(WORD) ?? [];

/** The words of `source` that `output` lacks (counting repeats), scene-break markers aside. */
export function missingWords(source: string[], output: string[]): string[] {
  const available = new Map<string, number>();
  for (const word of output) available.set(word, (available.get(word) ?? 0) + 1);
  return source.filter((word) => {
    const left = available.get(word) ?? 0;
    if (left > 0) available.set(word, left - 1);
    return left === 0 && sceneBreakMarker(word) === undefined;
  });
}


/** A copy of a tree without what the cleaning drops on purpose (scripts, form controls…). */
function withoutDroppedContent<T extends Root | Element>(node: T): T {
  const children = node.children
    .filter((child) => !(child.type === 'element' && DROPPED_WITH_CONTENT.has(child.tagName)))
    .map((child) => (child.type === 'element' ? withoutDroppedContent(child) : child));
  return { ...node, children };
}

/**
 * Converts a fragment of an archive page to clean Markdown, as the content contract reads it.
 * `warn` collects what had to be left out, and any word of the source the Markdown lacks: the
 * cleaning must never lose text, and should a page defeat it, the author is told which words.
 */
export function fragmentToMarkdown(nodes: ElementContent[] | Root, warn: (message: string) => void): string {
  const root: Root = Array.isArray(nodes) ? { type: 'root', children: structuredClone(nodes) } : structuredClone(nodes);
  const source = wordsOf(toText(withoutDroppedContent(root)));
  const tree = processor.runSync(cleanFragment(root, { warn })) as MdastRoot;
  const missing = missingWords(source, wordsOf(toMdastString(tree, { includeHtml: false })));
  if (missing.length > 0) warn(`${missing.length} ${missing.length === 1 ? 'word' : 'words'} of the page did not come through: ${missing.slice(0, 12).join(' ')}`);
  return processor.stringify(tree).trim();
}

/** Plain text written as inline Markdown (titles): every character that would be markup is escaped. */
export function textToMarkdown(text: string): string {
  const paragraph: MdastContent = { type: 'paragraph', children: [{ type: 'text', value: text.replace(/\s+/g, ' ').trim() }] };
  return processor.stringify({ type: 'root', children: [paragraph] } satisfies MdastNodes).trim();
}
