import { describe, expect, it } from 'vitest';
import { renderChapter, renderInline, renderNote } from '../../src/loaders/markdown';
import { isSafeUrl } from '../../src/plugins/safe-urls';

const html = async (markdown: string) => (await renderChapter(markdown)).html;

const ATTACKS = [
  '<script>alert(1)</script>',
  'Text <script>alert(1)</script> inline.',
  '<img src=x onerror=alert(1)>',
  '<em onclick="alert(1)">hi</em>',
  '<span onmouseover=alert(1) style="position:fixed;inset:0">cover</span>',
  '<iframe src="https://evil.example"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<form action="https://evil.example"><input name=a><button>Go</button></form>',
  '<object data="evil.swf"></object><embed src="evil.swf">',
  '<style>body{display:none}</style>',
  '<svg onload=alert(1)><circle r=1 /></svg>',
  '<a href="javascript:alert(1)">click</a>',
  '<math><mtext><script>alert(1)</script></mtext></math>',
  '<div style="position:fixed;top:0;left:0;width:100vw">overlay</div>',
  '<b/onmouseover=alert(1)>bold</b>',
  '<!-- <script>alert(1)</script> -->',
  '<scr<script>ipt>alert(1)</script>',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  '<base href="https://evil.example/">',
  '<link rel=stylesheet href="https://evil.example/x.css">',
];

