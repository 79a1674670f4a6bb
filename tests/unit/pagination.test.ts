import { describe, expect, it } from 'vitest';
import { pageCount, pageLinks, pageSlice, paginationItems } from '../../src/lib/pagination';
import { listIndexUrl, listingPageUrl } from '../../src/lib/urls';

describe('pagination', () => {
  it('counts pages, an empty listing having its first', () => {
    expect([0, 1, 20, 21, 40, 41].map((total) => pageCount(total, 20))).toEqual([1, 1, 1, 2, 2, 3]);
    expect(pageSlice([1, 2, 3, 4, 5], 2, 2)).toEqual([3, 4]);
    expect(pageSlice([1, 2, 3, 4, 5], 3, 2)).toEqual([5]);
  });

  it('offers the first and last pages and two either side of the current one, with gaps', () => {
    expect(pageLinks(1, 1)).toEqual([1]);
    expect(pageLinks(1, 3)).toEqual([1, 2, 3]);
    expect(pageLinks(6, 50)).toEqual([1, 'gap', 4, 5, 6, 7, 8, 'gap', 50]);
    expect(pageLinks(1, 50)).toEqual([1, 2, 3, 'gap', 50]);
    expect(pageLinks(50, 50)).toEqual([1, 'gap', 48, 49, 50]);
    // A gap of one page shows that page instead.
    expect(pageLinks(4, 50)).toEqual([1, 2, 3, 4, 5, 6, 'gap', 50]);
    expect(pageLinks(5, 9)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('links previous and next pages only where they exist, and marks the current page', () => {
    const href = (page: number) => listingPageUrl('/tags/x/', page);
    expect(paginationItems(1, 1, href)).toEqual([]);
    const first = paginationItems(1, 2, href);
    expect(first.map((item) => (item.kind === 'link' ? [item.label, item.href, item.current ?? false] : 'gap'))).toEqual([
      ['1', '/tags/x/', true],
      ['2', '/tags/x/page/2/', false],
      ['Next', '/tags/x/page/2/', false],
    ]);
    const last = paginationItems(2, 2, href);
    expect(last[0]).toMatchObject({ label: 'Previous', rel: 'prev', href: '/tags/x/', page: 1 });
    expect(last.at(-1)).toMatchObject({ label: '2', current: true, accessibleLabel: 'Page 2' });
  });

  it('gives page 1 the listing’s own address, and the index a folder of its own', () => {
    expect(listingPageUrl('/', 1)).toBe('/');
    expect(listingPageUrl('/', 2)).toBe('/page/2/');
    expect(listingPageUrl('/fandoms/a-b/', 3)).toBe('/fandoms/a-b/page/3/');
    expect(listIndexUrl('/', 0)).toBe('/lists/0.json');
    expect(listIndexUrl('/fandoms/a-b/', 2)).toBe('/lists/fandoms/a-b/2.json');
  });
});
