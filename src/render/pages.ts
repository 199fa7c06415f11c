/**
 * Every HTML page of the site, rendered through the templates: returns output path -> HTML.
 * One small renderer per page kind (house style: dispatch through a map of handlers).
 */
import crypto from 'node:crypto';
import { byCodeUnit } from '../code-order.js';
import { entryDigests, entryHash } from '../link/timeline.js';
import type { LinkedTopic } from '../link/topics.js';
import { unpackBody } from '../article-body.js';
import { linkedFields } from '../article-cache.js';
import { bodyDigest } from '../body-store.js';
import type { Article, FullArticle, Site, TimelineEntry } from '../model.js';
import { breadcrumbLd, collectionLd, newsArticleLd, websiteLd } from './json-ld.js';
import { calendarPageSize, calendarPages, calendarYears, groupByMonth, groupPagination, neighbours, type CalendarGroup, type CalendarPage } from './calendar.js';
import type { TemplateEngine } from './templates.js';
import { articleIndexPath, articleRecordPath, exportArticle, exportJson, exportJsonBytes, exportTimelineEntry, exportTimelineJs, indexYear, timelinePaths } from './export-json.js';
import { keyHash } from './key-hash.js';
import { mixedHash } from '../string-hash.js';
import { outputPathFor } from './urls.js';
import { formatMonth } from './format.js';
import { KIND_NAMES, articleCard, articleLinks, articleView, eventViews, layoutView, topicChip, topicFeeds, topicLink, type ArticleLinks, type PageContext, type RenderContext } from './views.js';

/** What a page was rendered from, for the next build: the same key gives the same bytes. */
export interface PageRecord {
  /** Hash of the templates, the config and the page's view model (an article page's: its record and links, see PageContext). */
  readonly key: string;
  /** Bytes of the rendered page. */
  readonly size: number;
}

/** Takes each file as it is rendered: into a map, or straight to disk in a cold build (write/spool.ts). */
export type OutputSink = (path: string, content: string | Uint8Array) => void;

/** Every page of the site: those rendered this time, and those reused as they are. */
export interface PageOutput {
  /** Takes the HTML of each page rendered this time. */
  readonly rendered: OutputSink;
  /** Pages whose live file is already right (same key, same size): kept as they are. */
  readonly reused: Set<string>;
  /** Output path -> record of every page, in render order. */
  readonly records: Map<string, PageRecord>;
  /**
   * Output path -> a calendar page's last change for the sitemap: the newest publication date of
   * what it lists (a month's or a topic year's page). Other pages' are found from their paths (site.ts).
   */
  readonly lastmods: Map<string, string>;
  /**
   * Key of each year of the articles' index (`data/archive/<year>.json`), made as the article pages
   * are: each index entry shows fields of its article's record alone, so the key is their hashes
   * in order. The files themselves are made after the pages (site.ts), each only when its key changed.
   */
  articleIndexKeys?: ReadonlyMap<string, string>;
}

/** The page records of the previous build and the hash of what every page depends on besides its view. */
export interface PageMemo {
  readonly previous: ReadonlyMap<string, PageRecord>;
  /** Hash of the templates and the config. */
  readonly salt: string;
  /**
   * Hash of the config alone, for the files made without the templates (the data export, the
   * feeds): a template edit renders every page again, and made these again too, to find the same
   * bytes (at 10k articles, 10k data records, the timeline's year files and each topic's feeds).
   */
  readonly dataSalt: string;
  /**
   * Whether the live file is on record with this size and still has it (not deleted or edited by
   * hand since); always false when nothing of the live site may be kept.
   * Asked while rendering, so a reused page needs nothing kept to render it later: keeping each
   * page's view for that ran a warm build of 100k articles out of memory.
   */
  readonly intact: (path: string, size: number) => boolean;
}

