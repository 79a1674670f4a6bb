import { defineCollection } from 'astro:content';
import { libraryLoaders } from './loaders/astro';
import { chapterEntrySchema, siteEntrySchema, storyEntrySchema } from './schemas';

/** The three collections the pages read, filled by Quire's loader (src/loaders/) from the content folder. */
const loaders = libraryLoaders();

export const collections = {
  site: defineCollection({ loader: loaders.site, schema: siteEntrySchema }),
  stories: defineCollection({ loader: loaders.stories, schema: storyEntrySchema }),
  chapters: defineCollection({ loader: loaders.chapters, schema: chapterEntrySchema }),
};
