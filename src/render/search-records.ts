/**
 * What the search index holds (issue 5, item 1), as plain records: one per article, one per topic
 * (name, aliases, description) and one per timeline month. Built from the records, not from the
 * rendered pages, so an article's search entry changes only when the article does: a new related
 * link on its page does not send it back to the indexer (issue 7).
 *
 * Records are split into parts of about PART_SIZE articles, each its own Pagefind index: a change
 * re-indexes the parts it touches, and parts index in parallel. The search page merges them
 * (Pagefind's mergeIndex), so readers see one index.
 */
import crypto from 'node:crypto';
import type { Config } from '../config.js';
import { entryDigests } from '../link/timeline.js';
import type { LinkedTopic } from '../link/topics.js';
import { unpackBody } from '../article-body.js';
import { bodyDigest } from '../body-store.js';
import type { Article, TimelineEntry } from '../model.js';
import { formatDate } from './format.js';
import { fnv1a } from '../string-hash.js';
import type { CalendarPage } from './calendar.js';
import type { Urls } from './urls.js';
import { KIND_NAMES, UNKNOWN_PUBLISHER } from './views.js';

/** One search result as Pagefind stores it (a custom record). */
export interface SearchRecord {
  /** Site-relative URL (Pagefind adds the base path the bundle is served under). */
  readonly url: string;
  /** Plain text to match and to cut excerpts from. */
  readonly content: string;
  /** Shown with the result; Pagefind indexes it too. */
  readonly meta: Readonly<Record<string, string>>;
  readonly filters: Readonly<Record<string, readonly string[]>>;
}

/** One Pagefind index of the bundle. */
export interface SearchPart {
  /** Folder under `pagefind/`: '' for the primary index, `part-07/` or `timeline-01/` for a merged one. */
  readonly dir: string;
  /** Its records. */
  readonly size: number;
  /**
   * About how much text it indexes, in articles' worth: the order parts are indexed in, largest
   * first, so that no Pagefind process is left working alone at the end. A timeline page holds
   * the sentences of up to a page of events: by records alone, the timeline's parts came last.
   */
  readonly weight: number;
  /**
   * Its records, made one by one as the part is indexed: an article's text is unpacked from its
   * body only then, not for every part of every build, nor for a whole part at once (issue 7).
   */
  readonly records: () => Iterable<SearchRecord>;
  /** Hash of the records and settings: the same key gives the same index. */
  readonly key: string;
}

/**
 * A record as planned: made when its part's key is worked out, and again when the part is
 * indexed, never held meanwhile. An article's text stays in its packed body until then; the
 * timeline's records, made up front, held every event's sentence again (80 MB at 100k articles).
 */
type PlannedRecord = { readonly article: Article } | {
  readonly make: () => SearchRecord;
  readonly weight?: number;
  /** What the record is made from, for its part's key; without it, the record itself is made for that. */
  readonly key?: string;
};

export interface SearchInput {
  readonly config: Readonly<Config>;
  readonly urls: Urls;
  readonly articles: readonly Article[];
  readonly topics: readonly LinkedTopic[];
  /** The timeline's pages (pages.ts timelinePages): a search record each. */
  readonly timelinePages: readonly CalendarPage<TimelineEntry>[];
  readonly bySlug: ReadonlyMap<string, Article>;
}

/**
 * A reader's first search fetches a few files from every part: at 100k articles, 64 article parts
 * (97 in all) took 6.2 s and 358 requests on a 60 ms link, 32 (65 in all) 4.6 s and 256, while a
 * new article's warm build, 100-120 s there, did not measurably slow down (BENCHMARKS.md, session 12).
 */
const MAX_PARTS = 32;

/**
 * How many index parts an archive of `count` articles gets, about `partSize` (config
 * `searchPartSize`) each: a power of two, so parts stay stable as the archive grows.
 */
function partCount(count: number, partSize: number): number {
  let parts = 1;
  while (parts < MAX_PARTS && count > parts * partSize * 1.5) parts *= 2;
  return parts;
}

function partDir(part: number): string {
  return `part-${String(part).padStart(2, '0')}/`;
}

/** A stable part for an article: its slug's hash, so adding an article moves no other one. */
function partOf(slug: string, parts: number): number {
  return parts === 1 ? 0 : fnv1a(slug) % parts;
}

/**
 * Every record of the site, split into parts. The primary part (folder '') holds the topics, so it
 * is never empty and the search page always has one index to start from; in a split index it holds
 * no articles, because topic counts change with every new article and the primary part is
 * re-indexed each time (issue 7: re-index no more text than changed). The timeline's pages have
 * parts of their own, as many as the articles' up to 32, each calendar group's pages together:
 * an event added to a busy year shifts every later page of that year, and in the primary part the
 * timeline's sentences (80 MB at 100k articles) were indexed again for every new article, by a
 * Pagefind process that took 2 GB for it. A new article's events fall in a few groups: with a
 * quarter as many timeline parts as article parts, one article re-indexed the whole timeline at
 * 10k articles (2 parts); with as many, 2 to 4 of 8 (2-3 s less a warm build).
 */
