/** Reads the persistent per-article cache (`.cache/`): a missing or unreadable cache is simply cold. */
import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import v8 from 'node:v8';
import { CACHE_SHARDS, PIPELINE_VERSION } from '../article-cache.js';
import { ownBytes } from '../article-body.js';
import type { DateGroups, TimelineMemo } from '../link/timeline.js';
import type { Article } from '../model.js';
import type { SearchBundle } from '../render/search-index.js';
import type { OutputState } from '../write/index.js';

/**
 * The per-article cache of this pipeline version (a new version never reads an old one), in
 * shards by the first hex digit of the key: a warm build that changed one article rewrites one
 * sixteenth of it (170 MB at 10k articles, issue 7).
 */
export function cacheFolder(cacheDir: string): string {
  return path.join(cacheDir, `articles-v${PIPELINE_VERSION}`);
}

export function cacheShardFile(cacheDir: string, shard: string): string {
  return path.join(cacheFolder(cacheDir), `${shard}.bin`);
}

export function searchCacheFile(cacheDir: string): string {
  return path.join(cacheDir, `search-v${PIPELINE_VERSION}.bin`);
}

export function timelineMemoFile(cacheDir: string): string {
  return path.join(cacheDir, `timeline-v${PIPELINE_VERSION}.bin`);
}

/** How the last build grouped each date's reports (link/timeline.ts); empty when there is none. */
export function readTimelineMemo(cacheDir: string): TimelineMemo {
  try {
    const data: unknown = v8.deserialize(fsSync.readFileSync(timelineMemoFile(cacheDir)));
    if (data instanceof Map && [...data.values()].every((d: DateGroups) => typeof d?.signature === 'string' && d.groups instanceof Int32Array && Array.isArray(d.digests))) return data as TimelineMemo;
  } catch {
    // none yet
  }
  return new Map();
}

export function outputManifestFile(cacheDir: string): string {
  return path.join(cacheDir, `output-v${PIPELINE_VERSION}.bin`);
}

/** Whether a saved bundle has the shape this code reads (one saved with its bytes, before, is cold). */
function isSearchBundle(data: unknown): data is SearchBundle {
  const parts = (data as SearchBundle | null)?.parts;
  return parts instanceof Map && [...parts.values()].every((p) => typeof p?.key === 'string' && p.sizes instanceof Map);
}

/** The cached search bundle of the last build (its parts' keys and file sizes), or null. */
export async function readSearchCache(cacheDir: string): Promise<SearchBundle | null> {
  try {
    const data: unknown = v8.deserialize(await fs.readFile(searchCacheFile(cacheDir)));
    return isSearchBundle(data) ? data : null;
  } catch {
    return null;
  }
}

/**
 * When and how big the output record is (null without one): a build compares this, under the
 * output folder's lock, with what it saw when it read the record, to know that no other build
 * changed the folder meanwhile.
 */
export async function outputManifestStamp(cacheDir: string): Promise<string | null> {
  const s = await fs.stat(outputManifestFile(cacheDir)).catch(() => null);
  return s ? `${s.mtimeMs}:${s.size}` : null;
}

/**
 * How the record names the output folder: from the cache folder, so a project moved whole (or
 * built from a copy) keeps its record, and one built with another output folder does not.
 */
export function outputFolderOnRecord(cacheDir: string, outDir: string): string {
  return path.relative(cacheDir, outDir).split(path.sep).join('/');
}

/** Hashes of the files the output folder held after the last build, if it was `outDir`. */
export async function readOutputManifest(cacheDir: string, outDir: string): Promise<OutputState | null> {
  try {
    const data = v8.deserialize(await fs.readFile(outputManifestFile(cacheDir))) as { outDir: string } & OutputState;
    return data.outDir === outputFolderOnRecord(cacheDir, outDir) && data.hashes instanceof Map && data.pages instanceof Map ? { hashes: data.hashes, pages: data.pages } : null;
  } catch {
    return null;
  }
}

/**
 * Loads one shard of cached articles by key; a missing or unreadable shard is simply cold. `keep`
 * says how each record is held (shared values, body spilled: see build.ts). Synchronous: the build
 * reads a shard when it first looks up a key in it (article-cache.ts).
 */
export function readArticleShard(cacheDir: string, shard: string, keep: (a: Article) => Article = (a) => a): Map<string, Article> {
  const out = new Map<string, Article>();
  try {
    const data = v8.deserialize(fsSync.readFileSync(cacheShardFile(cacheDir, shard)));
    if (!(data instanceof Map)) return out;
    for (const [k, v] of data as Map<string, Article>) {
      if (k[0] !== shard || !(v.body instanceof Uint8Array)) continue;
      out.set(k, keep({ ...v, body: ownBytes(v.body) }));
    }
  } catch {
    // cold shard
  }
  return out;
}

/** Loads every cached article by key (see readArticleShard): for tests and tools; a build reads shards as it looks keys up. */
export function readArticleCache(cacheDir: string, keep?: (a: Article) => Article): Map<string, Article> {
  const out = new Map<string, Article>();
  for (const shard of CACHE_SHARDS) for (const [k, a] of readArticleShard(cacheDir, shard, keep)) out.set(k, a);
  return out;
}
