/**
 * What a warm build knows of each source file without reading it (issue 7): the file as it was
 * last read (size, times, inode), its content hash, and what the furniture pre-pass needs of a
 * scraped text (its publisher and its lines' hashes, normalize/shared-lines.ts). A file that
 * still has the size, times and inode on record is not read again: its article comes from the
 * article cache by the hash on record, and its text is read only if that article must be made.
 *
 * Any write to a file sets its ctime to the clock's now, and no tool can set it back, so an edit
 * is never taken for the old file. One case could be: a file changed again within the same tick
 * of the file system's clock as the read that recorded it. So a file is recorded only once it
 * has been left alone for SETTLED_MS (git's "racy" rule); a file just saved is read again by the
 * next build.
 */
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { PIPELINE_VERSION } from '../article-cache.js';

/** What identifies a file's contents without reading them. */
export interface FileStat {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  readonly ino: number;
  readonly dev: number;
}

export interface KnownSource {
  readonly stat: FileStat;
  /** Content hash of the raw bytes, as SourceFile.hash. */
  readonly hash: string;
  /** Scraped text only: the publisher its front matter names, and its lines' hashes. */
  readonly publisher: string | null;
  readonly lines: Float64Array | null;
}

/** Path relative to the content folder -> what is known of the file. */
export type SourceIndex = ReadonlyMap<string, KnownSource>;

/** How long a file must have been left alone to be recorded (see above). */
export const SETTLED_MS = 2000;

export function fileStat(s: fs.Stats): FileStat {
  return { size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino, dev: s.dev };
}

export function sameFile(a: FileStat, b: FileStat): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino && a.dev === b.dev;
}

/** Whether a file read at `readAt` (ms since the epoch) may be recorded: it had been left alone long enough before. */
export function isSettled(stat: FileStat, readAt: number, settledMs = SETTLED_MS): boolean {
  return Math.max(stat.mtimeMs, stat.ctimeMs) < readAt - settledMs;
}

export function sourceIndexFile(cacheDir: string): string {
  return path.join(cacheDir, `sources-v${PIPELINE_VERSION}.bin`);
}

function isKnownSource(v: unknown): v is KnownSource {
  const k = v as KnownSource | null;
  return typeof k?.hash === 'string' && typeof k.stat?.ctimeMs === 'number' && (k.lines === null || k.lines instanceof Float64Array);
}

/** The index the last build saved; empty when there is none or it cannot be read (every file is read). */
export function readSourceIndex(cacheDir: string): SourceIndex {
  try {
    const data: unknown = v8.deserialize(fs.readFileSync(sourceIndexFile(cacheDir)));
    if (data instanceof Map && [...data.values()].every(isKnownSource)) return data as SourceIndex;
  } catch {
    // none yet
  }
  return new Map();
}
