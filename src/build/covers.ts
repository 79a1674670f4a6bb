import sharp from 'sharp';

/**
 * Story covers on the story page, as responsive AVIF and WebP. The page shows a cover at most
 * 16rem wide (Cover.css `.cover`), so these widths serve it at 1×, 1.5× and 2×.
 */
const COVER_WIDTHS = [256, 384, 512] as const;
export const COVER_FORMATS = ['avif', 'webp'] as const;
export type CoverFormat = (typeof COVER_FORMATS)[number];

/** The widths to publish for a cover: the standard ones it is wide enough for, else its own. */
export function coverWidths(width: number): number[] {
  const widths = COVER_WIDTHS.filter((w) => w <= width);
  return widths.length > 0 ? widths : [width];
}

/**
 * A cover resized to `width` (height in proportion) and encoded as `format`. AVIF at effort 2
 * takes half the time of the default effort for files about 15% larger.
 */
export const encodeCover = (image: Buffer, width: number, format: CoverFormat): Promise<Buffer> =>
  format === 'avif'
    ? sharp(image).resize({ width }).avif({ quality: 55, effort: 2 }).toBuffer()
    : sharp(image).resize({ width }).webp({ quality: 80 }).toBuffer();
