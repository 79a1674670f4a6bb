import { describe, expect, it } from 'vitest';
import { filterTerm, queryTerms, textTerms } from '../../src/lib/search-terms';

describe('textTerms', () => {
  it('lower-cases words and folds the accents of Latin, Greek and Cyrillic letters', () => {
    expect(textTerms('Café NAÏVE Ärger Ωμέγα ёлка')).toEqual(['cafe', 'naive', 'arger', 'ωμεγα', 'елка']);
  });

  it('parts words at apostrophes and punctuation, keeping digits', () => {
    expect(textTerms('The keeper’s l’homme don\'t — 1,204 nights/days')).toEqual(['the', 'keeper', 's', 'l', 'homme', 'don', 't', '1', '204', 'nights', 'days']);
  });

  it('indexes Chinese and Japanese as overlapping pairs of characters, and each run’s last character alone', () => {
    expect(textTerms('古い地図帳を')).toEqual(['古い', 'い地', '地図', '図帳', '帳を', 'を']);
    expect(textTerms('港')).toEqual(['港']);
    // Pairs never cross the text around a run.
    expect(textTerms('港 harbour 灯塔')).toEqual(['港', 'harbour', '灯塔', '塔']);
  });

  it('keeps the kana marks that make a different word (が is not か)', () => {
    expect(textTerms('が')).toEqual(['が']);
    expect(textTerms('か')).toEqual(['か']);
  });

  it('parts Thai into words with the segmenter', () => {
    expect(textTerms('ภาษาไทย').length).toBeGreaterThan(1);
  });

  it('cuts a very long word, so one page cannot make a huge term', () => {
    expect(textTerms('a'.repeat(500))[0]).toHaveLength(40);
  });
});

describe('queryTerms', () => {
  it('matches the last word as a prefix while it may still be being typed, not after a space', () => {
    expect(queryTerms('salt ledg')).toEqual([
      { term: 'salt', prefix: false },
      { term: 'ledg', prefix: true },
    ]);
    expect(queryTerms('salt ledger ')).toEqual([
      { term: 'salt', prefix: false },
      { term: 'ledger', prefix: false },
    ]);
  });

  it('searches Chinese and Japanese by their pairs, and one character by the pairs it starts', () => {
    expect(queryTerms('地図帳')).toEqual([
      { term: '地図', prefix: false },
      { term: '図帳', prefix: false },
    ]);
    expect(queryTerms('港')).toEqual([{ term: '港', prefix: true }]);
  });

  it('asks for each word once', () => {
    expect(queryTerms('tide Tide tide.')).toEqual([{ term: 'tide', prefix: false }]);
  });
});

describe('filterTerm', () => {
  it('cannot be a word of any text', () => {
    const term = filterTerm('fandom', 'Tidewater Chronicles');
    expect(textTerms(term)).not.toContain(term);
    expect(term.startsWith('\u0000')).toBe(true);
  });
});