interface PageInput {
  readonly site: Site;
  readonly topics: readonly LinkedTopic[];
  readonly ctx: RenderContext;
  readonly engine: TemplateEngine;
  /** Topic name -> timeline entries whose sentence mentions it. */
  readonly eventsByTopic: ReadonlyMap<string, readonly TimelineEntry[]>;
  /** Without one, every page is rendered (and gets a record for the next build). */
  readonly memo?: PageMemo;
  /** Folders (under `pagefind/`) of the search index parts the search page merges into the primary one. */
  readonly searchParts: readonly string[];
  readonly timelineMonths: readonly CalendarGroup<TimelineEntry>[];
  /** Their pages (timelinePages), for the timeline's pages and data files. */
  readonly timelinePages: readonly CalendarPage<TimelineEntry>[];
  /**
   * Source path -> the cache key its article's record was made under (article-cache.ts): with
   * what link changed of the record, it stands for the record in its pages' keys. Without one,
   * the record is hashed whole.
   */
  readonly recordKeys?: ReadonlyMap<string, string>;
  /** Whether article pages come with their records of the data export. @default true */
  readonly withData?: boolean;
}

type PageMap = PageOutput;


/**
 * Renders one page under its output path, unless its view model, the templates and the config are
 * those of the page the last build wrote there (issue 7: a warm build renders what changed).
 */
function emit(out: PageMap, input: PageInput, url: string, template: string, view: object): void {
  emitKeyed(out, input, url, template, JSON.stringify(view), () => view);
}

/**
 * emit for a page whose key is given as text: its view but for the parts keyed by their hashes
 * (cards, timeline entries), and the view itself made only if the page is.
 */
function emitKeyed(out: PageMap, input: PageInput, url: string, template: string, keyText: string, view: () => object): void {
  const key = keyHash(`${input.memo?.salt ?? ''}${template}${keyText}`);
  emitFile(out, input.memo, outputPathFor(url, input.ctx.config.basePath), key, () => input.engine.render(template, view()));
}

/**
 * A topic page (or a year of one): its view's `articles` are the cards of `listed`, in its key by
 * each card's hash, made once a build, and its `topic.events` the views of `events`, in its key by
 * their digests. Topic pages' cards were 53 of the 63 MB of views a warm build of 10k articles
 * hashed (issue 7).
 */
function emitTopicPage(out: PageMap, input: PageInput, url: string, view: { readonly topic: object; readonly [field: string]: unknown }, listed: readonly Article[], events: readonly TimelineEntry[]): void {
  const { ctx } = input;
  emitKeyed(out, input, url, 'topic', `${JSON.stringify(view)}${listed.map((a) => cardKey(ctx, a)).join('')}\u0000${entryDigests(events)}`, () => ({
    ...view,
    topic: { ...view.topic, events: groupByMonth(eventViews(ctx, events), (e) => e.date.iso) },
    articles: listed.map((a) => articleCard(ctx, a)),
  }));
}

/** Each article's card hash, by build (its render context). */
const cardKeys = new WeakMap<RenderContext, Map<Article, string>>();

function cardKey(ctx: RenderContext, a: Article): string {
  let keys = cardKeys.get(ctx);
  if (!keys) cardKeys.set(ctx, (keys = new Map()));
  let key = keys.get(a);
  if (key === undefined) keys.set(a, (key = keyHash(JSON.stringify(articleCard(ctx, a)))));
  return key;
}

/** Makes the file under `path` unless the one the last build wrote there had the same key. */
function emitFile(out: PageMap, memo: PageMemo | undefined, path: string, key: string, make: () => string | Uint8Array): void {
  emitFiles(out, memo, [path], key, () => [[path, make()]]);
}

/**
 * Makes the files of `paths` together, unless each one the last build wrote there had the same key
 * (a feed set: three files from one list of items).
 */
export function emitFiles(out: PageMap, memo: PageMemo | undefined, paths: readonly string[], key: string, make: () => Iterable<readonly [string, string | Uint8Array]>): void {
  if (keep(out, memo, paths, key)) return;
  for (const [p, text] of make()) put(out, p, key, text);
}

/** emitFile for a file made asynchronously (a sitemap, made through the `sitemap` package's streams). */
export async function emitFileLater(out: PageMap, memo: PageMemo | undefined, path: string, key: string, make: () => Promise<string>): Promise<void> {
  if (!keep(out, memo, [path], key)) put(out, path, key, await make());
}

