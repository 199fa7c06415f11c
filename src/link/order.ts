/** The archive's reading order. */
import type { Article } from '../model.js';

/** Newest first; same day by title; undated articles last, by source path. */
export function sortArticles(articles: readonly Article[]): Article[] {
  return [...articles].sort((a, b) => {
    if (a.date && b.date) return b.date.localeCompare(a.date) || a.title.localeCompare(b.title) || a.slug.localeCompare(b.slug);
    if (a.date) return -1;
    if (b.date) return 1;
    return a.source.localeCompare(b.source);
  });
}
