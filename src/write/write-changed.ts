/**
 * Dev mode's writer: only the files whose bytes changed since the last build are written, and
 * files the site no longer has are removed, in place. Not atomic — a dev server only writes after
 * a build succeeded, and the next save rewrites what a crash left — but it turns a rebuild's write
 * from the whole site into the few pages an edit touched (issue 6, item 1).
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { isDirectory } from '../load/index.js';
import type { ReusedPage } from '../render/index.js';
import { writeSite, type OutputFiles } from './write-site.js';

function contentHash(content: string | Uint8Array): string {
  return crypto.createHash('sha1').update(content).digest('hex');
}

/** Content hash of every output file (what `writeChanged` compares). */
export function hashFiles(files: OutputFiles): Map<string, string> {
  const out = new Map<string, string>();
  for (const [rel, content] of files) out.set(rel, contentHash(content));
  return out;
}

/** Writes changed files, removes vanished ones; returns the new hashes and what was done. */
export async function writeChanged(outDir: string, files: OutputFiles, previous: ReadonlyMap<string, string>, reused: ReadonlyMap<string, ReusedPage> = new Map()): Promise<{ hashes: Map<string, string>; written: number; removed: number }> {
  const hashes = hashFiles(files);
  const changed = [...files.keys()].filter((rel) => hashes.get(rel) !== previous.get(rel));
  // Reused pages are the live files (their inputs did not change): nothing to write. The build
  // reuses only pages whose file is on record (build.ts pageMemo), so their hash is known.
  for (const rel of reused.keys()) hashes.set(rel, previous.get(rel)!);
  for (const rel of changed) {
    if (rel.split('/').some((part) => part === '..' || part === '') || path.isAbsolute(rel)) throw new Error(`refusing to write outside the output folder: ${rel}`);
    const file = path.join(outDir, rel);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, files.get(rel)!);
  }
  const gone = [...previous.keys()].filter((rel) => !files.has(rel) && !reused.has(rel));
  for (const rel of gone) await fs.rm(path.join(outDir, rel), { force: true });
  // Folders left empty by removed pages (a deleted article's folder) go too.
  for (const dir of new Set(gone.map((rel) => path.dirname(rel)))) {
    await fs.rmdir(path.join(outDir, dir)).catch(() => undefined);
  }
  return { hashes, written: changed.length, removed: gone.length };
}

/**
 * The build's one call to write its output. In dev (`inPlace`, with the hashes of what the folder
 * holds) only changed files are written where they are; otherwise the site is staged and swapped
 * in, linking files whose bytes match `current`. Returns the hashes of what the folder now holds.
 */
export async function writeOutput(outDir: string, files: OutputFiles, options: { current: ReadonlyMap<string, string> | null; inPlace: boolean; reused?: ReadonlyMap<string, ReusedPage> }): Promise<Map<string, string>> {
  const reused = options.reused ?? new Map<string, ReusedPage>();
  if (options.inPlace && options.current?.size && (await isDirectory(outDir))) return (await writeChanged(outDir, files, options.current, reused)).hashes;
  const hashes = hashFiles(files);
  // The same inputs as the live page, so the same bytes: its hash is the one on record.
  for (const rel of reused.keys()) hashes.set(rel, options.current!.get(rel)!);
  await writeSite(outDir, files, options.current ?? undefined, hashes, reused);
  return hashes;
}
