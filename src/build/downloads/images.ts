import path from 'node:path';
import sharp from 'sharp';
import { readImageFile } from '../content-files';

/** An image as the downloads carry it: in a format every e-reader shows, under a plain file name. */
export interface DownloadImage {
  /** `cover.jpg`, `image-1.png`, ...: ASCII names, since e-readers and zip tools mangle others. */
  name: string;
  mediaType: 'image/jpeg' | 'image/png' | 'image/gif';
  data: Uint8Array;
}

export interface DownloadImages {
  cover?: DownloadImage | undefined;
  /** Images shown in the text and notes, by their path in the story folder. */
  byFile: Map<string, DownloadImage>;
}

/** Covers are scaled to fit this box: sharp on e-reader screens, small enough to download. */
const COVER_SIZE = 1600;
const KEPT_AS_THEY_ARE: Record<string, DownloadImage['mediaType']> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
};

/**
 * Prepares a story's images (`shown`: those in its text and notes): the cover as a JPEG of at most 1600 pixels a side, and every other
 * image kept as it is when EPUB readers all show its format (JPEG, PNG, GIF), else converted
 * (WebP and AVIF become PNG when they have transparency, JPEG otherwise).
 */
export async function prepareImages(folder: string, cover: string | undefined, shown: readonly string[]): Promise<DownloadImages> {
  const byFile = new Map<string, DownloadImage>();
  for (const [index, file] of shown.entries()) {
    const data = await readImageFile(path.join(folder, file), folder);
    const stem = `image-${index + 1}`;
    const kept = KEPT_AS_THEY_ARE[path.extname(file).toLowerCase()];
    if (kept) {
      byFile.set(file, { name: `${stem}${path.extname(file).toLowerCase().replace('.jpeg', '.jpg')}`, mediaType: kept, data });
      continue;
    }
    const image = sharp(data).autoOrient();
    const { hasAlpha } = await image.metadata();
    byFile.set(
      file,
      hasAlpha
        ? { name: `${stem}.png`, mediaType: 'image/png', data: await image.png().toBuffer() }
        : { name: `${stem}.jpg`, mediaType: 'image/jpeg', data: await image.jpeg({ quality: 90 }).toBuffer() },
    );
  }
  return { cover: cover === undefined ? undefined : await prepareCover(await readImageFile(path.join(folder, cover), folder)), byFile };
}

async function prepareCover(image: Buffer): Promise<DownloadImage> {
  const data = await sharp(image)
    .autoOrient()
    .resize({ width: COVER_SIZE, height: COVER_SIZE, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 85 })
    .toBuffer();
  return { name: 'cover.jpg', mediaType: 'image/jpeg', data };
}
