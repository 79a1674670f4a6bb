import { isTag, isText, type ChildNode, type Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';

/**
 * Rendered HTML fragments as a tree, and back to text as XHTML (for EPUB) or HTML (for the
 * single-file download). Our own serialiser, not dom-serializer: its XML mode writes every
 * non-ASCII character as a numeric reference, which would make an Arabic chapter six times larger.
 */

export type Syntax = 'xhtml' | 'html';

/** HTML elements that never have content; written `<br/>` in XHTML and `<br>` in HTML. */
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** Characters XML 1.0 does not allow at all (controls, lone surrogates, U+FFFE/U+FFFF): dropped. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ATTRIBUTE_NAME = /^[a-z_][a-z0-9_.:-]*$/i;

export const escapeXmlText = (text: string): string =>
  text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const escapeXmlAttribute = (text: string): string => escapeXmlText(text).replace(/"/g, '&quot;');

/** Parses an HTML fragment (entities decoded, tag names lowercased) into nodes. */
export const parseFragment = (html: string): ChildNode[] => parseDocument(html, { decodeEntities: true }).children;

/** Every element of a tree, depth first, in document order. */
export function* elements(nodes: readonly ChildNode[]): Generator<Element> {
  for (const node of nodes) {
    if (!isTag(node)) continue;
    yield node;
    yield* elements(node.children);
  }
}

/**
 * How a download writes an element: its attributes (renamed ids, links into the download), or a
 * text to stand in its place (an image the download cannot carry becomes its description).
 */
export type Rewrite = (element: Element) => Record<string, string> | string;

/** Writes nodes as XHTML or HTML text. Comments and processing instructions are left out. */
export function serialise(nodes: readonly ChildNode[], syntax: Syntax, rewrite?: Rewrite): string {
  let out = '';
  for (const node of nodes) {
    if (isText(node)) out += escapeXmlText(node.data);
    else if (isTag(node)) {
      const attributes = rewrite ? rewrite(node) : node.attribs;
      out += typeof attributes === 'string' ? escapeXmlText(attributes) : serialiseElement(node, attributes, syntax, rewrite);
    }
  }
  return out;
}

function serialiseElement(element: Element, attributes: Record<string, string>, syntax: Syntax, rewrite?: Rewrite): string {
  let tag = `<${element.name}`;
  for (const [name, value] of Object.entries(attributes)) {
    if (ATTRIBUTE_NAME.test(name)) tag += ` ${name}="${escapeXmlAttribute(value)}"`;
  }
  if (VOID_ELEMENTS.has(element.name)) return `${tag}${syntax === 'xhtml' ? '/>' : '>'}`;
  return `${tag}>${serialise(element.children, syntax, rewrite)}</${element.name}>`;
}
