/**
 * Related articles by shared topics, through an inverted index (never all pairs): candidates share
 * one of an article's top topics and are among the articles nearest to it in time on that topic's
 * list. The window bounds the work per article whatever the archive's size, so the step stays
 * linear at 100k articles, where a common topic ("Syria" in a Syria archive) has tens of thousands.
 */
import type { Article } from '../model.js';
import { topK } from './top-k.js';

const TOP = 6;
/** Articles taken on each side of this one in a topic's (date-ordered) list. */
const WINDOW = 25;
const RESULTS = 6;

/** Article slug -> up to six related slugs, best first (shared topics weighted by rarity, then date nearness). */
export function findRelated(articles: readonly Article[]): Map<string, string[]> {
  // Articles come in reading order (by date), so every postings list is date-ordered too.
  const postings = new Map<string, number[]>();
  const position = articles.map((a, i) => a.topics.slice(0, TOP).map((t) => {
    let list = postings.get(t.name);
    if (!list) postings.set(t.name, (list = []));
    list.push(i);
    return list.length - 1;
  }));
  const n = articles.length;
  const day = articles.map((a) => (a.date ? Date.parse(a.date) / 86_400_000 : Number.NaN));
  const distance = (i: number, j: number) => (Number.isNaN(day[i]!) || Number.isNaN(day[j]!) ? Number.MAX_SAFE_INTEGER : Math.abs(day[i]! - day[j]!));
  const out = new Map<string, string[]>();
  // Scores accumulate in one array (a Map per article cost more than the rest of the step).
  const scores = new Float64Array(n);
  const candidates: number[] = [];
  articles.forEach((a, i) => {
    a.topics.slice(0, TOP).forEach((t, k) => {
      const list = postings.get(t.name)!;
      const idf = Math.log(1 + n / list.length);
      const at = position[i]![k]!;
      for (let p = Math.max(0, at - WINDOW); p <= Math.min(list.length - 1, at + WINDOW); p++) {
        const j = list[p]!;
        if (j === i) continue;
        if (scores[j] === 0) candidates.push(j);
        scores[j] = scores[j]! + idf;
      }
    });
    const ranked = topK(candidates, RESULTS, (x, y) => scores[y]! - scores[x]! || distance(i, x) - distance(i, y) || x - y);
    out.set(a.slug, ranked.map((j) => articles[j]!.slug));
    for (const j of candidates) scores[j] = 0;
    candidates.length = 0;
  });
  return out;
}
