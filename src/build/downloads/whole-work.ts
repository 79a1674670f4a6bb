import type { ChapterEntry, SiteEntry, StoryEntry } from '../../schemas';
import { getChapterHtml, getChapterNotes } from '../../loaders/render-cache';
import { formatDate } from '../../lib/dates';
import { joinNames, RATING_LABELS, STATUS_LABELS } from '../../lib/stories';
import { absoluteUrl, chapterUrl, storyUrl } from '../../lib/urls';
import { formatCount } from '../../lib/words';


/**
 * The whole work in reading order, as both downloads (EPUB and single-file HTML) present it: a
 * title page (metadata, summary, story notes), then every chapter with its disclaimer, notes,
 * text and end notes, the story's end notes after the last chapter, as on the chapter pages.
 */
export interface WholeWork {
  site: SiteEntry;
  story: StoryEntry;
  /** Absolute URL of the story page: the download's source. */
  url: string;
  /** "by A and B", in the site's language. */
  byline: string;
  /** Title-page metadata as label and plain-text value, in the site's language. */
  metadata: { label: string; value: string }[];
  /** The title page first, then one section per chapter. */
  sections: WorkSection[];
}

export interface WorkSection {
  /** `title` or `chapter-N`: an EPUB file name, and an id prefix in the HTML file. */
  id: string;
  title: { html: string; text: string };
  /** Where the section's content is on the site, to resolve the links inside it. */
  url: string;
  parts: WorkPart[];
}

export type PartKind = 'summary' | 'story-notes' | 'disclaimer' | 'notes' | 'text' | 'end-notes' | 'story-end-notes';

export interface WorkPart {
  kind: PartKind;
  /** The heading above it, as on the site; the chapter text has none. */
  label?: string;
  html: string;
}

/** Headings of the parts, the same words the pages use. */
const PART_LABELS: Record<Exclude<PartKind, 'text'>, string> = {
  summary: 'Summary',
  'story-notes': 'Story Notes',
  disclaimer: 'Disclaimer',
  notes: 'Author’s Chapter Notes',
  'end-notes': 'Chapter End Notes',
  'story-end-notes': 'Story End Notes',
};

const part = (kind: Exclude<PartKind, 'text'>, html: string | undefined): WorkPart[] =>
  html === undefined || html.trim() === '' ? [] : [{ kind, label: PART_LABELS[kind], html }];

/** The story's metadata rows, as the story page shows them (empty lists left out). */
function storyMetadata(story: StoryEntry, locale: string): WholeWork['metadata'] {
  const lists = [
    ['Warnings', story.warnings],
    ['Fandoms', story.fandoms],
    ['Relationships', story.relationships],
    ['Characters', story.characters],
    ['Tags', story.tags],
  ] as const;
  return [
    { label: 'Rating', value: RATING_LABELS[story.rating] },
    ...lists.filter(([, items]) => items.length > 0).map(([label, items]) => ({ label, value: items.join(', ') })),
    { label: 'Language', value: new Intl.DisplayNames([locale], { type: 'language' }).of(story.language) ?? story.language },
    { label: 'Status', value: STATUS_LABELS[story.status] },
    { label: 'Chapters', value: String(story.chapterCount) },
    { label: 'Words', value: formatCount(story.words, locale) },
    { label: 'Published', value: formatDate(story.published, locale) },
    { label: 'Updated', value: formatDate(story.updated, locale) },
  ];
}

/** Assembles the whole work of a story; `chapters` in reading order. Reads the rendered texts. */
export async function wholeWork(site: SiteEntry, story: StoryEntry, chapters: readonly ChapterEntry[]): Promise<WholeWork> {
  const sections: WorkSection[] = [
    {
      id: 'title',
      title: story.title,
      url: storyUrl(story.slug),
      parts: [...part('summary', story.summary), ...part('story-notes', story.notes)],
    },
  ];
  for (const chapter of chapters) {
    const isLast = chapter.position === chapters.length;
    const { notes, endNotes } = await getChapterNotes(chapter);
    sections.push({
      id: `chapter-${chapter.position}`,
      title: chapter.title,
      url: chapterUrl(story.slug, chapter.slug),
      parts: [
        ...part('disclaimer', chapter.disclaimer),
        ...part('notes', notes),
        { kind: 'text', html: await getChapterHtml(chapter) },
        ...part('end-notes', endNotes),
        ...(isLast ? part('story-end-notes', story.endNotes) : []),
      ],
    });
  }
  return {
    site,
    story,
    url: absoluteUrl(site.url, storyUrl(story.slug)),
    byline: `by ${joinNames(story.authors, site.language)}`,
    metadata: storyMetadata(story, site.language),
    sections,
  };
}
