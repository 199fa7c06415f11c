/**
 * A cold build's output goes to disk as it is rendered, not held until the end (issue 7: the
 * pages of 10k articles are 600 MB, of 100k six gigabytes). The spool is the staging folder the
 * cold writer swaps in (write-site.ts): made before rendering, filled page by page, swapped in
 * under the output lock, and removed if the build fails, so a failed build still leaves the
 * previous site whole.
 */
import fsp from 'node:fs/promises';
import path from 'node:path';
import { unwritable } from './output-lock.js';
import { writeFileSync } from './write-files.js';
import { assertInside, contentHash, STAGING } from './write-in-place.js';

export interface Spool {
  /** The staging folder beside the output folder. */
  readonly dir: string;
  /** Output path -> content hash of every file put so far. */
  readonly hashes: Map<string, string>;
  /** Writes one output file into the staging folder (synchronously: see writeFilesSync). */
  put(rel: string, content: string | Uint8Array): void;
}

/**
 * Staging folders of this process's builds still in progress. Another process's are told apart by
 * their pid; this process's own must survive the recovery of a build that starts meanwhile.
 */
const open = new Set<string>();

export function isOpenSpool(dir: string): boolean {
  return open.has(dir);
}

/** Makes the staging folder for `outDir` (beside it, on the same file system). */
export async function openSpool(outDir: string): Promise<Spool> {
  const parent = path.dirname(outDir);
  let dir: string;
  try {
    await fsp.mkdir(parent, { recursive: true });
    dir = await fsp.mkdtemp(path.join(parent, `${STAGING}${path.basename(outDir)}-${process.pid}-`));
  } catch (err) {
    throw unwritable(outDir, err);
  }
  open.add(dir);
  const hashes = new Map<string, string>();
  const made = new Set<string>([dir]);
  return {
    dir,
    hashes,
    put(rel, content) {
      assertInside(rel);
      writeFileSync(path.join(dir, rel), content, made);
      hashes.set(rel, contentHash(content));
    },
  };
}

/** Forgets the spool; its folder is removed unless it was swapped in (then it is the site). */
export async function closeSpool(spool: Spool): Promise<void> {
  open.delete(spool.dir);
  await fsp.rm(spool.dir, { recursive: true, force: true });
}
