import { z } from 'astro/zod';
import { canonicalLanguage } from './lib/language';
import { dateProblem } from './lib/dates';
import { normaliseName, removeXmlForbidden } from './lib/html';

/*
 * The content contract (docs/content.md) as code, in one place: names of folders and files, the
 * frontmatter schemas, and the entries the pages read, built from them. The loader, `npm run
 * check`, the importer, `npm run new`, the downloads and the pages all take their rules from here.
 */

/** Story folders and chapter slugs: lowercase ASCII letters, digits and single inner hyphens. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Slugs a chapter may not take: `all` is the whole-work page's address. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set(['all']);
/** How slugs are described to authors when one is not valid. */
export const SLUG_RULE = 'lowercase letters, digits and single hyphens, not starting or ending with a hyphen';

/** How deep a text may nest elements (quotes in quotes, spans in spans): far past any story, short of what breaks the renderers. */
export const MAX_NESTING = 100;

/**
 * The longest "word" (characters without a space) a text may have, and the most character
 * references (`&amp;`) one paragraph may have: the Markdown renderer takes time growing with the
 * square of either (500 KB of `a_a_a…` took 61 s), and no story comes near them.
 */
export const MAX_WORD_LENGTH = 10_000;
export const MAX_REFERENCES_PER_PARAGRAPH = 5_000;

/** Characters a file a story shows (a cover, an image) may not have in its path: they have no single meaning in a URL. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const UNSAFE_FILE_PATH = /[\\%?#\u0000-\u001F\u007F]/;
export const FILE_PATH_RULE = 'may not contain \\, %, ?, # or control characters, which have no single meaning in an address';

const CHAPTER_FILE = /^(\d+)-(.+)\.md$/;

/** The highest chapter number the importer takes from an archive page. */
export const MAX_CHAPTER_NUMBER = 99_999;

/** A chapter file's name, `NN-<slug>.md`, its number padded to `width` digits. */
export const chapterFileName = (number: number, slug: string, width = 2): string => `${String(number).padStart(width, '0')}-${slug}.md`;

/**
 * A chapter file name's parts (`07-the-letter.md` → 7, "07", "the-letter"), or nothing when the
 * name is not of that form. The slug is returned as written: check it with SLUG.
 */
export function parseChapterFileName(name: string): { number: number; digits: string; slug: string } | undefined {
  const match = CHAPTER_FILE.exec(name);
  return match ? { number: Number(match[1]), digits: match[1]!, slug: match[2]! } : undefined;
}

/*
 * Frontmatter schemas. Objects are strict, so a misspelt field is an error instead of silently
 * dropping an author's notes.
 */

/** Text; a bare number (`title: 1984`) is read as its text. */
/*
 * Characters XML forbids are taken out of every text field (YAML escapes such as "\u0001" can
 * write them) as the loader already takes them out of every file it reads: see removeXmlForbidden.
 */
const text = z.union([z.string(), z.number()], { error: 'expected text' }).transform((value) => removeXmlForbidden(String(value)));
const nonEmptyText = text.refine((value) => value.trim() !== '', 'must not be empty');
/**
 * A list of names (authors, fandoms, tags…); a single string is read as a list of one. Names are
 * normalised (NFC, no invisible characters, spaces folded) and none may be empty.
 */
const list = z
  .union([text, z.array(text)], { error: 'expected text or a list of text' })
  .transform((value) => (Array.isArray(value) ? value : [value]).map(normaliseName))
  .superRefine((names, context) => {
    const empty = names.findIndex((name) => name === '');
    if (empty >= 0) context.addIssue({ code: 'custom', message: `item ${empty + 1} is empty (or only invisible characters)` });
  });
/** A real calendar date written YYYY-MM-DD; checked as written, so 2024-13-45 is an error naming month 13. */
const date = z.string().superRefine((value, context) => {
  const problem = dateProblem(value);
  if (problem) context.addIssue({ code: 'custom', message: `${JSON.stringify(value)} is not a real date (${problem}); dates are written YYYY-MM-DD` });
});
/** Markdown text. */
const markdown = z.string().transform(removeXmlForbidden);
/** Markdown shown before the text, or `false` to show none. */
const disclaimer = z.union([z.literal(false), markdown], { error: 'expected Markdown text, or false for none' });
/** A BCP 47 language tag such as `en`, `pt-BR` or `ar`, stored in canonical form. */
const language = z
  .string()
  .refine((tag) => canonicalLanguage(tag) !== undefined, 'expected a BCP 47 language tag such as "en" or "pt-BR"')
  .transform((tag) => canonicalLanguage(tag)!);

export const RATINGS = ['general', 'teen', 'mature', 'explicit', 'not-rated'] as const;
export const STATUSES = ['complete', 'in-progress'] as const;

/** `site.yaml`: settings for the whole site. */
export const siteSchema = z.strictObject({
  /** Site title, shown in the header and in every page title (inline Markdown). Required. */
  title: nonEmptyText,
  /** One-line description for the home page and link previews. Default "". */
  description: text.default(''),
  /** Default language of the stories (BCP 47). Default "en". */
  language: language.default('en'),
  /** Absolute URL of the deployed site. Default: env SITE_URL, else http://localhost:4321. */
  url: z.url({ protocol: /^https?$/, error: 'expected an absolute http(s) URL such as https://stories.example.org/' }).optional(),
  /** Disclaimer shown on every chapter whose story and chapter set none (Markdown). Default none. */
  disclaimer: markdown.optional(),
  /** How many stories a page of the home and browse pages lists, and names a page of a browse index. Default 20 and 200. */
  perPage: z
    .strictObject({
      stories: z.int().min(1).max(500).default(20),
      names: z.int().min(1).max(5000).default(200),
    })
    .default({ stories: 20, names: 200 }),
});

