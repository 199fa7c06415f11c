/**
 * Related articles by shared topics, through an inverted index (never all pairs): candidates share
 * one of an article's top topics and are among the articles nearest to it in time on that topic's
 * list. The window bounds the work per article whatever the archive's size, so the step stays
 * linear at 100k articles, where a common topic ("Syria" in a Syria archive) has tens of thousands.
 */
import type { Article } from '../model.js';

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
  articles.forEach((a, i) => {
    const scores = new Map<number, number>();
    a.topics.slice(0, TOP).forEach((t, k) => {
      const list = postings.get(t.name)!;
      const idf = Math.log(1 + n / list.length);
      const at = position[i]![k]!;
      for (let p = Math.max(0, at - WINDOW); p <= Math.min(list.length - 1, at + WINDOW); p++) {
        const j = list[p]!;
        if (j !== i) scores.set(j, (scores.get(j) ?? 0) + idf);
      }
    });
    const ranked = topK([...scores], RESULTS, (x, y) => y[1] - x[1] || distance(i, x[0]) - distance(i, y[0]) || x[0] - y[0]);
    out.set(a.slug, ranked.map(([j]) => articles[j]!.slug));
  });
  return out;
}

/** The k best items by `compare`, without sorting the whole list (candidate lists can be long). */
function topK<T>(items: T[], k: number, compare: (a: T, b: T) => number): T[] {
  const best: T[] = [];
  for (const item of items) {
    if (best.length === k && compare(item, best[k - 1]!) >= 0) continue;
    let i = best.length < k ? best.length : k - 1;
    while (i > 0 && compare(item, best[i - 1]!) < 0) {
      if (i < k) best[i] = best[i - 1]!;
      i--;
    }
    best[i] = item;
    if (best.length > k) best.length = k;
  }
  return best;
}
