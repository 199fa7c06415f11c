/** Reads the persistent per-article cache (`.cache/`): a missing or unreadable cache is simply cold. */
import fs from 'node:fs/promises';
import path from 'node:path';
import v8 from 'node:v8';
import { PIPELINE_VERSION } from '../article-cache.js';
import type { Article } from '../model.js';
import type { SearchBundle } from '../render/search-index.js';
import type { OutputState } from '../write/index.js';

/** The cache files of this pipeline version: a new version never reads an old file. */
export function cacheFile(cacheDir: string): string {
  return path.join(cacheDir, `articles-v${PIPELINE_VERSION}.bin`);
}

export function searchCacheFile(cacheDir: string): string {
  return path.join(cacheDir, `search-v${PIPELINE_VERSION}.bin`);
}

export function outputManifestFile(cacheDir: string): string {
  return path.join(cacheDir, `output-v${PIPELINE_VERSION}.bin`);
}

/** The cached search bundle of the last build, or null. */
export async function readSearchCache(cacheDir: string): Promise<SearchBundle | null> {
  try {
    const data = v8.deserialize(await fs.readFile(searchCacheFile(cacheDir))) as SearchBundle;
    return data?.parts instanceof Map ? data : null;
  } catch {
    return null;
  }
}

/** Hashes of the files the output folder held after the last build, if it was `outDir`. */
export async function readOutputManifest(cacheDir: string, outDir: string): Promise<OutputState | null> {
  try {
    const data = v8.deserialize(await fs.readFile(outputManifestFile(cacheDir))) as { outDir: string } & OutputState;
    return data.outDir === outDir && data.hashes instanceof Map && data.pages instanceof Map ? { hashes: data.hashes, pages: data.pages } : null;
  } catch {
    return null;
  }
}

/** Loads cached articles by key; empty when there is no usable cache. */
export async function readArticleCache(cacheDir: string): Promise<Map<string, Article>> {
  try {
    const data = v8.deserialize(await fs.readFile(cacheFile(cacheDir)));
    return data instanceof Map ? (data as Map<string, Article>) : new Map();
  } catch {
    return new Map();
  }
}
