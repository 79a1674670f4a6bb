import { closeSync, constants, fstatSync, openSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { hashOf } from './build-cache';

/*
 * The only way Quire opens a file of the content folder. Content comes from many hands (pull
 * requests, imports), so a path is trusted only once its real path, every link resolved, is a
 * regular file inside the folder the contract puts it in: a chapter linked to /etc/passwd or to
 * /proc/self/environ must not be published, and a FIFO or /dev/zero must not hang the build.
 */

/** Why a content file cannot be used, worded for the author; the caller names the file. */
export class ContentFileError extends Error {}

/** What a path is, in words, when it is not a regular file. */
function describeKind(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

const isInside = (file: string, folder: string): boolean => {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
};

/** The real path of `file` (links resolved), or a ContentFileError saying why there is none. */
function realPathOf(file: string): string {
  try {
    // The C library's realpath: the same answer as Node's own, in a fraction of the system calls.
    return realpathSync.native(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ContentFileError('does not exist (or is a link to nothing)');
    if (code === 'ELOOP') throw new ContentFileError('is a loop of symbolic links');
    throw new ContentFileError(`cannot be read (${code ?? String(error)})`);
  }
}

/** The real path of `entry`, when it lies inside `within`'s real path. */
function realPathInside(entry: string, within: string): string {
  const real = realPathOf(entry);
  if (!isInside(real, realPathOf(within))) {
    throw new ContentFileError(`is a link to ${real}, outside the folder ${path.basename(within)}/ (Quire reads only files inside it)`);
  }
  return real;
}

/**
 * Checks that `entry` is a regular file (or, with `folder: true`, a folder) whose real path lies
 * inside `within`'s real path; returns that real path. Throws a ContentFileError otherwise.
 */
export function realContentPath(entry: string, within: string, options: { folder?: boolean } = {}): string {
  const real = realPathInside(entry, within);
  const stats = statSync(real);
  if (options.folder ? !stats.isDirectory() : !stats.isFile()) {
    throw new ContentFileError(options.folder ? `is ${describeKind(stats)}, not a folder` : `is ${describeKind(stats)}, not a file`);
  }
  return real;
}

/**
 * Reads a content file after checking it as realContentPath does. The file is opened without
 * following links and checked again once open, so it cannot be swapped for a link or a pipe in
 * between (opening a FIFO without O_NONBLOCK would wait for a writer forever). Synchronous, as
 * reading is what the build does at that point: the promise API's trips through the thread pool
 * made reading 10,000 chapters' files take about twice as long.
 */
export async function readContentFile(entry: string, within: string, options: { maxBytes?: number } = {}): Promise<Buffer> {
  // What the file is, is checked once it is open.
  const real = realPathInside(entry, within);
  let fd;
  try {
    fd = openSync(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    throw new ContentFileError(`cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new ContentFileError(`is ${describeKind(stats)}, not a file`);
    if (options.maxBytes !== undefined && stats.size > options.maxBytes) {
      throw new ContentFileError(`is ${stats.size} bytes, over the limit of ${options.maxBytes}`);
    }
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A hash of a content file's bytes, read as readContentFile reads it (a file swapped for a pipe cannot hang the build); none when it cannot be read. */
export async function contentFileHash(entry: string, within: string): Promise<string | undefined> {
  try {
    return hashOf(await readContentFile(entry, within));
  } catch {
    return undefined;
  }
}

/** Image formats by the bytes they start with, so a file's content must match its extension. */
const IMAGE_SIGNATURES: Record<string, (head: Buffer) => boolean> = {
  jpeg: (head) => head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff,
  png: (head) => head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  gif: (head) => /^GIF8[79]a/.test(head.subarray(0, 6).toString('latin1')),
  webp: (head) => head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP',
  avif: (head) => isobmffBrands(head).some((brand) => brand === 'avif' || brand === 'avis'),
};

/** The major and compatible brands of an ISO-BMFF file's leading `ftyp` box (AVIF, HEIF, MP4). */
function isobmffBrands(head: Buffer): string[] {
  if (head.length < 16 || head.subarray(4, 8).toString('latin1') !== 'ftyp') return [];
  const end = Math.min(head.readUInt32BE(0), head.length, 256);
  const brands = [head.subarray(8, 12).toString('latin1')];
  for (let offset = 16; offset + 4 <= end; offset += 4) brands.push(head.subarray(offset, offset + 4).toString('latin1'));
  return brands;
}

const FORMAT_OF_EXTENSION: Record<string, string> = {
  '.jpg': 'jpeg',
  '.jpeg': 'jpeg',
  '.png': 'png',
  '.gif': 'gif',
  '.webp': 'webp',
  '.avif': 'avif',
};

/**
 * Reads a story image, refusing one whose content is not the format its extension names: image
 * libraries sniff the content, and an SVG saved as `cover.png` could include other files.
 */
export async function readImageFile(entry: string, within: string): Promise<Buffer> {
  const data = await readContentFile(entry, within);
  const format = FORMAT_OF_EXTENSION[path.extname(entry).toLowerCase()];
  if (!format || !IMAGE_SIGNATURES[format]!(data)) {
    const found = Object.entries(IMAGE_SIGNATURES).find(([, matches]) => matches(data))?.[0];
    throw new ContentFileError(`is not a ${format ?? path.extname(entry)} image${found ? ` (its content is ${found})` : ''}`);
  }
  return data;
}
