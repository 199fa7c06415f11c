import { mixedHash } from './string-hash.js';

/**
 * Splits a list into pages of `size` items on average, ending each page where its items say
 * (content-defined chunking, as rsync and backup tools cut files): after an item whose id hashes to
 * a boundary, once the page holds half a page, and at twice a page at most. An item added or taken
 * away changes its own page and rarely the one after; counted pages all shift after it (issue 7:
 * one event dated "in 2014" changed all 82 pages of 2014 in the timeline of 10k articles). A list
 * that fits on one page is one page; a short last page joins the one before if both fit.
 */
export function stablePages<T>(items: readonly T[], size: number, idOf: (item: T) => string): T[][] {
  if (items.length <= size) return [items.slice()];
  const least = Math.ceil(size / 2);
  // One item in `every` is a boundary: a page is `least - 1` items and then `every` on average.
  const every = size - least + 1;
  const most = size * 2;
  const pages: T[][] = [];
  let page: T[] = [];
  for (const item of items) {
    page.push(item);
    if (page.length >= most || (page.length >= least && mixedHash(idOf(item)) % every === 0)) {
      pages.push(page);
      page = [];
    }
  }
  if (page.length) {
    const last = pages.at(-1);
    if (last && page.length < least && last.length + page.length <= most) last.push(...page);
    else pages.push(page);
  }
  return pages;
}
