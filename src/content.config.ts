import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { libraryLoaders } from './loaders/library';
import { chapterSchema, RATINGS, siteSchema, STATUSES, storySchema } from './schemas';

// The frontmatter schemas live in ./schemas.ts, importable outside Astro (`npm run check`, the importer).
export { chapterSchema, RATINGS, siteSchema, STATUSES, storySchema };

/*
 * What the pages read: the validated content with defaults resolved and Markdown rendered.
 */

/** A title or other inline Markdown, as HTML and as plain text (for `<title>` and meta tags). */
const inline = z.object({ html: z.string(), text: z.string() });

export const siteEntrySchema = z.object({
  title: inline,
  description: z.string(),
  language: z.string(),
  dir: z.enum(['ltr', 'rtl']),
  url: z.string(),
});

export const storyEntrySchema = z.object({
  slug: z.string(),
  title: inline,
  authors: z.array(z.string()),
  fandoms: z.array(z.string()),
  rating: z.enum(RATINGS),
  warnings: z.array(z.string()),
  relationships: z.array(z.string()),
  characters: z.array(z.string()),
  tags: z.array(z.string()),
  language: z.string(),
  dir: z.enum(['ltr', 'rtl']),
  status: z.enum(STATUSES),
  published: z.string(),
  updated: z.string(),
  /** Rendered HTML of the summary (the story file's body). */
  summary: z.string(),
  /** Plain text of the summary, for meta descriptions. */
  summaryText: z.string(),
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
  draft: z.boolean(),
});

export const chapterEntrySchema = z.object({
  story: z.string(),
  slug: z.string(),
  /** 1-based position among the story's chapters. */
  position: z.number(),
  title: inline,
  published: z.string(),
  updated: z.string(),
  summary: inline.optional(),
  notes: z.string().optional(),
  endNotes: z.string().optional(),
  /** Rendered disclaimer in force (chapter's, else story's, else site's); absent when none. */
  disclaimer: z.string().optional(),
  words: z.number(),
  /** The rendered chapter text, cached on disk (see renderCacheFor in the loader). */
  textFile: z.string(),
  draft: z.boolean(),
});

const loaders = libraryLoaders({ site: siteSchema, story: storySchema, chapter: chapterSchema });

export const collections = {
  site: defineCollection({ loader: loaders.site, schema: siteEntrySchema }),
  stories: defineCollection({ loader: loaders.stories, schema: storyEntrySchema }),
  chapters: defineCollection({ loader: loaders.chapters, schema: chapterEntrySchema }),
};
