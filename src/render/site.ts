/** The render stage as a whole: linked archive in, every output file (path -> content) out. */
import crypto from 'node:crypto';
import type { Config } from '../config.js';
import type { LinkedTopic } from '../link/topics.js';
import type { Article, Site, Story, TimelineEntry } from '../model.js';
import { hashAssets, type AssetFile } from './assets.js';
import { keyHash } from './key-hash.js';
import { ARTICLE_INDEX, articleIndexEntry, articleIndexPath, articleIndexYears, exportArticleIndex, exportIndexes, exportJson, exportJsonBytes, exportTopic, topicRecordPath } from './export-json.js';
import { feedSets } from './feeds.js';
import { emitFileLater, emitFiles, latestDate, pageRenderers, renderNow, renderPages, timelineMonths, timelinePages, type OutputSink, type PageMemo, type PageRecord } from './pages.js';
import { buildSearchIndex, type SearchBundle } from './search-index.js';
import { planSearch } from './search-records.js';
import { planSitemaps } from './sitemap.js';
import type { TemplateEngine } from './templates.js';
import { createUrls } from './urls.js';
import type { RenderContext } from './views.js';

export interface RenderInput {
  readonly config: Readonly<Config>;
  readonly site: Site;
  readonly topics: readonly LinkedTopic[];
  readonly related: ReadonlyMap<string, readonly string[]>;
  readonly eventsByTopic: ReadonlyMap<string, readonly TimelineEntry[]>;
  readonly assets: readonly AssetFile[];
  /** Copied to the site root unchanged. */
  readonly statics: readonly AssetFile[];
  readonly engine: TemplateEngine;
  /** The search bundle of a previous build: a part is kept when its inputs are the same and `memo` finds its files intact. */
  readonly previousSearch?: SearchBundle | null;
  /** The page records of the build whose output is live: pages with the same record are not rendered. */
  readonly memo?: PageMemo;
  /** Source path -> the cache key its article's record was made under (see PageInput). */
  readonly recordKeys?: ReadonlyMap<string, string>;
  /**
   * Takes every file as it is rendered: a build writes them straight to a staging folder, so
   * the site is never held in memory whole.
   */
  readonly sink: OutputSink;
  /** Build the search index (false for `check`, which writes nothing: a minute of Pagefind at 100k articles). @default true */
  readonly search?: boolean;
  /**
   * Called when the pages are done, before the files made from the whole archive (feeds, data
   * indexes, sitemaps): the build lets its collector run there (heap.ts).
   */
  readonly pagesDone?: () => void;
  /** Called between slices of rendering (see renderPages): the build keeps its heap under a ceiling there (heap.ts). */
  readonly betweenSlices?: () => void;
}

/** Everything rendered, and the search bundle (for the cache). */
export interface RenderedSite {
  /** Pages (and search files) that are the same as the live ones (see PageMemo): not made again, kept as they are. */
  readonly reused: ReadonlySet<string>;
  /** Record of every page, for the next build. */
  readonly pages: ReadonlyMap<string, PageRecord>;
  readonly search: SearchBundle;
  /** Search index parts indexed this time (the others were reused from the previous bundle). */
  readonly searchPartsIndexed: number;
}

