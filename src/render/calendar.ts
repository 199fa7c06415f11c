/**
 * Calendar pages for the archive and the timeline (issue 7): one page per month, paginated inside
 * the month, and an index of months. A page's place depends on its month alone, and a month's
 * pages end where their items say (stablePages), so an added article changes its own page, the
 * month's first (its count) and the index, never a run of pages after it.
 */
import { formatDate } from './format.js';
import { stablePages } from './paginate.js';
import type { Pagination } from './view-types.js';

/** Items of one month (`YYYY-MM`) or, for dates known to the year only, one year (`YYYY`). */
export interface CalendarGroup<T> {
  readonly key: string;
  /** Fragment id of the group's heading: `m-2016-03`. */
  readonly id: string;
  readonly label: string;
  readonly items: T[];
}

/** One page of a group. */
export interface CalendarPage<T> {
  readonly group: CalendarGroup<T>;
  readonly items: T[];
  readonly page: number;
  readonly pages: number;
}

/** Groups dated items by `YYYY-MM` (year-only dates by `YYYY`), in the order given. */
export function groupByMonth<T>(items: readonly T[], dateOf: (t: T) => string): CalendarGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = dateOf(item).slice(0, 7);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return [...groups].map(([key, list]) => ({ key, id: `m-${key}`, label: formatDate(key), items: list }));
}

/** Items on a month or year page (archive, timeline, topic years): twice a list page's. */
export function calendarPageSize(pageSize: number): number {
  return pageSize * 2;
}

/** Every page of every group, `size` items a page on average; `hashOf` names an item for stablePages. */
export function calendarPages<T>(groups: readonly CalendarGroup<T>[], size: number, hashOf: (item: T) => number): CalendarPage<T>[] {
  return groups.flatMap((group) => {
    const pages = stablePages(group.items, size, hashOf);
    return pages.map((items, i) => ({ group, items, page: i + 1, pages: pages.length }));
  });
}

/** A calendar of groups for an index page: years, each with its groups and their counts. */
export interface CalendarYear {
  readonly year: string;
  readonly count: number;
  readonly months: readonly { readonly label: string; readonly href: string; readonly count: number; readonly yearOnly: boolean }[];
}

/** The index's calendar, newest year first, months in calendar order. */
export function calendarYears<T>(groups: readonly CalendarGroup<T>[], href: (key: string) => string): CalendarYear[] {
  const years = new Map<string, CalendarYear['months'][number][]>();
  for (const g of [...groups].sort((a, b) => a.key.localeCompare(b.key))) {
    const year = g.key.slice(0, 4);
    const list = years.get(year) ?? [];
    years.set(year, list);
    const yearOnly = g.key.length === 4;
    list.push({ label: yearOnly ? 'Dated to the year' : formatDate(`${g.key}-01`).split(' ')[1]!.slice(0, 3), href: href(g.key), count: g.items.length, yearOnly });
  }
  return [...years].sort((a, b) => b[0].localeCompare(a[0])).map(([year, months]) => ({ year, count: months.reduce((n, m) => n + m.count, 0), months }));
}

/** Links to the groups before and after one, for a month page's "previous month / next month". */
export function neighbours<T>(groups: readonly CalendarGroup<T>[], key: string, href: (key: string) => string): { prev: { label: string; href: string } | null; next: { label: string; href: string } | null } {
  const i = groups.findIndex((g) => g.key === key);
  const link = (g: CalendarGroup<T> | undefined) => (g && i >= 0 ? { label: g.label, href: href(g.key) } : null);
  return { prev: link(groups[i - 1]), next: link(groups[i + 1]) };
}

/** Pagination inside one group. */
export function groupPagination<T>(p: CalendarPage<T>, href: (key: string, page: number) => string): Pagination {
  // The count of pages on the first page alone: the others then change only with their own items.
  return { current: p.page, total: p.page === 1 ? p.pages : null, prev: p.page > 1 ? href(p.group.key, p.page - 1) : null, next: p.page < p.pages ? href(p.group.key, p.page + 1) : null };
}
