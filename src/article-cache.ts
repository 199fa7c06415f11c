/**
 * Per-article results (normalized and extracted) reused between builds when nothing they depend on
 * changed: the file's bytes and path, the pipeline version, the config that shapes normalization,
 * the topics file, and the furniture lines this article shares with others of its publisher.
 */
import crypto from 'node:crypto';
import type { Config } from './config.js';
import type { Article, SourceInfo } from './model.js';

/** Bump when any stage's output for the same input changes, so old cache entries are never served. */
export const PIPELINE_VERSION = '7';

/** Keys are hex digests; the cache on disk is in shards by their first digit. */
export const CACHE_SHARDS = '0123456789abcdef';

/** A store of per-article results; in memory for dev mode, on disk for warm builds. */
export interface ArticleCache {
  get(key: string): Article | undefined;
  set(key: string, article: Article): void;
  /** Every key of the build has been looked up: what the cache holds for others may go. */
  settle?(): void;
}

/** A cache that lives as long as the process (dev mode). */
export function memoryCache(): ArticleCache & { readonly size: number } {
  const map = new Map<string, Article>();
  return {
    get: (k) => map.get(k),
    set: (k, v) => void map.set(k, v),
    get size() {
      return map.size;
    },
  };
}

/**
 * The key of one article's result. `tools` are the versions of the libraries that make records
 * (load/tool-versions.ts); `shared` the hashes of the publisher-shared lines found in this article.
 */
export function articleKey(config: Readonly<Config>, source: SourceInfo, topicsHash: string, tools: string, shared: readonly number[]): string {
  return crypto.createHash('sha256').update(JSON.stringify([
    PIPELINE_VERSION, tools, source.relPath, source.hash, config.furniturePatterns, config.dateReference, topicsHash, shared,
  ])).digest('hex');
}

/** A copy the link stage may change (slugs, topic slugs, warnings) without touching the cached record. */
export function cloneForLink(a: Article): Article {
  return { ...a, topics: [...a.topics], diagnostics: [...a.diagnostics] };
}

/**
 * What the link stage may have changed of a record (the fields its copy has of its own, see
 * cloneForLink), as text. With the key the record was made under, which fixes every other field,
 * it stands for the whole record in page keys: hashing each record whole took 0.2 s of every warm
 * build at 10k articles (issue 7). Every other field is readonly (model.ts).
 */
export function linkedFields(a: Article): string {
  return JSON.stringify([a.slug, a.topics, a.diagnostics]);
}

/** Hash of any text (the topics file). */
export function textHash(text: string | null): string {
  return text === null ? 'none' : crypto.createHash('sha256').update(text).digest('hex');
}

/**
 * A cache read from disk a shard at a time, as keys are looked up in it (`load` reads one), that
 * remembers which entries this build used, to save only those. Looked up in key order, it holds
 * one shard more than the build needs at a time, not the whole cache beside every source text.
 */
export function persistentCache(load: (shard: string) => Map<string, Article>): ArticleCache & {
  /** Keys of every entry on disk (read the shards not looked up yet). */
  loadedKeys(): ReadonlySet<string>;
  readonly used: Map<string, Article>;
  readonly hits: number;
  /** False when saving would write back the same entries that were loaded (reads every shard). */
  readonly changed: boolean;
} {
  const shards = new Map<string, Map<string, Article>>();
  const keys = new Set<string>();
  // Once settled, a shard is read for its keys alone.
  let settled = false;
  const shard = (name: string) => {
    let entries = shards.get(name);
    if (!entries) {
      entries = load(name);
      shards.set(name, entries);
      for (const k of entries.keys()) keys.add(k);
      if (settled) entries.clear();
    }
    return entries;
  };
  const used = new Map<string, Article>();
  let hits = 0;
  const loadedKeys = () => {
    for (const name of CACHE_SHARDS) shard(name);
    return keys;
  };
  let current: string | undefined;
  return {
    get(key) {
      // Keys are looked up in order: a shard left behind keeps only entries no source asks for
      // (see settle), and goes at once rather than after the last shard is read.
      if (current !== undefined && current !== key[0]) shards.get(current)?.clear();
      current = key[0]!;
      const entries = shard(current);
      const a = entries.get(key);
      if (a) {
        hits++;
        used.set(key, a);
        // Held by `used` now; the shard keeps its stale entries only.
        entries.delete(key);
      }
      return a;
    },
    set(key, article) {
      used.set(key, article);
    },
    // The entries left in the shards are those no source asked for: when every article changed
    // (a new topics file), the whole stale cache (0.8 GB at 100k articles) was held while every
    // article was made again.
    settle() {
      settled = true;
      for (const entries of shards.values()) entries.clear();
    },
    loadedKeys,
    used,
    get hits() {
      return hits;
    },
    get changed() {
      return used.size !== loadedKeys().size || hits !== used.size;
    },
  };
}
