import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';

/*
 * One author's markup ends where their field or chapter ends. The sanitiser keeps only allowed
 * elements, but an element left open (`<small>` never closed, `<center>` opened five times) would
 * run on into whatever the page puts after it: the next story's card, the navigation, the footer.
 * So a text with raw HTML is parsed as a browser parses a fragment on its own, and written out
 * again with every element closed where the browser would close it.
 */

/** Elements a title or name may keep: inline presentation, never a link or a block. */
const INLINE = new Set(['em', 'strong', 'i', 'b', 'u', 's', 'del', 'small', 'sup', 'sub', 'span', 'abbr', 'code', 'br']);

/** The element's children in its place, for elements an inline field may not have. */
function inlineOnly(nodes: (RootContent | ElementContent)[]): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    if (node.type === 'element') {
      if (!INLINE.has(node.tagName)) return node.tagName === 'img' ? [] : inlineOnly(node.children);
      return [{ ...node, children: inlineOnly(node.children) } satisfies Element];
    }
    return node.type === 'text' || node.type === 'comment' ? [node] : [];
  });
}

const isBlock = (node: ElementContent): boolean => node.type === 'element' && !INLINE.has(node.tagName) && node.tagName !== 'a' && node.tagName !== 'img';

/**
 * Formatting left open across paragraphs is carried into each of them, as a browser shows it,
 * but written the valid way (`<p><small>…</small></p>`, never `<small><p>…</p></small>`), so
 * the EPUB's XHTML stays valid.
 */
function inlineInsideBlocks(nodes: ElementContent[]): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    if (node.type !== 'element') return [node];
    const element: Element = node;
    const children = inlineInsideBlocks(node.children);
    // Formatting the parser carried over a line break between blocks holds nothing to format.
    if (!isBlock(element) && element.tagName !== 'br' && children.every((child) => child.type === 'text' && child.value.trim() === '')) return children;
    if (isBlock(element) || !children.some(isBlock)) return [{ ...element, children }];
    const pieces: ElementContent[] = [];
    let run: ElementContent[] = [];
    const endRun = () => {
      if (run.some((child) => child.type !== 'text' || child.value.trim() !== '')) pieces.push({ ...element, children: run });
      else pieces.push(...run);
      run = [];
    };
    for (const child of children) {
      if (child.type !== 'element' || !isBlock(child)) {
        run.push(child);
        continue;
      }
      endRun();
      pieces.push({ ...child, children: inlineInsideBlocks([{ ...element, children: child.children }]) });
    }
    endRun();
    return pieces;
  });
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * How deep the HTML nests elements, counted in one pass over its tags (so a pathological text
 * costs time in proportion to its size, and no recursion).
 */
export function nestingDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const [, closing, name, selfClosing] of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
    if (VOID.has(name!.toLowerCase()) || selfClosing) continue;
    depth = closing ? Math.max(0, depth - 1) : depth + 1;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

/** The HTML with every element closed, as a fragment of its own; `inline` keeps only inline markup. */
export function closedHtml(html: string, { inline = false }: { inline?: boolean } = {}): string {
  const tree: Root = fromHtml(html, { fragment: true });
  tree.children = inline ? inlineOnly(tree.children) : inlineInsideBlocks(tree.children as ElementContent[]);
  return toHtml(tree, { characterReferences: { useNamedReferences: true } });
}
