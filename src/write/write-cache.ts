/** Saves the persistent per-article cache atomically (write a temp file, then rename). */
import fs from 'node:fs/promises';
import v8 from 'node:v8';
import path from 'node:path';
import type { Article } from '../model.js';
import type { PageRecord } from '../render/index.js';
import type { SearchBundle } from '../render/search-index.js';
import { cacheFile, outputManifestFile, searchCacheFile } from '../load/read-cache.js';

/** Saves the search bundle for the next build. */
export async function writeSearchCache(cacheDir: string, bundle: SearchBundle): Promise<void> {
  await writeAtomically(searchCacheFile(cacheDir), v8.serialize(bundle));
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
  await writeAtomically(outputManifestFile(cacheDir), v8.serialize({ outDir, ...state }));
}

/** Forgets what the output folder holds (before it is changed in place). */
export async function removeOutputManifest(cacheDir: string): Promise<void> {
  await fs.rm(outputManifestFile(cacheDir), { force: true });
}

async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temp, bytes);
  await fs.rename(temp, file);
}

/** Writes the entries used by the last build; stale ones are thereby dropped. */
export async function writeArticleCache(cacheDir: string, entries: ReadonlyMap<string, Article>): Promise<void> {
  await writeAtomically(cacheFile(cacheDir), v8.serialize(entries));
}
