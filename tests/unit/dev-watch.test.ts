import { describe, expect, it } from 'vitest';
import { notWatched } from '../../src/build/dev-watch';

describe('what the dev server watches', () => {
  it('leaves out built sites, reports and the benchmark, but not the content it serves', () => {
    const ignored = notWatched('/project', '/project/bench/library-1000');
    const cases = {
      '/project/dist/index.html': true,
      '/project/dist-fixtures/page/2/index.html': true,
      '/project/dist.staging-42/x.html': true,
      '/project/test-results/trace.zip': true,
      '/project/bench/dist-10000/index.html': true,
      '/project/bench/library-50000/stories/a/01-a.md': true,
      // The library being served, and the folders on the way to it.
      '/project/bench/library-1000/stories/a/01-a.md': false,
      '/project/bench': false,
      '/project': false,
      '/project/src/pages/index.astro': false,
      '/project/content/stories/dist-of-days/01-one.md': false,
    };
    for (const [file, expected] of Object.entries(cases)) expect(ignored(file), file).toBe(expected);
    expect(notWatched('/project', '/project/content')('/project/bench/library-1000/x.md')).toBe(true);
  });
});