/** Keeps the files of `paths` as the last build wrote them, if each has the same key and is intact. */
function keep(out: PageMap, memo: PageMemo | undefined, paths: readonly string[], key: string): boolean {
  const previous = paths.map((p) => memo?.previous.get(p));
  if (!previous.every((r, i) => r?.key === key && memo!.intact(paths[i]!, r.size))) return false;
  paths.forEach((p, i) => {
    out.reused.add(p);
    out.records.set(p, previous[i]!);
  });
  return true;
}

function put(out: PageMap, path: string, key: string, text: string | Uint8Array): void {
  out.rendered(path, text);
  out.records.set(path, { key, size: typeof text === 'string' ? Buffer.byteLength(text) : text.byteLength });
}

/**
 * The latest of some items' ISO dates, null for none: a scan (sorting each topic's dates took 1.6 s
 * of a build at 100k articles), over an array (a generator over every calendar page's items took
 * 1.5 s of one).
 */
export function latestDate<T>(items: readonly T[], dateOf: (item: T) => string | null | undefined): string | null {
  let latest = '';
  for (const item of items) {
    const d = dateOf(item);
    if (d && d > latest) latest = d;
  }
  return latest || null;
}

/**
 * Notes a calendar page's last change (see PageOutput.lastmods): the newest `dateOf` its items,
 * or of the whole group's on its first page, which shows the group's count.
 */
function noteLastmod<T>(out: PageMap, input: PageInput, url: string, p: CalendarPage<T>, dateOf: (item: T) => string | null | undefined): void {
  const latest = latestDate(p.page === 1 ? p.group.items : p.items, dateOf);
  if (latest) out.lastmods.set(outputPathFor(url, input.ctx.config.basePath), latest);
}

/** The timeline's months (and years, for year-only dates), in date order. */
export function timelineMonths(timeline: readonly TimelineEntry[]): CalendarGroup<TimelineEntry>[] {
  return groupByMonth(timeline, (e) => e.date);
}

/**
 * The pages of the timeline's months: made once a build for its pages, its data files and its
 * search records (each cut them on its own, 0.5 s of a warm build at 100k articles).
 */
export function timelinePages(months: readonly CalendarGroup<TimelineEntry>[], pageSize: number): CalendarPage<TimelineEntry>[] {
  return calendarPages(months, calendarPageSize(pageSize), entryHash);
}

/** An article's hash for its month's or year's page boundaries (stablePages): its slug's. */
const articleHash = (a: Article) => mixedHash(a.slug);

/** The crumb of a group's later page: with it, the group's own crumb links back to its first page. */
function pageCrumb<T>(p: CalendarPage<T>, url: string): { label: string; href: string }[] {
  return p.page > 1 ? [{ label: `Page ${p.page}`, href: url }] : [];
}

/** A part of the site paged by month (archive, timeline): its name, index and month pages. */
interface MonthSection {
  readonly label: string;
  readonly kind: string;
  readonly href: string;
  readonly page: (key: string, page?: number) => string;
}

/** What every month page of a section has: its head, breadcrumbs, neighbouring months and pages. */
function monthPage<T>(ctx: RenderContext, section: MonthSection, groups: readonly CalendarGroup<T>[], p: CalendarPage<T>, description: string) {
  const url = section.page(p.group.key, p.page);
  const crumbs = [{ label: section.label, href: section.href }, { label: p.group.label, href: section.page(p.group.key) }, ...pageCrumb(p, url)];
  const title = `${section.label}: ${p.group.label}${p.page > 1 ? `, page ${p.page}` : ''}`;
  return {
    url,
    view: {
      ...layoutView(ctx, { title, description, path: url, kind: section.kind, breadcrumbs: crumbs, jsonLd: [breadcrumbLd(crumbs, ctx.urls.absolute)] }),
      index: false,
      calendar: [],
      // The month's count on its first page only (see Pagination.total).
      total: p.page === 1 ? p.group.items.length : null,
      neighbours: neighbours(groups, p.group.key, (k) => section.page(k)),
      pagination: groupPagination(p, section.page),
    },
  };
}

