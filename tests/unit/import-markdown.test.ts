import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { fragmentToMarkdown, missingWords, textToMarkdown } from '../../src/build/import/markdown';
import { renderChapter, renderInline } from '../../src/loaders/markdown';

const parse = (html: string) => unified().use(rehypeParse, { fragment: true }).parse(html);

/** Converts an HTML fragment, returning the Markdown and what was left out. */
function convert(html: string): { markdown: string; warnings: string[] } {
  const warnings: string[] = [];
  const markdown = fragmentToMarkdown(parse(html), (message) => warnings.push(message));
  return { markdown, warnings };
}
const markdownOf = (html: string) => convert(html).markdown;
/** Rendered HTML with passage ids dropped, to compare structure. */
const rendered = async (markdown: string) => (await renderChapter(markdown)).html.replace(/ id="[^"]*"/g, '').trim();

describe('archive HTML to Markdown', () => {
  it('drops spacer paragraphs made of non-breaking spaces, empty inline tags and <font>', () => {
    const html = '<p>One <b></b>line.</p><p>&nbsp;</p><p> &nbsp; </p><p><br></p><p><font face="Arial" color="red">Two</font> <i> </i>lines.</p>';
    expect(markdownOf(html)).toBe('One line.\n\nTwo lines.');
  });

  it('drops presentational and tracking attributes, and turns meaningful inline styles into elements', () => {
    const html =
      '<p class="MsoNormal" style="margin:0" id="x" data-track="1" onclick="go()"><span style="font-style: italic">Soft</span> and <span style="font-weight:bold">loud</span> and <span style="text-decoration: underline">marked</span>.</p>';
    expect(markdownOf(html)).toBe('*Soft* and **loud** and <u>marked</u>.');
  });

  it('keeps emphasis, blockquotes, lists, strikethrough and the inline HTML the contract allows', async () => {
    const html =
      '<p><i>a</i> <em>b</em> <strong>c</strong> <b>d</b> <s>e</s> <u>f</u> x<sup>2</sup> H<sub>2</sub>O <small>g</small> <abbr title="Harbour Lights">HL</abbr> <span lang="fr" class="x">oui</span></p><blockquote><p>Quoted.</p></blockquote><ol><li>First</li><li>Second</li></ol>';
    const markdown = markdownOf(html);
    expect(markdown).toBe(
      '*a* *b* **c** **d** ~~e~~ <u>f</u> x<sup>2</sup> H<sub>2</sub>O <small>g</small> <abbr title="Harbour Lights">HL</abbr> <span lang="fr">oui</span>\n\n> Quoted.\n\n1. First\n2. Second',
    );
    expect(await rendered(markdown)).toBe(
      '<p><em>a</em> <em>b</em> <strong>c</strong> <strong>d</strong> <del>e</del> <u>f</u> x<sup>2</sup> H<sub>2</sub>O <small>g</small> <abbr title="Harbour Lights">HL</abbr> <span lang="fr">oui</span></p>\n<blockquote>\n<p>Quoted.</p>\n</blockquote>\n<ol>\n<li>First</li>\n<li>Second</li>\n</ol>',
    );
  });

  it('keeps centred text as a centred block whose Markdown is still read', async () => {
    const markdown = markdownOf('<center><b>The End</b></center><p style="text-align: center">Or <i>is</i> it?</p>');
    expect(markdown).toBe('<center>\n\n**The End**\n\n</center>\n\n<center>\n\nOr *is* it?\n\n</center>');
    expect(await rendered(markdown)).toBe(
      '<div class="centered">\n<p><strong>The End</strong></p>\n</div>\n<div class="centered">\n<p>Or <em>is</em> it?</p>\n</div>',
    );
  });

  it.each([
    ['<p>----</p>', '----'],
    ['<p>* * *</p>', '* * *'],
    ['<p>#</p>', '#'],
    ['<p>o0o</p>', 'o0o'],
    ['<p>&nbsp;xXx&nbsp;</p>', 'xXx'],
    ['<p>§</p>', '§'],
    ['<hr>', '***'],
    ['<p>* * * * *</p>', '***'],
    ['<p>~*~*~</p>', '***'],
    ['<center>~</center>', '***'],
    ['<p align="center">----</p>', '----'],
  ])('turns the scene break %j into %j, a form the contract reads as one', async (html, marker) => {
    const markdown = markdownOf(`<p>Before.</p>${html}<p>After.</p>`);
    expect(markdown).toBe(`Before.\n\n${marker}\n\nAfter.`);
    expect(await rendered(markdown)).toBe('<p>Before.</p>\n<hr>\n<p>After.</p>');
  });

  it('splits text separated by <br><br> into paragraphs, and a marker line between <br>s into a scene break', async () => {
    const markdown = markdownOf('<div>One.<br>Still one.<br><br>Two.<br>----<br>Three.<br />&nbsp;<br />Four.</div>');
    expect(markdown).toBe('One.\\\nStill one.\n\nTwo.\n\n----\n\nThree.\n\nFour.');
    expect(await rendered(markdown)).toBe('<p>One.<br>\nStill one.</p>\n<p>Two.</p>\n<hr>\n<p>Three.</p>\n<p>Four.</p>');
  });

  it.each([
    ['# of lanterns: none', '<p># of lanterns: none</p>'],
    ['1. Polish the brass.', '<p>1. Polish the brass.</p>'],
    ['> not a quote', '<p>&gt; not a quote</p>'],
    ['- not a list', '<p>- not a list</p>'],
    ['+ not a list either', '<p>+ not a list either</p>'],
    ['**not bold** and _not emphasis_ and [not a link](x)', '<p>**not bold** and _not emphasis_ and [not a link](x)</p>'],
    ['<tag> is text', '<p>&lt;tag&gt; is text</p>'],
  ])('escapes Markdown in prose so %j reads as the same text', async (text, html) => {
    const markdown = markdownOf(html);
    const escapedText = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    expect(await rendered(markdown)).toBe(`<p>${escapedText}</p>`);
  });

  it('escapes a line break followed by Markdown-looking text as well', async () => {
    const markdown = markdownOf('<p>A list I meant to disobey:<br>1. Polish the brass.<br># Not a heading</p>');
    expect(await rendered(markdown)).toBe('<p>A list I meant to disobey:<br>\n1. Polish the brass.<br>\n# Not a heading</p>');
  });

  it('normalises whitespace, keeping a lone non-breaking space between words', () => {
    expect(markdownOf('<p>&nbsp;&nbsp;&nbsp; Indented\n   across\tlines &nbsp; here.</p>')).toBe('Indented across lines here.');
    expect(markdownOf('<p>Quoi\u00a0!</p>')).toBe('Quoi\u00a0!');
  });

  it('keeps public links, unwraps links into the archive, and leaves out scripts, styles, forms and images (keeping their descriptions)', () => {
    const { markdown, warnings } = convert(
      '<p><a href="https://example.org/map">a map</a>, <a href="viewstory.php?sid=2">another story</a>, <a name="top">an anchor</a>.</p><script>track()</script><style>p{}</style><form><select><option>1. Chapter</option></select><input value="Go"></form><p>See <img src="https://example.org/x.png" alt="the lighthouse"> here.<img src="pixel.gif"></p>',
    );
    expect(markdown).toBe('[a map](https://example.org/map), another story, an anchor.\n\nSee the lighthouse here.');
    expect(warnings).toEqual([
      'left out an image (https://example.org/x.png); kept its description "the lighthouse" as text',
      'left out an image (pixel.gif)',
    ]);
  });

  it('tells the author which words of the page did not come through, should a page defeat the cleaning', () => {
    expect(missingWords(['The', 'lamp', 'lamp', 'o0o', 'lit'], ['The', 'lamp', 'lit'])).toEqual(['lamp']);
    expect(missingWords(['The', 'lamp'], ['The', 'lamp', 'extra'])).toEqual([]);
    const { warnings } = convert('<p>Every <b>word</b> <i>of</i> <u>this</u> <sup>page</sup> <span lang="fr">reste</span>.</p><p>o0o</p><blockquote>here</blockquote>');
    expect(warnings).toEqual([]);
  });

  it('writes titles as inline Markdown that renders back to the same text', async () => {
    for (const title of ['1. The *Start*', 'Lamplight & Ledgers', '# Hashes [and] <brackets>', 'Plain']) {
      expect((await renderInline(textToMarkdown(title))).text).toBe(title);
    }
  });

  it('writes a kept tag on one line, so an attribute that spanned a blank line does not show as text', async () => {
    const { markdown } = convert('<p>A <abbr title="Harbour\n\nLights">HL</abbr> sign.</p>');
    expect(markdown).toContain('<abbr title="Harbour Lights">HL</abbr>');
    const page = (await renderChapter(markdown)).html;
    expect(page).toContain('<abbr title="Harbour Lights">HL</abbr>');
    expect(page).not.toContain('&lt;abbr');
  });
});
