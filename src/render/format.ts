/** Human-readable dates; calendar dates are formatted in UTC so no time zone shifts them. */

const DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
const MONTH = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'long', year: 'numeric' });

/** "24 March 2016", "March 2016" or "2016" for day, month or year precision. */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (d) return DAY.format(Date.UTC(y!, m! - 1, d));
  if (m) return MONTH.format(Date.UTC(y!, m - 1, 1));
  return String(y);
}

/** "March 2016" for a `YYYY-MM` key. */
export function formatMonth(month: string): string {
  return formatDate(month.slice(0, 7));
}
