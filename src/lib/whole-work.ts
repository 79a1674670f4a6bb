/**
 * Ids on the whole-work page, where every chapter's text shares one document. Each chapter text
 * keeps its own ids (`p-1`, heading and footnote ids) under the prefix `<chapter-slug>--`; the
 * page's own parts for a chapter use the forms below. None can collide: chapter slugs never
 * contain `--` nor start with a hyphen, so every prefixed id has its slug before its first `--`,
 * and the page's own ids contain no `--`.
 */

/** The prefix for ids from a chapter's text. */
export const textIdPrefix = (chapter: string): string => `${chapter}--`;

/** The chapter's section, the target of the table of contents. */
export const chapterSectionId = (chapter: string): string => `chapter-${chapter}`;

export const chapterTitleId = (chapter: string): string => `title-${chapter}`;

/** A note of the chapter: `disclaimer`, `notes` or `end-notes`. */
export const chapterNoteId = (chapter: string, kind: 'disclaimer' | 'notes' | 'end-notes'): string => `${kind}-${chapter}`;

/** Attributes that hold an id, or a list of ids, of the same document. */
const ID_ATTRIBUTES = new Set(['id', 'aria-describedby', 'aria-labelledby', 'aria-controls', 'aria-owns', 'for']);
/** A start tag, with attribute values that may contain `>`. */
const START_TAG = /<[a-zA-Z][^\s/>]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*\s*\/?>/g;
const ATTRIBUTE = /(\s)([^\s"'>/=]+)(\s*=\s*)("([^"]*)"|'([^']*)'|([^\s"'>]+))/g;

/**
 * Rewrites the ids of rendered chapter HTML, and the same-document references to them (`href="#…"`,
 * `aria-describedby`, …), under `prefix`. Only start tags are touched, never the text.
 */
export function prefixIds(html: string, prefix: string): string {
  return html.replace(START_TAG, (tag) =>
    tag.replace(ATTRIBUTE, (whole, space: string, name: string, equals: string, _quoted, double?: string, single?: string, bare?: string) => {
      const value = double ?? single ?? bare ?? '';
      const attribute = name.toLowerCase();
      let rewritten: string;
      if (ID_ATTRIBUTES.has(attribute)) rewritten = value.split(/\s+/).map((id) => (id ? prefix + id : id)).join(' ');
      else if (attribute === 'href' && value.startsWith('#') && value.length > 1) rewritten = `#${prefix}${value.slice(1)}`;
      else return whole;
      return `${space}${name}${equals}"${rewritten}"`;
    }),
  );
}
