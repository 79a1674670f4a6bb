import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';

/** Small helpers to read an archive page's tree. */

/** Text as a reader sees it, with whitespace collapsed. */
export const textOf = (node: Root | ElementContent): string => toString(node).replace(/[\s\u00a0]+/g, ' ').trim();

export const isElement = (node: unknown): node is Element => (node as Element | undefined)?.type === 'element';

/** Every element of a tree with its parent, in document order. */
export function elementsWithParents(tree: Root): { element: Element; parent: Root | Element }[] {
  const found: { element: Element; parent: Root | Element }[] = [];
  const walk = (parent: Root | Element) => {
    for (const child of parent.children) {
      if (!isElement(child)) continue;
      found.push({ element: child, parent });
      walk(child);
    }
  };
  walk(tree);
  return found;
}

/** The innermost elements whose whole text matches `pattern` (labels such as "Chapter End Notes:"). */
export function labelled(tree: Root, pattern: RegExp): { element: Element; parent: Root | Element }[] {
  return elementsWithParents(tree).filter(
    ({ element }) => pattern.test(textOf(element)) && !element.children.some((child) => isElement(child) && pattern.test(textOf(child))),
  );
}

/** Removes a node from wherever it is in the tree. */
export function removeNode(tree: Root, node: ElementContent): void {
  for (const { element, parent } of elementsWithParents(tree)) {
    if (element === node) {
      parent.children.splice(parent.children.indexOf(element), 1);
      return;
    }
  }
}

/** The class names of an element. */
export const classesOf = (element: Element): string[] => {
  const value = element.properties['className'];
  return Array.isArray(value) ? value.map(String) : [];
};

/** A tree of copies of some nodes, to convert them without touching the page. */
export const fragment = (nodes: readonly ElementContent[]): Root => ({ type: 'root', children: structuredClone([...nodes]) });
