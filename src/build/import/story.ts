import { isCalendarDate } from '../../lib/dates';
import { canonicalLanguage } from '../../lib/language';
import { type Problem, validate } from '../../loaders/problems';
import { chapterFileName, chapterSchema, RESERVED_SLUGS, storySchema, type Rating, type Status } from '../../schemas';
import { markdownFile } from '../frontmatter';
import { textToMarkdown } from './markdown';

/*
 * The importer's model of a story, as read from an archive, and the Quire files made from it.
 * Rich fields (summary, notes, text) are already Markdown.
 */

export interface ImportedChapter {
  /** The chapter's number in its archive, when the page says it. */
  number?: number | undefined;
  title?: string | undefined;
  summary?: string | undefined;
  notes?: string | undefined;
  endNotes?: string | undefined;
  disclaimer?: string | undefined;
  text: string;
}

export interface ImportedStory {
  /** The archive software the page came from, as authors know it. */
  format: 'eFiction' | 'AO3';
  /** What identifies the story in its archive (its address or title): pages of one story share it. */
  key: string;
  title: string;
  authors: string[];
  fandoms: string[];
  rating?: Rating | undefined;
  warnings: string[];
  relationships: string[];
  characters: string[];
  tags: string[];
  language?: string | undefined;
  status?: Status | undefined;
  published?: string | undefined;
  updated?: string | undefined;
  summary?: string | undefined;
  notes?: string | undefined;
  endNotes?: string | undefined;
  chapters: ImportedChapter[];
  /** What the author should review: values that could not be mapped, content left out. */
  notices: string[];
}

export const emptyStory = (format: ImportedStory['format'], key: string, title: string): ImportedStory => ({
  format,
  key,
  title,
  authors: [],
  fandoms: [],
  warnings: [],
  relationships: [],
  characters: [],
  tags: [],
  chapters: [],
  notices: [],
});

/** A slug from a title: ASCII letters and digits joined by single hyphens, at most about 60 characters. */
export function slugify(title: string, fallback: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    if (slug !== '' && slug.length + word.length + 1 > 60) break;
    slug = slug === '' ? word.slice(0, 60) : `${slug}-${word}`;
  }
  return slug === '' || RESERVED_SLUGS.has(slug) ? fallback : slug;
}

/** Ratings as archives spell them (AO3's names, film and fanfiction ratings), to the contract's. */
const RATING_NAMES: Record<string, Rating> = {
  'general audiences': 'general', general: 'general', g: 'general', k: 'general', 'k+': 'general', pg: 'general',
  'all ages': 'general', frc: 'general', fr7: 'general', everyone: 'general',
  'teen and up audiences': 'teen', 'teen and up': 'teen', teen: 'teen', teens: 'teen', t: 'teen', 'pg-13': 'teen',
  pg13: 'teen', fr13: 'teen', fr15: 'teen', '13+': 'teen',
  mature: 'mature', m: 'mature', r: 'mature', fr18: 'mature', '16+': 'mature', '17+': 'mature',
  explicit: 'explicit', ma: 'explicit', 'nc-17': 'explicit', nc17: 'explicit', x: 'explicit', xxx: 'explicit',
  adult: 'explicit', adults: 'explicit', '18+': 'explicit', fr21: 'explicit',
  'not rated': 'not-rated', 'not-rated': 'not-rated', unrated: 'not-rated', none: 'not-rated',
};

/** The contract's rating for an archive's, or undefined when it has no clear equivalent. */
export function mapRating(raw: string): Rating | undefined {
  return RATING_NAMES[raw.trim().toLowerCase().replace(/\s+/g, ' ')];
}

/** Languages archives name in full ("English", "Français", "中文-普通话 國語"), tried in this order. */
const LANGUAGE_CODES = [
  'en', 'fr', 'de', 'es', 'it', 'pt-BR', 'pt', 'nl', 'pl', 'ru', 'uk', 'ja', 'zh', 'ko', 'ar', 'he', 'fa', 'tr', 'sv',
  'da', 'nb', 'no', 'fi', 'cs', 'sk', 'hu', 'ro', 'bg', 'el', 'hr', 'sr', 'sl', 'lt', 'lv', 'et', 'id', 'ms', 'vi', 'th',
  'hi', 'bn', 'ta', 'ca', 'eu', 'gl', 'cy', 'ga', 'gd', 'la', 'eo', 'tl', 'sw', 'af', 'is', 'mk', 'be', 'ka', 'hy',
  'kk', 'mn', 'ur', 'yi', 'sq', 'bs', 'fil',
];
const normaliseName = (name: string) => name.normalize('NFC').trim().toLowerCase();

