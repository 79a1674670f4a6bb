#!/usr/bin/env node
/**
 * Generates a deterministic synthetic library for benchmarks: stories of 20-50 chapters of about
 * 3,000 words each, with dialogue, emphasis, scene breaks in every accepted form, notes, end notes
 * and summaries, and in each chapter a place name no other chapter has (`placeName`). The same arguments always produce the same files.
 *
 * Usage: node scripts/generate-library.ts --chapters 1000 --out bench/library-1000
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

const WORDS = (
  'the a of and to in was she he it her his that with for as on at by from they had were not but ' +
  'said would could there their been when one all into out up down over back only time little long ' +
  'harbour light salt ledger tide storm lamp window door kettle causeway keeper clerk morning night ' +
  'quiet careful letter card sleeve hand voice stair rope boat shore wind rain glass fire bread ' +
  'walked turned looked waited counted wrote read carried opened closed watched listened smiled ' +
  'slowly almost never always perhaps again still already together nothing something everything ' +
  'old new cold warm grey bright narrow heavy tired patient neat sudden small wide dark far near'
).split(' ');
const NAMES = ['Isolde', 'Tobias', 'Amara', 'Odile', 'Quill', 'Pell', 'Wren', 'Juniper'];
/** Syllables of place names, none the start of another, so each number spells a name of its own. */
const SYLLABLES = ['bar', 'wick', 'tol', 'mere', 'ash', 'den', 'fen', 'holm', 'by', 'thorpe', 'stow', 'ley', 'combe', 'ford', 'ham', 'wold'];
const BREAKS = ['----', '***', '* * *', '~~~', '#', '§', 'o0o', 'oOo', 'xXx'];

/** mulberry32: a small, fast, seedable PRNG, so output is identical on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function writer(seed: number) {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const between = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const sentence = () => {
    const words = Array.from({ length: between(6, 18) }, () => pick(WORDS));
    if (next() < 0.15) words[between(0, words.length - 1)] = `*${pick(WORDS)}*`;
    if (next() < 0.2) words[0] = pick(NAMES);
    const text = words.join(' ');
    return `${text[0]!.toUpperCase()}${text.slice(1)}${pick(['.', '.', '.', '!', '?', '...'])}`;
  };
  const paragraph = () => {
    if (next() < 0.3) return `"${sentence()}" ${pick(NAMES)} said${next() < 0.5 ? ` -- ${sentence().toLowerCase()}` : '.'}`;
    return Array.from({ length: between(2, 6) }, sentence).join(' ');
  };
  /** About `words` words of chapter text, with a scene break every 600-1,000 words. */
  const text = (words: number) => {
    const blocks = [];
    let count = 0;
    let sinceBreak = 0;
    while (count < words) {
      const p = paragraph();
      const n = p.split(' ').length;
      blocks.push(p);
      count += n;
      sinceBreak += n;
      if (sinceBreak > between(600, 1000) && count < words - 200) {
        const form = pick(BREAKS);
        // Half the breaks sit directly under a paragraph line, as authors often write them.
        if (next() < 0.5) blocks[blocks.length - 1] += `\n${form}`;
        else blocks.push(form);
        sinceBreak = 0;
      }
    }
    return blocks.join('\n\n');
  };
  return { next, pick, between, sentence, paragraph, text };
}

const yaml = (value: string) => JSON.stringify(value);

/**
 * A place name found in one chapter of the library alone (the `n`th), as real stories have words
 * no other has: the rare words a reader searches for. "Wickbar", "Tolbar", …
 */
export function placeName(n: number): string {
  const syllables = [];
  for (let rest = n; syllables.length < 2 || rest > 0; rest = Math.floor(rest / SYLLABLES.length)) syllables.push(SYLLABLES[rest % SYLLABLES.length]!);
  const name = syllables.join('');
  return `${name[0]!.toUpperCase()}${name.slice(1)}`;
}

export async function generateLibrary({ chapters, out, wordsPerChapter = 3000 }: { chapters: number; out: string; wordsPerChapter?: number }) {
  await rm(out, { recursive: true, force: true });
  await mkdir(path.join(out, 'stories'), { recursive: true });
  await writeFile(path.join(out, 'site.yaml'), 'title: Benchmark Library\ndescription: Generated for benchmarks.\n');
  const w = writer(1);
  let written = 0;
  let story = 0;
  while (written < chapters) {
    story++;
    const count = Math.min(w.between(20, 50), chapters - written);
    const slug = `story-${String(story).padStart(4, '0')}`;
    const folder = path.join(out, 'stories', slug);
    await mkdir(folder);
    const month = String(1 + (story % 12)).padStart(2, '0');
    await writeFile(
      path.join(folder, 'index.md'),
      `---\ntitle: ${yaml(`The ${w.pick(WORDS)} and the ${w.pick(WORDS)}`)}\nauthors: [${yaml(w.pick(NAMES))}]\n` +
        `fandoms: [Tidewater Chronicles]\nrating: teen\ntags: [generated, ${w.pick(WORDS)}]\nstatus: complete\n` +
        `published: 2020-${month}-01\nnotes: ${yaml(w.paragraph())}\nendNotes: ${yaml(w.paragraph())}\n---\n${w.paragraph()}\n`,
    );
    for (let i = 1; i <= count; i++) {
      const frontmatter =
        `---\ntitle: ${yaml(`Chapter ${i}: ${w.pick(WORDS)}`)}\npublished: 2020-${month}-${String(1 + (i % 28)).padStart(2, '0')}\n` +
        `summary: ${yaml(w.sentence())}\nnotes: ${yaml(w.paragraph())}\nendNotes: ${yaml(w.paragraph())}\n---\n`;
      const place = `The road from ${placeName(written + i)} was longer than it looked.`;
      await writeFile(path.join(folder, `${String(i).padStart(2, '0')}-chapter-${i}.md`), `${frontmatter}${place}\n\n${w.text(wordsPerChapter)}\n`);
    }
    written += count;
  }
  return { stories: story, chapters: written };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { chapters: { type: 'string', default: '1000' }, out: { type: 'string' } } });
  const chapters = Number(values.chapters);
  const out = path.resolve(values.out ?? `bench/library-${chapters}`);
  const result = await generateLibrary({ chapters, out });
  console.log(`Generated ${result.chapters} chapters in ${result.stories} stories at ${out}`);
}
