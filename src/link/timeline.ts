/**
 * The event timeline: every dated sentence of every article, in date order. When several outlets
 * report the same dated fact it shows once, with all its sources (issue 4, item 5).
 */
import crypto from 'node:crypto';
import type { Article, ArticleEvent, TimelineEntry } from '../model.js';
import { byCodeUnit } from '../code-order.js';
import { fnv1a, mix32 } from '../string-hash.js';

/** Share of content words two sentences must have in common to count as the same fact. */
const SAME_FACT_WORDS = 0.35;
/**
 * Groups remembered per topic or word when looking for the same fact. Coarse dates ("last year")
 * gather thousands of events in one bucket; comparing each with every group there was quadratic
 * (40 s at 10k articles). Same-fact candidates must share a topic or a word, and only the latest
 * groups per key are tried, so the work per event is bounded.
 */
const CANDIDATES_PER_KEY = 16;
/**
 * Members of a group a new report is compared with: its first and its latest ones. A fact that
 * hundreds of outlets report ("last year", the same topics) made a group of 1,200 at 100k
 * articles, and comparing each newcomer with every member was quadratic (66 s of the link stage).
 */
const MEMBERS_COMPARED = 8;
/** Groups a report is compared with at most (see SharedKeys.take). */
const GROUPS_COMPARED = 24;
/** Content words of a sentence used as keys: the longest, which are the rarest in news prose. */
const WORD_KEYS = 4;

/** A report of an event, its topics and content words as sorted ids (compared by merging). */
interface Report {
  readonly article: Article;
  readonly event: ArticleEvent;
  readonly topics: Int32Array;
  readonly words: Int32Array;
  /** Ids of its topics and rarest words, under which its group is found. */
  readonly keys: readonly number[];
}

/**
 * How the reports of one date were grouped into facts, under the signature of those reports: a
 * warm build groups again only the dates whose reports changed (issue 7: grouping every date was
 * most of the link stage, 1.1 of 1.6 s at 10k articles), and hashes their entries again only
 * then (each entry's digest, 0.95 s of a warm build at 100k).
 */
export interface DateGroups {
  /** Hash of the date's reports in article order: each by its record's key, slug and place, or by all it shows (reportText). */
  readonly signature: string;
  /**
   * Each group's reports, as indexes into the date's reports in article order, groups separated by
   * -1: one small array a date (at 100k articles, arrays of arrays were 600k objects).
   */
  readonly groups: Int32Array;
  /** Each group's entry's digest (TimelineEntry.digest), in the order of `groups`. */
  readonly digests: readonly string[];
}

/** Date key -> its groups. */
export type TimelineMemo = ReadonlyMap<string, DateGroups>;

/** Bump when the grouping or an entry's digest changes, so remembered groups and digests are made again. */
const GROUPING_VERSION = 2;

/** Builds the timeline from the articles' events; entries sorted by date, coarser dates first. */
export function buildTimeline(articles: readonly Article[]): TimelineEntry[] {
  return timelineWithMemo(articles, new Map()).entries;
}

/**
 * As buildTimeline, reusing the groups of dates whose reports are those `previous` remembers, and
 * remembering this build's. `recordKey` gives the cache key an article's record was made under
 * (article-cache.ts), if known: it fixes the record's headline, outlet and events, so a report is
 * signed by it, its slug and the event's place instead of by everything it shows (hashing every
 * report's text was 1.2 s of each warm build at 100k articles).
 */