/**
 * A topic's articles by year of publication, oldest first, undated ones last. `dated` are its
 * dated articles in date order (datedByTopic), `articles` all of them in the topic's order.
 */
function yearGroups(dated: readonly Article[], articles: readonly Article[]): CalendarGroup<Article>[] {
  const undated = articles.filter((a) => !a.date);
  const groups = groupByMonth(dated, (a) => a.date!.slice(0, 4));
  return undated.length ? [...groups, { key: 'undated', id: 'undated', label: 'Undated', items: undated }] : groups;
}

/**
 * The dated articles of each of the named topics, by date and then slug: the archive put in that
 * order once and dealt out to its articles' topics. Each large topic's list sorted on its own
 * took 0.2 s of a +1 build at 10k articles (issue 7).
 */
export function datedByTopic(articles: readonly Article[], names: ReadonlySet<string>): Map<string, Article[]> {
  const byTopic = new Map<string, Article[]>([...names].map((n) => [n, []]));
  if (!names.size) return byTopic;
  const dated = articles.filter((a) => a.date).sort((a, b) => byCodeUnit(a.date!, b.date!) || byCodeUnit(a.slug, b.slug));
  for (const a of dated) for (const t of a.topics) byTopic.get(t.name)?.push(a);
  return byTopic;
}

/** Hash of an article's record, body included: by the key it was made under if known (see PageInput.recordKeys). */
function ownKey(input: PageInput, a: Article): string {
  const made = input.recordKeys?.get(a.source);
  if (made !== undefined) return keyHash(`made:${made}${linkedFields(a)}`);
  const { body, ...rest } = a;
  return keyHash(`${JSON.stringify(rest)}${bodyDigest(body)}`);
}

/** Events shown on a topic page; earlier ones are on the timeline. */
export const TOPIC_EVENTS = 40;

/** An article page's view: from the record, its links and the page context only (see PageContext). */
function articlePage(pc: PageContext, a: Article, links: ArticleLinks, body: FullArticle) {
  const url = pc.urls.article(a.slug);
  const view = articleView(a, links, body.bodyHtml);
  const crumbs = [{ label: 'Latest', href: pc.urls.home() }, { label: a.title, href: url }];
  const topics = links.topics.map((t) => ({ name: t.label, url: pc.urls.absolute(t.href), kind: t.kind }));
  const meta = a.date ? [{ property: 'article:published_time', content: a.date }] : [];
  return {
    ...layoutView(pc, {
      title: a.title, description: a.standfirst ?? firstWords(body), path: url, kind: 'article', ogType: 'article', meta,
      jsonLd: [newsArticleLd(pc.config, a, pc.urls.absolute(url), topics), breadcrumbLd(crumbs, pc.urls.absolute)],
      breadcrumbs: crumbs,
    }),
    article: view,
  };
}

/**
 * One renderer per page kind. Each yields after a page (or a few), so a caller can give the event
 * loop a turn between pages (see renderPages).
 */
type PageRenderer = (out: PageMap, input: PageInput) => Generator<void, void, undefined>;

