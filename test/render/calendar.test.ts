/** Calendar pages (issue 7): a page's place depends on its month alone. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { calendarPages, calendarYears, groupByMonth, groupPagination, neighbours } from '../../src/render/calendar.js';

const dates = ['2015', '2015-12-15', '2016-03-24', '2016-03-24', '2016-03-30', '2016-07-15'];
const groups = groupByMonth(dates, (d) => d);
const href = (key: string, page = 1) => `/archive/${key.replace('-', '/')}/${page > 1 ? `page/${page}/` : ''}`;

describe('calendar pages', () => {
  it('should group by month, and dates known to the year only by year', () => {
    assert.deepEqual(groups.map((g) => [g.key, g.id, g.label, g.items.length]), [
      ['2015', 'm-2015', '2015', 1], ['2015-12', 'm-2015-12', 'December 2015', 1], ['2016-03', 'm-2016-03', 'March 2016', 3], ['2016-07', 'm-2016-07', 'July 2016', 1],
    ]);
  });

  it('should paginate inside a month and never across months', () => {
    const pages = calendarPages(groups, 2);
    assert.deepEqual(pages.map((p) => [p.group.key, p.page, p.pages, p.items.length]), [
      ['2015', 1, 1, 1], ['2015-12', 1, 1, 1], ['2016-03', 1, 2, 2], ['2016-03', 2, 2, 1], ['2016-07', 1, 1, 1],
    ]);
    assert.deepEqual(groupPagination(pages[3]!, href), { current: 2, total: 2, prev: '/archive/2016/03/', next: null });
  });

  it('should keep every other month as it was when an item joins one month', () => {
    const before = calendarPages(groups, 2);
    const after = calendarPages(groupByMonth([...dates.slice(0, 5), '2016-07-01', '2016-07-15'], (d) => d), 2);
    const page = (list: typeof before, key: string) => list.filter((p) => p.group.key === key).map((p) => p.items);
    for (const key of ['2015', '2015-12', '2016-03']) assert.deepEqual(page(after, key), page(before, key), key);
    assert.notDeepEqual(page(after, '2016-07'), page(before, '2016-07'));
  });

  it('should list years newest first with their months and counts, and link neighbouring months', () => {
    const years = calendarYears(groups, (k) => href(k));
    assert.deepEqual(years.map((y) => [y.year, y.count, y.months.map((m) => `${m.label} ${m.count}${m.yearOnly ? ' (year)' : ''}`)]), [
      ['2016', 4, ['Mar 3', 'Jul 1']], ['2015', 2, ['Dated to the year 1 (year)', 'Dec 1']],
    ]);
    assert.deepEqual(neighbours(groups, '2016-03', (k) => href(k)), { prev: { label: 'December 2015', href: '/archive/2015/12/' }, next: { label: 'July 2016', href: '/archive/2016/07/' } });
    assert.deepEqual(neighbours(groups, '2015', (k) => href(k)).prev, null);
    assert.deepEqual(neighbours(groups, '1999-01', (k) => href(k)), { prev: null, next: null }, 'a month the calendar does not have');
  });
});
