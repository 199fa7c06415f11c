/**
 * Corpus pre-pass: lines that several articles of one publisher have in common are that site's
 * furniture (a call to action, a footer, a newsletter box), whatever their words (issue 3, item 5).
 * One pass over every line, a map per publisher: linear in the size of the corpus.
 *
 * A build counts the lines by hash (`lineHashes`): the hashes are what it keeps of a file it has
 * not read again since the last build (load/source-index.ts, issue 7), and a fraction of the lines'
 * size.
 */
import { lineKey } from './text.js';

/**
 * Lines longer than this are prose, not furniture, and are not counted: this also bounds the memory
 * the maps take at archive scale (100k articles).
 */
export const MAX_SHARED_LINE = 400;

/** The keys (see `lineKey`) of a body's lines that may be furniture, each once, in order. */
export function lineKeys(body: string): string[] {
  const keys = new Set<string>();
  for (const raw of body.split(/\r\n|\r|\n/)) {
    if (raw.length > MAX_SHARED_LINE * 2) continue;
    const key = lineKey(raw);
    if (key !== '' && key.length <= MAX_SHARED_LINE) keys.add(key);
  }
  return [...keys];
}

/**
 * A line key's hash: 53 bits (cyrb53), so that two different lines of one publisher share one by
 * chance about once in 10^15 pairs.
 */
export function hashLineKey(key: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < key.length; i++) {
    const ch = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The hashes of a body's `lineKeys`. */
export function lineHashes(body: string): Float64Array {
  return Float64Array.from(lineKeys(body), hashLineKey);
}

/**
 * Keys that occur in two or more different articles of the same publisher: line keys
 * (`findSharedLines`) or their hashes (`findSharedHashes`), each article's listed once.
 *
 * Articles whose publisher is null are not grouped at all (each is its own group of one, so they
 * contribute nothing): without a publisher we cannot tell a site's furniture from agency copy that
 * many unrelated sites republish word for word, and grouping them would strip real paragraphs.
 * Publishers are compared trimmed and case-insensitively. The result is one set for the whole
 * corpus, as `FurnitureContext.sharedLines` expects.
 */
function findShared<K>(docs: Iterable<{ readonly publisher: string | null; readonly keys: Iterable<K> }>): Set<K> {
  const groups = new Map<string, Map<K, number>>();
  const shared = new Set<K>();
  for (const doc of docs) {
    const publisher = doc.publisher?.trim().toLowerCase();
    if (!publisher) continue;
    let counts = groups.get(publisher);
    if (!counts) groups.set(publisher, (counts = new Map()));
    for (const key of doc.keys) {
      const n = (counts.get(key) ?? 0) + 1;
      counts.set(key, n);
      if (n === 2) shared.add(key);
    }
  }
  return shared;
}

/** Keys of lines that occur in two or more articles of one publisher (see findShared). */
export function findSharedLines(docs: readonly { publisher: string | null; body: string }[]): Set<string> {
  return findShared(docs.map((d) => ({ publisher: d.publisher, keys: lineKeys(d.body) })));
}

/**
 * Hashes of lines that occur in two or more articles of one publisher, from each article's
 * `lineHashes` (see findShared). Each publisher's hashes are sorted together and read for runs:
 * counted in a map, the 2 million lines of 50k scraped articles took 2.7 s of every build, each
 * 53-bit hash a number boxed on the heap (issue 7).
 */
export function findSharedHashes(docs: Iterable<{ readonly publisher: string | null; readonly lines: Float64Array }>): Set<number> {
  const groups = new Map<string, { lines: Float64Array[]; length: number }>();
  for (const doc of docs) {
    const publisher = doc.publisher?.trim().toLowerCase();
    if (!publisher) continue;
    let group = groups.get(publisher);
    if (!group) groups.set(publisher, (group = { lines: [], length: 0 }));
    group.lines.push(doc.lines);
    group.length += doc.lines.length;
  }
  const shared = new Set<number>();
  for (const group of groups.values()) {
    if (group.lines.length < 2) continue;
    const all = new Float64Array(group.length);
    let at = 0;
    for (const lines of group.lines) {
      all.set(lines, at);
      at += lines.length;
    }
    all.sort();
    for (let i = 1; i < all.length; i++) if (all[i] === all[i - 1]) shared.add(all[i]!);
  }
  return shared;
}
