/**
 * The event timeline: every dated sentence of every article, in date order. When several outlets
 * report the same dated fact it shows once, with all its sources (issue 4, item 5).
 */
import type { Article, ArticleEvent, TimelineEntry } from '../model.js';

/** Share of content words two sentences must have in common to count as the same fact. */
const SAME_FACT_WORDS = 0.35;
/**
 * Groups remembered per topic or word when looking for the same fact. Coarse dates ("last year")
 * gather thousands of events in one bucket; comparing each with every group there was quadratic
 * (40 s at 10k articles). Same-fact candidates must share a topic or a word, and only the latest
 * groups per key are tried, so the work per event is bounded.
 */
const CANDIDATES_PER_KEY = 16;
/** Content words of a sentence used as keys: the longest, which are the rarest in news prose. */
const WORD_KEYS = 4;

/** Builds the timeline from the articles' events; entries sorted by date, coarser dates first. */
export function buildTimeline(articles: readonly Article[]): TimelineEntry[] {
  const byDate = new Map<string, { article: Article; event: ArticleEvent; topics: Set<string>; words: Set<string> }[]>();
  for (const article of articles) {
    for (const event of article.events) {
      const key = `${event.date}|${event.granularity}`;
      const item = { article, event, topics: new Set(event.topics), words: contentWords(event.sentence) };
      const list = byDate.get(key);
      if (list) list.push(item);
      else byDate.set(key, [item]);
    }
  }
  const entries: TimelineEntry[] = [];
  for (const items of byDate.values()) {
    const groups: (typeof items)[] = [];
    const byKey = new Map<string, number[]>();
    for (const item of items) {
      const words = [...item.words].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).slice(0, WORD_KEYS);
      const keys = [...[...item.topics].map((t) => `t:${t}`), ...words.map((w) => `w:${w}`)];
      const candidates = new Set<number>();
      for (const k of keys) for (const g of byKey.get(k) ?? []) candidates.add(g);
      // The earliest matching group wins, as a scan in order would find it.
      const found = [...candidates].sort((a, b) => a - b).find((gi) => groups[gi]!.every((o) => o.article !== item.article) && groups[gi]!.some((o) => sameFact(o, item)));
      const index = found ?? groups.push([]) - 1;
      groups[index]!.push(item);
      for (const k of keys) {
        const list = byKey.get(k);
        if (!list) byKey.set(k, [index]);
        else if (list[list.length - 1] !== index) {
          list.push(index);
          if (list.length > CANDIDATES_PER_KEY) list.shift();
        }
      }
    }
    for (const g of groups) {
      entries.push({
        date: g[0]!.event.date,
        granularity: g[0]!.event.granularity,
        sources: g.map((o) => ({ article: o.article.slug, event: o.event })),
      });
    }
  }
  return entries.sort((a, b) => a.date.localeCompare(b.date) || a.sources[0]!.article.localeCompare(b.sources[0]!.article) || a.sources[0]!.event.block - b.sources[0]!.event.block);
}

function sameFact(a: { topics: Set<string>; words: Set<string> }, b: { topics: Set<string>; words: Set<string> }): boolean {
  let sharedTopics = 0;
  for (const t of a.topics) if (b.topics.has(t)) sharedTopics++;
  if (sharedTopics >= 2) return true;
  let shared = 0;
  for (const w of a.words) if (b.words.has(w)) shared++;
  const union = a.words.size + b.words.size - shared;
  return union > 0 && shared / union >= SAME_FACT_WORDS;
}

const STOP = new Set('the a an and or of to in on at for with by from as that this is was were be been has have had it its he she they his her their said says will would could about after before than then also not but which who'.split(' '));

function contentWords(sentence: string): Set<string> {
  return new Set((sentence.toLowerCase().match(/\p{L}[\p{L}'’-]*/gu) ?? []).filter((w) => w.length > 2 && !STOP.has(w)));
}

/** Topic name -> the timeline entries whose sentences mention it (one pass over the timeline). */
export function eventsByTopic(timeline: readonly TimelineEntry[]): Map<string, TimelineEntry[]> {
  const out = new Map<string, TimelineEntry[]>();
  for (const entry of timeline) {
    const names = new Set<string>();
    for (const s of entry.sources) for (const n of s.event.topics) names.add(n);
    for (const n of names) {
      const list = out.get(n);
      if (list) list.push(entry);
      else out.set(n, [entry]);
    }
  }
  return out;
}
