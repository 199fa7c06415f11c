/**
 * The outlet's own link list at the end of an article ("Recommended Reads:" in 004): a heading that
 * ends with a colon, then list items pointing to other stories. It leaves the body and is kept as
 * `furtherReading` (issue 3, item 5), each item split into outlet, title and URL.
 */
import type { FurtherReading } from '../model.js';
import { BULLET_PATTERN, URL_PATTERN, startsUpper, countWords } from './text.js';

/** True for a list item line: a bullet or a number, then text. */
export function isListItem(text: string): boolean {
  return BULLET_PATTERN.test(text);
}

/** True for a short heading that announces a list: "Recommended Reads:", "Further reading:". */
export function isListHeading(text: string): boolean {
  return text.endsWith(':') && startsUpper(text) && countWords(text) <= 6;
}

/** Headings whose words say "links to read", so their list is reading matter whatever the items look like. */
const READING_HEADING = /\b(?:read|reads|reading|recommended|related|links?|sources?|see also|more|further|elsewhere|around the web)\b/i;

/** "Outlet: Title" with a short outlet name before the first colon. */
const OUTLET_ITEM = /^([^:]{2,60}?):\s+(\S.*)$/u;

/** Splits one list item into outlet, title text and URL; words stay as written. */
export function parseFurtherReadingItem(text: string, line: number): FurtherReading {
  let rest = text.replace(BULLET_PATTERN, '');
  const url = rest.match(URL_PATTERN)?.[0] ?? null;
  if (url) rest = trimSeparators(rest.replace(url, ' ').replace(/\s+/gu, ' '));
  let outlet: string | null = null;
  const m = OUTLET_ITEM.exec(rest);
  if (m && countWords(m[1]!) <= 5 && startsUpper(m[1]!)) {
    outlet = m[1]!;
    rest = m[2]!;
  }
  return { text: rest === '' && url ? url : rest, outlet, url, line };
}

const SEPARATORS = new Set([' ', '-', '–', '—', '|', ':']);

/** Trims separators left around a removed URL; a loop, as an end-anchored regex can backtrack quadratically. */
function trimSeparators(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && SEPARATORS.has(text[start]!)) start++;
  while (end > start && SEPARATORS.has(text[end - 1]!)) end--;
  return text.slice(start, end);
}

/** True when a list is reading matter: a reading heading, or most items carry a URL or an "Outlet: Title" form. */
export function isReadingList(heading: string, items: readonly string[]): boolean {
  if (items.length === 0) return false;
  if (READING_HEADING.test(heading)) return true;
  let linkish = 0;
  for (const item of items) {
    const bare = item.replace(BULLET_PATTERN, '');
    const m = OUTLET_ITEM.exec(bare);
    if (URL_PATTERN.test(bare) || (m && countWords(m[1]!) <= 5 && startsUpper(m[1]!))) linkish++;
  }
  return linkish * 2 >= items.length;
}
