import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { coverWidths } from '../../src/build/covers';
import { fitText, renderCard } from '../../src/build/social-card';
import { woffToSfnt } from '../../src/build/woff';

const woff = path.resolve('node_modules/@fontsource/noto-serif/files/noto-serif-latin-400-normal.woff');

describe('WOFF to sfnt', () => {
  it('writes the same tables behind a TrueType header, each on a 4-byte boundary', () => {
    const source = readFileSync(woff);
    const font = woffToSfnt(source);
    expect(font.readUInt32BE(0)).toBe(source.readUInt32BE(4));
    const count = font.readUInt16BE(4);
    expect(count).toBe(source.readUInt16BE(12));
    const tags = Array.from({ length: count }, (_, i) => font.toString('latin1', 12 + i * 16, 16 + i * 16));
    expect(tags).toEqual(expect.arrayContaining(['cmap', 'glyf', 'head', 'name']));
    for (let i = 0; i < count; i++) expect(font.readUInt32BE(12 + i * 16 + 8) % 4).toBe(0);
  });

  it('refuses anything else', () => {
    expect(() => woffToSfnt(Buffer.from('not a font at all, just text...........................'))).toThrow('not a WOFF 1.0 file');
  });
});

/** Share of the card's pixels, in a band, that differ from the background. */
async function ink(png: Buffer, top: number, height: number): Promise<number> {
  const { data, info } = await sharp(png).extract({ left: 0, top, width: 1200, height }).raw().toBuffer({ resolveWithObject: true });
  let drawn = 0;
  for (let i = 0; i < data.length; i += info.channels) if (Math.abs(data[i]! - data[0]!) > 40) drawn++;
  return drawn / (data.length / info.channels);
}

describe('social cards', () => {
  it('are 1200×630 PNGs with the text drawn in the shipped fonts', async () => {
    const png = await renderCard({ kicker: 'Archive', title: 'Привет, Ελλάδα, Tiếng Việt', subtitle: 'by Wren', footer: 'Tidewater · General' });
    const { width, height, format } = await sharp(png).metadata();
    expect({ width, height, format }).toEqual({ width: 1200, height: 630, format: 'png' });
    expect(await ink(png, 100, 200)).toBeGreaterThan(0.01);
    // The renderer was pointed at the converted fonts, not left to whatever the machine has.
    const config = readFileSync(process.env.FONTCONFIG_FILE!, 'utf8');
    const folder = /<dir>([^<]+)<\/dir>/.exec(config)![1]!;
    expect(readdirSync(folder)).toEqual(expect.arrayContaining(['noto-serif-cyrillic-700-normal.ttf', 'noto-naskh-arabic-arabic-400-normal.ttf']));
  });

  it('shorten a title too long for the card, keeping the footer in place', async () => {
    const title = 'A very long title that goes on about the sea and the salt and the ledger '.repeat(6);
    const png = await renderCard({ title, footer: 'Tidewater · General' });
    expect(await ink(png, 630 - 72 - 30, 30)).toBeGreaterThan(0.005);
    const { height } = await sharp(png).metadata();
    expect(height).toBe(630);
    // At the smallest size, as many words as fit, then an ellipsis.
    const fitted = await fitText(title, { width: 800, maxHeight: 150, sizes: [60, 44] }, { color: '#000000', bold: true });
    expect(fitted.size).toBe(44);
    expect(fitted.height).toBeLessThanOrEqual(150);
    expect(fitted.text).toMatch(/^A very long title that goes on .+[a-z]…$/);
    expect(title.startsWith(fitted.text.slice(0, -1))).toBe(true);
  });

  it('cut one giant word, or text with control characters, instead of failing', async () => {
    const word = 'Supercalifragilistic'.repeat(40);
    const fitted = await fitText(word, { width: 600, maxHeight: 120, sizes: [44] }, { color: '#000000' });
    expect(fitted.height).toBeLessThanOrEqual(120);
    expect(fitted.text.length).toBeGreaterThan(20);
    expect(word.startsWith(fitted.text.slice(0, -1))).toBe(true);
    const png = await renderCard({ title: 'Bell\u0007 and \u0000null', subtitle: 'by \u001bEscape' });
    expect((await sharp(png).metadata()).width).toBe(1200);
  });

  it('draw a 7.5 KB title and 3,000 fandoms, shortened, in bounded time', async () => {
    const started = performance.now();
    const png = await renderCard({ title: 'Salt and ledger '.repeat(480), subtitle: 'by Wren', footer: Array.from({ length: 3000 }, (_, i) => `Fandom ${i}`).join(' · ') });
    expect(await sharp(png).metadata()).toMatchObject({ width: 1200, height: 630 });
    expect(performance.now() - started).toBeLessThan(20_000);
  }, 30_000);
});

describe('cover widths', () => {
  it('are the standard widths a cover is wide enough for, else its own', () => {
    expect(coverWidths(600)).toEqual([256, 384, 512]);
    expect(coverWidths(400)).toEqual([256, 384]);
    expect(coverWidths(60)).toEqual([60]);
  });
});
