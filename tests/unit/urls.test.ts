import { describe, expect, it } from 'vitest';
import { chapterUrl, fragmentId, paragraphId, paragraphNumber, wholeWorkUrl } from '../../src/lib/urls';

describe('page URLs', () => {
  it('put the whole work where the reserved chapter slug "all" would be', () => {
    expect(wholeWorkUrl('salt')).toBe('/stories/salt/all/');
    expect(wholeWorkUrl('salt')).toBe(chapterUrl('salt', 'all'));
  });

  it('read paragraph numbers back from paragraph ids, and nothing else', () => {
    for (const n of [1, 2, 12, 40_000]) expect(paragraphNumber(paragraphId(n))).toBe(n);
    for (const id of ['p-0', 'p-', 'p-1.5', 'p-x', 'a-heading', 'user-content-fn-1', 'p--1']) expect(paragraphNumber(id), id).toBeUndefined();
  });

  it('read the id an address fragment names, decoded, and a malformed one as written', () => {
    expect(fragmentId('#p-12')).toBe('p-12');
    expect(fragmentId('#caf%C3%A9')).toBe('café');
    expect(fragmentId('#%E0%A4%A')).toBe('%E0%A4%A');
    expect(fragmentId('')).toBe('');
  });
});
