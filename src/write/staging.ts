/**
 * Staging folders: where a build puts its output as it renders it, beside the output folder and on
 * the same file system, so it goes live by rename. A cold build's spool holds the whole new site
 * (spool.ts); a warm build's update holds the changed files and a journal (write-in-place.ts).
 */
import fsp from 'node:fs/promises';
import path from 'node:path';
import { unwritable } from './output-lock.js';
import { removeTree } from './remove-tree.js';

export const STAGING = '.news-archive-staging-';

/**
 * Staging folders of this process's builds still in progress. Another process's are told apart by
 * their pid (write-site.ts recoverInterruptedSwap); this process's own must survive the recovery
 * of a build that starts meanwhile.
 */
const open = new Set<string>();

export function isOpenStaging(dir: string): boolean {
  return open.has(dir);
}

/** Makes a staging folder for `outDir`, this process's until `dropStaging`. */
export async function makeStaging(outDir: string): Promise<string> {
  const parent = path.dirname(outDir);
  try {
    await fsp.mkdir(parent, { recursive: true });
    const dir = await fsp.mkdtemp(path.join(parent, `${STAGING}${path.basename(outDir)}-${process.pid}-`));
    open.add(dir);
    return dir;
  } catch (err) {
    throw unwritable(outDir, err);
  }
}

/** Forgets a staging folder and removes it, unless it was renamed into place (then nothing is there). */
export async function dropStaging(dir: string): Promise<void> {
  open.delete(dir);
  await removeTree(dir);
}
