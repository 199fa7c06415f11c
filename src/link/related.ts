/**
 * Related articles by shared topics, through an inverted index (never all pairs): candidates share
 * one of an article's top topics; topics too common to tell articles apart are skipped, which
 * keeps the step near-linear at 100k articles.
 */
import type { Article } from '../model.js';

const TOP = 6;
/** A topic carried by more articles than this says little about relatedness (e.g. "Syria" in a Syria archive). */
const MAX_POSTINGS = 2000;
const RESULTS = 6;

/** Article slug -> up to six related slugs, best first (shared topics weighted by rarity, then date nearness). */
export function findRelated(articles: readonly Article[]): Map<string, string[]> {
  const postings = new Map<string, number[]>();
  articles.forEach((a, i) => {
    for (const t of a.topics.slice(0, TOP)) {
      const list = postings.get(t.name);
      if (list) list.push(i);
      else postings.set(t.name, [i]);
    }
  });
  const n = articles.length;
  const out = new Map<string, string[]>();
  articles.forEach((a, i) => {
    const scores = new Map<number, number>();
    for (const t of a.topics.slice(0, TOP)) {
      const list = postings.get(t.name)!;
      if (list.length > MAX_POSTINGS) continue;
      const idf = Math.log(1 + n / list.length);
      for (const j of list) if (j !== i) scores.set(j, (scores.get(j) ?? 0) + idf);
    }
    const ranked = [...scores].sort((x, y) => y[1] - x[1] || distance(a, articles[x[0]]!) - distance(a, articles[y[0]]!) || articles[x[0]]!.slug.localeCompare(articles[y[0]]!.slug));
    out.set(a.slug, ranked.slice(0, RESULTS).map(([j]) => articles[j]!.slug));
  });
  return out;
}

function distance(a: Article, b: Article): number {
  if (!a.date || !b.date) return Number.MAX_SAFE_INTEGER;
  return Math.abs(Date.parse(a.date) - Date.parse(b.date));
}