/** `stories/<story>/index.md`: the story; its body is the summary. */
export const storySchema = z.strictObject({
  /** Story title (inline Markdown). Required. */
  title: nonEmptyText,
  /** Author names, at least one; a single name is accepted. Required. */
  authors: list.refine((names) => names.length > 0, 'expected at least one author'),
  /** Fandoms the story belongs to. Default []. */
  fandoms: list.default([]),
  /** Audience rating. Default "not-rated". */
  rating: z.enum(RATINGS).default('not-rated'),
  /** Archive warnings. Default []. */
  warnings: list.default([]),
  /** Relationships, e.g. "Ada/Grace". Default []. */
  relationships: list.default([]),
  /** Characters. Default []. */
  characters: list.default([]),
  /** Freeform tags. Default []. */
  tags: list.default([]),
  /** Language of the story (BCP 47); sets `lang`, and `dir="rtl"` for right-to-left scripts. Default: the site's. */
  language: language.optional(),
  /** Whether the story is finished. Default "in-progress". */
  status: z.enum(STATUSES).default('in-progress'),
  /** First publication date. Default: the earliest chapter's date. */
  published: date.optional(),
  /** Last update date. Default: the latest chapter date. */
  updated: date.optional(),
  /** Disclaimer for every chapter (Markdown), or `false` for none. Default: the site's. */
  disclaimer: disclaimer.optional(),
  /** Story notes (Markdown), before chapter 1's text and on the story page. Default none. */
  notes: markdown.optional(),
  /** Story end notes (Markdown), after the last chapter's text. Default none. */
  endNotes: markdown.optional(),
  /** Cover image, a path inside the story folder (jpg, jpeg, png, webp or avif). Default none. */
  cover: z.string().optional(),
  /** Drafts are built only in development (`npm run dev`). Default false. */
  draft: z.boolean().default(false),
});

/** `stories/<story>/NN-<chapter>.md`: a chapter; its body is the chapter text. */
export const chapterSchema = z.strictObject({
  /** Chapter title (inline Markdown). Default "Chapter N", N being its position. */
  title: nonEmptyText.optional(),
  /** Publication date. Required unless the story sets `published`, which it then inherits. */
  published: date.optional(),
  /** Last update date. Default: published. */
  updated: date.optional(),
  /** Summary (Markdown), in the table of contents and as the page description. Default none. */
  summary: markdown.optional(),
  /** Author's chapter notes (Markdown), above the text. Default none. */
  notes: markdown.optional(),
  /** Chapter end notes (Markdown), below the text. Default none. */
  endNotes: markdown.optional(),
  /** Disclaimer for this chapter (Markdown), or `false` for none. Default: the story's. */
  disclaimer: disclaimer.optional(),
  /** Drafts are built only in development. Default false. */
  draft: z.boolean().default(false),
});

/*
 * What the pages read: the validated content with defaults resolved and Markdown rendered. Each
 * entry is its frontmatter schema extended with what the loader derives; a field whose rendered
 * form differs from what the author wrote (titles, the disclaimer in force) is replaced.
 */

/** A title or other inline Markdown, as HTML and as plain text (for `<title>` and meta tags). */
const inline = z.object({ html: z.string(), text: z.string() });
const direction = z.enum(['ltr', 'rtl']);

export const siteEntrySchema = siteSchema.omit({ disclaimer: true }).extend({
  title: inline,
  dir: direction,
  /** The address in force: site.yaml's, else SITE_URL, else localhost. */
  url: z.string(),
});

export const storyEntrySchema = storySchema.omit({ disclaimer: true }).extend({
  slug: z.string(),
  title: inline,
  /** The story's language, else the site's. */
  language: z.string(),
  dir: direction,
  /** Given, else derived from the chapters. */
  published: z.string(),
  updated: z.string(),
  /** Rendered HTML of the summary (the story file's body). */
  summary: z.string(),
  /** Plain text of the summary, for meta descriptions. */
  summaryText: z.string(),
  /** Rendered HTML. */
  notes: z.string().optional(),
  endNotes: z.string().optional(),
  /** Cover image: its path inside the story folder and its size. */
  cover: z.object({ file: z.string(), width: z.number(), height: z.number() }).optional(),
  /** Files of the story folder that pages link to (cover, images in the text). */
  files: z.array(z.string()),
  /** Absolute path of the story folder, to publish its files. */
  folder: z.string(),
  chapterCount: z.number(),
  words: z.number(),
});

export const chapterEntrySchema = chapterSchema.omit({ notes: true, endNotes: true }).extend({
  story: z.string(),
  slug: z.string(),
  /** 1-based position among the story's chapters. */
  position: z.number(),
  title: inline,
  /** Given, else the story's. */
  published: z.string(),
  updated: z.string(),
  summary: inline.optional(),
  /** Rendered disclaimer in force (chapter's, else story's, else site's); absent when none. */
  disclaimer: z.string().optional(),
  words: z.number(),
  /** Where the rendered chapter is kept: read its text with getChapterHtml, its notes with getChapterNotes (src/loaders/render-cache.ts). */
  textFile: z.string(),
});

export type SiteEntry = z.infer<typeof siteEntrySchema>;
export type StoryEntry = z.infer<typeof storyEntrySchema>;
export type ChapterEntry = z.infer<typeof chapterEntrySchema>;
export type Rating = (typeof RATINGS)[number];
export type Status = (typeof STATUSES)[number];
