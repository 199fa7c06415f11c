/**
 * A cold build's output goes to disk as it is rendered, not held until the end (issue 7: the
 * pages of 10k articles are 600 MB, of 100k six gigabytes). The spool is the staging folder the
 * cold writer swaps in (write-site.ts): made before rendering, filled page by page, swapped in
 * under the output lock, and removed if the build fails, so a failed build still leaves the
 * previous site whole.
 */
import path from 'node:path';
import { dropStaging, makeStaging } from './staging.js';
import { writeFileSync } from './write-files.js';
import { assertInside, contentHash } from './write-in-place.js';

export interface Spool {
  /** The staging folder beside the output folder. */
  readonly dir: string;
  /** Output path -> content hash of every file put so far. */
  readonly hashes: Map<string, string>;
  /** Writes one output file into the staging folder (synchronously: see write-files.ts). */
  put(rel: string, content: string | Uint8Array): void;
}

/** Makes the staging folder for `outDir` (beside it, on the same file system). */
export async function openSpool(outDir: string): Promise<Spool> {
  const dir = await makeStaging(outDir);
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
  await dropStaging(spool.dir);
}
