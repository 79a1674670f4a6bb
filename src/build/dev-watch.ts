import path from 'node:path';

/**
 * What the dev server need not watch, relative to the project: built sites (`dist`,
 * `dist-fixtures`, their staging folders), test reports, and the benchmark's libraries and sites
 * (tens of thousands of files: walking them held the dev server's first page for 30 s), but for
 * the content folder being served and the folders that lead to it.
 */
const NOT_WATCHED = /^(dist([-.][^/]*)?|test-results|playwright-report|bench)(\/|$)/;

const isInside = (folder: string, file: string): boolean => {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
};

/** Vite's `server.watch.ignored` test for a project at `projectRoot` serving `contentRoot`. */
export const notWatched =
  (projectRoot: string, contentRoot: string) =>
  (file: string): boolean =>
    !isInside(contentRoot, file) && !isInside(file, contentRoot) && NOT_WATCHED.test(path.relative(projectRoot, file).split(path.sep).join('/'));
