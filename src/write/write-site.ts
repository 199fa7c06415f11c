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
import { abandoned, DELETING, removeLater } from './remove-later.js';
import { removeTree } from './remove-tree.js';
import { closeSpool, openSpool, type Spool } from './spool.js';
import { isOpenStaging, STAGING } from './staging.js';
import { applyCommit, COMMIT, type OutputFiles } from './write-in-place.js';

export type { OutputFiles };

const RETIRED = '.news-archive-retired-';

/**
 * Writes `files` into `outDir` atomically: staged beside it, then swapped in. With a spool, the
 * staging folder is the spool's, which already holds the files rendered into it. Returns the
 * content hash of every file the site now holds.
 */
export async function writeSite(outDir: string, files: OutputFiles, spool?: Spool, options: WriteSiteOptions = {}): Promise<Map<string, string>> {
  await recoverInterruptedSwap(outDir);
  const own = spool ?? await openSpool(outDir);
  try {
    for (const [rel, content] of files) own.put(rel, content);
    await own.settle();
    await swapIn(own.dir, outDir, options.removeOldLater ?? false);
  } catch (err) {
    throw err instanceof SourceError ? err : unwritable(outDir, err);
  } finally {
    // A spool of its own is removed here (swapped in, its folder is the site and nothing goes);
    // the caller's is the caller's to close.
    if (!spool) await closeSpool(own);
  }
  return own.hashes;
}

export interface WriteSiteOptions {
  /**
   * Remove the replaced site in a process of its own after this returns (remove-later.ts): the
   * command line's builds, which end with the process. @default false
   */
  readonly removeOldLater?: boolean;
}

/** Two renames: the old site is retired, the new one takes its name, then the old one is removed. */
async function swapIn(staging: string, outDir: string, later: boolean): Promise<void> {
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
  if (hadOld && !(later && removeLater(retired, outDir))) await removeTree(retired);
}

/**
 * A build killed between the two renames of `swapIn` leaves the old site under its retired name:
 * put it back. One killed while moving committed files into place left a commit folder: finish it
 * (write-in-place.ts), unless the site it was made against is gone. Leftover staging folders of
 * killed builds, and replaced sites whose remover is gone (remove-later.ts), are removed. Folders
 * of builds and removers still running, and of other output folders whose name starts like this
 * one's, are left alone.
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
    const deleting = leftoverPid(e, DELETING, name, false);
    if (commit !== null && !isLive(commit)) {
      // A commit is a change to the site it was made against: with that site gone (deleted, or
      // replaced whole by a cold build), it would put old files into a newer one.
      if (outExists) await applyCommit(full, outDir);
      else await removeTree(full);
    } else if (retired !== null) {
      if (!outExists && !(await exists(outDir))) await fs.rename(full, outDir);
      else await removeTree(full);
    } else if (staging !== null && !isLive(staging) && !isOpenStaging(full)) {
      await removeTree(full);
    } else if (deleting !== null && abandoned(full, isLive(deleting))) {
      // Its remover died (or the machine stopped) before it was done. Its removal is no part of
      // this build: if a remover is still at it after all, this one stops where they meet.
      await removeTree(full).catch(() => undefined);
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
// build) must survive; this process's own builds take turns (output-lock.ts), but a build stages
// its files as it renders them, before it takes the lock (isOpenStaging).
function isLive(pid: number): boolean {
  return pid !== process.pid && alive(pid);
}

async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(() => true, () => false);
}
