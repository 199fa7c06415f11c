/**
 * Dev mode's first answer to an edit (issue 7: an edited article to its written page at once, at
 * any archive size). The edited article alone is normalized, extracted and rendered against the
 * links of the last build (its slug, its topics' pages, its story, its related articles), and its
 * page written in place. The full rebuild that follows brings every other page (topic lists, the
 * timeline, search) up to date, and the article's page too if its links changed.
 *
 * Anything the preview cannot answer for alone returns null and waits for the full rebuild: a new
 * or removed file, a new slug (a changed headline or `slug:` moves the page), front matter errors,
 * a draft.
 */
import path from 'node:path';
import { cloneForLink } from './article-cache.js';
import type { Config } from './config.js';
import { SourceError } from './diagnostics.js';
import type { Gazetteer } from './extract/index.js';
import type { LinkedTopic } from './link/index.js';
import { readSource } from './load/index.js';
import type { Article, Site } from './model.js';
import { parseFrontMatter } from './normalize/index.js';
import { furnitureOf, type CorpusFurniture } from './process-articles.js';
import { processArticle } from './process-article.js';
import { renderArticlePages, type TemplateEngine } from './render/index.js';
import type { AssetFile } from './render/assets.js';

/** What a build keeps for previews: its inputs to the per-article stages and its links. */
export interface PreviewState {
  readonly config: Readonly<Config>;
  readonly gazetteer: Gazetteer;
  readonly furniture: CorpusFurniture;
  readonly site: Site;
  /** Source path -> the slug its article asked for, before the link stage made slugs unique. */
  readonly wantedSlugs: ReadonlyMap<string, string>;
  readonly topics: readonly LinkedTopic[];
  readonly related: ReadonlyMap<string, readonly string[]>;
  readonly assets: readonly AssetFile[];
  readonly engine: TemplateEngine;
}

/**
 * Runs the per-article stages once on an article of the site and throws the page away: the first
 * build ran them in workers, so the NLP models and parsers load here, while dev mode waits for
 * edits, rather than on the first edit (270 ms of its 280 at 1k articles).
 */
export async function warmUpPreview(state: PreviewState): Promise<void> {
  const first = state.site.articles[0];
  if (first) await previewArticles(state, [path.join(state.config.contentDir, first.source)]);
}

/** The pages of the edited articles (output path -> HTML), or null when only a full rebuild can tell. */
export async function previewArticles(state: PreviewState, files: readonly string[]): Promise<Map<string, string> | null> {
  const { config } = state;
  const bySource = new Map(state.site.articles.map((a) => [a.source, a]));
  const slugOf = new Map(state.topics.map((t) => [t.name, t.slug]));
  const edited: Article[] = [];
  for (const file of files) {
    const rel = path.relative(config.contentDir, file).split(path.sep).join('/');
    const before = bySource.get(rel);
    if (!before) return null;
    const read = readSource(file, config.contentDir, config.maxFileBytes);
    if (!read.ok) return null;
    const fm = parseFrontMatter(read.source.text, read.source.path);
    if (fm.diagnostics.some((d) => d.severity === 'error')) return null;
    let article: Article;
    try {
      article = processArticle(read.source, fm, { furniture: furnitureOf(state.furniture, fm.body), dateReference: config.dateReference }, state.gazetteer).article;
    } catch (err) {
      if (err instanceof SourceError) return null;
      throw err;
    }
    if (article.draft || article.slug !== state.wantedSlugs.get(rel)) return null;
    // The links of the last build: its slug (which may carry a -2), its topics' slugs. A topic the
    // last build did not have has no page yet; the article view leaves it out until the rebuild.
    const linked = cloneForLink(article);
    linked.slug = before.slug;
    linked.topics = linked.topics.map((t) => ({ ...t, slug: slugOf.get(t.name) ?? t.slug }));
    edited.push(linked);
  }
  return renderArticlePages(state, edited);
}