describe('raw HTML sanitising', () => {
  it.each(ATTACKS)('neutralises %s', async (attack) => {
    const out = await html(`Before.\n\n${attack}\n\nAfter.`);
    expect(out).not.toMatch(/<(script|iframe|form|input|object|embed|style|svg|math|meta|base|link|img)\b/i);
    expect(out).not.toMatch(/\son\w+=/i);
    expect(out).not.toMatch(/javascript:/i);
    expect(out).not.toMatch(/style=/i);
    expect(out).toContain('<p id="p-1">Before.</p>');
    expect(out).toContain('After.</p>');
  });

  it.each(['textarea', 'svg', 'xmp', 'noscript'])('refuses a <%s> never closed, which would hide the rest of the text', async (tag) => {
    const rendered = await renderChapter(`Before <${tag} autofocus> after.\n\nThe rest of the chapter.\n`);
    expect(rendered.problems).toEqual([`opens <${tag}> and never closes it, which would hide everything after it; close it with </${tag}> or remove it`]);
    expect((await renderNote(`Notes <${tag}>\n\nmore notes`)).problems).toHaveLength(1);
    // A closed one is only removed, with what it holds.
    expect(await html(`Before <${tag}>hidden</${tag}> after.`)).toBe('<p id="p-1">Before  after.</p>\n');
  });

  it('drops the content of scripts and styles written inside a paragraph, and only that', async () => {
    const out = await html('Before <script>steal(document.cookie)</script> *between* <style>p { color: red }</style> after.');
    expect(out).toBe('<p id="p-1">Before  <em>between</em>  after.</p>\n');
  });

  it('keeps the inline presentation elements of the contract, with safe attributes', async () => {
    const out = await html(
      'A <em>e</em> <strong>s</strong> <i>i</i> <b>b</b> <u>u</u> <s>x</s> <small>sm</small> x<sup>2</sup> H<sub>2</sub>O ' +
        '<span lang="fr" title="t" class="hijack">fr</span> <abbr title="As Soon As Possible">ASAP</abbr> line<br>break',
    );
    expect(out).toContain('<em>e</em> <strong>s</strong> <i>i</i> <b>b</b> <u>u</u> <s>x</s> <small>sm</small>');
    expect(out).toContain('x<sup>2</sup> H<sub>2</sub>O');
    expect(out).toContain('<span lang="fr" title="t">fr</span>');
    expect(out).toContain('<abbr title="As Soon As Possible">ASAP</abbr>');
    expect(out).toContain('line<br>break');
    expect(out).not.toContain('hijack');
  });

  it('keeps raw blockquotes and turns obsolete <center> into a centred block', async () => {
    const out = await html('<center>\n\nCentred *text*.\n\n</center>\n\n<blockquote>\n\nQuoted.\n\n</blockquote>');
    expect(out).toContain('<div class="centered">');
    expect(out).toContain('<em>text</em>');
    expect(out).toContain('<blockquote>');
  });

  it('removes unsafe URLs from Markdown links and images', async () => {
    const out = await html('[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](data:text/html,x) <javascript:alert(1)> [ok](https://example.org/) [rel](../other/)');
    expect(out).not.toMatch(/href="(javascript|data|JaVa)/i);
    expect(out).toContain('href="https://example.org/"');
    expect(out).toContain('href="../other/"');
  });

  it('classifies URLs the way a browser parses them', () => {
    for (const url of ['javascript:x', ' javascript:x', 'java\tscript:x', 'JAVASCRIPT:x', 'data:text/html,x', 'vbscript:x']) {
      expect(isSafeUrl(url), url).toBe(false);
    }
    for (const url of ['https://a.example/', 'http://a.example', 'mailto:a@b.example', '#p-2', '../x/', 'page']) {
      expect(isSafeUrl(url), url).toBe(true);
    }
  });

  it('escapes markup in titles and keeps inline emphasis', async () => {
    const title = await renderInline('The *Ink* </title><script>alert(1)</script>');
    expect(title.html).toBe('The <em>Ink</em> ');
    expect(title.text).toBe('The Ink');
  });

  it('closes what a title opens, and keeps neither links nor blocks in it', async () => {
    expect((await renderInline('Open <s><u><b><small>title')).html).toBe('Open <s><u><b><small>title</small></b></u></s>');
    expect((await renderInline('A [link](https://example.org) and <center>block</center> ![img](x.png)')).html).toBe('A link and block ');
  });

  it('closes what a chapter or note opens, carrying open formatting into each block as valid markup', async () => {
    const chapter = await html('One <small>small\n\nTwo\n\n<center><center>a\n\nb');
    expect(chapter).toBe('<p id="p-1">One <small>small</small></p>\n<p id="p-2"><small>Two</small></p>\n<div class="centered"><div class="centered"><small>a\n</small><p id="p-3"><small>b</small></p>\n</div></div>');
    expect((await renderNote('- <b>one\n- two')).html).toBe('<ul>\n<li><b>one</b></li>\n<li><b>two</b></li>\n</ul>\n');
  });

  it('leaves text without raw HTML exactly as rendered', async () => {
    expect(await html('Plain *text* & "quotes"')).toBe('<p id="p-1">Plain <em>text</em> &amp; “quotes”</p>\n');
  });

  it('turns GFM column alignment into classes, never style attributes', async () => {
    const table = await html('| a | b | c |\n|:-:|--:|---|\n| c | d | e |');
    expect(table).not.toContain('style=');
    expect(table).toContain('<td class="align-center">c</td>');
    expect(table).toContain('<td class="align-right">d</td>');
    expect(table).toContain('<td>e</td>');
  });

  it('refuses text nested past the limit, quickly, instead of overflowing the stack later', async () => {
    for (const deep of ['>'.repeat(5000) + ' deep', '<span> '.repeat(2000) + 'deep', '<blockquote> '.repeat(3000) + 'deep']) {
      const started = performance.now();
      const rendered = await renderChapter(deep);
      expect(performance.now() - started).toBeLessThan(5000);
      expect(rendered.problems).toEqual([expect.stringMatching(/^nests elements \d+ deep \(quotes in quotes, tags in tags\); at most 100 are allowed$/)]);
    }
    const fine = await renderChapter('>'.repeat(50) + ' deep enough');
    expect(fine.problems).toEqual([]);
    expect(fine.html).toContain('deep enough');
  });

  it('refuses, in time proportional to its size, text the renderer would take quadratic time over', async () => {
    const cases: [string, RegExp][] = [
      ['&amp; '.repeat(80_000), /^has a paragraph with more than 5,000 character references such as &amp;; write the characters themselves$/],
      ['a_'.repeat(250_000), /^has a word of more than 10,000 characters without a space; break it up$/],
    ];
    for (const [text, problem] of cases) {
      const started = performance.now();
      const rendered = await renderChapter(text);
      expect(performance.now() - started).toBeLessThan(2000);
      expect(rendered.problems).toEqual([expect.stringMatching(problem)]);
    }
    // Many references over many paragraphs, and a long word under the limit, are fine.
    expect((await renderChapter('Fish &amp; chips.\n\n'.repeat(10_000))).problems).toEqual([]);
    expect((await renderChapter(`${'x'.repeat(5000)} end`)).problems).toEqual([]);
  });
});
