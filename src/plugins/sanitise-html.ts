import { Parser } from 'htmlparser2';
import type { HastPluginEntry } from 'satteri';
import { escapeAttribute, escapeText } from '../lib/html';

declare module 'satteri' {
  interface DataMap {
    /** The document had raw HTML, so it may leave an element open (see closed-html.ts). */
    rawHtml: boolean;
    /** An element removed with its content (`<textarea>`, `<svg>`) that the document never closes. */
    unclosedDropped: string;
  }
}

/** Raw HTML elements an author may use in chapter text (inline presentation, per the contract). */
const ALLOWED_ELEMENTS = new Set([
  'em', 'strong', 'i', 'b', 'u', 's', 'small', 'sup', 'sub', 'span', 'br', 'abbr', 'blockquote', 'center',
]);
const VOID_ELEMENTS = new Set(['br']);
/** Elements removed together with everything inside them. */
const DROPPED_WITH_CONTENT = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'noscript', 'noembed',
  'noframes', 'template', 'textarea', 'title', 'select', 'option', 'svg', 'math', 'xmp', 'plaintext',
]);
const ALLOWED_ATTRIBUTES: Record<string, (value: string) => boolean> = {
  title: () => true,
  lang: (value) => /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i.test(value),
  dir: (value) => value === 'ltr' || value === 'rtl' || value === 'auto',
};
/** `<center>` is obsolete HTML; it becomes a centred block of ours. */
const RENAMED: Record<string, { tag: string; attributes: string }> = {
  center: { tag: 'div', attributes: ' class="centered"' },
};

/**
 * A streaming HTML sanitiser for one document. Sätteri hands raw HTML over as separate fragments
 * per tag (`<em class=..>`, then text as Markdown, then `</em>`), so one htmlparser2 parser reads
 * every fragment of the document in order and keeps the open-element stack between them. Allowed
 * elements are re-emitted with only allowed attributes; everything else is dropped, and scripts,
 * styles, frames and the like are dropped with their content. Comments never reach the output.
 */
function createFragmentSanitiser(): { sanitise(fragment: string): string; readonly dropping: boolean; readonly openDropped: string | undefined; end(): void } {
  let output = '';
  let droppedDepth = 0;
  let openDropped: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (DROPPED_WITH_CONTENT.has(name) && droppedDepth++ === 0) openDropped = name;
        if (droppedDepth > 0) return;
        if (!ALLOWED_ELEMENTS.has(name)) return;
        const renamed = RENAMED[name];
        let kept = renamed?.attributes ?? '';
        for (const [attribute, value] of Object.entries(attributes)) {
          if (ALLOWED_ATTRIBUTES[attribute]?.(value)) kept += ` ${attribute}="${escapeAttribute(value)}"`;
        }
        output += `<${renamed?.tag ?? name}${kept}>`;
      },
      ontext(text) {
        if (droppedDepth === 0) output += escapeText(text);
      },
      onclosetag(name, isImplied) {
        if (DROPPED_WITH_CONTENT.has(name)) {
          droppedDepth = Math.max(0, droppedDepth - 1);
          if (droppedDepth === 0) openDropped = undefined;
          return;
        }
        if (droppedDepth > 0 || isImplied || VOID_ELEMENTS.has(name) || !ALLOWED_ELEMENTS.has(name)) return;
        output += `</${RENAMED[name]?.tag ?? name}>`;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  return {
    sanitise(fragment) {
      output = '';
      parser.write(fragment);
      return output;
    },
    /** Inside an element dropped with its content (a `<script>` whose end tag is still to come). */
    get dropping() {
      return droppedDepth > 0;
    },
    /** The outermost element dropped with its content that is still open. */
    get openDropped() {
      return openDropped;
    },
    end() {
      parser.end();
    },
  };
}

/**
 * Sanitises raw HTML in Markdown. Only documents that contain raw HTML pay for it: the visitor
 * runs on `raw` nodes alone.
 */
export const sanitiseHtml: HastPluginEntry = () => {
  const sanitiser = createFragmentSanitiser();
  return {
    name: 'quire-sanitise-html',
    raw(node, ctx) {
      ctx.data.rawHtml = true;
      ctx.replaceNode(node, { type: 'raw', value: sanitiser.sanitise(node.value) });
      if (!sanitiser.dropping) return;
      // `<script>x</script>` inside a paragraph: Markdown made `x` a text node between the two
      // fragments. Drop what stands between them, up to the next raw fragment.
      const parent = ctx.parent(node);
      const index = ctx.indexOf(node);
      if (!parent || index === undefined) return;
      const next = parent.children.slice(index + 1);
      const until = next.findIndex((sibling) => sibling.type === 'raw');
      for (let i = 0; i < (until === -1 ? next.length : until); i++) ctx.removeChildAt(parent, index + 1);
    },
    after(_root, ctx) {
      // Left open, it takes everything after it, to the end of the text, with it.
      const unclosed = sanitiser.openDropped;
      if (unclosed) ctx.data.unclosedDropped = unclosed;
      sanitiser.end();
    },
  };
};