export function planSearch(input: SearchInput): SearchPart[] {
  const { config } = input;
  const parts = partCount(input.articles.length, config.searchPartSize);
  const byPart: PlannedRecord[][] = Array.from({ length: parts }, () => []);
  for (const article of input.articles) byPart[partOf(article.slug, parts)]!.push({ article });
  const shared: PlannedRecord[] = topicRecords(input).map((make) => ({ make }));
  const timelineParts = parts === 1 ? 0 : Math.min(parts, 32);
  const byTimelinePart: PlannedRecord[][] = Array.from({ length: timelineParts }, () => []);
  for (const page of monthRecords(input)) (timelineParts ? byTimelinePart[partOf(page.group, timelineParts)]! : shared).push({ make: page.make, weight: page.weight, key: page.key });
  // A part with no records is left out: Pagefind writes an index without a language for it, which
  // the search page cannot load or merge. So when there are no topics to fill the primary part,
  // it holds the first article part that has records.
  const articleParts = byPart.map((records, i) => ({ dir: partDir(i), records })).filter((p) => p.records.length > 0);
  const first = shared.length ? -1 : 0;
  const timeline = byTimelinePart.map((records, i) => ({ dir: `timeline-${String(i).padStart(2, '0')}/`, records })).filter((p) => p.records.length > 0);
  const nonEmpty = parts === 1 ? [{ dir: '', records: [...byPart[0]!, ...shared] }]
    : [{ dir: '', records: [...(articleParts[first]?.records ?? []), ...shared] }, ...articleParts.filter((_, i) => i !== first), ...timeline];
  const settings = JSON.stringify([SEARCH_FORMAT, config.language]);
  return nonEmpty.map(({ dir, records }) => {
    // An article's text is its standfirst and its body's blocks: in the key, the standfirst and
    // the digest of the body's packed bytes stand for it.
    const hash = crypto.createHash('sha256').update(settings);
    for (const r of records) {
      if ('make' in r) hash.update(r.key ?? JSON.stringify(r.make()));
      else hash.update(JSON.stringify(articleRecord(input, r.article))).update(JSON.stringify(r.article.standfirst)).update(bodyDigest(r.article.body));
    }
    return {
      dir,
      size: records.length,
      weight: records.reduce((w, r) => w + ('article' in r ? 1 : r.weight ?? 0), 0),
      *records() {
        for (const r of records) yield 'make' in r ? r.make() : { ...articleRecord(input, r.article), content: articleText(r.article) };
      },
      key: hash.digest('hex'),
    };
  });
}

/** Bump when the shape of the records changes, so cached indexes are rebuilt. */
const SEARCH_FORMAT = 6;

// Pagefind prefixes every result URL with the folder its bundle is served from minus `pagefind/`
// (the base path), so records carry site-relative URLs: giving it `/archive/a/` under the base
// path `/archive/` produced `/archive/archive/a/`.
function rel(input: SearchInput, url: string): string {
  return `/${url.slice(input.config.basePath.length)}`;
}

/** An article's record but its text. */
function articleRecord(input: SearchInput, a: Article): Omit<SearchRecord, 'content'> {
  const outlet = a.publisher ?? UNKNOWN_PUBLISHER;
  return {
    url: rel(input, input.urls.article(a.slug)),
    meta: { title: a.title, kind: 'Article', outlet, ...(a.date ? { date: formatDate(a.date) } : {}) },
    filters: { type: ['Article'], outlet: [outlet], topic: a.topics.map((t) => t.name), ...(a.date ? { year: [a.date.slice(0, 4)] } : {}) },
  };
}

/** The text an article is found by; the headline is in meta, which Pagefind indexes too. */
function articleText(a: Article): string {
  return [a.standfirst ?? '', ...unpackBody(a).blocks.map((b) => b.text)].filter(Boolean).join('\n');
}

function topicRecords(input: SearchInput): (() => SearchRecord)[] {
  return input.topics.map((t) => () => ({
    url: rel(input, input.urls.topic(t.slug)),
    // The aliases list holds the name too: once is enough for matching and for the excerpt.
    content: [...new Set([t.name, ...t.aliases]), t.description ?? ''].filter(Boolean).join('. '),
    meta: { title: t.name, kind: `Topic · ${KIND_NAMES[t.kind].one}`, info: `${t.articles.length} article${t.articles.length === 1 ? '' : 's'}` },
    filters: { type: ['Topic'], topic: [t.name] },
  }));
}

/**
 * One record per timeline page (a month, or a page of a busy month), not per event: per-event
 * records made 8 of every 10 output files at 1k articles (issue 7). The result links to the page
 * that shows its events, where each event links on to its sentence.
 */
function monthRecords(input: SearchInput): { group: string; weight: number; key: string; make: () => SearchRecord }[] {
  // The same pages as the timeline's (pages.ts). An article is about twenty sentences.
  return input.timelinePages.map((p) => {
    const url = rel(input, input.urls.timelineMonth(p.group.key, p.page));
    const label = `${p.group.label}${p.page > 1 ? `, page ${p.page}` : ''}`;
    // The entries' digests hold their sentences, outlets and topics: all the record is made of.
    const key = `${url}\u0000${label}\u0000${entryDigests(p.items)}`;
    return { group: p.group.key, weight: p.items.reduce((n, e) => n + e.sources.length, 0) / 20, key, make: () => monthRecord(input, p, url, label) };
  });
}

function monthRecord(input: SearchInput, p: CalendarPage<TimelineEntry>, url: string, label: string): SearchRecord {
  const sources = p.items.flatMap((e) => e.sources);
  const outlets = [...new Set(sources.map((s) => input.bySlug.get(s.article)!.publisher ?? UNKNOWN_PUBLISHER))].sort();
  // The topics named in its sentences (those the topic pages list these events under).
  const topics = [...new Set(sources.flatMap((s) => s.event.topics))].sort();
  return {
    url,
    content: sources.map((s) => s.event.sentence).join(' '),
    // Article headlines stay out of meta, or every event of a report would match its headline's words.
    meta: { title: `Timeline: ${label}`, kind: 'Timeline event', info: `${p.items.length} dated event${p.items.length === 1 ? '' : 's'}`, outlet: outlets.join(', ') },
    filters: { type: ['Event'], year: [p.items[0]!.date.slice(0, 4)], outlet: outlets, topic: topics },
  };
}
