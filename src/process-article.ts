/**
 * The per-article part of the pipeline — normalize, extract, render the body — as one pure
 * function, so it runs the same in the main thread and in a worker (issue 7: use every core).
 */
import type { Gazetteer } from './extract/entities.js';
import { extractArticle } from './extract/index.js';
import { packBody } from './article-body.js';
import type { Article, FullArticle, SourceInfo } from './model.js';
import { normalizeArticle, parseMarkdown, type NormalizeContext, type ParsedFrontMatter } from './normalize/index.js';
import { renderBody } from './render/body-html.js';

/** Milliseconds spent per stage on one article. */
export interface ArticleTimings { normalize: number; extract: number; render: number }

/** Event anchors of an article's body: `p{block}s{sentence}` for each dated sentence. */
export function eventAnchors(a: Pick<Article, 'events'>): Set<string> {
  return new Set(a.events.map((e) => `p${e.block}s${e.sentenceIndex}`));
}

/**
 * Normalizes, extracts and renders the body of one article, and packs the body for keeping.
 * Throws SourceError for bad input.
 */
export function processArticle(source: SourceInfo, fm: ParsedFrontMatter, ctx: NormalizeContext, gazetteer: Gazetteer): { article: Article; timings: ArticleTimings } {
  const t0 = performance.now();
  // A Markdown body is parsed once, for its blocks and then for its HTML.
  const tree = source.path.toLowerCase().endsWith('.txt') ? undefined : parseMarkdown(fm.body);
  const normalized = normalizeArticle(source, fm, ctx, tree);
  const t1 = performance.now();
  const extracted = extractArticle(normalized, gazetteer);
  const t2 = performance.now();
  const full: FullArticle = { ...extracted, bodyHtml: renderBody(extracted, eventAnchors(extracted), tree) };
  const article = packBody(full);
  return { article, timings: { normalize: t1 - t0, extract: t2 - t1, render: performance.now() - t2 } };
}
