import type { ChildNode, Element } from 'domhandler';
import { absoluteUrl, storyFileUrl } from '../urls';
import { elements, parseFragment, replaceWithText } from './markup';
import type { PartKind, WholeWork, WorkSection } from './whole-work';

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

export interface ResolvedPart {
  kind: PartKind;
  label?: string;
  nodes: ChildNode[];
}

export interface ResolvedSection {
  id: string;
  title: { nodes: ChildNode[]; text: string };
  parts: ResolvedPart[];
}

/** Attributes that make sense only on the web page. */
const WEB_ONLY_ATTRIBUTES = new Set(['loading', 'decoding']);
/** Attributes that hold a list of ids. */
const ID_LIST_ATTRIBUTES = new Set(['aria-describedby', 'aria-labelledby']);

export function resolveWork(work: WholeWork, layout: Layout): ResolvedSection[] {
  const { site, story } = work;
  const siteOrigin = new URL(work.url).origin;
  const images = new Map(story.files.map((file) => [safeDecode(storyFileUrl(story.slug, file)), file]));
  const sectionByPath = new Map(work.sections.map((section) => [section.url, section]));

  const parsed = work.sections.map((section) => ({
    section,
    parts: section.parts.map((part) => ({ part, nodes: parseFragment(part.html) })),
  }));

  // Each section's ids: original id → id in the download, per part.
  const idsOf = new Map<string, Map<PartKind, Map<string, string>>>();
  for (const { section, parts } of parsed) {
    const byPart = new Map<PartKind, Map<string, string>>();
    for (const { part, nodes } of parts) {
      const ids = new Map<string, string>();
      for (const element of elements(nodes)) {
        const id = element.attribs.id;
        if (id === undefined) continue;
        const renamed = `${layout.sectionPrefix(section.id)}${part.kind}-${id}`;
        ids.set(id, renamed);
        element.attribs.id = renamed;
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

  return parsed.map(({ section, parts }) => ({
    id: section.id,
    title: { nodes: parseFragment(section.title.html), text: section.title.text },
    parts: parts.map(({ part, nodes }) => {
      const ids = idsOf.get(section.id)!.get(part.kind)!;
      /** An attribute's value in the download, or undefined to drop it. */
      const rewrite = (element: Element, name: string, value: string): string | undefined => {
        if (WEB_ONLY_ATTRIBUTES.has(name)) return undefined;
        if (ID_LIST_ATTRIBUTES.has(name)) {
          const renamed = value.split(/\s+/).flatMap((id) => ids.get(id) ?? []);
          return renamed.length > 0 ? renamed.join(' ') : undefined;
        }
        if (element.name === 'a' && name === 'href') return resolveHref(section, part.kind, value);
        return value;
      };
      for (const element of [...elements(nodes)]) {
        const attribs: Record<string, string> = {};
        for (const [name, value] of Object.entries(element.attribs)) {
          const rewritten = rewrite(element, name, value);
          if (rewritten !== undefined) attribs[name] = rewritten;
        }
        element.attribs = attribs;
        if (element.name === 'img') {
          const file = images.get(safeDecode(attribs.src ?? ''));
          const src = file === undefined ? undefined : layout.imageSrc(file);
          if (src === undefined) replaceWithText(element, attribs.alt ?? '');
          else attribs.src = src;
        }
      }
      return {
        kind: part.kind,
        ...(part.label === undefined ? {} : { label: part.label }),
        nodes,
      };
    }),
  }));
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