export const pageRenderers: Record<string, PageRenderer> = {
  *home(out, input) {
    const { ctx, site } = input;
    const dates = site.articles.map((a) => a.date).filter((d): d is string => !!d).sort();
    const span = dates.length ? [formatMonth(dates[0]!), formatMonth(dates.at(-1)!)].filter((d, i, all) => all.indexOf(d) === i).join(' – ') : '';
    // The most covered topics, for readers who browse rather than search.
    const topTopics = input.topics.slice().sort((a, b) => b.articles.length - a.articles.length || a.name.localeCompare(b.name)).slice(0, 12).map((t) => topicLink(ctx, t));
    // One page: older articles are in the archive, by month. Pages of "Latest" counted from the
    // newest would all shift with each new article (issue 7).
    const url = ctx.urls.home();
    emit(out, input, url, 'home', {
      ...layoutView(ctx, { title: 'Latest', description: ctx.config.description, path: url, kind: 'home', jsonLd: [websiteLd(ctx.config, ctx.urls.absolute(ctx.urls.search()))] }),
      articles: site.articles.slice(0, ctx.config.pageSize).map((a) => articleCard(ctx, a)),
      more: Math.max(0, site.articles.length - ctx.config.pageSize),
      stats: { articles: site.articles.length, topics: input.topics.length, events: site.timeline.length, outlets: new Set(site.articles.map((a) => a.publisher)).size, span },
      topTopics,
    });
  },

  *articles(out, input) {
    const { ctx } = input;
    const pc: PageContext = { config: ctx.config, urls: ctx.urls, assets: ctx.assets };
    const salt = input.memo?.salt ?? '';
    const dataSalt = input.memo?.dataSalt ?? '';
    const assets = JSON.stringify(ctx.assets);
    const index = new Map<string, crypto.Hash>();
    for (const a of input.site.articles) {
      const url = ctx.urls.article(a.slug);
      // The body is unpacked (read back from the body file, inflated) only for a page or record
      // made this time: what the page shows of it is keyed by its digest, so a warm build does
      // not unpack every article to find that nothing changed (issue 7).
      let unpacked: FullArticle | undefined;
      const full = () => (unpacked ??= unpackBody(a));
      // The record's own fields and its body, hashed once for the page and its data record.
      const own = ownKey(input, a);
      const year = indexYear(a);
      let yearKey = index.get(year);
      if (!yearKey) index.set(year, (yearKey = crypto.createHash('sha1').update(`${dataSalt}${articleIndexPath(year)}`)));
      yearKey.update(own);
      // The page is made from the record, its links and the page context alone (articlePage):
      // they are its key, so its view is built only for a page made this time.
      const links = articleLinks(ctx, a);
      const key = keyHash(`${salt}article${own}${assets}${JSON.stringify(links)}`);
      emitFile(out, input.memo, outputPathFor(url, ctx.config.basePath), key, () => input.engine.render('article', articlePage(pc, a, links, full())));
      // Not a page but made like one: the article's record of the data export, written only when
      // it changed (one file of every record would be 1.3 GB at 100k articles). Made here, from
      // the body unpacked for the page, not unpacked again in a pass of its own.
      if (input.withData !== false) {
        const key = keyHash(`${dataSalt}${own}`);
        emitFile(out, input.memo, articleRecordPath(a.slug), key, () => exportJson(exportArticle(full())));
      }
      yield;
    }
    out.articleIndexKeys = new Map([...index].map(([year, hash]) => [year, hash.digest('base64')]));
  },

  *topicsIndex(out, input) {
    const { ctx } = input;
    const url = ctx.urls.topics();
    const groups = Object.entries(KIND_NAMES).map(([kind, { many: label }]) => {
      const topics = input.topics.filter((t) => t.kind === kind).sort((a, b) => b.articles.length - a.articles.length || a.name.localeCompare(b.name));
      return { id: kind, label, count: topics.length, topics: topics.map((t) => topicLink(ctx, t)) };
    }).filter((g) => g.count > 0);
    const description = `People, places, organisations and themes in ${ctx.config.title}.`;
    emit(out, input, url, 'topics', {
      ...layoutView(ctx, { title: 'Topics', description, path: url, kind: 'topics', jsonLd: [collectionLd('Topics', description, ctx.urls.absolute(url), [])] }),
      groups,
    });
  },

  *topics(out, input) {
    const { ctx } = input;
    const limit = calendarPageSize(ctx.config.pageSize);
    const dated = datedByTopic(input.site.articles, new Set(input.topics.filter((t) => t.articles.length > limit).map((t) => t.name)));
    for (const t of input.topics) {
      const articles = t.articles.map((s) => ctx.articles.get(s)!);
      const events = input.eventsByTopic.get(t.name) ?? [];
      const url = ctx.urls.topic(t.slug);
      const kindLabel = KIND_NAMES[t.kind].one;
      // A topics-file description can be a few words: the count makes it a useful summary too.
      const count = `${t.articles.length} article${t.articles.length === 1 ? '' : 's'} about ${t.name} in ${ctx.config.title}${events.length ? `, and ${events.length} dated event${events.length === 1 ? '' : 's'}` : ''}.`;
      const description = t.description ? `${t.description.replace(/\.?$/, '.')} ${count}` : count;
      const crumbs = [{ label: 'Topics', href: ctx.urls.topics() }, { label: t.name, href: url }];
      // A large topic shows its most relevant articles and lists the rest by year, one page a year
      // (paginated inside it): a new article changes its year's page, not a run of pages after it.
      const byYear = articles.length > limit ? yearGroups(dated.get(t.name)!, articles) : [];
      const list = byYear.length ? articles.slice(0, ctx.config.pageSize) : articles;
      const yearHref = (key: string, page?: number) => ctx.urls.topicYear(t.slug, key, page);
      const feeds = { rss: ctx.urls.feed(`topics/${t.slug}/feed.xml`), atom: ctx.urls.feed(`topics/${t.slug}/atom.xml`), json: ctx.urls.feed(`topics/${t.slug}/feed.json`) };
      const headFeeds = topicFeeds(ctx, t);
      // The most recent events only: a topic page must not grow with the archive (issue 7).
      const recent = events.slice(-TOPIC_EVENTS);
      emitTopicPage(out, input, url, {
        ...layoutView(ctx, {
          title: t.name, description, path: url, kind: 'topic', breadcrumbs: crumbs,
          jsonLd: [
            collectionLd(t.name, description, ctx.urls.absolute(url), list.map((a) => ({ url: ctx.urls.absolute(ctx.urls.article(a.slug)), name: a.title })),
              { name: t.name, url: ctx.urls.absolute(url), kind: t.kind, aliases: t.aliases, description: t.description }),
            breadcrumbLd(crumbs, ctx.urls.absolute),
          ],
          feeds: headFeeds,
        }),
        topic: {
          name: t.name, kind: kindLabel, description: t.description, aliases: t.aliases.filter((a) => a !== t.name),
          count: t.articles.length,
          related: t.related.map((n) => ctx.topics.get(n)).filter((x): x is LinkedTopic => !!x).map((x) => topicChip(ctx, x)),
          earlierEvents: Math.max(0, events.length - TOPIC_EVENTS),
          timelineHref: ctx.urls.timeline(),
          feeds,
        },
        index: true,
        years: byYear.map((g) => ({ label: g.label, href: yearHref(g.key), count: g.items.length })),
        neighbours: { prev: null, next: null },
        pagination: { current: 1, total: 1, prev: null, next: null },
      }, list, recent);
      for (const p of calendarPages(byYear, limit, articleHash)) {
        const pageUrl = yearHref(p.group.key, p.page);
        noteLastmod(out, input, pageUrl, p, (a) => a.date);
        const title = `${t.name}: ${p.group.label}${p.page > 1 ? `, page ${p.page}` : ''}`;
        const yearCrumbs = [...crumbs, { label: p.group.label, href: yearHref(p.group.key) }, ...pageCrumb(p, pageUrl)];
        emitTopicPage(out, input, pageUrl, {
          ...layoutView(ctx, {
            title, description: `Articles about ${t.name} ${p.group.key === 'undated' ? 'without a publication date' : `published in ${p.group.label}`}, in ${ctx.config.title}.`,
            path: pageUrl, kind: 'topic', breadcrumbs: yearCrumbs, jsonLd: [breadcrumbLd(yearCrumbs, ctx.urls.absolute)], feeds: headFeeds,
          }),
          topic: {
            name: t.name, kind: kindLabel, description: null, aliases: [], count: p.page === 1 ? p.group.items.length : null, related: [], earlierEvents: 0,
            timelineHref: ctx.urls.timeline(), period: p.group.label, href: url,
            feeds,
          },
          index: false,
          years: [],
          neighbours: neighbours(byYear, p.group.key, (k) => yearHref(k)),
          pagination: groupPagination(p, yearHref),
        }, p.items, []);
      }
      yield;
    }
  },

  *timeline(out, input) {
    const { ctx, site } = input;
    const groups = input.timelineMonths;
    const limit = calendarPageSize(ctx.config.pageSize);
    const description = `What happened when, as reported in ${ctx.config.title}: every dated event, linked to its sentence.`;
    const url = ctx.urls.timeline();
    const small = site.timeline.length <= limit;
    emit(out, input, url, 'timeline', {
      ...layoutView(ctx, { title: 'Timeline', description, path: url, kind: 'timeline', jsonLd: [collectionLd('Timeline', description, ctx.urls.absolute(url), [])] }),
      index: true,
      calendar: calendarYears(groups, (k) => ctx.urls.timelineMonth(k)),
      // A small timeline is read on one page; a large one month by month.
      months: small ? groups.map((m) => ({ id: m.id, label: m.label, href: ctx.urls.timelineMonth(m.key), items: eventViews(ctx, m.items) })) : [],
      total: site.timeline.length,
      yearOnly: false,
      archiveHref: ctx.urls.archive(),
      neighbours: { prev: null, next: null },
      pagination: { current: 1, total: 1, prev: null, next: null },
    });
    const section = { label: 'Timeline', kind: 'timeline', href: url, page: ctx.urls.timelineMonth };
    // An entry's date for the sitemap: the newest publication of its sources.
    const sourceDate = (s: TimelineEntry['sources'][number]) => ctx.articles.get(s.article)?.date;
    const entryLatest = (e: TimelineEntry) => latestDate(e.sources, sourceDate);
    for (const p of input.timelinePages) {
      const page = monthPage(ctx, section, groups, p, `Events of ${p.group.label} reported in ${ctx.config.title}, each linked to its sentence.`);
      noteLastmod(out, input, page.url, p, entryLatest);
      const month = { id: p.group.id, label: p.group.label, href: null };
      const view = { ...page.view, months: [month], yearOnly: p.group.key.length === 4, archiveHref: ctx.urls.archive() };
      // Its events in the key by their digests: their sentences were most of the timeline's views.
      emitKeyed(out, input, page.url, 'timeline', `${JSON.stringify(view)}\u0000${entryDigests(p.items)}`, () => ({ ...view, months: [{ ...month, items: eventViews(ctx, p.items) }] }));
      yield;
    }
  },

  *archive(out, input) {
    const { ctx, site } = input;
    const dated = site.articles.filter((a) => a.date).slice().reverse();
    const undated = site.articles.filter((a) => !a.date);
    const groups = groupByMonth(dated, (a) => a.date!);
    const all = undated.length ? [...groups, { key: 'undated', id: 'undated', label: 'Undated', items: undated }] : groups;
    const limit = calendarPageSize(ctx.config.pageSize);
    const description = `Every article in ${ctx.config.title} by publication date, oldest first.`;
    const url = ctx.urls.archive();
    const small = site.articles.length <= limit;
    const cards = (list: readonly Article[]) => list.map((a) => articleCard(ctx, a));
    emit(out, input, url, 'archive', {
      ...layoutView(ctx, { title: 'Archive', description, path: url, kind: 'archive', jsonLd: [collectionLd('Archive', description, ctx.urls.absolute(url), [])] }),
      index: true,
      calendar: calendarYears(groups, (k) => ctx.urls.archiveMonth(k)),
      months: small ? groups.map((m) => ({ id: m.id, label: m.label, href: ctx.urls.archiveMonth(m.key), items: cards(m.items) })) : [],
      undated: small ? cards(undated) : [],
      undatedLink: !small && undated.length ? { href: ctx.urls.archiveMonth('undated'), count: undated.length } : null,
      total: site.articles.length,
      neighbours: { prev: null, next: null },
      pagination: { current: 1, total: 1, prev: null, next: null },
    });
    const section = { label: 'Archive', kind: 'archive', href: url, page: ctx.urls.archiveMonth };
    for (const p of calendarPages(all, limit, articleHash)) {
      const page = monthPage(ctx, section, all, p, `Articles of ${p.group.label} in ${ctx.config.title}, oldest first.`);
      noteLastmod(out, input, page.url, p, (a) => a.date);
      const isUndated = p.group.key === 'undated';
      emit(out, input, page.url, 'archive', {
        ...page.view,
        months: isUndated ? [] : [{ id: p.group.id, label: p.group.label, href: null, items: cards(p.items) }],
        undated: isUndated ? cards(p.items) : [],
        undatedLink: null,
      });
      yield;
    }
  },

  *search(out, input) {
    const { ctx } = input;
    const url = ctx.urls.search();
    emit(out, input, url, 'search', {
      // Result pages are the reader's own query: nothing for a search engine to index.
      ...layoutView(ctx, { title: 'Search', description: `Search ${ctx.config.title}: articles, topics and dated events.`, path: url, kind: 'search', robots: 'noindex' }),
      topicsHref: ctx.urls.topics(),
      archiveHref: ctx.urls.archive(),
      bundle: `${ctx.config.basePath}pagefind/`,
      parts: input.searchParts.map((d) => `${ctx.config.basePath}pagefind/${d}`),
    });
  },

  *notFound(out, input) {
    const { ctx } = input;
    emit(out, input, `${ctx.config.basePath}404.html`, '404', {
      ...layoutView(ctx, { title: 'Page not found', description: 'This page does not exist.', path: `${ctx.config.basePath}404.html`, kind: '404', robots: 'noindex' }),
      latest: input.site.articles.slice(0, 5).map((a) => articleCard(ctx, a)),
    });
  },

  // The timeline's data files, a page each (as the timeline's pages), made only when the page's entries changed, and their index.
  *timelineData(out, input) {
    const { ctx } = input;
    const pages = input.timelinePages;
    const index = pages.map(({ group, page, items }) => {
      const paths = timelinePaths(group.key, page);
      return { period: group.key, page, entries: items.length, file: paths.timeline.slice('data/'.length), timelinejs: paths.timelineJs.slice('data/'.length) };
    });
    out.rendered('data/timeline.json', exportJson(index));
    for (const { group, page, items } of pages) {
      // The digests hold all both files show of an entry (TimelineJS slides name each source's
      // outlet); the title names the page.
      const title = `${ctx.config.title}: ${group.label}${page > 1 ? `, page ${page}` : ''}`;
      const key = keyHash(`${input.memo?.dataSalt ?? ''}${title}\u0000${entryDigests(items)}`);
      const paths = timelinePaths(group.key, page);
      emitFile(out, input.memo, paths.timeline, key, () => exportJsonBytes(items.map(exportTimelineEntry), 1));
      emitFile(out, input.memo, paths.timelineJs, key, () => exportJsonBytes(exportTimelineJs(title, items, ctx.articles, (slug) => ctx.urls.absolute(ctx.urls.article(slug)))));
      yield;
    }
  },
};