export function timelineWithMemo(articles: readonly Article[], previous: TimelineMemo, recordKey: (a: Article) => string | undefined = () => undefined): { entries: TimelineEntry[]; memo: TimelineMemo } {
  const ids = new Map<string, number>();
  const id = (s: string) => ids.get(s) ?? (ids.set(s, ids.size), ids.size - 1);
  const report = (article: Article, event: ArticleEvent): Report => {
    const words = contentWords(event.sentence);
    const rare = [...words].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).slice(0, WORD_KEYS);
    const topics = [...new Set(event.topics)].map((t) => id(`t:${t}`));
    return {
      article, event,
      topics: Int32Array.from(topics).sort(),
      words: Int32Array.from(words, (w) => id(`w:${w}`)).sort(),
      keys: [...topics, ...rare.map((w) => id(`w:${w}`))],
    };
  };
  // Reports are made one date at a time, when that date's events are grouped: made for every
  // event at once, they were 0.8 GB at 100k articles.
  const byDate = new Map<string, Listed[]>();
  for (const article of articles) {
    const made = recordKey(article);
    const signed = made === undefined ? undefined : `k${field(article.slug)}${made}:`;
    article.events.forEach((event, index) => {
      const key = `${event.date}|${event.granularity}`;
      const listed: Listed = { article, event, signed: signed === undefined ? undefined : `${signed}${index}|` };
      const list = byDate.get(key);
      if (list) list.push(listed);
      else byDate.set(key, [listed]);
    });
  }
  const memo = new Map<string, DateGroups>();
  const entries: TimelineEntry[] = [];
  // Dates in order, each date's entries sorted on their own: one sort of every entry was 0.5 s of
  // a warm build at 100k articles. A coarser date is a prefix of the finer ones, so it comes first.
  const dates = [...byDate.keys()].sort((a, b) => byCodeUnit(dateOf(a), dateOf(b)));
  for (let d = 0; d < dates.length;) {
    const batch: TimelineEntry[] = [];
    const date = dateOf(dates[d]!);
    // Pushed one by one: a busy date's entries as arguments (tens of thousands at 100k articles) would overflow the stack.
    for (; d < dates.length && dateOf(dates[d]!) === date; d++) for (const e of dateEntries(dates[d]!, byDate.get(dates[d]!)!)) batch.push(e);
    batch.sort((a, b) => byCodeUnit(a.sources[0]!.article, b.sources[0]!.article) || a.sources[0]!.event.block - b.sources[0]!.event.block);
    for (const e of batch) entries.push(e);
  }
  return { entries, memo };

  function dateEntries(key: string, events: readonly Listed[]): TimelineEntry[] {
    // What the grouping and the entries' digests read of each report, hashed in one call; the
    // reports' texts are made only for a date whose signature changed.
    let texts: string[] | undefined;
    const textOf = (i: number) => (texts ??= events.map(({ article, event }) => reportText(article, event)))[i]!;
    const signature = crypto.hash('sha1', `${GROUPING_VERSION}|${events.map((e, i) => e.signed ?? `t${textOf(i)}`).join('')}`, 'base64');
    const known = previous.get(key);
    const same = known?.signature === signature && fits(known.groups, events.length) && known.digests?.length === countGroups(known.groups);
    const groups = same ? known.groups : packGroups(groupReports(events.map((e) => report(e.article, e.event))));
    const made: TimelineEntry[] = [];
    const digests: string[] = [];
    for (const g of unpackGroups(groups)) {
      const reports = g.map((i) => events[i]!);
      const first = reports[0]!.event;
      const sources = reports.map((r) => ({ article: r.article.slug, event: r.event }));
      const digest = same ? known.digests[made.length]! : entryDigest(first, g.map(textOf));
      digests.push(digest);
      made.push({ date: first.date, granularity: first.granularity, sources, digest });
    }
    memo.set(key, same ? known : { signature, groups, digests });
    return made;
  }
}

/** A report as listed under its date: with its signature when its record's key is known. */
interface Listed {
  readonly article: Article;
  readonly event: ArticleEvent;
  readonly signed: string | undefined;
}

/** The date of a `date|granularity` key. */
function dateOf(key: string): string {
  return key.slice(0, key.indexOf('|'));
}

/**
 * See TimelineEntry.digest: of the entry's date and each report's text, in one string hashed in
 * one call (a Hash object and the JSON of each event took three times as long).
 * test/link/timeline.test.ts changes each field of an event in turn.
 */
function entryDigest(first: ArticleEvent, texts: readonly string[]): string {
  return crypto.hash('sha1', `${first.date}|${first.granularity}|${texts.length}|${texts.join('')}`, 'base64');
}

/** All an entry shows of one report: its article's slug, headline and outlet, and the event's fields. */
function reportText(a: Article, e: ArticleEvent): string {
  return `${field(a.slug)}${field(a.title)}${field(a.publisher)}${field(e.date)}${field(e.granularity)}${field(e.expression)}${field(e.sentence)}`
    + `${e.line},${e.block},${e.sentenceIndex},${e.afterPublication},${e.topics.length}|${e.topics.map(field).join('')}`;
}

/**
 * What names an entry where its digest would change too often, as a well-mixed hash: its first
 * report's article and sentence. A month's page boundaries are set by it (render/paginate.ts).
 */
export function entryHash(e: TimelineEntry): number {
  const { article, event } = e.sources[0]!;
  return mix32(fnv1a(article) ^ Math.imul(event.block, 0x9e3779b1) ^ Math.imul(event.sentenceIndex, 0x85ebca77));
}

/** Timeline entries in a key: their digests, in order. */
export function entryDigests(entries: readonly TimelineEntry[]): string {
  return entries.map((e) => e.digest).join('');
}

/** A text in a digest's string, by its length first: no two lists of texts (or nulls) give the same string. */
function field(text: string | null): string {
  return text === null ? '-' : `${text.length}:${text}`;
}

/** Groups one date's reports into facts: each group as indexes into `reports`. */
function groupReports(reports: readonly Report[]): number[][] {
  const groups: { reports: Report[]; members: number[]; articles: Set<Article> }[] = [];
  const byKey = new Map<number, number[]>();
  const shared = new SharedKeys();
  for (const [member, report] of reports.entries()) {
    for (const k of report.keys) for (const g of byKey.get(k) ?? []) shared.add(g);
    // The earliest matching group wins, as a scan in order would find it; a group takes one
    // report per article.
    const found = shared.take(GROUPS_COMPARED).find((gi) => !groups[gi]!.articles.has(report.article) && someMember(groups[gi]!.reports, (o) => sameFact(o, report)));
    const index = found ?? groups.push({ reports: [], members: [], articles: new Set() }) - 1;
    groups[index]!.reports.push(report);
    groups[index]!.members.push(member);
    groups[index]!.articles.add(report.article);
    for (const k of report.keys) {
      const list = byKey.get(k);
      if (!list) byKey.set(k, [index]);
      else if (list[list.length - 1] !== index) {
        list.push(index);
        if (list.length > CANDIDATES_PER_KEY) list.shift();
      }
    }
  }
  return groups.map((g) => g.members);
}

