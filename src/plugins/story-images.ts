import path from 'node:path';
import type { MdastPluginDefinition } from 'satteri';
import sharp from 'sharp';
import { ContentFileError, readImageFile, realContentPath } from '../build/content-files';
import { storyFileUrl } from '../lib/urls';
import { FILE_PATH_RULE, UNSAFE_FILE_PATH } from '../schemas';

const IMAGE_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif'];
/** Covers are photos or artwork: no animated GIFs. */
export const COVER_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp', '.avif'];

declare module 'satteri' {
  interface DataMap {
    /** Files of the story folder the text shows (paths relative to the folder). */
    storyFiles: Set<string>;
    /** Images that cannot be published, described for the author. */
    imageProblems: string[];
  }
}

/**
 * Resolves a path written in a story against its folder: the folder-relative path when it names
 * an existing image file inside the folder (links resolved), otherwise a description of what is wrong.
 */
export function resolveStoryFile(
  folder: string,
  written: string,
  extensions: readonly string[] = IMAGE_EXTENSIONS,
): { file: string; absolute: string } | { problem: string } {
  if (/^[a-z][a-z\d+.-]*:|^\/\//i.test(written)) return { problem: `"${written}" is not a file in the story folder` };
  let decoded: string;
  try {
    decoded = decodeURI(written.split(/[?#]/)[0]!);
  } catch {
    return { problem: `"${written}" is not a valid path` };
  }
  const absolute = path.resolve(folder, decoded.replace(/^\/+/, ''));
  const file = path.relative(folder, absolute);
  if (file.startsWith('..') || path.isAbsolute(file)) return { problem: `"${written}" is outside the story folder` };
  // Published at an address made of its path: checked here, so that the check and the build agree.
  if (UNSAFE_FILE_PATH.test(file)) return { problem: `"${written}": a file's name ${FILE_PATH_RULE}` };
  if (!extensions.includes(path.extname(file).toLowerCase())) {
    return { problem: `"${written}" is not a ${extensions.join(', ')} file` };
  }
  try {
    realContentPath(absolute, folder);
  } catch (error) {
    if (error instanceof ContentFileError) return { problem: `"${written}" ${error.message}` };
    throw error;
  }
  return { file: file.split(path.sep).join('/'), absolute };
}

/**
 * An image's displayed size (EXIF rotation applied), so pages reserve its space before it loads;
 * a description of the problem when the file is not a readable image of its extension's format.
 */
export async function imageSize(file: string, folder: string): Promise<{ width: number; height: number } | { problem: string }> {
  try {
    const metadata = await sharp(await readImageFile(file, folder)).metadata();
    const { width, height } = metadata.autoOrient ?? metadata;
    return width && height ? { width, height } : { problem: 'is not a readable image' };
  } catch (error) {
    if (error instanceof ContentFileError) return { problem: error.message };
    // The image library's own words: a broken file, or one over its pixel limit.
    return { problem: `is not a readable image (${(error as Error).message})` };
  }
}

/**
 * Markdown images must be files inside the story folder; they are published under the story's
 * URL, with their size (no layout shift while they load) and loaded lazily.
 */
export function storyImages(story: string, folder: string): MdastPluginDefinition {
  return {
    name: 'quire-story-images',
    async image(node, ctx) {
      ctx.data.storyFiles ??= new Set();
      ctx.data.imageProblems ??= [];
      const resolved = resolveStoryFile(folder, node.url);
      if ('problem' in resolved) {
        ctx.data.imageProblems.push(`image ${resolved.problem}`);
        ctx.setProperty(node, 'url', '');
        return;
      }
      const size = await imageSize(resolved.absolute, folder);
      if ('problem' in size) {
        ctx.data.imageProblems.push(`image "${node.url}" ${size.problem}`);
        ctx.setProperty(node, 'url', '');
        return;
      }
      ctx.data.storyFiles.add(resolved.file);
      ctx.setProperty(node, 'url', storyFileUrl(story, resolved.file));
      ctx.setProperty(node, 'data', { hProperties: { ...size, loading: 'lazy', decoding: 'async' } });
    },
  };
}
