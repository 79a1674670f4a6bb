import type { ChildNode } from 'domhandler';
import { absoluteUrl, storyFileUrl } from '../../lib/urls';
import { elements, parseFragment, type Rewrite } from './markup';
import type { PartKind, WholeWork, WorkPart, WorkSection } from './whole-work';

/**
 * Turns the whole work's rendered HTML into trees that stand on their own inside a download:
 * ids made unique across parts (each part's footnotes start at 1), links to the story's own
 * pages pointed at the download's sections, other site links made absolute, images pointed at
 * the download's copies, and attributes meant for the web page (lazy loading) dropped.
 */

/** Where things are in one kind of download. */
export interface Layout {
  /** Prefix of every id of a section: none in the EPUB (a file per section), `chapter-3-` in one HTML file. */
  sectionPrefix(section: string): string;
  /** A link to a section, or to an id inside it, from section `from`. */
  href(from: string, to: string, id?: string): string;
  /** The download's copy of a story-folder image, if it has one. */
  imageSrc(file: string): string | undefined;
}

/** The work's HTML parsed once for both downloads; resolving reads these trees and never changes them. */
export interface ParsedWork {
  work: WholeWork;
  sections: { section: WorkSection; title: ChildNode[]; parts: { part: WorkPart; nodes: ChildNode[] }[] }[];
}

export interface ResolvedPart {
  kind: PartKind;
  label?: string;
  nodes: ChildNode[];
  /** The part's elements as this download writes them. */
  rewrite: Rewrite;
}

export interface ResolvedSection {
  id: string;
  title: { nodes: ChildNode[]; text: string; rewrite: Rewrite };
  parts: ResolvedPart[];
}

/** Attributes that make sense only on the web page. */
const WEB_ONLY_ATTRIBUTES = new Set(['loading', 'decoding']);
/** Attributes that hold a list of ids. */
const ID_LIST_ATTRIBUTES = new Set(['aria-describedby', 'aria-labelledby']);

export function parseWork(work: WholeWork): ParsedWork {
  return {
    work,
    sections: work.sections.map((section) => ({
      section,
      title: parseFragment(section.title.html),
      parts: section.parts.map((part) => ({ part, nodes: parseFragment(part.html) })),
    })),
  };
}

export function resolveWork({ work, sections }: ParsedWork, layout: Layout): ResolvedSection[] {
  const { site, story } = work;
  const siteOrigin = new URL(work.url).origin;
  const images = new Map(story.files.map((file) => [safeDecode(storyFileUrl(story.slug, file)), file]));
  const sectionByPath = new Map(work.sections.map((section) => [section.url, section]));

  // Each section's ids: original id → id in the download, per part.
  const idsOf = new Map<string, Map<PartKind, Map<string, string>>>();
  for (const { section, parts } of sections) {
    const byPart = new Map<PartKind, Map<string, string>>();
    for (const { part, nodes } of parts) {
      const ids = new Map<string, string>();
      for (const element of elements(nodes)) {
        const id = element.attribs.id;
        if (id !== undefined) ids.set(id, `${layout.sectionPrefix(section.id)}${part.kind}-${id}`);
      }
      byPart.set(part.kind, ids);
    }
    idsOf.set(section.id, byPart);
  }

  /** An id of a section: in the given part first, then in the chapter text, then anywhere in it. */
  const findId = (section: string, id: string, preferred?: PartKind): string | undefined => {
    const byPart = idsOf.get(section)!;
    return (
      (preferred && byPart.get(preferred)?.get(id)) ??
      byPart.get('text')?.get(id) ??
      [...byPart.values()].find((ids) => ids.has(id))?.get(id)
    );
  };

  /** The download's link for an href written in a part, or undefined when it leads nowhere. */
  const resolveHref = (section: WorkSection, kind: PartKind, href: string): string | undefined => {
    if (href.startsWith('#')) {
      const id = findId(section.id, safeDecode(href.slice(1)), kind);
      return id === undefined ? undefined : layout.href(section.id, section.id, id);
    }
    let url: URL;
    try {
      url = new URL(href, absoluteUrl(site.url, section.url));
    } catch {
      return undefined;
    }
    if (url.origin !== siteOrigin) return url.href;
    const target = sectionByPath.get(url.pathname);
    if (!target) return url.href;
    const id = url.hash ? findId(target.id, safeDecode(url.hash.slice(1))) : undefined;
    return layout.href(section.id, target.id, id);
  };

  /** How the elements of one part are written: ids renamed, links and images pointed into the download. */
  const rewriter = (section: WorkSection, kind: PartKind, ids: Map<string, string>): Rewrite => (element) => {
    const attributes: Record<string, string> = {};
    for (const [name, value] of Object.entries(element.attribs)) {
      let rewritten: string | undefined = value;
      if (WEB_ONLY_ATTRIBUTES.has(name)) rewritten = undefined;
      else if (name === 'id') rewritten = ids.get(value);
      else if (ID_LIST_ATTRIBUTES.has(name)) rewritten = value.split(/\s+/).flatMap((id) => ids.get(id) ?? []).join(' ') || undefined;
      else if (element.name === 'a' && name === 'href') rewritten = resolveHref(section, kind, value);
      else if (element.name === 'img' && name === 'src') {
        const file = images.get(safeDecode(value));
        rewritten = file === undefined ? undefined : layout.imageSrc(file);
        // An image the download cannot carry is replaced by its description.
        if (rewritten === undefined) return element.attribs.alt ?? '';
      }
      if (rewritten !== undefined) attributes[name] = rewritten;
    }
    return attributes;
  };

  return sections.map(({ section, title, parts }) => ({
    id: section.id,
    title: { nodes: title, text: section.title.text, rewrite: rewriter(section, 'text', new Map()) },
    parts: parts.map(({ part, nodes }) => ({
      kind: part.kind,
      ...(part.label === undefined ? {} : { label: part.label }),
      nodes,
      rewrite: rewriter(section, part.kind, idsOf.get(section.id)!.get(part.kind)!),
    })),
  }));
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
