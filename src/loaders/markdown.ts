import { satteriHeadingIdsPlugin } from '@astrojs/markdown-satteri';
import { markdownToHtml, type HastPluginList } from 'satteri';
import { escapeText } from '../lib/html';
import { countWords } from '../lib/words';
import { closedHtml, nestingDepth } from '../plugins/closed-html';
import { MAX_NESTING } from '../schemas';
import { headingIdsApartFromParagraphs } from '../plugins/heading-ids';
import { paragraphIds } from '../plugins/paragraph-ids';
import { plainText } from '../plugins/plain-text';
import { safeUrls } from '../plugins/safe-urls';
import { sanitiseHtml } from '../plugins/sanitise-html';
import { normaliseSceneBreaks } from '../plugins/scene-breaks';
import { storyImages } from '../plugins/story-images';
import { tableAlignment } from '../plugins/table-alignment';
import { textLimitProblem } from '../plugins/text-limits';

/** The story whose folder holds the images a text may show. */
export interface StoryFolder {
  slug: string;
  folder: string;
}

export interface RenderedMarkdown {
  html: string;
  /** Visible text, without markup. */
  text: string;
  /** Story-folder files the text shows. */
  files: string[];
  /** What is wrong with the text (images that cannot be published). */
  problems: string[];
}

/** CommonMark + GFM with typographic punctuation, as the content contract asks. */
const FEATURES = { gfm: true, smartPunctuation: true } as const;

async function render(markdown: string, hastPlugins: HastPluginList, story?: StoryFolder, { close = true } = {}): Promise<RenderedMarkdown> {
  const tooCostly = textLimitProblem(markdown);
  if (tooCostly) return { html: '', text: '', files: [], problems: [tooCostly] };
  const { html, data } = await markdownToHtml(normaliseSceneBreaks(markdown), {
    features: FEATURES,
    mdastPlugins: story ? [storyImages(story.slug, story.folder)] : [],
    hastPlugins: [sanitiseHtml, safeUrls, tableAlignment, ...hastPlugins, plainText],
  });
  // Refused before anything walks the tree: renderers and the downloads recurse into it.
  const depth = nestingDepth(html);
  if (depth > MAX_NESTING) {
    return { html: '', text: '', files: [], problems: [`nests elements ${depth} deep (quotes in quotes, tags in tags); at most ${MAX_NESTING} are allowed`] };
  }
  // A text that opens `<textarea>` and never closes it would lose everything after it, silently.
  // Titles and names (not closed here) only lose the rest of themselves.
  if (close && data.unclosedDropped) {
    return { html: '', text: '', files: [], problems: [`opens <${data.unclosedDropped}> and never closes it, which would hide everything after it; close it with </${data.unclosedDropped}> or remove it`] };
  }
  return {
    // Only a text with raw HTML can leave an element open.
    html: close && data.rawHtml ? closedHtml(html) : html,
    text: data.plainText ?? '',
    files: [...(data.storyFiles ?? [])],
    problems: data.imageProblems ?? [],
  };
}

/** Chapter text: paragraph ids for passage links and heading ids as `rehype-slug` makes them. */
export async function renderChapter(markdown: string, story?: StoryFolder): Promise<RenderedMarkdown & { words: number }> {
  const rendered = await render(markdown, [paragraphIds, satteriHeadingIdsPlugin(), headingIdsApartFromParagraphs], story);
  return { ...rendered, words: countWords(rendered.text) };
}

/** Notes, end notes, disclaimers and summaries: the same Markdown, without passage ids. */
export const renderNote = (markdown: string, story?: StoryFolder): Promise<RenderedMarkdown> =>
  render(markdown, [], story);

const SINGLE_PARAGRAPH = /^<p>([\s\S]*)<\/p>\n?$/;

/**
 * Titles: inline Markdown (`*emphasis*`), rendered inline. Anything that would parse as a block
 * (a title like `1. Start` is a list) is shown as the text it is.
 */
export async function renderInline(markdown: string): Promise<{ html: string; text: string }> {
  // Closed below, inside its paragraph.
  const rendered = await render(markdown.replace(/\s+/g, ' ').trim(), [], undefined, { close: false });
  const inline = SINGLE_PARAGRAPH.exec(rendered.html);
  // Titles are shown inside links (story cards, the chapter menu): no link or block of their own.
  if (inline) return { html: inline[1]!.includes('<') ? closedHtml(inline[1]!, { inline: true }) : inline[1]!, text: rendered.text.trim() };
  const text = markdown.trim();
  return { html: escapeText(text), text };
}
