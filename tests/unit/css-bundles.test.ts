import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cssBundle, pagesUsing, type ModuleImporters } from '../../src/build/css-bundles';

const PAGES = path.resolve('/site/src/pages');
const src = (file: string) => path.resolve('/site/src', file);

/** A module graph: each module and the modules importing it. */
function graph(importers: Record<string, string[]>): ModuleImporters {
  return (id) => (id in importers ? { importers: importers[id]!, dynamicImporters: [] } : null);
}

const modules = graph({
  [src('styles/global.css')]: [src('layouts/Base.astro')],
  [src('layouts/Base.astro')]: [src('pages/stories/[story]/[chapter].astro'), src('pages/index.astro'), src('pages/search.astro')],
  [src('components/Note.css')]: [src('components/Note.astro')],
  [src('components/Note.astro')]: [src('pages/stories/[story]/[chapter].astro'), src('pages/stories/[story]/index.astro')],
  [src('components/StoryCard.css')]: [src('components/StoryCard.astro')],
  [src('components/StoryCard.astro')]: [src('components/StoryList.astro')],
  [src('components/StoryList.astro')]: [src('pages/index.astro')],
  [src('components/Search.astro?astro&type=style&index=0&lang.css')]: [src('components/Search.astro')],
  [src('components/Search.astro')]: [src('pages/search.astro')],
  [src('components/Orphan.css')]: [],
  [src('pages/index.astro')]: ['\0virtual:astro:page:index'],
});

describe('cssBundle', () => {
  it('bundles what a chapter page uses, the site-wide rules included, into one stylesheet', () => {
    expect(cssBundle(src('styles/global.css'), modules, PAGES)).toBe('reading');
    expect(cssBundle(src('components/Note.css'), modules, PAGES)).toBe('reading');
  });

  it("bundles the search page's own styles apart, and every other page's together", () => {
    expect(cssBundle(src('components/Search.astro?astro&type=style&index=0&lang.css'), modules, PAGES)).toBe('search');
    expect(cssBundle(src('components/StoryCard.css'), modules, PAGES)).toBe('library');
  });

  it('leaves scripts, and stylesheets no page uses, to the bundler', () => {
    expect(cssBundle(src('components/Note.astro'), modules, PAGES)).toBeUndefined();
    expect(cssBundle(src('components/Orphan.css'), modules, PAGES)).toBeUndefined();
  });
});

describe('pagesUsing', () => {
  it('follows importers up to the pages, and no further', () => {
    expect(pagesUsing(src('components/StoryCard.css'), modules, PAGES)).toEqual(new Set(['index.astro']));
    expect(pagesUsing(src('styles/global.css'), modules, PAGES)).toEqual(new Set(['stories/[story]/[chapter].astro', 'index.astro', 'search.astro']));
  });
});
