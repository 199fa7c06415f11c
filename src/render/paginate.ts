/** Splits a list into pages; never an empty page, always at least one. */
export function paginate<T>(items: readonly T[], size: number): T[][] {
  if (items.length === 0) return [[]];
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages;
}

/** Splits groups (e.g. months) into pages of about `budget` items without cutting a group. */
export function paginateGroups<G>(groups: readonly G[], count: (g: G) => number, budget: number): G[][] {
  const pages: G[][] = [];
  let current: G[] = [];
  let n = 0;
  for (const g of groups) {
    if (current.length && n + count(g) > budget) {
      pages.push(current);
      current = [];
      n = 0;
    }
    current.push(g);
    n += count(g);
  }
  pages.push(current);
  return pages;
}
