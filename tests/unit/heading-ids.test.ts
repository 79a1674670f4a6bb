import rehypeParse from 'rehype-parse';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { renderChapter } from '../../src/loaders/markdown';

const HEADINGS = [
  'Chapter One',
  'Chapter One',
  'Héllo, *wörld*!',
  'Ça va? — “Oui”',
  '日本語の見出し',
  'Emoji 🎉 party',
  '`code` & <em>html</em>',
  'Trailing   spaces   ',
  '1984',
  'Chapter One',
];

/** What rehype-slug, the reference, makes of the same headings. */
async function referenceIds(html: string): Promise<string[]> {
  const stripped = html.replace(/ id="[^"]*"/g, '');
  const file = await unified().use(rehypeParse, { fragment: true }).use(rehypeSlug).use(rehypeStringify).process(stripped);
  return [...String(file).matchAll(/<h2 id="([^"]*)"/g)].map((m) => m[1]!);
}

describe('heading ids', () => {
  it('match rehype-slug for the same headings, duplicates included', async () => {
    const { html } = await renderChapter(HEADINGS.map((h) => `## ${h}\n\nText.`).join('\n\n'));
    const ours = [...html.matchAll(/<h2 id="([^"]*)"/g)].map((m) => m[1]);
    expect(ours).toHaveLength(HEADINGS.length);
    expect(ours).toEqual(await referenceIds(html));
  });
});

describe('heading ids beside paragraph ids', () => {
  it('never take an id a paragraph has', async () => {
    const { html } = await renderChapter('## p-1\n\nText.\n\n## p-1\n\nMore.\n\n## Section p-1\n\n## P 2\n');
    const ids = [...html.matchAll(/ id="([^"]*)"/g)].map((m) => m[1]!);
    expect(ids).toEqual(['H-p-1', 'p-1', 'H-p-1-1', 'p-2', 'section-p-1', 'H-p-2']);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
