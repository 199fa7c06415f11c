/**
 * Corpus pre-pass: lines that several articles of one publisher have in common are that site's
 * furniture (a call to action, a footer, a newsletter box), whatever their words (issue 3, item 5).
 * One pass over every line, a map per publisher: linear in the size of the corpus.
 */
import { lineKey } from './text.js';

/**
 * Lines longer than this are prose, not furniture, and are not counted: this also bounds the memory
 * the maps take at archive scale (100k articles).
 */
export const MAX_SHARED_LINE = 400;

/**
 * Keys (see `lineKey`) of lines that occur in two or more different articles of the same publisher.
 *
 * Articles whose publisher is null are not grouped at all (each is its own group of one, so they
 * contribute nothing): without a publisher we cannot tell a site's furniture from agency copy that
 * many unrelated sites republish word for word, and grouping them would strip real paragraphs.
 * Publishers are compared trimmed and case-insensitively. The result is one set for the whole
 * corpus, as `FurnitureContext.sharedLines` expects.
 */
export function findSharedLines(docs: readonly { publisher: string | null; body: string }[]): Set<string> {
  const groups = new Map<string, Map<string, number>>();
  const shared = new Set<string>();
  for (const doc of docs) {
    const publisher = doc.publisher?.trim().toLowerCase();
    if (!publisher) continue;
    let counts = groups.get(publisher);
    if (!counts) groups.set(publisher, (counts = new Map()));
    const seen = new Set<string>();
    for (const raw of doc.body.split(/\r\n|\r|\n/)) {
      if (raw.length > MAX_SHARED_LINE * 2) continue;
      const key = lineKey(raw);
      if (key === '' || key.length > MAX_SHARED_LINE || seen.has(key)) continue;
      seen.add(key);
      const n = (counts.get(key) ?? 0) + 1;
      counts.set(key, n);
      if (n === 2) shared.add(key);
    }
  }
  return shared;
}