/** A BCP 47 tag for a language written as a tag or as its name (in English or in itself). */
export function languageTag(name: string): string | undefined {
  const trimmed = name.trim();
  if (/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(trimmed)) return canonicalLanguage(trimmed);
  const wanted = normaliseName(trimmed);
  const firstWord = normaliseName(trimmed.split(/[-\s(,]/)[0] ?? '');
  for (const code of LANGUAGE_CODES) {
    const names = [new Intl.DisplayNames(['en'], { type: 'language' }).of(code), new Intl.DisplayNames([code], { type: 'language' }).of(code)]
      .filter((n): n is string => n !== undefined)
      .map(normaliseName);
    if (names.includes(wanted) || names.includes(firstWord)) return code;
  }
  return undefined;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * A date as archives write it, as `YYYY-MM-DD`: ISO dates and dates with the month's English name
 * ("March 3, 2007", "3 Mar 2007"). Numeric dates such as 03/04/07 are ambiguous and not read.
 */
export function readDate(text: string): string | undefined {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  const pad = (n: number) => String(n).padStart(2, '0');
  const checked = (year: number, month: number, day: number) => {
    const value = `${year}-${pad(month)}-${pad(day)}`;
    return isCalendarDate(value) ? value : undefined;
  };
  if (iso) return checked(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const monthIndex = (word: string) => MONTHS.findIndex((m) => word.length >= 3 && m.startsWith(word.toLowerCase().replace(/\.$/, '')));
  const monthFirst = /\b([A-Za-z]{3,9}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(text);
  if (monthFirst && monthIndex(monthFirst[1]!) >= 0) return checked(Number(monthFirst[3]), monthIndex(monthFirst[1]!) + 1, Number(monthFirst[2]));
  const dayFirst = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9}\.?),?\s+(\d{4})\b/.exec(text);
  if (dayFirst && monthIndex(dayFirst[2]!) >= 0) return checked(Number(dayFirst[3]), monthIndex(dayFirst[2]!) + 1, Number(dayFirst[1]));
  return undefined;
}

/** A file to write: its name inside the story folder and its text. */
export interface PlannedFile {
  name: string;
  /** The chapter number the file takes, for chapter files. */
  number?: number;
  /** The chapter slug, for chapter files. */
  slug?: string;
  text: string;
}

/**
 * The Quire files for an imported story: `index.md` and one `NN-<slug>.md` per chapter, each
 * checked against the content schemas, its problems worded as the build words them (file names
 * relative to the story folder). `today` dates a story whose archive gave no date.
 */
export function storyFiles(story: ImportedStory, today: string): { files: PlannedFile[]; problems: Problem[]; notices: string[] } {
  const problems: Problem[] = [];
  const notices: string[] = [];
  let published = story.published;
  if (published === undefined) {
    published = today;
    notices.push(`no publication date found: "published" is set to today (${today}); correct it in index.md`);
  }
  const index = {
    title: textToMarkdown(story.title),
    authors: story.authors.length === 1 ? story.authors[0] : story.authors,
    fandoms: story.fandoms,
    rating: story.rating,
    warnings: story.warnings,
    relationships: story.relationships,
    characters: story.characters,
    tags: story.tags,
    language: story.language,
    status: story.status,
    published,
    updated: story.updated !== undefined && story.updated !== published ? story.updated : undefined,
    notes: story.notes,
    endNotes: story.endNotes,
  };
  const files: PlannedFile[] = [];
  validate('index.md', index, storySchema, problems);
  files.push({ name: 'index.md', text: markdownFile(index, story.summary ?? '') });

  const width = Math.max(2, String(Math.max(...story.chapters.map((c, i) => c.number ?? i + 1))).length);
  const slugs = new Set<string>();
  story.chapters.forEach((chapter, position) => {
    const number = chapter.number ?? position + 1;
    let slug = slugify(chapter.title ?? '', `chapter-${number}`);
    if (slugs.has(slug)) slug = `${slug}-${number}`;
    slugs.add(slug);
    const name = chapterFileName(number, slug, width);
    const data = {
      title: chapter.title === undefined ? undefined : textToMarkdown(chapter.title),
      summary: chapter.summary,
      notes: chapter.notes,
      endNotes: chapter.endNotes,
      disclaimer: chapter.disclaimer,
    };
    validate(name, data, chapterSchema, problems);
    files.push({ name, number, slug, text: markdownFile(data, chapter.text) });
  });
  return { files, problems, notices };
}
