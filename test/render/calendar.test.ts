/** Calendar pages (issue 7): a page's place depends on its month alone (and its cuts on its items, paginate.test.ts). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { calendarPages, calendarYears, groupByMonth, groupPagination, neighbours } from '../../src/render/calendar.js';
import { mixedHash } from '../../src/string-hash.js';

const dates = ['2015', '2015-12-15', '2016-03-24', '2016-03-24', '2016-03-30', '2016-07-15'];
const groups = groupByMonth(dates, (d) => d);
const href = (key: string, page = 1) => `/archive/${key.replace('-', '/')}/${page > 1 ? `page/${page}/` : ''}`;

describe('calendar pages', () => {
  it('should group by month, and dates known to the year only by year', () => {
    assert.deepEqual(groups.map((g) => [g.key, g.id, g.label, g.items.length]), [
      ['2015', 'm-2015', '2015', 1], ['2015-12', 'm-2015-12', 'December 2015', 1], ['2016-03', 'm-2016-03', 'March 2016', 3], ['2016-07', 'm-2016-07', 'July 2016', 1],
    ]);
  });

  it('should paginate inside a month and never across months, the count of pages on the first page only', () => {
    const days = Array.from({ length: 30 }, (_, i) => `2016-03-${String(1 + (i % 28)).padStart(2, '0')}`);
    const many = groupByMonth([...dates, ...days].sort(), (d) => d);
    const pages = calendarPages(many, 4, mixedHash);
    for (const g of many) {
      const own = pages.filter((p) => p.group === g);
      assert.deepEqual(own.flatMap((p) => p.items), g.items, g.key);
      assert.deepEqual(own.map((p) => [p.page, p.pages]), own.map((_, i) => [i + 1, own.length]), g.key);
    }
    const march = pages.filter((p) => p.group.key === '2016-03');
    assert.ok(march.length > 2, `${march.length} pages`);
    assert.deepEqual(groupPagination(march[0]!, href), { current: 1, total: march.length, prev: null, next: '/archive/2016/03/page/2/' });
    assert.deepEqual(groupPagination(march[1]!, href), { current: 2, total: null, prev: '/archive/2016/03/', next: '/archive/2016/03/page/3/' });
    assert.equal(groupPagination(march.at(-1)!, href).next, null);
  });

  it('should keep every other month as it was when an item joins one month', () => {
    const before = calendarPages(groups, 2, mixedHash);
    const after = calendarPages(groupByMonth([...dates.slice(0, 5), '2016-07-01', '2016-07-15'], (d) => d), 2, mixedHash);
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
