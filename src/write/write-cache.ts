/** Saves the persistent per-article cache atomically (write a temp file, then rename). */
import fs from 'node:fs/promises';
import v8 from 'node:v8';
import path from 'node:path';
import { withBodyBytes } from '../article-body.js';
import type { Article } from '../model.js';
import type { PageRecord } from '../render/index.js';
import type { SearchBundle } from '../render/search-index.js';
import { CACHE_SHARDS } from '../article-cache.js';
import type { TimelineMemo } from '../link/timeline.js';
import { cacheFolder, cacheShardFile, outputFolderOnRecord, outputManifestFile, searchCacheFile, timelineMemoFile } from '../load/read-cache.js';
import { sourceIndexFile, type SourceIndex } from '../load/source-index.js';

/** Saves the search bundle for the next build. */
export async function writeSearchCache(cacheDir: string, bundle: SearchBundle): Promise<void> {
  await writeAtomically(searchCacheFile(cacheDir), v8.serialize(bundle));
}

/** Saves what the build knew of each source file, for the next (load/source-index.ts). */
export async function stageSourceIndex(cacheDir: string, index: SourceIndex): Promise<StagedCacheFile> {
  return stageCacheFile(sourceIndexFile(cacheDir), v8.serialize(index));
}

/** Saves how the build grouped each date's reports, for the next (link/timeline.ts). */
export async function stageTimelineMemo(cacheDir: string, memo: TimelineMemo): Promise<StagedCacheFile> {
  return stageCacheFile(timelineMemoFile(cacheDir), v8.serialize(memo));
}

/** A cache file written under a temporary name, put in place by `commit` or removed by `discard`. */
export interface StagedCacheFile {
  commit(): Promise<void>;
  discard(): Promise<void>;
}

/**
 * Writes a cache file now and puts it in place later: a build lets go of what it saved as soon as
 * it is saved, and a build that fails still leaves the cache as it was.
 */
async function stageCacheFile(file: string, bytes: Uint8Array): Promise<StagedCacheFile> {
  // The folder made for it, if any, goes with a discarded file when nothing else is in it: a
  // failed build leaves no cache folder it made (discard in the reverse order of staging).
  const made = await fs.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temp, bytes);
  return {
    commit: () => fs.rename(temp, file),
    async discard() {
      await fs.rm(temp, { force: true });
      if (made) await fs.rmdir(made).catch(() => undefined);
    },
  };
}

/** What the output folder holds after a build: the next build links what it would write the same. */
export interface OutputState {
  /** Output path -> content hash of every file. */
  readonly hashes: ReadonlyMap<string, string>;
  /** Output path -> what each page was rendered from. */
  readonly pages: ReadonlyMap<string, PageRecord>;
}

/** Records what the output folder now holds, for the next build. */
export async function writeOutputManifest(cacheDir: string, outDir: string, state: OutputState): Promise<void> {
  await writeAtomically(outputManifestFile(cacheDir), v8.serialize({ outDir: outputFolderOnRecord(cacheDir, outDir), ...state }));
}

/**
 * Removes the cache files of other pipeline versions (and the single-file article cache of
 * version 1, 170 MB at 10k articles): a new version never reads them.
 */
export async function removeStaleCaches(cacheDir: string): Promise<void> {
  const current = new Set([cacheFolder(cacheDir), searchCacheFile(cacheDir), outputManifestFile(cacheDir), sourceIndexFile(cacheDir), timelineMemoFile(cacheDir)].map((f) => path.basename(f)));
  const entries = await fs.readdir(cacheDir).catch(() => [] as string[]);
  for (const e of entries) {
    // Only this program's own names: `.cache` is a name other tools use too.
    if (/^(?:articles-v\d+(?:\.bin)?|(?:search|output|sources|timeline)-v\d+\.bin)$/.test(e) && !current.has(e)) await fs.rm(path.join(cacheDir, e), { recursive: true, force: true });
  }
}

/** Forgets what the output folder holds (before it is changed in place). */
export async function removeOutputManifest(cacheDir: string): Promise<void> {
  await fs.rm(outputManifestFile(cacheDir), { force: true });
}

async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  await (await stageCacheFile(file, bytes)).commit();
}

/**
 * Saves the entries this build used (stale ones are thereby dropped), rewriting only the shards
 * whose entries differ from those on disk (`loaded`: their keys).
 */
export async function writeArticleCache(cacheDir: string, used: ReadonlyMap<string, Article>, loaded: ReadonlySet<string>): Promise<void> {
  const shards = new Map<string, Map<string, Article>>([...CACHE_SHARDS].map((s) => [s, new Map()]));
  for (const [k, v] of used) shards.get(k[0]!)?.set(k, v);
  const before = new Map<string, number>([...CACHE_SHARDS].map((s) => [s, 0]));
  for (const k of loaded) before.set(k[0]!, (before.get(k[0]!) ?? 0) + 1);
  // One shard at a time: all sixteen serialized at once held the whole cache twice (460 MB at 100k).
  for (const [shard, entries] of shards) {
    // Keys are content hashes: the same keys are the same entries.
    const same = entries.size === before.get(shard) && [...entries.keys()].every((k) => loaded.has(k));
    if (same) continue;
    if (entries.size === 0) await fs.rm(cacheShardFile(cacheDir, shard), { force: true });
    // A body kept in the body file is saved as its bytes: the file lasts one process.
    else await writeAtomically(cacheShardFile(cacheDir, shard), v8.serialize(new Map([...entries].map(([k, a]) => [k, withBodyBytes(a)]))));
  }
}
