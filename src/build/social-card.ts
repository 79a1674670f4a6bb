import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp, { type OverlayOptions } from 'sharp';
import { escapeAttribute, escapeText } from '../lib/html';
import { CARD_HEIGHT, CARD_WIDTH, type SiteInfo, type StoryInfo } from '../lib/meta';
import { joinNames, RATING_LABELS } from '../lib/stories';
import { woffToSfnt } from './woff';

/*
 * Link-preview cards (1200×630 PNG), drawn at build time with sharp's text renderer (Pango) in
 * fonts the project ships: Noto Serif for Latin, Cyrillic, Greek and Vietnamese, Noto Naskh
 * Arabic and Noto Serif Hebrew. A build therefore looks the same on a machine without fonts.
 * Other scripts fall back to the system's fonts, where it has any.
 */

const FONT_FAMILIES = 'Noto Serif, Noto Naskh Arabic, Noto Serif Hebrew';
const FONT_FILES = [
  ...['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'vietnamese'].map(
    (subset) => (weight: number) => `@fontsource/noto-serif/files/noto-serif-${subset}-${weight}-normal.woff`,
  ),
  (weight: number) => `@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-${weight}-normal.woff`,
  (weight: number) => `@fontsource/noto-serif-hebrew/files/noto-serif-hebrew-hebrew-${weight}-normal.woff`,
].flatMap((file) => [file(400), file(700)]);

const CACHE = path.resolve('node_modules/.cache/quire/fonts');
const PADDING = 72;
const GAP = 28;

export interface CardText {
  /** Small line above the title (the site's name). */
  kicker?: string | undefined;
  title: string;
  /** Under the title (the authors). */
  subtitle?: string | undefined;
  /** At the bottom (fandoms and rating). */
  footer?: string | undefined;
  /** An image shown beside the text (the story's cover, as read and checked from its file). */
  cover?: Buffer | undefined;
  /** Right-to-left cards are mirrored: text on the right, cover on the left. */
  dir?: 'ltr' | 'rtl' | undefined;
}

interface Palette {
  page: string;
  text: string;
  muted: string;
  accent: string;
}

/** The light palette of tokens.css, so that cards match the site. */
async function readPalette(): Promise<Palette> {
  const file = path.resolve('src/styles/tokens.css');
  const root = /:root\s*\{([^}]*)\}/.exec(await readFile(file, 'utf8'))?.[1] ?? '';
  const token = (name: string): string => {
    const value = new RegExp(`--color-${name}:\\s*(?:light-dark\\(\\s*)?(#[0-9a-f]{3,8})`, 'i').exec(root)?.[1];
    if (!value) throw new Error(`${file}: --color-${name} must be a hex colour for the link-preview cards`);
    return value;
  };
  return { page: token('page'), text: token('text'), muted: token('muted'), accent: token('accent') };
}

/**
 * Converts the shipped web fonts for the renderer and points fontconfig at them (before its first
 * use in this process), with the system's configuration as a fallback where there is one.
 */
