import { describe, expect, it } from 'vitest';
import { taxonomies, taxonomy, valuesOf, type Browsable } from '../../src/lib/taxonomies';

interface TestStory extends Browsable {
  id: string;
}

const story = (id: string, fields: Partial<Browsable>): TestStory => ({
  id,
  authors: ['Anon'],
  fandoms: [],
  relationships: [],
  characters: [],
  tags: [],
  warnings: [],
  rating: 'not-rated',
  ...fields,
});

const stories = [
  story('one', { fandoms: ['Zebra Tales', 'Ärger'], tags: ['slow burn', 'storms'], rating: 'teen' }),
  story('two', { fandoms: ['Zebra Tales'], tags: ['Slow Burn', 'storms '], rating: 'general', authors: ['Anon', 'Bea'] }),
  story('three', { fandoms: ['apple'], tags: ['storms', 'storms'], rating: 'teen' }),
];
const ids = (list: TestStory[]): string[] => list.map((s) => s.id);

describe('browse grouping', () => {
  it('lists every value with its stories, in the order the stories came', () => {
    const fandoms = taxonomy('fandoms', stories);
    expect(fandoms.terms.map((t) => [t.label, t.slug, ids(t.stories)])).toEqual([
      ['apple', 'apple', ['three']],
      ['Ärger', 'arger', ['one']],
      ['Zebra Tales', 'zebra-tales', ['one', 'two']],
    ]);
  });

  it('counts a story once per value, and treats names that differ only in spacing or Unicode form as one', () => {
    const tags = taxonomy('tags', [...stories, story('four', { tags: ['sto\u0072ms', 'Cafe\u0301'] }), story('five', { tags: ['Café'] })]);
    const byLabel = Object.fromEntries(tags.terms.map((t) => [t.label, ids(t.stories)]));
    expect(byLabel.storms).toEqual(['one', 'two', 'three', 'four']);
    expect(byLabel['Café']).toEqual(['four', 'five']);
    expect(valuesOf(stories[2]!, 'tags')).toEqual(['storms']);
  });

  it('keeps names that differ in case apart, each with its own slug', () => {
    const tags = taxonomy('tags', stories);
    expect(tags.terms.filter((t) => /slow burn/i.test(t.label)).map((t) => [t.label, t.slug, ids(t.stories)])).toEqual([
      ['slow burn', 'slow-burn-2', ['one']],
      ['Slow Burn', 'slow-burn', ['two']],
    ]);
    expect(tags.slugOf('Slow Burn')).toBe('slow-burn');
    expect(tags.slugOf(' slow burn ')).toBe('slow-burn-2');
    expect(tags.slugOf('nope')).toBeUndefined();
    expect(tags.clashes.map((clash) => clash.map((t) => t.label))).toEqual([['slow burn', 'Slow Burn']]);
    expect(taxonomy('fandoms', stories).clashes).toEqual([]);
  });

  it('lists ratings from the mildest, labelled, with the rating key as slug', () => {
    const ratings = taxonomy('ratings', stories);
    expect(ratings.terms.map((t) => [t.label, t.slug, ids(t.stories)])).toEqual([
      ['General Audiences', 'general', ['two']],
      ['Teen and Up', 'teen', ['one', 'three']],
    ]);
  });

  it('leaves out blank values and empty kinds', () => {
    const all = taxonomies([story('blank', { tags: ['', '  '], characters: ['Odile'] })]);
    expect(all.tags.terms).toEqual([]);
    expect(all.relationships.terms).toEqual([]);
    expect(all.characters.terms.map((t) => t.label)).toEqual(['Odile']);
    expect(all.authors.terms.map((t) => t.label)).toEqual(['Anon']);
  });

  it('orders values alphabetically in the site language', () => {
    const swedish = taxonomy('fandoms', [story('s', { fandoms: ['Öland', 'Zeta', 'Åre'] })], 'sv');
    expect(swedish.terms.map((t) => t.label)).toEqual(['Zeta', 'Åre', 'Öland']);
    const numbered = taxonomy('fandoms', [story('n', { fandoms: ['Station 10', 'Station 9'] })]);
    expect(numbered.terms.map((t) => t.label)).toEqual(['Station 9', 'Station 10']);
  });
});
