import sharp from 'sharp';

/**
 * Story covers on the story page, as responsive AVIF and WebP. The page shows a cover at most
 * 16rem wide (global.css `.cover`), so these widths serve it at 1×, 1.5× and 2×.
 */
export const COVER_WIDTHS = [256, 384, 512] as const;
export const COVER_FORMATS = ['avif', 'webp'] as const;
export type CoverFormat = (typeof COVER_FORMATS)[number];

/** The widths to publish for a cover: the standard ones it is wide enough for, else its own. */
export function coverWidths(width: number): number[] {
  const widths = COVER_WIDTHS.filter((w) => w <= width);
  return widths.length > 0 ? widths : [width];
}

/** A cover resized to `width` (height in proportion) and encoded as `format`. */
export const encodeCover = (file: string, width: number, format: CoverFormat): Promise<Buffer> =>
  sharp(file).resize({ width }).toFormat(format, { quality: format === 'avif' ? 55 : 80 }).toBuffer();
