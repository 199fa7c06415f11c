/**
 * Salience (issue 4, item 2): how much an article is about each of its topics. A mention in the
 * headline counts 3, in the standfirst 2, in the body 1: the headline and standfirst say what the
 * story is about, the body also names what it only passes by. Simple on purpose, so an editor can
 * predict the order and the link stage can sum it across articles.
 */
import type { Mention, TopicKind } from '../model.js';

/** Weight of one mention by where it stands. */
export const SALIENCE_WEIGHTS: Readonly<Record<'title' | 'standfirst' | 'body', number>> = Object.freeze({
  title: 3,
  standfirst: 2,
  body: 1,
});

/** Salience per canonical topic: mentions count, headline and standfirst count more. Sorted best first, ties by name. */
export function scoreTopics(mentions: readonly Mention[]): { name: string; kind: TopicKind; score: number }[] {
  const scores = new Map<string, { name: string; kind: TopicKind; score: number }>();
  for (const m of mentions) {
    const weight = m.block === 'title' ? SALIENCE_WEIGHTS.title : m.block === 'standfirst' ? SALIENCE_WEIGHTS.standfirst : SALIENCE_WEIGHTS.body;
    const entry = scores.get(m.name);
    if (entry) entry.score += weight;
    else scores.set(m.name, { name: m.name, kind: m.kind, score: weight });
  }
  // Ties by code point, not locale, so the order is the same on every machine.
  return [...scores.values()].sort((a, b) => b.score - a.score || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
