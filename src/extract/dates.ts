/**
 * Date expressions in news prose, resolved against the publication date (issue 4, item 4).
 *
 * chrono-node finds the expressions and reads their stated parts (day, month, year, weekday);
 * we resolve them ourselves, because its defaults suit a calendar app, not past-tense news: it
 * puts a bare weekday in the current week, pushes "last September" forward, turns durations
 * ("for three hours", "6 months after") into dates and misses bare years ("in 2014").
 */
// The English locale alone: the package's index loads every locale (125 ms more at start-up).
import * as chrono from 'chrono-node/en';
import type { ParsedResult } from 'chrono-node';
import type { CalendarDate, Granularity } from '../model.js';

/** One date expression found in a text, resolved as precisely as the text allows and no more. */
export interface DateMatch {
  /** The expression as written, with a leading "on"/"in"/"last"/"next"/"this" when it stands there. */
  readonly expression: string;
  /** Offset of `expression` in the text. */
  readonly index: number;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  readonly date: string;
  readonly granularity: Granularity;
  /** The year is written in the expression ("July 15, 2016", "in 2014"), not inferred. */
  readonly explicitYear: boolean;
}

interface Ymd { y: number; m: number; d: number }

const MONTH_NAME = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/;
const MONTH_ABBR = /\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?/;
const WEEKDAY_NAME = /\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/;
/** English capitalises month and weekday names: "may", "march", "sat" are other words. */
const LOWERCASE_NAME = /\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu|thurs|fri|sat|sun)\b/;
const UNIT = /\b(?:second|minute|hour|day|week|fortnight|month|year|decade|centur(?:y|ies))s?\b/i;
const COUNTS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
};

/** Cheap test run before chrono: 100k articles must not pay for chrono on every sentence. */
const PREFILTER_NAMES = new RegExp(`${MONTH_NAME.source}|${MONTH_ABBR.source}|${WEEKDAY_NAME.source}|\\b(?:1[89]|20)\\d\\d\\b`);
const PREFILTER_WORDS = /\b(?:today|tonight|yesterday|tomorrow|ago|last night|this (?:morning|afternoon|evening)|(?:last|this|next) (?:week|month|year))\b/i;

/**
 * A year with a preposition or qualifier before it ("in 2014", "since 2011", "mid-2017"), which
 * chrono misses. A count noun after it means a quantity ("in 2000 cases"), not a year.
 */
const bareYearParser = {
  pattern: () => /\b(?:(?:in|since|by|during|until|till|from|before|after|of|throughout|around|early|late|mid|end of|start of|beginning of)\s+|mid-)((?:1[89]|20)\d\d)\b(?![-–\/]\d|\s*(?:%|percent|per\s?cent|people|persons|troops|soldiers|civilians|refugees|fighters|cases|deaths|votes|km|miles|metres|meters|feet|tons|tonnes|dollars|euros|pounds)\b)/i,
  extract: (_context: unknown, match: RegExpMatchArray) => ({ year: Number(match[1]) }),
};

/** Created once: cloning chrono's configuration per call would dominate the cost at scale. */
const parser = chrono.casual.clone();
parser.parsers.push(bareYearParser);

/**
 * A plan or expectation in the same clause makes a weekday or a yearless date look forward.
 * Only present-tense forms count: "was expected to" reports the past (004's "Thursday night").
 */
