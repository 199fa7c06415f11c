/**
 * The only writer (house style: one choke point, like Zola's write_content). Everything goes to a
 * staging folder beside the output folder, on the same file system, and is swapped in by rename
 * only when every file is written: a failed or killed build leaves the previous site as it was.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { CODES, diagnostic, SourceError } from '../diagnostics.js';
import type { ReusedPage } from '../render/index.js';

/** Output path (relative, `/`-separated) -> content. */
export type OutputFiles = ReadonlyMap<string, string | Uint8Array>;

const STAGING = '.news-archive-staging-';
const RETIRED = '.news-archive-retired-';
const PARALLEL_WRITES = 32;

/**
 * Writes `files` into `outDir` atomically. With the hashes of what `outDir` holds now, a file whose
 * bytes did not change is hard-linked from the current site instead of written again (issue 7:
 * skip files whose bytes did not change, without giving up the staged swap).
 */
export async function writeSite(outDir: string, files: OutputFiles, current?: ReadonlyMap<string, string>, next?: ReadonlyMap<string, string>, reused: ReadonlyMap<string, ReusedPage> = new Map()): Promise<number> {
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
    await writeAll(staging, files, current && next ? { outDir, current, next } : null, reused);
    await swapIn(staging, outDir);
  } catch (err) {
    await fs.rm(staging, { recursive: true, force: true });
    throw err instanceof SourceError ? err : unwritable(outDir, err);
  }
  return files.size + reused.size;
}

async function writeAll(root: string, files: OutputFiles, reuse: { outDir: string; current: ReadonlyMap<string, string>; next: ReadonlyMap<string, string> } | null, reused: ReadonlyMap<string, ReusedPage>): Promise<void> {
  const dirs = new Set<string>();
  for (const rel of [...files.keys(), ...reused.keys()]) {
    if (rel.split('/').some((part) => part === '..' || part === '') || path.isAbsolute(rel)) {
      // Slugs are sanitised long before this; this is the last line of defence against traversal.
      throw new Error(`refusing to write outside the output folder: ${rel}`);
    }
    dirs.add(path.dirname(path.join(root, rel)));
  }
  for (const dir of [...dirs].sort()) await fs.mkdir(dir, { recursive: true });
  const entries: [string, string | Uint8Array | ReusedPage][] = [...files, ...reused];
  let next = 0;
  const worker = async () => {
    while (next < entries.length) {
      const [rel, entry] = entries[next++]!;
      const target = path.join(root, rel);
      if (typeof entry === 'object' && 'render' in entry) {
        // A page not rendered because its inputs did not change: link the live file, or render it
        // after all if that file is gone or was edited by hand (its size differs).
        const live = reuse ? path.join(reuse.outDir, rel) : null;
        const same = live !== null && await fs.stat(live).then((s) => s.size === entry.size, () => false);
        if (!same || !(await fs.link(live, target).then(() => true, () => false))) await fs.writeFile(target, entry.render());
        continue;
      }
      const content = entry;
      if (reuse && reuse.current.get(rel) === reuse.next.get(rel)) {
        // Same bytes as the live file: link it. If the live file is gone or was edited by hand
        // (its size differs), write.
        const live = path.join(reuse.outDir, rel);
        const size = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
        const same = await fs.stat(live).then((s) => s.size === size, () => false);
        if (same && (await fs.link(live, target).then(() => true, () => false))) continue;
      }
      await fs.writeFile(target, content);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_WRITES }, worker));
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
 * put it back. Leftover staging folders of killed builds are removed.
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
    if (e.startsWith(`${RETIRED}${name}-`)) {
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
