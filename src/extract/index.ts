/** Extract stage: who, where and when, per article. Pure: article in, article with mentions, topics and events out. */
import type { ArticleTopic, FullArticle } from '../model.js';
import { slugify } from '../normalize/slug.js';
import { extractMentions, resolveTopicName, type Gazetteer } from './entities.js';
import { extractEvents } from './events.js';
import { scoreTopics } from './salience.js';

export { buildGazetteer, type Gazetteer } from './entities.js';
export { parseTopicsFile, type TopicsFile, type TopicEntry } from './topics-file.js';
export { splitSentences } from './sentences.js';

/** Finds mentions, ranks topics (hand-added ones first) and dates events for one article. */
export function extractArticle(article: FullArticle, gazetteer: Gazetteer): FullArticle {
  const mentions = extractMentions({ title: article.title, standfirst: article.standfirst, blocks: article.blocks }, gazetteer);
  const scored = scoreTopics(mentions);
  const topics: ArticleTopic[] = [];
  const seen = new Set<string>();
  const top = scored[0]?.score ?? 1;
  for (const name of article.manualTopics) {
    const resolved = resolveTopicName(name, gazetteer);
    if (seen.has(resolved.name)) continue;
    seen.add(resolved.name);
    const found = scored.find((s) => s.name === resolved.name);
    topics.push({ slug: slugify(resolved.name), name: resolved.name, kind: found?.kind ?? resolved.kind, score: Math.max(found?.score ?? 0, top), manual: true });
  }
  for (const s of scored) {
    if (seen.has(s.name)) continue;
    seen.add(s.name);
    topics.push({ slug: slugify(s.name), name: s.name, kind: s.kind, score: s.score, manual: false });
  }
  topics.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  return { ...article, mentions, topics, events: extractEvents(article.blocks, article.date, mentions) };
}
