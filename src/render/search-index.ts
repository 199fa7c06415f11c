/**
 * Static search (issue 5, item 1): Pagefind indexes the rendered article pages plus one record per
 * topic (name, aliases, description) and per timeline entry, all in memory; its bundle is added to
 * the output like any other file. Filters: topic, outlet, year, and what a result is (`type`).
 */
import crypto from 'node:crypto';
import * as pagefind from 'pagefind';
import type { Config } from '../config.js';
import type { LinkedTopic } from '../link/topics.js';
import type { Article, TimelineEntry } from '../model.js';
import { escapeHtml } from './escape.js';
import { timelinePages } from './pages.js';
import type { Urls } from './urls.js';
import { UNKNOWN_PUBLISHER } from './views.js';

export interface SearchInput {
  readonly config: Readonly<Config>;
  readonly urls: Urls;
  readonly articles: readonly Article[];
  /** Output path -> rendered HTML of each article page. */
  readonly articlePages: ReadonlyMap<string, string>;
  readonly topics: readonly LinkedTopic[];
  readonly timeline: readonly TimelineEntry[];
  readonly bySlug: ReadonlyMap<string, Article>;
  /** Topic name -> timeline entries whose sentence mentions it: gives events their topic filter. */
  readonly eventsByTopic?: ReadonlyMap<string, readonly TimelineEntry[]>;
}

const KIND_LABELS: Record<string, string> = { person: 'Person', place: 'Place', organisation: 'Organisation', theme: 'Theme' };

/** Builds the Pagefind bundle; returns output path (under `pagefind/`) -> bytes. */
export async function buildSearchIndex(input: SearchInput): Promise<Map<string, Uint8Array>> {
  const { config, urls } = input;
  const language = config.language.slice(0, 2);
  // Pagefind prefixes every result URL with the folder its bundle is served from minus
  // `pagefind/` (the base path), so records carry site-relative URLs: giving it `/archive/a/`
  // under the base path `/archive/` produced `/archive/archive/a/`.
  const rel = (url: string) => `/${url.slice(config.basePath.length)}`;
  const created = await pagefind.createIndex({ forceLanguage: language, keepIndexUrl: false });
  if (!created.index) throw new Error(`search index: ${created.errors.join('; ')}`);
  const index = created.index;
  const topicsOfEvent = new Map<TimelineEntry, string[]>();
  for (const [name, entries] of input.eventsByTopic ?? []) {
    for (const e of entries) topicsOfEvent.set(e, [...(topicsOfEvent.get(e) ?? []), name]);
  }
  try {
    // Requests are pipelined: Pagefind indexes in its own process (the second core) while this one
    // keeps sending, instead of waiting for a round trip per record.
    const pending: Promise<void>[] = [];
    for (const a of input.articles) {
      const html = input.articlePages.get(`articles/${a.slug}/index.html`);
      if (html) pending.push(check(index.addHTMLFile({ url: rel(urls.article(a.slug)), content: withTopicFilters(html, a) })));
    }
    for (const t of input.topics) {
      const count = `${t.articles.length} article${t.articles.length === 1 ? '' : 's'}`;
      pending.push(check(index.addCustomRecord({
        url: rel(urls.topic(t.slug)),
        content: [t.name, ...t.aliases, t.description ?? ''].filter(Boolean).join('. '),
        language,
        meta: { title: t.name, kind: `Topic · ${KIND_LABELS[t.kind] ?? t.kind}`, info: count },
        filters: { type: ['Topic'], topic: [t.name] },
      })));
    }
    // One record per timeline month, not per event: a record is a fragment file in the bundle, and
    // per-event records made 8 of every 10 output files at 1k articles (issue 7). The result links to
    // the month on the timeline, where each event links on to its sentence.
    timelinePages(input.timeline, config.pageSize).forEach((months, i) => {
      for (const m of months) {
        const sources = m.items.flatMap((e) => e.sources);
        const outlets = [...new Set(sources.map((s) => input.bySlug.get(s.article)!.publisher ?? UNKNOWN_PUBLISHER))].sort();
        const topics = [...new Set(m.items.flatMap((e) => topicsOfEvent.get(e) ?? []))].sort();
        pending.push(check(index.addCustomRecord({
          url: rel(`${urls.timeline(i + 1)}#${m.id}`),
          content: sources.map((s) => s.event.sentence).join(' '),
          language,
          // Pagefind indexes metadata too: article headlines stay out, or every event of a report
          // would match its headline's words.
          meta: { title: `Timeline: ${m.label}`, kind: 'Timeline event', info: `${m.items.length} dated event${m.items.length === 1 ? '' : 's'}`, outlet: outlets.join(', ') },
          filters: { type: ['Event'], year: [m.items[0]!.date.slice(0, 4)], outlet: outlets, topic: topics },
        })));
      }
    });
    await Promise.all(pending);
    const files = await index.getFiles();
    if (files.errors.length) throw new Error(`search index: ${files.errors.join('; ')}`);
    return new Map(files.files.map((f) => [`pagefind/${f.path}`, f.content]));
  } finally {
    await index.deleteIndex();
  }
}

/**
 * The page shows a few topic chips; the index gets every topic of the article as a filter, added
 * to the copy Pagefind reads only, so the page a reader downloads stays small (issue 5, item 6).
 */
function withTopicFilters(html: string, a: Article): string {
  const spans = a.topics.map((t) => `<span data-pagefind-filter="topic:${escapeHtml(t.name)}"></span>`).join('');
  const at = html.lastIndexOf('</article>');
  return at < 0 ? html : `${html.slice(0, at)}${spans}${html.slice(at)}`;
}

/** A built search bundle and the key of what it indexed. */
export interface SearchBundle {
  readonly key: string;
  /** Output path (under `pagefind/`) -> bytes. */
  readonly files: ReadonlyMap<string, Uint8Array>;
}

/** Hash of everything the index is built from: the same key means the same bundle. */
export function searchKey(input: SearchInput): string {
  const hash = crypto.createHash('sha256');
  hash.update(JSON.stringify([input.config.language, input.config.basePath, input.config.pageSize]));
  for (const a of input.articles) hash.update(input.articlePages.get(`articles/${a.slug}/index.html`) ?? '').update(JSON.stringify(a.topics.map((t) => t.name)));
  hash.update(JSON.stringify(input.topics.map((t) => [t.slug, t.name, t.kind, t.aliases, t.description, t.articles.length])));
  hash.update(JSON.stringify(input.timeline.map((e) => [e.date, e.sources.map((s) => [s.article, s.event.sentence])])));
  for (const [name, entries] of input.eventsByTopic ?? []) hash.update(JSON.stringify([name, entries.map((e) => e.date + e.sources[0]!.article)]));
  return hash.digest('hex');
}

/** Stops the Pagefind service so the process can exit. */
export async function closeSearch(): Promise<void> {
  await pagefind.close();
}

async function check(p: Promise<{ errors: string[] }>): Promise<void> {
  const r = await p;
  if (r.errors.length) throw new Error(`search index: ${r.errors.join('; ')}`);
}
