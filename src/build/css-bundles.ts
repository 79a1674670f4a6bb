import path from 'node:path';

/**
 * Which stylesheet file each CSS module goes into. Components import their own stylesheets, and
 * left to itself the bundler would make one file for each set of pages sharing some components: a
 * chapter page would load five. Instead a stylesheet goes into the first bundle below that lists a
 * page using it, and any other page's into `library`:
 *
 * - `reading`: everything a chapter page (the page readers load most) uses, the site's own
 *   rules (src/styles/global.css) included. One file, which every page loads.
 * - `search`: the search page's form and results.
 * - `settings`: the reading settings panel, which a work's page loads on first use with the panel.
 * - `library`: the rest of the library pages' (home, browse, story, whole work), one file.
 *
 * The cascade layers (src/styles/layers.css) make the order of the files and of the rules in them
 * irrelevant, but for rules of one layer with the same specificity: components avoid those.
 */
export const CSS_BUNDLES: readonly { name: string; pages: readonly string[] }[] = [
  { name: 'reading', pages: ['stories/[story]/[chapter].astro'] },
  { name: 'search', pages: ['search.astro'] },
  { name: 'settings', pages: ['reading-settings.astro'] },
];
export const OTHER_PAGES_BUNDLE = 'library';

/** What the bundler knows of a module: who imports it. */
export type ModuleImporters = (id: string) => { importers: readonly string[]; dynamicImporters: readonly string[] } | null;

/** The same test as Vite's for a stylesheet request (Astro's own `<style>` blocks included). */
const CSS_REQUEST = /\.(?:css|less|sass|scss|styl|stylus|pcss|postcss|sss)(?:$|\?)/;

/** The pages (paths relative to `pagesFolder`) that import a module, directly or through others. */
export function pagesUsing(id: string, moduleInfo: ModuleImporters, pagesFolder: string): Set<string> {
  const pages = new Set<string>();
  const seen = new Set([id]);
  const queue = [id];
  for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
    const file = current.replace(/\?.*$/, '');
    if (file.startsWith(pagesFolder + path.sep)) {
      pages.add(path.relative(pagesFolder, file).split(path.sep).join('/'));
      continue;
    }
    const info = moduleInfo(current);
    for (const importer of [...(info?.importers ?? []), ...(info?.dynamicImporters ?? [])]) {
      if (!seen.has(importer)) {
        seen.add(importer);
        queue.push(importer);
      }
    }
  }
  return pages;
}

/** The bundle of a module: its name for a stylesheet some page uses, else undefined (the bundler decides). */
export function cssBundle(id: string, moduleInfo: ModuleImporters, pagesFolder = path.resolve('src/pages')): string | undefined {
  if (!CSS_REQUEST.test(id)) return undefined;
  const pages = pagesUsing(id, moduleInfo, pagesFolder);
  if (pages.size === 0) return undefined;
  return CSS_BUNDLES.find((bundle) => bundle.pages.some((page) => pages.has(page)))?.name ?? OTHER_PAGES_BUNDLE;
}
