/**
 * One copy of each repeated value of the article records (issue 7: 100k articles in memory).
 * Records arrive as copies, from the worker threads and from the cache file alike, each with its
 * own copy of every topic, topic name, publisher and date: at 100k articles, 1.5 million topic
 * objects, most of them equal. The records' types are read-only, so equal values can be one.
 */
import type { Article, ArticleEvent, ArticleTopic } from './model.js';

export interface SharedValues {
  string<T extends string | null>(s: T): T;
  /** An article with its repeated values replaced by the shared ones (the body is not touched). */
  article(a: Article): Article;
}

/** A fresh set of shared values: one per build, dropped with it. */
export function sharedValues(): SharedValues {
  const strings = new Map<string, string>();
  // By slug, then by score: a key made of the fields as one string converted every score to text
  // (a quarter of a warm build's reading of its cache at 10k articles).
  const topics = new Map<string, Map<number, ArticleTopic[]>>();
  const lists = new Map<string, readonly string[]>();
  const string = <T extends string | null>(s: T): T => {
    if (s === null) return s;
    const known = strings.get(s);
    if (known !== undefined) return known as T;
    strings.set(s, s);
    return s;
  };
  const topic = (t: ArticleTopic): ArticleTopic => {
    let byScore = topics.get(t.slug);
    if (!byScore) topics.set(t.slug, (byScore = new Map()));
    let same = byScore.get(t.score);
    if (!same) byScore.set(t.score, (same = []));
    // A slug and score name one topic but for rare collisions of names, kinds or hand-added ones.
    for (const k of same) if (k.name === t.name && k.kind === t.kind && k.manual === t.manual) return k;
    const own = { slug: string(t.slug), name: string(t.name), kind: t.kind, score: t.score, manual: t.manual };
    same.push(own);
    return own;
  };
  const list = (names: readonly string[]): readonly string[] => {
    const key = names.join('\n');
    const known = lists.get(key);
    if (known) return known;
    const own = names.map(string);
    lists.set(key, own);
    return own;
  };
  // Every field named, in the order extraction writes them (the order of the record's JSON, which
  // page keys hash): a copy by spread kept the layout `v8.deserialize` and the worker's message
  // gave, five of the nine fields in a property array of their own, about 23 bytes more an event
  // (a heap snapshot after link at 10k articles: 55.8 -> 54.1 MB live; 747k events at 100k).
  const event = (e: ArticleEvent): ArticleEvent => ({
    date: string(e.date),
    granularity: string(e.granularity),
    expression: string(e.expression),
    sentence: e.sentence,
    line: e.line,
    block: e.block,
    sentenceIndex: e.sentenceIndex,
    afterPublication: e.afterPublication,
    topics: list(e.topics),
  });
  return {
    string,
    article: (a) => ({
      ...a,
      format: string(a.format),
      titleSource: string(a.titleSource),
      dateSource: string(a.dateSource),
      publisher: string(a.publisher),
      date: string(a.date),
      credit: string(a.credit),
      topics: a.topics.map(topic),
      events: a.events.map(event),
      manualTopics: list(a.manualTopics),
      removed: a.removed.map((r) => ({ ...r, text: string(r.text), reason: string(r.reason) })),
    }),
  };
}
