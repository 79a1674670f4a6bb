import type { HastPluginDefinition } from 'satteri';

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * True for links a reader can follow safely: relative URLs, fragments, http(s) and mailto.
 * Parsed the way a browser parses them, so `java\tscript:` and `JAVASCRIPT:` are caught too.
 */
export function isSafeUrl(url: string): boolean {
  try {
    return SAFE_PROTOCOLS.has(new URL(url, 'https://relative.invalid/').protocol);
  } catch {
    return false;
  }
}

/** Removes `javascript:`, `data:` and other unsafe URLs from Markdown links and images. */
export const safeUrls: HastPluginDefinition = {
  name: 'quire-safe-urls',
  element: {
    filter: ['a', 'img'],
    visit(node, ctx) {
      const attribute = node.tagName === 'a' ? 'href' : 'src';
      const url = node.properties[attribute];
      if (typeof url === 'string' && !isSafeUrl(url)) ctx.setProperty(node, attribute, null);
    },
  },
};
