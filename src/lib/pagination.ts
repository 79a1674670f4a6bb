/**
 * Listings split into pages (pure, shared by the pages and by the script that sorts and filters
 * across them); their addresses are `listingPageUrl`'s.
 */

/**
 * Stories of how many pages go in one shard of a listing's index (data/listings.ts): 50 pages of
 * 20 are 1,000 stories, a few tens of kilobytes.
 */
export const PAGES_PER_SHARD = 50;

/** How many pages `total` items fill; an empty listing still has its first page. */
export const pageCount = (total: number, perPage: number): number => Math.max(1, Math.ceil(total / perPage));

/** The items of page `page` (from 1). */
export const pageSlice = <T>(items: readonly T[], page: number, perPage: number): T[] => items.slice((page - 1) * perPage, page * perPage);

/** The page numbers a page's navigation offers, `'gap'` where some are left out: 1 … 4 5 [6] 7 8 … 50. */
export function pageLinks(current: number, count: number, around = 2): (number | 'gap')[] {
  const shown = new Set([1, count]);
  for (let page = current - around; page <= current + around; page++) if (page >= 1 && page <= count) shown.add(page);
  const pages = [...shown].sort((a, b) => a - b);
  const links: (number | 'gap')[] = [];
  for (const [index, page] of pages.entries()) {
    const before = pages[index - 1];
    // A gap of one page is shown as that page: "…" would take as much room and say less.
    if (before !== undefined && page - before === 2) links.push(before + 1);
    else if (before !== undefined && page - before > 2) links.push('gap');
    links.push(page);
  }
  return links;
}

/** The words of a page navigation. */
export const PAGE_LABELS = {
  navigation: 'Pages',
  previous: 'Previous',
  next: 'Next',
  page: (page: number): string => `Page ${page}`,
  /** For a page's title and heading: "page 2 of 5". */
  pageOf: (page: number, count: number): string => `page ${page} of ${count}`,
} as const;

/** One entry of a page navigation: a link (the current page marked), or a gap. */
export type PaginationItem =
  | { kind: 'link'; page: number; label: string; href: string; rel?: 'prev' | 'next'; current?: boolean; accessibleLabel?: string }
  | { kind: 'gap' };

/**
 * What a page navigation shows for page `current` of `count`, `hrefOf` giving each page's address:
 * the same for the listings' own pages and the pages of a sorted or filtered list. Nothing for a
 * single page.
 */
export function paginationItems(current: number, count: number, hrefOf: (page: number) => string): PaginationItem[] {
  if (count <= 1) return [];
  const link = (page: number) => ({ kind: 'link' as const, page, label: String(page), href: hrefOf(page), accessibleLabel: PAGE_LABELS.page(page), current: page === current });
  const step = (page: number, rel: 'prev' | 'next') => ({ kind: 'link' as const, page, label: PAGE_LABELS[rel === 'prev' ? 'previous' : 'next'], href: hrefOf(page), rel });
  return [
    ...(current > 1 ? [step(current - 1, 'prev')] : []),
    ...pageLinks(current, count).map((page) => (page === 'gap' ? { kind: 'gap' as const } : link(page))),
    ...(current < count ? [step(current + 1, 'next')] : []),
  ];
}
