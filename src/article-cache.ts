/**
 * Per-article results (normalized and extracted) reused between builds when nothing they depend on
 * changed: the file's bytes and path, the pipeline version, the config that shapes normalization,
 * the topics file, and the furniture lines this article shares with others of its publisher.
 */
import crypto from 'node:crypto';
import type { Config } from './config.js';
import type { Article, SourceFile } from './model.js';

/** Bump when any stage's output for the same input changes, so old cache entries are never served. */
export const PIPELINE_VERSION = '7';

/** A store of per-article results; in memory for dev mode, on disk for warm builds. */
export interface ArticleCache {
  get(key: string): Article | undefined;
  set(key: string, article: Article): void;
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

/** The key of one article's result. `shared` are the publisher-shared lines found in this article. */
export function articleKey(config: Readonly<Config>, source: SourceFile, topicsHash: string, shared: readonly string[]): string {
  return crypto.createHash('sha256').update(JSON.stringify([
    PIPELINE_VERSION, source.relPath, source.hash, config.furniturePatterns, config.dateReference, topicsHash, shared,
  ])).digest('hex');
}

/** A copy the link stage may change (slugs, topic slugs, warnings) without touching the cached record. */
export function cloneForLink(a: Article): Article {
  return { ...a, topics: [...a.topics], diagnostics: [...a.diagnostics] };
}

/** Hash of any text (the topics file). */
export function textHash(text: string | null): string {
  return text === null ? 'none' : crypto.createHash('sha256').update(text).digest('hex');
}

/** A cache seeded from disk that remembers which entries this build used, to save only those. */
export function persistentCache(loaded: Map<string, Article>): ArticleCache & { readonly loaded: ReadonlyMap<string, Article>; readonly used: Map<string, Article>; readonly hits: number; readonly changed: boolean } {
  const used = new Map<string, Article>();
  let hits = 0;
  return {
    get(key) {
      const a = loaded.get(key);
      if (a) {
        hits++;
        used.set(key, a);
      }
      return a;
    },
    set(key, article) {
      used.set(key, article);
    },
    loaded,
    used,
    get hits() {
      return hits;
    },
    /** False when saving would write back the same entries that were loaded. */
    get changed() {
      return used.size !== loaded.size || hits !== used.size;
    },
  };
}
