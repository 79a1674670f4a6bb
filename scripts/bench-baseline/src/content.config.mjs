import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = {
  chapters: defineCollection({ loader: glob({ pattern: 'stories/*/[0-9]*.md', base: process.env.BASELINE_CONTENT }) }),
};
