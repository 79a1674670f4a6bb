import { describe, expect, it } from 'vitest';
import { browseUrl, slugsFor } from '../../src/lib/urls';

const slugOf = (name: string): string => slugsFor([name]).get(name)!;

describe('browse slugs', () => {
  it('spells Latin names in lower-case ASCII, accents and punctuation dropped', () => {
    expect(slugOf('Tidewater Chronicles')).toBe('tidewater-chronicles');
    expect(slugOf('Isolde Marr/Tobias Fenn')).toBe('isolde-marr-tobias-fenn');
    expect(slugOf('La Boulangère de minuit')).toBe('la-boulangere-de-minuit');
    expect(slugOf('  Ça, c’est «la» fête!  ')).toBe('ca-cest-la-fete');
    expect(slugOf('Straße Ærø Łódź')).toBe('strasse-aero-lodz');
    expect(slugOf('ＦＵＬＬ ｗｉｄｔｈ ﬁction')).toBe('full-width-fiction');
    expect(slugOf('M. Okafor')).toBe('m-okafor');
  });

  it('keeps letters of every other script, with their own marks', () => {
    expect(slugOf('ليلى')).toBe('ليلى');
    expect(slugOf('東京 喰種')).toBe('東京-喰種');
    expect(slugOf('ガンダム')).toBe('ガンダム');
    expect(slugOf('Чай и Йогурт')).toBe('чай-и-йогурт');
    expect(slugOf('हिन्दी कहानी')).toBe('हिन्दी-कहानी');
    expect(slugOf('한국어')).toBe('한국어');
    expect(slugOf('Ἀθῆναι')).toBe('ἀθῆναι');
  });

  it('gives names with no letters or digits a slug from their code points', () => {
    expect(slugOf('🔥')).toBe('u1f525');
    expect(slugOf('!?')).toBe('u21-u3f');
  });

  it('keeps slugs short enough to be a file name', () => {
    const long = slugOf('長'.repeat(200));
    expect(new TextEncoder().encode(long).length).toBeLessThanOrEqual(120);
    expect(long).toBe('長'.repeat(40));
    expect(slugOf(`${'word '.repeat(40)}end`)).toMatch(/^(word-)+word$/);
  });

  it('never merges two names: the first in sorted order keeps the plain slug, the others are numbered', () => {
    const slugs = slugsFor(['slow burn', 'Slow Burn', 'Slow-Burn', 'Slow Burn 2', 'slow burn!']);
    expect(Object.fromEntries(slugs)).toEqual({
      'Slow Burn': 'slow-burn',
      'Slow Burn 2': 'slow-burn-2',
      'Slow-Burn': 'slow-burn-3',
      'slow burn': 'slow-burn-4',
      'slow burn!': 'slow-burn-5',
    });
    expect(new Set(slugs.values()).size).toBe(5);
  });

  it('is stable: the same names give the same slugs in any order', () => {
    const names = ['A/B', 'A & B', 'a-b', '🔥', 'Ünïcode', 'unicode'];
    expect(slugsFor(names)).toEqual(slugsFor([...names].reverse()));
  });

  it('builds browse addresses, percent-encoding non-ASCII slugs', () => {
    expect(browseUrl('fandoms', 'tidewater-chronicles')).toBe('/fandoms/tidewater-chronicles/');
    expect(browseUrl('authors', 'ليلى')).toBe('/authors/%D9%84%D9%8A%D9%84%D9%89/');
  });
});
