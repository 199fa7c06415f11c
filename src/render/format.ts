/** Human-readable dates; calendar dates are formatted in UTC so no time zone shifts them. */

const DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
const MONTH = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'long', year: 'numeric' });

// An archive has a few thousand distinct dates and prints each on many pages; Intl formatting
// was the render stage's top cost after the templates (issue 7 profile).
const formatted = new Map<string, string>();

/** "24 March 2016", "March 2016" or "2016" for day, month or year precision. */
export function formatDate(date: string): string {
  let label = formatted.get(date);
  if (label === undefined) {
    const [y, m, d] = date.split('-').map(Number);
    label = d ? DAY.format(Date.UTC(y!, m! - 1, d)) : m ? MONTH.format(Date.UTC(y!, m - 1, 1)) : String(y);
    formatted.set(date, label);
  }
  return label;
}

/** "March 2016" for a `YYYY-MM` key. */
export function formatMonth(month: string): string {
  return formatDate(month.slice(0, 7));
}
