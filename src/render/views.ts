/** Records to view models (house style rule 2): all formatting and URL building happens here. */
import type { Config } from '../config.js';
import type { LinkedTopic } from '../link/topics.js';
import type { Article, Story, TimelineEntry, TopicKind } from '../model.js';
import { formatDate } from './format.js';
import { jsonLdScript } from './json-ld.js';
import type { Urls } from './urls.js';
import type { ArticleCard, ArticleView, DateView, EventView, FeedLink, LayoutView, Link, MetaTag, TopicChip, TopicLink } from './view-types.js';

/** Everything view builders need, computed once per build. */
export interface RenderContext {
  readonly config: Readonly<Config>;
  readonly urls: Urls;
  readonly articles: ReadonlyMap<string, Article>;
  readonly topics: ReadonlyMap<string, LinkedTopic>;
  /** Article slug -> its story. */
  readonly storyOf: ReadonlyMap<string, Story>;
  /** Article slug -> related article slugs by shared topics. */
  readonly related: ReadonlyMap<string, readonly string[]>;
  readonly assets: { readonly css: string; readonly js: string; readonly icon: string };
}

/**
 * What a page made from one record may read besides it: no map of the archive. An article page's
 * key is its record, its links (articleLinks) and this, not its view (issue 7: building and hashing
 * every article's view was a fifth of a warm build), so its builder must not reach for anything else.
 */
export type PageContext = Pick<RenderContext, 'config' | 'urls' | 'assets'>;

export const UNKNOWN_PUBLISHER = 'Unknown outlet';

/** What a topic of each kind is called, one and many (in the order the topics index lists them). */
export const KIND_NAMES: Readonly<Record<TopicKind, { readonly one: string; readonly many: string }>> = {
  person: { one: 'Person', many: 'People' },
  place: { one: 'Place', many: 'Places' },
  organisation: { one: 'Organisation', many: 'Organisations' },
  theme: { one: 'Theme', many: 'Themes' },
};

const NAV: readonly { label: string; kind: string; href: (u: Urls) => string }[] = [
  { label: 'Latest', kind: 'home', href: (u) => u.home() },
  { label: 'Topics', kind: 'topics', href: (u) => u.topics() },
  { label: 'Timeline', kind: 'timeline', href: (u) => u.timeline() },
  { label: 'Archive', kind: 'archive', href: (u) => u.archive() },
];

/** What a page renderer says about its page; layoutView turns it into the chrome and head. */
export interface PageHead {
  readonly title: string;
  readonly description: string;
  /** Site path of the page (with the base path), for the canonical URL. */
  readonly path: string;
  readonly kind: string;
  readonly ogType?: string;
  readonly jsonLd?: unknown[];
  /** Feeds of this page's own subject (a topic), listed before the archive's. */
  readonly feeds?: FeedLink[];
  readonly breadcrumbs?: Link[];
  readonly robots?: string;
  readonly meta?: MetaTag[];
}

/** The chrome and head of any page. */
export function layoutView(ctx: PageContext, page: PageHead): LayoutView {
  const { config, urls } = ctx;
  const siteFeeds: FeedLink[] = [
    { type: 'application/rss+xml', href: urls.feed('feed.xml'), title: `${config.title} (RSS)` },
    { type: 'application/atom+xml', href: urls.feed('atom.xml'), title: `${config.title} (Atom)` },
    { type: 'application/feed+json', href: urls.feed('feed.json'), title: `${config.title} (JSON Feed)` },
  ];
  return {
    site: {
      title: config.title, description: config.description, language: config.language,
      homeHref: urls.home(), searchHref: urls.search(), topicsHref: urls.topics(), timelineHref: urls.timeline(), archiveHref: urls.archive(),
      dataHref: urls.data('articles.json'),
      feeds: { rss: urls.feed('feed.xml'), atom: urls.feed('atom.xml'), json: urls.feed('feed.json') },
    },
    page: {
      title: page.kind === 'home' && page.path === urls.home() ? config.title : `${page.title} · ${config.title}`,
      description: page.description,
      canonical: urls.absolute(page.path),
      kind: page.kind,
      ogType: page.ogType ?? 'website',
      robots: page.robots ?? null,
      meta: page.meta ?? [],
      jsonLd: (page.jsonLd ?? []).map(jsonLdScript),
      feeds: [...(page.feeds ?? []), ...siteFeeds],
      breadcrumbs: page.breadcrumbs ?? [],
    },
    nav: NAV.map((n) => ({ label: n.label, href: n.href(urls), current: n.kind === page.kind || (n.kind === 'topics' && page.kind === 'topic') })),
    assets: ctx.assets,
  };
}

