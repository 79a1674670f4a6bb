import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { realContentPath } from './content-files';
import { parseYamlMapping } from './frontmatter';

/** Where the content is, and the site address it declares: shared by the loader and astro.config. */

const DEFAULT_SITE_URL = 'http://localhost:4321';

/** The content folder: `QUIRE_CONTENT` (absolute, or relative to the project), else `content/`. */
export const contentRoot = (): string => path.resolve(process.env.QUIRE_CONTENT ?? 'content');

/** The deployed site's address: site.yaml's `url`, else env `SITE_URL`, else localhost. */
export const resolveSiteUrl = (configured: string | undefined): string =>
  configured ?? process.env.SITE_URL ?? DEFAULT_SITE_URL;

/**
 * The site URL of a content folder, read before the content is loaded (astro.config's `site`).
 * Lenient on purpose: the loader validates site.yaml and reports what is wrong with it.
 */
export function readSiteUrl(root: string): string {
  const file = path.join(root, 'site.yaml');
  let url: unknown;
  try {
    // Checked as the loader checks it: a pipe here would hang the build before it starts.
    url = existsSync(file) ? parseYamlMapping(readFileSync(realContentPath(file, root), 'utf8')).url : undefined;
  } catch {
    url = undefined;
  }
  return resolveSiteUrl(typeof url === 'string' && URL.canParse(url) ? url : undefined);
}
