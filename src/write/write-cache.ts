/** Saves the persistent per-article cache atomically (write a temp file, then rename). */
import fs from 'node:fs/promises';
import v8 from 'node:v8';
import type { Article } from '../model.js';
import { cacheFile } from '../load/read-cache.js';

/** Writes the entries used by the last build; stale ones are thereby dropped. */
export async function writeArticleCache(cacheDir: string, entries: ReadonlyMap<string, Article>): Promise<void> {
  const file = cacheFile(cacheDir);
  await fs.mkdir(cacheDir, { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temp, v8.serialize(entries));
  await fs.rename(temp, file);
}
