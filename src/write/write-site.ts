/**
 * The cold build's writer (house style: one choke point, like Zola's write_content; the warm
 * build's is write-in-place.ts). Everything goes to a staging folder beside the output folder, on
 * the same file system, and is swapped in by rename only when every file is written: a failed or
 * killed build leaves the previous site as it was.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { CODES, diagnostic, SourceError } from '../diagnostics.js';
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
 * (write-in-place.ts). Leftover staging folders of killed builds are removed.
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
    if (e.startsWith(`${COMMIT}${name}-`) && outExists && !isLive(Number(e.slice(COMMIT.length + name.length + 1).split('-')[0]))) {
      await applyCommit(full, outDir);
    } else if (e.startsWith(`${RETIRED}${name}-`)) {
      if (!outExists && !(await exists(outDir))) await fs.rename(full, outDir);
      else await fs.rm(full, { recursive: true, force: true });
    } else if (e.startsWith(`${STAGING}${name}-`) && !isLive(Number(e.slice(STAGING.length + name.length + 1).split('-')[0]))) {
      await fs.rm(full, { recursive: true, force: true });
    }
  }
}

// A staging folder of a build still running (e.g. a dev server next to a build) must survive.
function isLive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(() => true, () => false);
}

function unwritable(outDir: string, err: unknown): SourceError {
  return new SourceError(diagnostic('error', CODES.OUTPUT_UNWRITABLE, `cannot write the output folder: ${(err as Error).message}`,
    'Check that the output folder (--out) and its parent exist and are writable; the previous site was left as it was.', { file: outDir }), { cause: err });
}