const FUTURE_CUE = /\b(?:will|shall|won['’]t|(?:is|are|am)\s+(?:due|expected|scheduled|slated|set|planned|going|poised|to)\b|pencil+ed in|(?:scheduled|slated|planned|set) for|upcoming)\b|['’]ll\b/i;
/**
 * "would" is the future of a report whose own day the text may not give: "said the talks would
 * resume on Wednesday" is the coming Wednesday in Monday's paper, but in Friday's paper, about
 * Monday's statement, the Wednesday just gone. So it takes the nearest such day, either way.
 * "would have", "would later", "would often" are past.
 */
const REPORTED_FUTURE_CUE = /\bwould\b(?!\s+(?:not\s+|never\s+)?(?:have|later|often|usually|always|sometimes|once)\b)/i;

/** Where a date stated without its year (or week) lies from the publication day. */
type Direction = 'back' | 'ahead' | 'nearest';

/** Clause breaks: punctuation, quotes, and words that open a new clause. */
const CLAUSE_BREAK = /[,;:()[\]"“”—–]|\s(?:and|but|while|whereas|although|though|because|that|which|who|if|as|after|before|when)\s/gu;
/**
 * A date right after a reporting verb dates the report, not the plan reported: "Kerry said on
 * Monday that ministers will meet" looks back, whatever the rest of the clause says.
 */
const REPORTED = /\b(?:said|told|announced|added|stated|reported|confirmed|declared|warned|wrote)\b(?:\s+[\p{L}’'-]+){0,3}\s*$/u;

/** True when `text` may hold a date expression; a false answer is always right. */
export function mayContainDate(text: string): boolean {
  return PREFILTER_NAMES.test(text) || PREFILTER_WORDS.test(text);
}

/** Parses a `YYYY-MM-DD` calendar date. */
function parseCalendarDate(date: CalendarDate): Ymd {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return { y, m, d };
}

const pad = (n: number): string => String(n).padStart(2, '0');
const formatDay = (t: Ymd): string => `${t.y}-${pad(t.m)}-${pad(t.d)}`;
const formatMonth = (y: number, m: number): string => formatDay({ y, m, d: 1 }).slice(0, 7);
/** Calendar arithmetic in UTC, so no time zone or DST change can move a day. */
const dayNumber = (t: Ymd): number => Date.UTC(t.y, t.m - 1, t.d) / 86_400_000;
function fromDayNumber(n: number): Ymd {
  const dt = new Date(n * 86_400_000);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}
const addDays = (t: Ymd, days: number): Ymd => fromDayNumber(dayNumber(t) + days);
function addMonths(y: number, m: number, months: number): [number, number] {
  const i = y * 12 + (m - 1) + months;
  return [Math.floor(i / 12), (i % 12) + 1];
}
/** 0 = Sunday, as chrono's `weekday` component. */
const weekdayOf = (t: Ymd): number => new Date(dayNumber(t) * 86_400_000).getUTCDay();
const isValidDay = (t: Ymd): boolean => formatDay(fromDayNumber(dayNumber(t))) === formatDay(t);

/** The clause around [start, end); an expression that opens its clause takes the next one too. */
function clauseAround(text: string, start: number, end: number): string {
  const breaks = [...text.matchAll(CLAUSE_BREAK)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length] as const);
  const before = breaks.filter(([, j]) => j <= start).at(-1)?.[1] ?? 0;
  const after = breaks.filter(([i]) => i >= end);
  const to = text.slice(before, start).trim() === '' ? after[1] : after[0];
  return text.slice(before, to?.[0] ?? text.length);
}

/**
 * Picks the year for a month (and day) stated without one. A planned clause takes the first
 * one on or after publication ("will be held in December" in January is this December); a
 * reported future ("would") the nearest. A plain sentence takes the nearest, with a step into
 * the future counting double, so the past wins unless the future is much closer: "Aug. 1" in
 * July 2016 is 2016, "Dec. 28" in January 2016 is 2015, "in April" in March 2016 is 2016.
 */
function pickYear(pub: Ymd, m: number, d: number | null, direction: Direction): number | null {
  let best: number | null = null;
  let bestScore = Infinity;
  for (const y of [pub.y - 1, pub.y, pub.y + 1]) {
    if (d !== null && !isValidDay({ y, m, d })) continue;
    const diff = d === null ? (y * 12 + m) - (pub.y * 12 + pub.m) : dayNumber({ y, m, d }) - dayNumber(pub);
    const score = direction === 'ahead' ? (diff >= 0 ? diff : Infinity) : direction === 'nearest' ? Math.abs(diff) : diff > 0 ? diff * 2 : -diff;
    if (score < bestScore) [best, bestScore] = [y, score];
  }
  return best;
}

interface Resolved { date: string; granularity: Granularity }
const day = (t: Ymd): Resolved => ({ date: formatDay(t), granularity: 'day' });
const month = ([y, m]: [number, number]): Resolved => ({ date: formatMonth(y, m), granularity: 'month' });
const year = (y: number): Resolved => ({ date: String(y), granularity: 'year' });

/**
 * Expressions with a unit word are durations ("for three hours", "in seven months", "6 months
 * after", "the day before") unless they are one of the few forms anchored to the publication
 * date: "last/this/next week|month|year" (not after "the": "over the next month" is a span)
 * and "N days|months|years ago". A week becomes its month when it lies inside one month.
 */
function resolveUnit(expr: string, wordBefore: string, pub: Ymd): Resolved | null {
  const rel = /^(?:(?:in|on|during)\s+)?(last|this|next)\s+(week|month|year)$/i.exec(expr);
  if (rel && wordBefore !== 'the') {
    const step = { last: -1, this: 0, next: 1 }[(rel[1] ?? '').toLowerCase() as 'last'] ?? 0;
    const unit = (rel[2] ?? '').toLowerCase();
    if (unit === 'year') return year(pub.y + step);
    if (unit === 'month') return month(addMonths(pub.y, pub.m, step));
    const monday = addDays(pub, -((weekdayOf(pub) + 6) % 7) + 7 * step);
    const sunday = addDays(monday, 6);
    return monday.m === sunday.m ? month([monday.y, monday.m]) : null;
  }
  const ago = /^(\w+)\s+(day|month|year)s?\s+ago$/i.exec(expr);
  const n = ago ? COUNTS[(ago[1] ?? '').toLowerCase()] ?? Number(ago[1]) : NaN;
  if (!ago || !Number.isInteger(n) || n <= 0) return null;
  const unit = (ago[2] ?? '').toLowerCase();
  if (unit === 'day') return day(addDays(pub, -n));
  return unit === 'month' ? month(addMonths(pub.y, pub.m, -n)) : year(pub.y - n);
}

const CASUAL_DAYS: [RegExp, number][] = [
  [/^(?:today|tonight|this (?:morning|afternoon|evening))$/i, 0],
  [/^(?:yesterday|last night)(?: (?:morning|afternoon|evening))?$/i, -1],
  [/^tomorrow(?: (?:morning|afternoon|evening|night))?$/i, 1],
];

/** Resolves one chrono result, or returns null when it is not a date event. */
function resolve(r: ParsedResult, expr: string, wordBefore: string, pub: Ymd | null, direction: Direction): Resolved | null {
  if (LOWERCASE_NAME.test(expr) || /weekend|^now$/i.test(expr)) return null;
  const s = r.start;
  const y = s.isCertain('year') ? s.get('year') : null;
  const m = s.isCertain('month') ? s.get('month') : null;
  const d = s.isCertain('day') ? s.get('day') : null;
  const explicit = /\d{4}/.test(expr);
  if (explicit && y !== null) {
    if (m === null) return year(y);
    return d === null ? month([y, m]) : day({ y, m, d });
  }
  if (pub === null) return null;
  if (UNIT.test(expr)) return resolveUnit(expr, wordBefore, pub);
  const casual = CASUAL_DAYS.find(([re]) => re.test(expr));
  if (casual) return day(addDays(pub, casual[1]));
  const modifier = /^(last|past|previous|next|coming|this)\b/i.exec(expr)?.[1]?.toLowerCase() ?? '';
  const back = ['last', 'past', 'previous'].includes(modifier);
  const ahead = ['next', 'coming'].includes(modifier);
  if (m !== null && d !== null) {
    // A numeric date without a year ("9/11") is too ambiguous to place.
    if (!/\p{L}/u.test(expr)) return null;
    const yy = pickYear(pub, m, d, direction);
    return yy === null ? null : day({ y: yy, m, d });
  }
  if (m !== null) {
    // A bare month name needs a lead word ("in April", "since March"): "May" alone is a verb or a name.
    if (!MONTH_NAME.test(expr) || (!modifier && !/\b(?:in|since|by|until|till|from|of|during|before|after|between|and|to|through|throughout|early|late|mid)-?$/i.test(wordBefore))) return null;
    if (back) return month([m >= pub.m ? pub.y - 1 : pub.y, m]);
    if (ahead) return month([m <= pub.m ? pub.y + 1 : pub.y, m]);
    const yy = modifier === 'this' ? pub.y : pickYear(pub, m, null, direction);
    return yy === null ? null : month([yy, m]);
  }
  const weekday = s.isCertain('weekday') ? s.get('weekday') : null;
  if (weekday === null || !WEEKDAY_NAME.test(expr)) return null;
  // Past tense looks back: the most recent such day on or before publication (the same day
  // counts); "last" excludes the publication day, "next" and planned clauses look forward, a
  // reported future ("would") takes the nearer of the two.
  const pubWeekday = weekdayOf(pub);
  const backDays = (pubWeekday - weekday + 7) % 7;
  if (back) return day(addDays(pub, -(backDays || 7)));
  const aheadDays = (weekday - pubWeekday + 7) % 7;
  if (ahead) return day(addDays(pub, aheadDays || 7));
  if (direction === 'nearest') return day(addDays(pub, aheadDays < backDays ? aheadDays : -backDays));
  return day(addDays(pub, direction === 'ahead' ? aheadDays : -backDays));
}

/** Start of a modifier ("last", "next", ...) standing right before `index`, else `index`. */
function modifierStart(text: string, index: number): number {
  const m = /\b(?:last|next|this|past|coming)\s+$/i.exec(text.slice(Math.max(0, index - 12), index));
  return m ? index - m[0].length : index;
}

/** Start of an "on"/"in" standing right before `index`, else `index`: kept in the expression as written. */
function prepositionStart(text: string, index: number): number {
  const m = /\b(?:on|in)\s+$/i.exec(text.slice(Math.max(0, index - 4), index));
  return m ? index - m[0].length : index;
}

/**
 * Finds the date expressions of one sentence and resolves them against `published`. With no
 * publication date only expressions that state their year are kept.
 */
export function findDates(text: string, published: CalendarDate | null): DateMatch[] {
  if (!mayContainDate(text)) return [];
  const pub = published === null ? null : parseCalendarDate(published);
  const ref = pub === null ? new Date(2000, 0, 1, 12) : new Date(pub.y, pub.m - 1, pub.d, 12);
  const out: DateMatch[] = [];
  for (const r of parser.parse(text, ref)) {
    // chrono keeps a trailing comma ("last Friday,") and the stop of "Sept." at the end of a match.
    const raw = r.text.replace(/[\s,;:]+$/u, '').replace(/(\p{L}{3})\.$/u, '$1');
    const modStart = modifierStart(text, r.index);
    const start = prepositionStart(text, modStart);
    const expression = text.slice(start, r.index) + raw;
    // chrono itself sometimes takes the "on" ("on Thursday"); the rules read the words after it.
    const lead = /^(?:on|in)\s+/i.exec(text.slice(modStart, r.index) + raw)?.[0].length ?? 0;
    const coreStart = modStart + lead;
    const core = text.slice(coreStart, r.index + raw.length);
    const wordBefore = /(\p{L}+-?)\s*$/u.exec(text.slice(Math.max(0, coreStart - 20), coreStart))?.[1]?.toLowerCase() ?? '';
    const reported = REPORTED.exec(text.slice(Math.max(0, start - 60), start))?.[0];
    const clause = clauseAround(text, start, r.index + raw.length);
    const direction: Direction = (reported === undefined || FUTURE_CUE.test(reported)) && FUTURE_CUE.test(clause) ? 'ahead'
      : reported === undefined && REPORTED_FUTURE_CUE.test(clause) ? 'nearest'
      : 'back';
    const resolved = resolve(r, core, wordBefore, pub, direction);
    if (resolved) out.push({ expression, index: start, ...resolved, explicitYear: /\d{4}/.test(raw) });
  }
  return out;
}
