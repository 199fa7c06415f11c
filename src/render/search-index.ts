/**
 * Static search (issue 5, item 1): Pagefind indexes the rendered article pages plus one record per
 * topic (name, aliases, description) and per timeline entry, all in memory; its bundle is added to
 * the output like any other file. Filters: topic, outlet, year, and what a result is.
 */
import * as pagefind from 'pagefind';
import type { Config } from '../config.js';
import type { LinkedTopic } from '../link/topics.js';
import type { Article, TimelineEntry } from '../model.js';
import { formatDate } from './format.js';
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
}

/** Builds the Pagefind bundle; returns output path (under `pagefind/`) -> bytes. */
export async function buildSearchIndex(input: SearchInput): Promise<Map<string, Uint8Array>> {
  const { config, urls } = input;
  const language = config.language.slice(0, 2);
  const created = await pagefind.createIndex({ forceLanguage: language, keepIndexUrl: false });
  if (!created.index) throw new Error(`search index: ${created.errors.join('; ')}`);
  const index = created.index;
  try {
    for (const a of input.articles) {
      const file = `articles/${a.slug}/index.html`;
      const html = input.articlePages.get(file);
      if (html) await check(index.addHTMLFile({ url: urls.article(a.slug), content: html }));
    }
    for (const t of input.topics) {
      await check(index.addCustomRecord({
        url: urls.topic(t.slug),
        content: [t.name, ...t.aliases, t.description ?? ''].join('. '),
        language,
        meta: { title: `${t.name} (topic)`, kind: t.kind },
        filters: { type: ['Topic'], topic: [t.name] },
      }));
    }
    for (const e of input.timeline) {
      const first = e.sources[0]!;
      const a = input.bySlug.get(first.article)!;
      await check(index.addCustomRecord({
        url: `${urls.article(a.slug)}#p${first.event.block}s${first.event.sentenceIndex}`,
        content: e.sources.map((s) => s.event.sentence).join(' '),
        language,
        meta: { title: `${formatDate(e.date)}: ${first.event.expression}`, date: formatDate(e.date), outlet: a.publisher ?? UNKNOWN_PUBLISHER },
        filters: { type: ['Event'], year: [e.date.slice(0, 4)], outlet: [...new Set(e.sources.map((s) => input.bySlug.get(s.article)!.publisher ?? UNKNOWN_PUBLISHER))] },
      }));
    }
    const files = await index.getFiles();
    if (files.errors.length) throw new Error(`search index: ${files.errors.join('; ')}`);
    return new Map(files.files.map((f) => [`pagefind/${f.path}`, f.content]));
  } finally {
    await index.deleteIndex();
  }
}

/** Stops the Pagefind service so the process can exit. */
export async function closeSearch(): Promise<void> {
  await pagefind.close();
}

async function check(p: Promise<{ errors: string[] }>): Promise<void> {
  const r = await p;
  if (r.errors.length) throw new Error(`search index: ${r.errors.join('; ')}`);
}
