import { describe, expect, it } from 'vitest';
import { renderChapter, renderNote } from '../../src/loaders/markdown';

const ids = (html: string) => [...html.matchAll(/<p id="([^"]+)"/g)].map((m) => m[1]);

describe('paragraph ids', () => {
  it('numbers every paragraph in document order, including quotes, list items and footnotes', async () => {
    const { html } = await renderChapter(
      'One.[^1]\n\n> Quoted.\n>\n> Quoted again.\n\n- Loose item.\n\n- Another.\n\nLast.\n\n[^1]: A note.',
    );
    expect(ids(html)).toEqual(['p-1', 'p-2', 'p-3', 'p-4', 'p-5', 'p-6', 'p-7']);
    expect(html).toMatch(/<blockquote>\n<p id="p-2">Quoted.<\/p>/);
    expect(html).toMatch(/<li>\n<p id="p-4">Loose item.<\/p>/);
  });

  it('gives the same ids on every build of the same text', async () => {
    const text = 'A.\n\nB.\n\n***\n\nC.';
    expect((await renderChapter(text)).html).toBe((await renderChapter(text)).html);
  });

  it('restarts at p-1 for each chapter', async () => {
    await renderChapter('A.\n\nB.');
    expect(ids((await renderChapter('C.')).html)).toEqual(['p-1']);
  });

  it('leaves notes without passage ids, so they never collide with the text', async () => {
    expect((await renderNote('A note.\n\nTwo.')).html).not.toContain('id=');
  });
});
