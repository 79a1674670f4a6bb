import { storyFileUrl } from '../../lib/urls';
import { buildEpub } from './epub';
import { buildHtmlFile } from './html-file';
import { prepareImages } from './images';
import { parseWork } from './resolve';
import type { ChapterEntry, SiteEntry, StoryEntry } from '../../schemas';
import { wholeWork } from './whole-work';

export interface StoryDownloads {
  epub: Uint8Array;
  html: Uint8Array;
}

/** Both downloads of a story, from one reading of its chapters and one preparation of its images. */
export async function buildDownloads(site: SiteEntry, story: StoryEntry, chapters: readonly ChapterEntry[]): Promise<StoryDownloads> {
  const work = await wholeWork(site, story, chapters);
  // The cover is in `files` as the cover; it is an image of the text only when the text shows it.
  const shown = story.files.filter(
    (file) => file !== story.cover?.file || work.sections.some((s) => s.parts.some((p) => p.html.includes(storyFileUrl(story.slug, file)))),
  );
  const images = await prepareImages(story.folder, story.cover?.file, shown);
  const parsed = parseWork(work);
  return { epub: buildEpub(parsed, images), html: new TextEncoder().encode(buildHtmlFile(parsed, images)) };
}
