/**
 * One writer at a time per output folder. Warm builds change the live site in place, so a dev
 * server and a `build` run side by side, or two builds in one process, must not interleave their
 * writes (or one's recovery with the other's commit). Within a process the writers queue; across
 * processes a lock file beside the output folder, created exclusively and holding the taker's pid
 * and a token, is waited for while its holder is alive.
 */
import crypto from 'node:crypto';
import { realpathSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { CODES, diagnostic, SourceError } from '../diagnostics.js';

const LOCK = '.news-archive-lock-';
/** How long a build waits for another process's write before it gives up with an error. */
const WAIT_MS = 60_000;
/** A lock file without a readable token this old was left by a process that died taking it. */
const UNREADABLE_GRACE_MS = 10_000;
const queues = new Map<string, Promise<void>>();

/** Runs `fn` while holding the output folder's lock. */
export async function withOutputLock<T>(outDir: string, fn: () => Promise<T>): Promise<T> {
  // The real path: two spellings of one folder (a symlink) must share a queue.
  // Synchronous, so writers queue in the order they asked.
  const parent = realParent(outDir);
  const key = path.join(parent, path.basename(outDir));
  const before = queues.get(key) ?? Promise.resolve();
  let release!: () => void;
  const mine = before.then(() => new Promise<void>((r) => (release = r)));
  queues.set(key, mine);
  await before;
  try {
    const lock = await acquire(key);
    try {
      return await fn();
    } finally {
      await lock.release();
    }
  } finally {
    release();
    if (queues.get(key) === mine) queues.delete(key);
  }
}

function realParent(outDir: string): string {
  const parent = path.dirname(path.resolve(outDir));
  try {
    return realpathSync(parent);
  } catch {
    return parent;
  }
}

async function acquire(outDir: string): Promise<{ release: () => Promise<void> }> {
  const file = path.join(path.dirname(outDir), `${LOCK}${path.basename(outDir)}`);
  const token = `${process.pid} ${crypto.randomUUID()}`;
  const end = Date.now() + WAIT_MS;
  for (;;) {
    try {
      await fs.mkdir(path.dirname(file), { recursive: true });
    } catch (err) {
      throw unwritable(outDir, err);
    }
    try {
      // O_EXCL: one creator wins. Until it has written its token the file is empty, which
      // `stale` reads as taken (for a grace period), never as free.
      await fs.writeFile(file, token, { flag: 'wx' });
      return { release: () => releaseIfOurs(file, token) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw unwritable(outDir, err);
    }
    const judged = await stale(file);
    if (judged !== null) {
      // Removed only if it is still the lock judged stale, not one another waiter just took.
      if ((await fs.readFile(file, 'utf8').catch(() => null)) === judged) await fs.rm(file, { force: true });
      continue;
    }
    if (Date.now() > end) {
      const holder = (await fs.readFile(file, 'utf8').catch(() => '')).split(' ')[0];
      throw new SourceError(diagnostic('error', CODES.OUTPUT_UNWRITABLE, `another news-archive process (pid ${holder}) is writing this output folder`,
        'Wait for it to finish (or stop it) and run the build again; the site was left as it was.', { file: outDir }));
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The content of a lock whose holder is gone, or null while it is held (or was just released).
 * This process holds its own locks through the queue, never twice, so its own pid means a lock
 * left by an earlier process that had the same pid.
 */
async function stale(file: string): Promise<string | null> {
  const [text, stat] = await Promise.all([fs.readFile(file, 'utf8').catch(() => null), fs.stat(file).catch(() => null)]);
  if (!stat || text === null) return null;
  const pid = Number(text.split(' ')[0]);
  if (!text || !Number.isInteger(pid) || pid <= 0) return Date.now() - stat.mtimeMs > UNREADABLE_GRACE_MS ? text : null;
  return pid === process.pid || !alive(pid) ? text : null;
}

async function releaseIfOurs(file: string, token: string): Promise<void> {
  if ((await fs.readFile(file, 'utf8').catch(() => null)) === token) await fs.rm(file, { force: true });
}

/** The error for an output folder that cannot be written (or whose parent cannot be made). */
export function unwritable(outDir: string, err: unknown): SourceError {
  return new SourceError(diagnostic('error', CODES.OUTPUT_UNWRITABLE, `cannot write the output folder: ${(err as Error).message}`,
    'Check that the output folder (--out) and its parent exist and are writable; the previous site was left as it was.', { file: outDir }), { cause: err });
}

/** True when a process with this pid runs (or exists but is not ours to signal). */
export function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
