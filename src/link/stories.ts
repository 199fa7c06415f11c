/**
 * Stories: articles that report the same event. Candidates come from an inverted index keyed by
 * (publication day, salient topic), so the step stays near-linear at 100k articles: an article is
 * only ever compared with articles of the same few days that share a top topic, never all pairs.
 */
import type { Article, Story } from '../model.js';
import { byCodeUnit } from '../code-order.js';

/** Days either side of publication within which two reports can be of the same event. */
const WINDOW_DAYS = 2;
/** Top topics per article used as keys and for similarity. */
const TOP = 8;
/** Weighted Jaccard of top topics at or above which two articles are one story. */
const THRESHOLD = 0.3;

/**
 * Reports compared with an article per (day, topic) key: the latest ones. In a dense archive
 * (100k articles, a few hundred a day sharing "Syria") comparing with every report of the window
 * grew with the square of the density (22 s at 100k); a story needs one link to join, not all.
 */
const CANDIDATES_PER_KEY = 8;

/** Groups dated articles into stories (every article is in exactly one story, possibly alone). */
export function findStories(articles: readonly Article[]): Story[] {
  const ids = new Map<string, number>();
  const top = articles.map((a) => topWeights(a, ids));
  const day = articles.map((a) => (a.date ? toDayNumber(a.date) : null));
  const parent = articles.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const key = (d: number, topic: number) => d * ids.size + topic;

  // Oldest first, so each pair within the window is met once, from its later report, and the
  // reports kept per key are the nearest in time.
  const dated = articles.map((_, i) => i).filter((i) => day[i] != null).sort((i, j) => day[i]! - day[j]! || i - j);
  const index = new Map<number, number[]>();
  for (const i of dated) {
    const d = day[i]!;
    const seen = new Set<number>();
    for (let offset = -WINDOW_DAYS; offset <= 0; offset++) {
      for (const topic of top[i]!.ids) {
        const list = index.get(key(d + offset, topic));
        if (!list) continue;
        for (let p = Math.max(0, list.length - CANDIDATES_PER_KEY); p < list.length; p++) {
          const j = list[p]!;
          if (seen.has(j)) continue;
          seen.add(j);
          if (find(i) !== find(j) && similarity(top[i]!, top[j]!) >= THRESHOLD) parent[find(j)] = find(i);
        }
      }
    }
    for (const topic of top[i]!.ids) push(index, key(d, topic), i);
  }

  const groups = new Map<number, Article[]>();
  articles.forEach((a, i) => push(groups, find(i), a));
  const stories = [...groups.values()].map((members) => {
    members.sort((x, y) => byCodeUnit(x.date ?? '9999', y.date ?? '9999') || byCodeUnit(x.slug, y.slug));
    return { id: members[0]!.slug, articles: members.map((m) => m.slug) };
  });
  return stories.sort((a, b) => byCodeUnit(a.id, b.id));
}

/** An article's top topics as ascending ids, with their salience normalised to sum to one (or all zero). */
interface TopWeights {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
  readonly total: number;
}

function topWeights(a: Article, ids: Map<string, number>): TopWeights {
  const top = new Map<number, number>();
  const best = a.topics.slice(0, TOP);
  const sum = best.reduce((s, t) => s + t.score, 0) || 1;
  for (const t of best) {
    const id = ids.get(t.name) ?? (ids.set(t.name, ids.size), ids.size - 1);
    top.set(id, t.score / sum);
  }
  const sorted = [...top].sort((x, y) => x[0] - y[0]);
  return { ids: Int32Array.from(sorted, ([id]) => id), weights: Float64Array.from(sorted, ([, w]) => w), total: sorted.reduce((s, [, w]) => s + w, 0) };
}

/** Weighted Jaccard: the sum of the smaller weights over the sum of the larger. */
function similarity(a: TopWeights, b: TopWeights): number {
  let min = 0;
  for (let i = 0, j = 0; i < a.ids.length && j < b.ids.length;) {
    if (a.ids[i]! < b.ids[j]!) i++;
    else if (a.ids[i]! > b.ids[j]!) j++;
    else min += Math.min(a.weights[i++]!, b.weights[j++]!);
  }
  const max = a.total + b.total - min;
  return max > 0 ? min / max : 0;
}

function toDayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
