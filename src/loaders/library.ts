import { readContent } from './read';
import { resolveContent, type Library, type ResolveOptions } from './resolve';

export type { Library } from './resolve';

/**
 * Reads, validates and renders the whole content folder (what the build's loader, `npm run
 * check` and the tests run); throws every problem at once, unless `skipBroken` leaves the broken
 * stories out.
 */
export async function readLibrary(root: string, options: ResolveOptions): Promise<Library> {
  return resolveContent(await readContent(root, { skipBroken: options.skipBroken ?? false }), options);
}