/** The feeds of one topic, for its page head and its "follow" links. */
export function topicFeeds(ctx: RenderContext, t: LinkedTopic): FeedLink[] {
  const at = (file: string) => ctx.urls.feed(`topics/${t.slug}/${file}`);
  return [
    { type: 'application/rss+xml', href: at('feed.xml'), title: `${t.name} (RSS)` },
    { type: 'application/atom+xml', href: at('atom.xml'), title: `${t.name} (Atom)` },
    { type: 'application/feed+json', href: at('feed.json'), title: `${t.name} (JSON Feed)` },
  ];
}

/** `<time>` data for a calendar date, or null. */
export function dateView(date: string | null): DateView | null {
  return date ? { iso: date, label: formatDate(date) } : null;
}

/** A list entry for an article. */
export function articleCard(ctx: RenderContext, a: Article): ArticleCard {
  return { href: ctx.urls.article(a.slug), title: a.title, standfirst: a.standfirst, date: dateView(a.date), publisher: a.publisher ?? UNKNOWN_PUBLISHER };
}

/** A link to a topic, with how many articles it has. */
export function topicLink(ctx: RenderContext, t: LinkedTopic): TopicLink {
  return { ...topicChip(ctx, t), count: t.articles.length };
}

/** A link to a topic from a page about something else (see TopicChip). */
export function topicChip(ctx: RenderContext, t: LinkedTopic): TopicChip {
  return { label: t.name, href: ctx.urls.topic(t.slug), kind: t.kind };
}

/** What an article page shows of the rest of the archive, from the link stage. */
export interface ArticleLinks {
  /** The topics shown as chips (the most salient: all of them would weigh more than the text). */
  readonly topics: readonly TopicChip[];
  /** The same story told by other outlets. */
  readonly alsoReportedBy: readonly ArticleCard[];
  readonly related: readonly ArticleCard[];
}

export function articleLinks(ctx: RenderContext, a: Article): ArticleLinks {
  const story = ctx.storyOf.get(a.slug);
  const others = (story?.articles ?? []).filter((s) => s !== a.slug).map((s) => ctx.articles.get(s)!).filter(Boolean);
  const alsoIds = new Set(others.map((o) => o.slug));
  return {
    topics: a.topics.slice(0, ctx.config.articleTopics).map((t) => ctx.topics.get(t.name)).filter((t): t is LinkedTopic => !!t).map((t) => topicChip(ctx, t)),
    alsoReportedBy: others.map((o) => articleCard(ctx, o)),
    related: (ctx.related.get(a.slug) ?? []).filter((s) => !alsoIds.has(s)).slice(0, 4).map((s) => articleCard(ctx, ctx.articles.get(s)!)),
  };
}

/** The article page's own fields: the record, its links and its body, nothing else (see PageContext). */
export function articleView(a: Article, links: ArticleLinks, bodyHtml: string): ArticleView {
  return {
    title: a.title,
    standfirst: a.standfirst,
    date: dateView(a.date),
    dateNote: a.dateSource === 'text' ? `date inferred from the text ("${a.dateExpression}")` : '',
    publisher: a.publisher ?? UNKNOWN_PUBLISHER,
    credit: a.credit,
    byline: a.byline,
    readingMinutes: a.readingMinutes,
    wordCount: a.wordCount,
    bodyHtml,
    ...links,
    events: a.events.map((e) => ({ date: dateView(e.date)!, expression: e.expression, href: `#p${e.block}s${e.sentenceIndex}` })),
    furtherReading: a.furtherReading.map((f) => ({ text: f.text, outlet: f.outlet, url: f.url })),
    source: a.source,
    removedCount: a.removed.length,
  };
}

/** Timeline entries as views, each source linked to its sentence. */
export function eventViews(ctx: RenderContext, entries: readonly TimelineEntry[]): EventView[] {
  return entries.map((e) => ({
    date: dateView(e.date)!,
    granularity: e.granularity,
    ahead: e.sources.some((s) => s.event.afterPublication),
    sources: e.sources.map((s) => {
      const a = ctx.articles.get(s.article)!;
      return {
        sentence: s.event.sentence,
        expression: s.event.expression,
        publisher: a.publisher ?? UNKNOWN_PUBLISHER,
        articleTitle: a.title,
        href: `${ctx.urls.article(a.slug)}#p${s.event.block}s${s.event.sentenceIndex}`,
      };
    }),
  }));
}
