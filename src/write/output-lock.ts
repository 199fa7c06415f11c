/**
 * One writer at a time per output folder. Warm builds change the live site in place, so a dev
 * server and a `build` run side by side, or two builds in one process, must not interleave their
 * writes (or one's recovery with the other's commit). Within a process the writers queue; across
 * processes a lock file beside the output folder, holding the writer's pid, is taken with O_EXCL
 * and waited for while its process is alive.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { CODES, diagnostic, SourceError } from '../diagnostics.js';

const LOCK = '.news-archive-lock-';
/** How long a build waits for another process's write before it gives up with an error. */
const WAIT_MS = 60_000;
const queues = new Map<string, Promise<void>>();

/** Runs `fn` while holding the output folder's lock. */
export async function withOutputLock<T>(outDir: string, fn: () => Promise<T>): Promise<T> {
  const key = path.resolve(outDir);
  const before = queues.get(key) ?? Promise.resolve();
  let release!: () => void;
  const mine = before.then(() => new Promise<void>((r) => (release = r)));
  queues.set(key, mine);
  await before;
  try {
    const file = await acquire(key);
    try {
      return await fn();
    } finally {
      await fs.rm(file, { force: true });
    }
  } finally {
    release();
    if (queues.get(key) === mine) queues.delete(key);
  }
}

async function acquire(outDir: string): Promise<string> {
  const file = path.join(path.dirname(outDir), `${LOCK}${path.basename(outDir)}`);
  const end = Date.now() + WAIT_MS;
  for (;;) {
    try {
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, String(process.pid), { flag: 'wx' });
      return file;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || !(await exists(file))) throw unwritable(outDir, err);
    }
    const holder = Number(await fs.readFile(file, 'utf8').catch(() => ''));
    // A lock left by a process that died (or by this one, which queues above) is stale.
    if (!alive(holder) || holder === process.pid) {
      await fs.rm(file, { force: true });
      continue;
    }
    if (Date.now() > end) {
      throw new SourceError(diagnostic('error', CODES.OUTPUT_UNWRITABLE, `another news-archive process (pid ${holder}) is writing this output folder`,
        'Wait for it to finish (or stop it) and run the build again; the site was left as it was.', { file: outDir }));
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(() => true, () => false);
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