/** Whether packed groups hold each of `n` reports once (a memo read from disk is checked before use). */
function fits(packed: Int32Array, n: number): boolean {
  const seen = new Uint8Array(n);
  let count = 0;
  for (const i of packed) {
    if (i < 0) continue;
    if (i >= n || seen[i]) return false;
    seen[i] = 1;
    count++;
  }
  return count === n;
}

function packGroups(groups: readonly (readonly number[])[]): Int32Array {
  return Int32Array.from(groups.flatMap((g, i) => (i ? [-1, ...g] : g)));
}

function countGroups(packed: Int32Array): number {
  let n = packed.length ? 1 : 0;
  for (const i of packed) if (i < 0) n++;
  return n;
}

function unpackGroups(packed: Int32Array): number[][] {
  const groups: number[][] = [[]];
  for (const i of packed) {
    if (i < 0) groups.push([]);
    else groups.at(-1)!.push(i);
  }
  return packed.length ? groups : [];
}

/** Counts the keys each group shares with a report, then yields the groups worth trying. */
class SharedKeys {
  private counts = new Int32Array(64);
  private touched: number[] = [];

  add(group: number): void {
    if (group >= this.counts.length) {
      const grown = new Int32Array(Math.max(group + 1, this.counts.length * 2));
      grown.set(this.counts);
      this.counts = grown;
    }
    const count = this.counts[group]!;
    if (count === 0) this.touched.push(group);
    this.counts[group] = count + 1;
  }

  /**
   * The groups to try, earliest first, and resets: all of them, or in a dense date bucket
   * (hundreds of reports of "last year") `limit` of those sharing the most keys.
   */
  take(limit: number): number[] {
    const counts = this.counts;
    let groups = this.touched;
    if (groups.length > limit) {
      // Counts are small (a report has a handful of keys): find the lowest count still taken,
      // take every group above it and the first met at it (sorting them all cost seconds).
      const histogram: number[] = [];
      for (const g of groups) histogram[counts[g]!] = (histogram[counts[g]!] ?? 0) + 1;
      let cut = histogram.length - 1;
      for (let above = 0; above + (histogram[cut] ?? 0) < limit; cut--) above += histogram[cut] ?? 0;
      const over = groups.filter((g) => counts[g]! > cut);
      const at = groups.filter((g) => counts[g] === cut).slice(0, limit - over.length);
      groups = [...over, ...at];
    }
    for (const g of this.touched) counts[g] = 0;
    this.touched = [];
    return groups.sort((a, b) => a - b);
  }
}

/** Whether `test` holds for the group's first member or one of its latest (see MEMBERS_COMPARED). */
function someMember<T>(members: readonly T[], test: (m: T) => boolean): boolean {
  if (members.length <= MEMBERS_COMPARED) return members.some(test);
  if (test(members[0]!)) return true;
  for (let i = members.length - MEMBERS_COMPARED + 1; i < members.length; i++) if (test(members[i]!)) return true;
  return false;
}

/** Two reports of the same fact: two topics in common, or enough of their content words. */
function sameFact(a: Report, b: Report): boolean {
  if (common(a.topics, b.topics) >= 2) return true;
  const shared = common(a.words, b.words);
  const union = a.words.length + b.words.length - shared;
  return union > 0 && shared / union >= SAME_FACT_WORDS;
}

/** How many ids two sorted id lists share. */
function common(a: Int32Array, b: Int32Array): number {
  let n = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else { n++; i++; j++; }
  }
  return n;
}

const STOP = new Set('the a an and or of to in on at for with by from as that this is was were be been has have had it its he she they his her their said says will would could about after before than then also not but which who'.split(' '));

function contentWords(sentence: string): Set<string> {
  return new Set((sentence.toLowerCase().match(/\p{L}[\p{L}'’-]*/gu) ?? []).filter((w) => w.length > 2 && !STOP.has(w)));
}

/** Topic name -> the timeline entries whose sentences mention it (one pass over the timeline). */
export function eventsByTopic(timeline: readonly TimelineEntry[]): Map<string, TimelineEntry[]> {
  const out = new Map<string, TimelineEntry[]>();
  for (const entry of timeline) {
    const names = new Set<string>();
    for (const s of entry.sources) for (const n of s.event.topics) names.add(n);
    for (const n of names) {
      const list = out.get(n);
      if (list) list.push(entry);
      else out.set(n, [entry]);
    }
  }
  return out;
}
