import { describe, expect, it } from 'vitest';
import { renderChapter } from '../../src/loaders/markdown';
import { chapterNoteId, chapterSectionId, chapterTitleId, prefixIds, textIdPrefix } from '../../src/lib/whole-work';

const ids = (html: string): string[] => [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);

describe('ids on the whole-work page', () => {
  it('prefix every id of a chapter text and every reference to one, and nothing else', async () => {
    const { html } = await renderChapter('One[^1] `id="x"` and [a link](#p-1 "title with > in it").\n\n## A heading\n\nTwo.\n\n[^1]: A footnote.');
    const prefixed = prefixIds(html, 'the-storm--');
    expect(ids(html).length).toBeGreaterThan(4);
    expect(ids(prefixed)).toEqual(ids(html).map((id) => `the-storm--${id}`));
    expect(prefixed).toContain('href="#the-storm--p-1"');
    expect(prefixed).toContain('href="#the-storm--user-content-fn-1"');
    expect(prefixed).toContain('aria-describedby="the-storm--footnote-label"');
    // Text that looks like an attribute stays as written.
    expect(prefixed).toContain('<code>id="x"</code>');
    expect(prefixed.replace(/the-storm--/g, '')).toBe(html);
  });

  it('cannot collide across chapters or with the page\'s own ids', () => {
    const slugs = ['a', 'a-b', 'b', 'chapter', 'title', 'notes', 'end-notes', 'disclaimer', 'main', 'contents'];
    const textIds = ['p-1', 'b', 'title', 'a-b', 'chapter-a', 'user-content-fn-1'];
    const all = ['main', 'contents', 'story-notes', 'story-end-notes', 'text-size-label'];
    for (const slug of slugs) {
      all.push(chapterSectionId(slug), chapterTitleId(slug), ...(['disclaimer', 'notes', 'end-notes'] as const).map((kind) => chapterNoteId(slug, kind)));
      all.push(...textIds.map((id) => textIdPrefix(slug) + id));
    }
    expect(new Set(all).size).toBe(all.length);
  });
});
