import { strToU8, zipSync, type Zippable } from 'fflate';

/**
 * An EPUB container: a zip whose first entry is `mimetype`, stored uncompressed, so readers can
 * recognise the file from its first bytes. Every entry carries the same date, given by the
 * caller, so the same content always makes the same bytes.
 */
export interface ZipEntry {
  name: string;
  data: Uint8Array | string;
  /** Already compressed (images): stored as it is, which is as small and much faster. */
  stored?: boolean;
}

export function epubZip(files: readonly ZipEntry[], date: string): Uint8Array {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  // Zip dates are local time without a zone; building the date in local time writes `date` as is.
  const mtime = new Date(year, month - 1, day);
  const entries: Zippable = { mimetype: [strToU8('application/epub+zip'), { level: 0, mtime }] };
  for (const { name, data, stored } of files) {
    entries[name] = [typeof data === 'string' ? strToU8(data) : data, { level: stored ? 0 : 6, mtime }];
  }
  return zipSync(entries);
}