/** Longest stretch of rendering between two turns of the event loop. */
const SLICE_MS = 20;

/**
 * Renders every page of the site whose inputs changed. The event loop gets a turn every SLICE_MS:
 * the search index is built by Pagefind processes this thread feeds (search-index.ts), and a
 * render that never let go of the thread left them idle until every page was done (issue 7: at
 * 10k articles, 10 s of rendering and then 11 s of indexing, one after the other). `betweenSlices`
 * runs at each turn.
 */
export async function renderPages(input: PageInput, sink: OutputSink, betweenSlices?: () => void): Promise<PageOutput> {
  const out: PageOutput = { rendered: sink, reused: new Set(), records: new Map(), lastmods: new Map() };
  let slice = performance.now();
  for (const render of Object.values(pageRenderers)) {
    for (const pages = render(out, input); !pages.next().done;) {
      if (performance.now() - slice < SLICE_MS) continue;
      betweenSlices?.();
      await new Promise((resolve) => setImmediate(resolve));
      slice = performance.now();
    }
  }
  return out;
}

/** Runs one renderer to the end without letting go of the thread (a few pages: dev's preview). */
export function renderNow(render: PageRenderer, out: PageOutput, input: PageInput): void {
  for (const pages = render(out, input); !pages.next().done;);
}

function firstWords(a: FullArticle): string {
  const text = a.blocks.find((b) => b.type === 'paragraph')?.text ?? a.title;
  return text.length > 160 ? `${text.slice(0, 157).replace(/\s+\S*$/, '')}…` : text;
}
