/**
 * Stories: articles that report the same event. Candidates come from an inverted index keyed by
 * (publication day, salient topic), so the step stays near-linear at 100k articles: an article is
 * only ever compared with articles of the same few days that share a top topic, never all pairs.
 */
import type { Article, Story } from '../model.js';

/** Days either side of publication within which two reports can be of the same event. */
const WINDOW_DAYS = 2;
/** Top topics per article used as keys and for similarity. */
const TOP = 8;
/** Weighted Jaccard of top topics at or above which two articles are one story. */
const THRESHOLD = 0.3;

/** Groups dated articles into stories (every article is in exactly one story, possibly alone). */
export function findStories(articles: readonly Article[]): Story[] {
  const index = new Map<string, number[]>();
  const day = articles.map((a) => (a.date ? toDayNumber(a.date) : null));
  articles.forEach((a, i) => {
    if (day[i] == null) return;
    for (const t of a.topics.slice(0, TOP)) push(index, `${day[i]}|${t.name}`, i);
  });

  const parent = articles.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  articles.forEach((a, i) => {
    const d = day[i];
    if (d == null) return;
    const seen = new Set<number>();
    for (let offset = -WINDOW_DAYS; offset <= WINDOW_DAYS; offset++) {
      for (const t of a.topics.slice(0, TOP)) {
        for (const j of index.get(`${d + offset}|${t.name}`) ?? []) {
          if (j <= i || seen.has(j)) continue;
          seen.add(j);
          if (similarity(a, articles[j]!) >= THRESHOLD) parent[find(j)] = find(i);
        }
      }
    }
  });

  const groups = new Map<number, Article[]>();
  articles.forEach((a, i) => push(groups, find(i), a));
  const stories = [...groups.values()].map((members) => {
    members.sort((x, y) => (x.date ?? '9999').localeCompare(y.date ?? '9999') || x.slug.localeCompare(y.slug));
    return { id: members[0]!.slug, articles: members.map((m) => m.slug) };
  });
  return stories.sort((a, b) => a.id.localeCompare(b.id));
}

/** Weighted Jaccard over the top topics' salience, normalised per article. */
export function similarity(a: Article, b: Article): number {
  const wa = weights(a);
  const wb = weights(b);
  let min = 0;
  let max = 0;
  for (const name of new Set([...wa.keys(), ...wb.keys()])) {
    const x = wa.get(name) ?? 0;
    const y = wb.get(name) ?? 0;
    min += Math.min(x, y);
    max += Math.max(x, y);
  }
  return max ? min / max : 0;
}

function weights(a: Article): Map<string, number> {
  const top = a.topics.slice(0, TOP);
  const total = top.reduce((s, t) => s + t.score, 0) || 1;
  return new Map(top.map((t) => [t.name, t.score / total]));
}

function toDayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
