/**
 * The cold build's writer (house style: one choke point, like Zola's write_content; the warm
 * build's is write-in-place.ts). Everything goes to a staging folder beside the output folder, on
 * the same file system, and is swapped in by rename only when every file is written: a failed or
 * killed build leaves the previous site as it was.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { SourceError } from '../diagnostics.js';
import { alive, unwritable } from './output-lock.js';
import { applyCommit, assertInside, COMMIT, STAGING, writeParallel, type OutputFiles } from './write-in-place.js';

export type { OutputFiles };

const RETIRED = '.news-archive-retired-';

/** Writes `files` into `outDir` atomically: staged beside it, then swapped in. */
export async function writeSite(outDir: string, files: OutputFiles): Promise<number> {
  const parent = path.dirname(outDir);
  const name = path.basename(outDir);
  await recoverInterruptedSwap(outDir);
  let staging: string;
  try {
    await fs.mkdir(parent, { recursive: true });
    staging = await fs.mkdtemp(path.join(parent, `${STAGING}${name}-${process.pid}-`));
  } catch (err) {
    throw unwritable(outDir, err);
  }
  try {
    for (const rel of files.keys()) assertInside(rel);
    const dirs = new Set([...files.keys()].map((rel) => path.dirname(path.join(staging, rel))));
    for (const dir of [...dirs].sort()) await fs.mkdir(dir, { recursive: true });
    await writeParallel([...files].map(([rel, content]) => [path.join(staging, rel), content] as const));
    await swapIn(staging, outDir);
  } catch (err) {
    await fs.rm(staging, { recursive: true, force: true });
    throw err instanceof SourceError ? err : unwritable(outDir, err);
  }
  return files.size;
}

/** Two renames: the old site is retired, the new one takes its name, then the old one is removed. */
async function swapIn(staging: string, outDir: string): Promise<void> {
  const retired = `${path.join(path.dirname(outDir), RETIRED)}${path.basename(outDir)}-${process.pid}`;
  let hadOld = true;
  try {
    await fs.rename(outDir, retired);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    hadOld = false;
  }
  try {
    await fs.rename(staging, outDir);
  } catch (err) {
    if (hadOld) await fs.rename(retired, outDir);
    throw err;
  }
  if (hadOld) await fs.rm(retired, { recursive: true, force: true });
}

/**
 * A build killed between the two renames of `swapIn` leaves the old site under its retired name:
 * put it back. One killed while moving committed files into place left a commit folder: finish it
 * (write-in-place.ts), unless the site it was made against is gone. Leftover staging folders of
 * killed builds are removed. Folders of builds still running, and of other output folders whose
 * name starts like this one's, are left alone.
 */
export async function recoverInterruptedSwap(outDir: string): Promise<void> {
  const parent = path.dirname(outDir);
  const name = path.basename(outDir);
  let entries: string[];
  try {
    entries = await fs.readdir(parent);
  } catch {
    return;
  }
  const outExists = entries.includes(name);
  for (const e of entries.sort()) {
    const full = path.join(parent, e);
    const commit = leftoverPid(e, COMMIT, name, true);
    const retired = leftoverPid(e, RETIRED, name, false);
    const staging = leftoverPid(e, STAGING, name, true);
    if (commit !== null && !isLive(commit)) {
      // A commit is a change to the site it was made against: with that site gone (deleted, or
      // replaced whole by a cold build), it would put old files into a newer one.
      if (outExists) await applyCommit(full, outDir);
      else await fs.rm(full, { recursive: true, force: true });
    } else if (retired !== null) {
      if (!outExists && !(await exists(outDir))) await fs.rename(full, outDir);
      else await fs.rm(full, { recursive: true, force: true });
    } else if (staging !== null && !isLive(staging)) {
      await fs.rm(full, { recursive: true, force: true });
    }
  }
}

/**
 * The pid in the name of one of this output folder's leftovers (`<prefix><name>-<pid>`, then
 * `-<suffix>` for staging and commit folders), or null for anything else, such as the leftovers
 * of an output folder named `<name>-preview`.
 */
function leftoverPid(entry: string, prefix: string, name: string, suffixed: boolean): number | null {
  const head = `${prefix}${name}-`;
  if (!entry.startsWith(head)) return null;
  const m = (suffixed ? /^(\d+)-[A-Za-z0-9]+$/ : /^(\d+)$/).exec(entry.slice(head.length));
  return m ? Number(m[1]) : null;
}

// A staging folder of a build still running in another process (e.g. a dev server next to a
// build) must survive; this process's own builds take turns (output-lock.ts).
function isLive(pid: number): boolean {
  return pid !== process.pid && alive(pid);
}

async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(() => true, () => false);
}
