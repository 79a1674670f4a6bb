import { chapterFileName, parseChapterFileName, SLUG, SLUG_RULE } from '../schemas';
import { markdownFile } from './frontmatter';
import { slugify } from './import/story';

/*
 * `npm run new`: the files of a new story or chapter, valid as written, so that the author only
 * fills in the words. New stories and chapters start as drafts: `npm run dev` shows them,
 * `npm run build` leaves them out until the author removes `draft: true`.
 */

/** Today as the author's calendar says it, `YYYY-MM-DD`. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Why a story slug cannot be used, or nothing when it can. */
export function storySlugProblem(slug: string): string | undefined {
  return SLUG.test(slug)
    ? undefined
    : `"${slug}" is not a valid story slug: use ${SLUG_RULE} (e.g. the-tin-lantern)`;
}

/** "the-tin-lantern" → "The Tin Lantern": a first title the author will likely change. */
export const titleFromSlug = (slug: string): string =>
  slug
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');

/** A new chapter file's text. */
export const chapterFile = (title: string, date: string): string =>
  markdownFile({ title, published: date, draft: true }, 'Write the chapter here.');

/** A new story's files: its index.md and a first chapter. */
export function storyFiles(slug: string, options: { title?: string | undefined; author?: string | undefined; date: string }): { name: string; text: string }[] {
  const index = markdownFile(
    {
      title: options.title ?? titleFromSlug(slug),
      authors: options.author ?? 'Your Name',
      fandoms: 'Your Fandom',
      rating: 'not-rated',
      status: 'in-progress',
      published: options.date,
      draft: true,
    },
    'One or two sentences that make a reader want to start.',
  );
  return [
    { name: 'index.md', text: index },
    { name: chapterFileName(1, 'chapter-1'), text: chapterFile('Chapter 1', options.date) },
  ];
}

/**
 * The next chapter of a story, from the names of the files in its folder: the number after the
 * highest, padded like the existing files, and a slug from the title (else `chapter-N`).
 */
export function nextChapter(existing: readonly string[], title?: string): { number: number; name: string; slug: string; title: string } {
  const chapters = existing.map(parseChapterFileName).filter((chapter) => chapter !== undefined);
  const number = Math.max(0, ...chapters.map((chapter) => chapter.number)) + 1;
  const width = Math.max(2, ...chapters.map((chapter) => chapter.digits.length));
  const chapterTitle = title ?? `Chapter ${number}`;
  const slug = slugify(chapterTitle, `chapter-${number}`);
  return { number, slug, title: chapterTitle, name: chapterFileName(number, slug, width) };
}
