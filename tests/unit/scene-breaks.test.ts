import { describe, expect, it } from 'vitest';
import { renderChapter } from '../../src/loaders/markdown';
import { normaliseSceneBreaks } from '../../src/plugins/scene-breaks';

const FORMS = ['----', '---', '-----', '***', '* * *', '~~~', '~~~~~', '#', '§', 'o0o', 'oOo', 'xXx', '  ***  '];

/** Rendered HTML with ids dropped, to compare structure. */
const structure = async (markdown: string) => (await renderChapter(markdown)).html.replace(/ id="[^"]*"/g, '').trim();

describe('scene breaks', () => {
  it.each(FORMS)('renders %j between paragraphs as one <hr>', async (form) => {
    expect(await structure(`Before.\n\n${form}\n\nAfter.`)).toBe('<p>Before.</p>\n<hr>\n<p>After.</p>');
  });

  it.each(FORMS)('renders %j directly under a paragraph line as an <hr>, never a heading', async (form) => {
    const html = await structure(`Before.\n${form}\nAfter.`);
    expect(html).toBe('<p>Before.</p>\n<hr>\n<p>After.</p>');
  });

  it.each(FORMS)('renders %j as the first or last block', async (form) => {
    expect(await structure(`${form}\n\nMiddle.\n\n${form}`)).toBe('<hr>\n<p>Middle.</p>\n<hr>');
  });

  it('never lets tildes open a code block that swallows the text', async () => {
    const html = await structure('One.\n\n~~~\n\nTwo *emphasis*.\n\n~~~\n\nThree.');
    expect(html).toBe('<p>One.</p>\n<hr>\n<p>Two <em>emphasis</em>.</p>\n<hr>\n<p>Three.</p>');
  });

  it('leaves scene-break lines inside backtick code fences alone', () => {
    const source = '```\n----\n#\n```\n\n§';
    expect(normaliseSceneBreaks(source)).toBe('```\n----\n#\n```\n\n***\n');
  });

  it('does not treat text that merely starts like a break as one', async () => {
    expect(await structure('# Heading\n\n--- not a break\n\n§ section sign')).toBe(
      '<h1>Heading</h1>\n<p>— not a break</p>\n<p>§ section sign</p>',
    );
  });

  it('keeps setext-looking equals underlines as headings (only hyphens are breaks)', async () => {
    expect(await structure('Title\n===')).toBe('<h1>Title</h1>');
  });
});