async function installFonts(): Promise<void> {
  await mkdir(CACHE, { recursive: true });
  for (const file of FONT_FILES) {
    const target = path.join(CACHE, path.basename(file).replace(/\.woff$/, '.ttf'));
    if (existsSync(target)) continue;
    const temporary = `${target}.${process.pid}`;
    await writeFile(temporary, woffToSfnt(await readFile(path.resolve('node_modules', file))));
    await rename(temporary, target);
  }
  const config = path.join(CACHE, 'fonts.conf');
  // Written aside and renamed, as the fonts are: builds and tests may run at once.
  await writeFile(
    `${config}.${process.pid}`,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>${escapeText(CACHE)}</dir>
  <cachedir>${escapeText(path.join(CACHE, 'cache'))}</cachedir>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
</fontconfig>
`,
  );
  await rename(`${config}.${process.pid}`, config);
  process.env.FONTCONFIG_FILE = config;
}

let setup: Promise<Palette> | undefined;
const prepare = (): Promise<Palette> => (setup ??= installFonts().then(readPalette));

interface Block {
  input: Buffer;
  width: number;
  height: number;
}

/** Text drawn `width` pixels wide, in markup with the shipped fonts at `size` pixels. */
async function draw(text: string, size: number, width: number, style: { color: string; bold?: boolean }): Promise<Block> {
  const font = `${FONT_FAMILIES} ${style.bold ? 'Bold ' : ''}${size}`;
  // Pango markup is XML: control characters, which XML forbids, would make it throw.
  const visible = text.replace(/\p{Cc}+/gu, ' ');
  const markup = `<span foreground="${escapeAttribute(style.color)}" font_desc="${escapeAttribute(font)}">${escapeText(visible)}</span>`;
  const { data, info } = await sharp({ text: { text: markup, width, dpi: 72, rgba: true, wrap: 'word-char', spacing: Math.round(size * 0.25) } })
    .png()
    .toBuffer({ resolveWithObject: true });
  return { input: data, width: info.width, height: info.height };
}

/** Words (in scripts written without spaces, characters), or characters, of a text, to shorten it. */
const segments = (text: string, granularity: 'word' | 'grapheme'): string[] =>
  [...new Intl.Segmenter(undefined, { granularity }).segment(text)].map((s) => s.segment);

/**
 * Characters a card can show at most, with room to spare (a 1200×630 card holds a few hundred):
 * a longer text is cut first, since drawing a 7.5 KB title whole makes an image too large to draw.
 */
const MOST_CHARACTERS = 1000;

/**
 * The largest of `sizes` at which `text` fits `maxHeight`; at the smallest size, as many of its
 * words as fit, followed by an ellipsis.
 */
export async function fitText(
  whole: string,
  box: { width: number; maxHeight: number; sizes: readonly number[] },
  style: { color: string; bold?: boolean },
): Promise<Block & { text: string; size: number }> {
  const graphemes = segments(whole.slice(0, MOST_CHARACTERS * 4), 'grapheme');
  const text = graphemes.length > MOST_CHARACTERS ? `${graphemes.slice(0, MOST_CHARACTERS).join('')}…` : whole;
  for (const size of box.sizes) {
    const block = await draw(text, size, box.width, style);
    if (block.height <= box.maxHeight) return { ...block, text, size };
  }
  const size = box.sizes.at(-1)!;
  // The longest prefix of whole words that fits, else of characters (one giant word).
  const fitted = (await longestPrefix(segments(text, 'word'))) ?? (await longestPrefix(segments(text, 'grapheme')));
  return { ...(fitted ?? { ...(await draw('…', size, box.width, style)), text: '…' }), size };

  /** By bisection, since drawing is the expensive part; nothing if not even one part fits. */
  async function longestPrefix(parts: string[]): Promise<(Block & { text: string }) | undefined> {
    let [fits, tooLong] = [0, parts.length];
    let best: (Block & { text: string }) | undefined;
    while (tooLong - fits > 1) {
      const middle = Math.floor((fits + tooLong) / 2);
      const shortened = `${parts.slice(0, middle).join('').trimEnd()}…`;
      const block = await draw(shortened, size, box.width, style);
      if (block.height <= box.maxHeight) [fits, best] = [middle, { ...block, text: shortened }];
      else tooLong = middle;
    }
    return best;
  }
}

/** A 1200×630 PNG card: kicker, title, subtitle and footer on the left, the cover on the right. */
export async function renderCard(card: CardText): Promise<Buffer> {
  const palette = await prepare();
  const layers: OverlayOptions[] = [];
  let textWidth = CARD_WIDTH - 2 * PADDING;
  /** Places a block `left` pixels from the start edge. */
  const at = (block: { input: Buffer; width: number }, start: number, top: number): OverlayOptions => ({
    input: block.input,
    left: card.dir === 'rtl' ? CARD_WIDTH - start - block.width : start,
    top,
  });

  if (card.cover) {
    const height = CARD_HEIGHT - 2 * PADDING;
    const original = await sharp(card.cover).metadata();
    const width = Math.min(Math.round((original.width * height) / original.height), 420);
    const input = await sharp(card.cover).resize(width, height, { fit: 'cover' }).png().toBuffer();
    layers.push(at({ input, width }, CARD_WIDTH - PADDING - width, PADDING));
    textWidth -= width + PADDING;
  }

  const kicker = card.kicker ? await fitText(card.kicker, { width: textWidth, maxHeight: 40, sizes: [28] }, { color: palette.accent }) : undefined;
  const footer = card.footer ? await fitText(card.footer, { width: textWidth, maxHeight: 80, sizes: [28] }, { color: palette.muted }) : undefined;
  const subtitle = card.subtitle ? await fitText(card.subtitle, { width: textWidth, maxHeight: 96, sizes: [38, 32] }, { color: palette.text }) : undefined;
  const top = PADDING + (kicker ? kicker.height + GAP : 0);
  const bottom = CARD_HEIGHT - PADDING - (footer ? footer.height + GAP : 0);
  const title = await fitText(
    card.title,
    { width: textWidth, maxHeight: bottom - top - (subtitle ? subtitle.height + GAP : 0), sizes: [80, 68, 58, 50, 44] },
    { color: palette.text, bold: true },
  );

  // Text blocks are as wide as their longest line, set from the start edge.
  if (kicker) layers.push(at(kicker, PADDING, PADDING));
  layers.push(at(title, PADDING, top));
  if (subtitle) layers.push(at(subtitle, PADDING, top + title.height + GAP));
  if (footer) layers.push(at(footer, PADDING, CARD_HEIGHT - PADDING - footer.height));
  // A band of the accent colour along the top edge.
  layers.push({ input: { create: { width: CARD_WIDTH, height: 12, channels: 4, background: palette.accent } }, left: 0, top: 0 });

  return sharp({ create: { width: CARD_WIDTH, height: CARD_HEIGHT, channels: 4, background: palette.page } })
    .composite(layers)
    .png({ compressionLevel: 9, palette: false })
    .toBuffer();
}

/** A story's card: site, title, authors, fandoms and rating, and the cover if it has one. */
export function storyCard(site: SiteInfo, story: StoryInfo & { dir: 'ltr' | 'rtl' }, cover?: Buffer): Promise<Buffer> {
  return renderCard({
    kicker: site.title.text,
    title: story.title.text,
    subtitle: `by ${joinNames(story.authors, site.language)}`,
    footer: [...story.fandoms, RATING_LABELS[story.rating]].join(' · '),
    cover,
    dir: story.dir,
  });
}

/** The site's card, for the home page and pages that are not a story's. */
export const siteCard = (site: SiteInfo): Promise<Buffer> =>
  renderCard({ title: site.title.text, subtitle: site.description || undefined, footer: new URL(site.url).host });
