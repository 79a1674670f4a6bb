import { describe, expect, it } from 'vitest';
import { FrontmatterError, splitFrontmatter } from '../../src/build/frontmatter';

const problemOf = (source: string): string => {
  try {
    splitFrontmatter(source);
  } catch (error) {
    if (error instanceof FrontmatterError) return error.message;
    throw error;
  }
  throw new Error('expected a frontmatter problem');
};

describe('frontmatter mistakes', () => {
  it('names the line and field where a quote was left open, not where the parser gave up', () => {
    expect(problemOf('---\ntitle: "Unclosed\nauthors: A\n---\nText.\n')).toBe(
      'invalid YAML at line 2: the value of "title" opens a " quote that is not closed on its line',
    );
    expect(problemOf("---\nauthors: A\nsummary: 'It''s open\n---\n")).toBe(
      'invalid YAML at line 3: the value of "summary" opens a \' quote that is not closed on its line',
    );
  });

  it('still reports other YAML mistakes where the parser found them', () => {
    expect(problemOf('---\ntitle: A\n  bad: indent\n---\n')).toMatch(/^invalid YAML at line 3, column \d+: /);
  });

  it('accepts quotes that close, and values that merely contain a quote', () => {
    expect(splitFrontmatter('---\ntitle: "A \\"B\\" C"\nnotes: It\'s fine\n---\n').data).toEqual({ title: 'A "B" C', notes: "It's fine" });
  });

  it('refuses a YAML alias bomb in a second, before anything expands it', () => {
    let yaml = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    const names = 'bcdefghi';
    for (const [index, name] of [...names].entries()) yaml += `${name}: &${name} [${Array(9).fill(`*${index === 0 ? 'a' : names[index - 1]}`).join(',')}]\n`;
    const started = performance.now();
    expect(problemOf(`---\n${yaml}title: *i\n---\n`)).toBe('uses a YAML alias (*name) to a list or mapping; write the values out instead');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
