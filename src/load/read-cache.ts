/** Reads the persistent per-article cache (`.cache/`): a missing or unreadable cache is simply cold. */
import fs from 'node:fs/promises';
import path from 'node:path';
import v8 from 'node:v8';
import { PIPELINE_VERSION } from '../article-cache.js';
import type { Article } from '../model.js';

/** The cache file for this pipeline version: a new version never reads an old file. */
export function cacheFile(cacheDir: string): string {
  return path.join(cacheDir, `articles-v${PIPELINE_VERSION}.bin`);
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
