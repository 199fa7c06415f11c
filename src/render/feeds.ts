/**
 * RSS 2.0, Atom and JSON Feed for the archive and for each topic (issue 5, item 2), made by the
 * `feed` package with absolute URLs from config `url`. Dates come from the articles, never the
 * clock, so two builds of the same input give the same bytes (issue 6, item 7).
 */
import { Feed } from 'feed';
import { byCodeUnit } from '../code-order.js';
import type { Config } from '../config.js';
import { topK } from '../link/top-k.js';
import type { LinkedTopic } from '../link/topics.js';
import { unpackBody } from '../article-body.js';
import { bodyDigest } from '../body-store.js';
import type { Article } from '../model.js';
import { escapeHtml, safeJson } from './escape.js';
import { keyHash } from './key-hash.js';
import type { Urls } from './urls.js';

/** Items per feed. */
export const FEED_SIZE = 30;

interface FeedSpec {
  readonly dir: string;
  readonly title: string;
  readonly description: string;
  readonly pageUrl: string;
  readonly articles: readonly Article[];
}

/** Feeds for one list of articles (newest first; undated articles cannot be feed items). */
function renderFeedSet(config: Readonly<Config>, urls: Urls, spec: FeedSpec): Map<string, string> {
  const items = spec.articles.filter((a) => a.date).slice(0, FEED_SIZE);
  const abs = (file: string) => urls.absolute(urls.feed(`${spec.dir}${file}`));
  const updated = items[0]?.date ? calendarDate(items[0].date) : new Date(Date.UTC(1970, 0, 1));
  // Atom marks titles type="html" and RSS readers treat them as HTML: the XML feeds get
  // HTML-escaped text, the JSON Feed (plain text by its spec) the text as written.
  const make = (text: (s: string) => string) => {
    const feed = new Feed({
      id: urls.absolute(spec.pageUrl),
      title: text(spec.title),
      description: text(spec.description),
      link: urls.absolute(spec.pageUrl),
      language: config.language,
      updated,
      generator: 'news-archive',
      copyright: text(`Articles belong to their publishers; compiled by ${config.title}.`),
      feedLinks: { rss: abs('feed.xml'), atom: abs('atom.xml'), json: abs('feed.json') },
    });
    for (const a of items) {
      const link = urls.absolute(urls.article(a.slug));
      feed.addItem({
        title: text(a.title),
        id: link,
        link,
        date: calendarDate(a.date!),
        published: calendarDate(a.date!),
        description: text(a.standfirst ?? unpackBody(a).blocks.find((b) => b.type === 'paragraph')?.text.slice(0, 300) ?? ''),
        ...(a.publisher || a.byline ? { author: [{ name: text(a.byline ?? a.publisher ?? '') }] } : {}),
        category: a.topics.slice(0, 5).map((t) => ({ name: text(t.name), domain: urls.absolute(urls.topic(t.slug)) })),
      });
    }
    return feed;
  };
  const xml = make(escapeHtml);
  const json = make((s) => s);
  return new Map([
    [`${spec.dir}feed.xml`, xml.rss2()],
    [`${spec.dir}atom.xml`, xml.atom1()],
    [`${spec.dir}feed.json`, safeJson(plainTextItems(json.json1()))],
  ]);
}

/** One feed set as planned: its files, a key for what they show, and how to make them. */
export interface FeedSet {
  readonly paths: readonly string[];
  /**
   * Stands for everything the files show but the config (the caller salts it): a warm build
   * makes again only the feeds whose items changed (issue 7: every topic's three files, and the
   * bodies of items without a standfirst unpacked, in every build).
   */
  readonly key: string;
  readonly make: () => Map<string, string>;
}

/**
 * The archive's feeds at the root and each topic's under `topics/<slug>/`, one topic's at a time:
 * three files of 30 items for every topic, held together, grow with the archive (issue 7).
 */
export function* feedSets(config: Readonly<Config>, urls: Urls, articles: readonly Article[], topics: readonly LinkedTopic[], bySlug: ReadonlyMap<string, Article>): Generator<FeedSet> {
  const set = (spec: FeedSpec): FeedSet => {
    // What renderFeedSet reads of each item; a body only when there is no standfirst.
    const items = spec.articles.filter((a) => a.date).slice(0, FEED_SIZE).map((a) => [a.slug, a.title, a.date, a.standfirst, a.publisher, a.byline,
      a.topics.slice(0, 5).map((t) => [t.name, t.slug]), a.standfirst == null ? bodyDigest(a.body) : null]);
    return {
      paths: ['feed.xml', 'atom.xml', 'feed.json'].map((f) => `${spec.dir}${f}`),
      key: keyHash(JSON.stringify([spec.dir, spec.title, spec.description, spec.pageUrl, items])),
      make: () => renderFeedSet(config, urls, spec),
    };
  };
  yield set({ dir: '', title: config.title, description: config.description, pageUrl: urls.home(), articles });
  for (const t of topics) {
    // Only the newest FEED_SIZE are shown: a topic of thousands is not sorted whole in every build.
    const dated = t.articles.map((s) => bySlug.get(s)!).filter((a) => a.date);
    const list = topK(dated, FEED_SIZE, (a, b) => byCodeUnit(b.date!, a.date!) || byCodeUnit(a.slug, b.slug));
    yield set({ dir: `topics/${t.slug}/`, title: `${t.name} · ${config.title}`, description: t.description ?? `Articles about ${t.name}.`, pageUrl: urls.topic(t.slug), articles: list });
  }
}

/**
 * The `feed` package puts an item's description in `content_html`, but ours is plain text: a
 * standfirst with `&` or `<` would be read as markup. JSON Feed has `content_text` for that.
 */
function plainTextItems(json: string): string {
  const feed = JSON.parse(json) as { items: Record<string, unknown>[] };
  feed.items = feed.items.map(({ content_html: text, ...item }) => ({ ...item, content_text: text ?? '' }));
  return JSON.stringify(feed, null, 4);
}

function calendarDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}