/** Renders pages, feeds, sitemaps, the data export and hashed assets. */
export async function renderSite(input: RenderInput): Promise<RenderedSite> {
  const { config, site } = input;
  const { ctx, hashed } = renderContext(input, site.articles);
  const { urls, articles } = ctx;

  // Pagefind indexes in its own processes: start it first and render meanwhile.
  const timeline = timelineMonths(site.timeline);
  const timelinePageList = timelinePages(timeline, config.pageSize);
  const parts = planSearch({ config, urls, articles: site.articles, topics: input.topics, timelinePages: timelinePageList, bySlug: articles });
  const put = input.sink;
  const searching = input.search === false ? Promise.resolve({ bundle: { parts: new Map() }, indexed: 0, kept: [] })
    : buildSearchIndex(parts, config.language, input.previousSearch, input.memo?.intact ?? (() => false), put);
  searching.catch(() => undefined); // awaited below; never an unhandled rejection meanwhile
  try {
    for (const [k, v] of hashed.files) put(k, v);
    for (const f of input.statics) put(f.name, f.bytes);
    // The primary part is the search bundle itself; the search page merges the others into it.
    const searchParts = parts.filter((p) => p.dir !== '').map((p) => p.dir);
    const pages = await renderPages({ site, topics: input.topics, ctx, engine: input.engine, eventsByTopic: input.eventsByTopic, searchParts, timelineMonths: timeline, timelinePages: timelinePageList, ...(input.memo ? { memo: input.memo } : {}), ...(input.recordKeys ? { recordKeys: input.recordKeys } : {}) }, put, input.betweenSlices);
    input.pagesDone?.();
    for (const feed of feedSets(config, urls, site.articles, input.topics, articles)) {
      const key = keyHash(`${input.memo?.dataSalt ?? ''}${feed.key}`);
      emitFiles(pages, input.memo, feed.paths, key, feed.make);
    }
    // A year of the articles' index only when a record it lists changed (all of it at 100k articles: 73 MB).
    const years = articleIndexYears(site.articles);
    for (const { year, articles: listed } of years) {
      const path = articleIndexPath(year);
      emitFiles(pages, input.memo, [path], pages.articleIndexKeys?.get(year) ?? '', () => [[path, exportJsonBytes(listed.map(articleIndexEntry), 1)]]);
    }
    put(ARTICLE_INDEX, exportJson(exportArticleIndex(years)));
    // Keyed by their JSON: each made again only when it changed.
    for (const { path, value } of exportIndexes(site, input.topics)) {
      emitFiles(pages, input.memo, [path], listKey(`${input.memo?.dataSalt ?? ''}${path}`, value), () => [[path, exportJsonBytes(value)]]);
    }
    for (const t of input.topics) {
      const path = topicRecordPath(t.slug);
      const record = exportTopic(t);
      emitFiles(pages, input.memo, [path], keyHash(`${input.memo?.dataSalt ?? ''}${path}${JSON.stringify(record)}`), () => [[path, exportJsonBytes(record, 1)]]);
    }
    const newest = site.articles.find((a) => a.date)?.date ?? null;
    // A topic page changes when an article joins it: its lastmod is its newest article's date. A
    // calendar page's is its own newest item's (PageOutput.lastmods); an index's, the archive's newest.
    const topicLastmod = new Map(input.topics.map((t) => [t.slug, latestDate(t.articles, (s) => articles.get(s)?.date)]));
    const sitemapPages = [...pages.records.keys()].filter((p) => p.endsWith('.html') && p !== '404.html' && p !== 'search/index.html').sort().map((p) => {
      const path = `${config.basePath}${p.replace(/index\.html$/, '')}`;
      const own = pages.lastmods.get(p);
      if (own) return { path, lastmod: own };
      const slug = /^articles\/([^/]+)\//.exec(p)?.[1];
      const topic = /^topics\/([^/]+)\//.exec(p)?.[1];
      return { path, lastmod: slug ? articles.get(slug)?.date ?? null : topic ? topicLastmod.get(topic) ?? newest : newest };
    });
    for (const f of planSitemaps(config, urls, sitemapPages, site.articles)) await emitFileLater(pages, input.memo, f.path, keyHash(`${input.memo?.dataSalt ?? ''}${f.key}`), f.make);
    const search = await searching;
    for (const k of search.kept) pages.reused.add(k);
    return { reused: pages.reused, pages: pages.records, search: search.bundle, searchPartsIndexed: search.indexed };
  } catch (err) {
    // The search index stops at its next file (put throws for it too); no Pagefind process is
    // left working for a render given up.
    await searching.catch(() => undefined);
    throw err;
  }
}

/** Hash of a list's JSON, item by item: the list's JSON whole is a string of 100 MB at 100k articles. */
function listKey(salt: string, list: readonly unknown[]): string {
  const hash = crypto.createHash('sha1').update(salt);
  for (const item of list) hash.update(JSON.stringify(item)).update('\n');
  return hash.digest('base64');
}

type ContextInput = Pick<RenderInput, 'config' | 'site' | 'topics' | 'related' | 'assets'>;

/** What view builders need, once per build; `articles` are those pages link to (by slug). */
function renderContext(input: ContextInput, articles: readonly Article[]) {
  const { config, site } = input;
  const urls = createUrls(config.basePath, config.url);
  const hashed = hashAssets(input.assets);
  const assetUrl = (name: string) => (hashed.names.has(name) ? urls.asset(hashed.names.get(name)!) : '');
  const storyOf = new Map<string, Story>();
  for (const s of site.stories) for (const slug of s.articles) storyOf.set(slug, s);
  const ctx: RenderContext = {
    config, urls, articles: new Map(articles.map((a) => [a.slug, a])), storyOf, related: input.related,
    topics: new Map(input.topics.map((t) => [t.name, t])),
    assets: { css: assetUrl('site.css'), js: assetUrl('site.js'), icon: assetUrl('favicon.svg') },
  };
  return { ctx, hashed };
}

/**
 * The pages of a few articles, against the links of a built site (dev mode's first answer to an
 * edit, see preview.ts): output path -> HTML.
 */
export function renderArticlePages(input: ContextInput & { readonly engine: TemplateEngine }, edited: readonly Article[]): Map<string, string> {
  const replaced = new Map(edited.map((a) => [a.slug, a]));
  const { ctx } = renderContext(input, input.site.articles.map((a) => replaced.get(a.slug) ?? a));
  const pages = new Map<string, string>();
  const out = { rendered: (k: string, v: string | Uint8Array) => void pages.set(k, v as string), reused: new Set<string>(), records: new Map(), lastmods: new Map() };
  renderNow(pageRenderers.articles!, out, { site: { ...input.site, articles: [...edited] }, topics: input.topics, ctx, engine: input.engine, eventsByTopic: new Map(), searchParts: [], timelineMonths: [], timelinePages: [], withData: false });
  return pages;
}
