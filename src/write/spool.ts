/**
 * A cold build's output goes to disk as it is rendered, not held until the end (issue 7: the
 * pages of 10k articles are 600 MB, of 100k six gigabytes). The spool is the staging folder the
 * cold writer swaps in (write-site.ts): made before rendering, filled page by page, swapped in
 * under the output lock, and removed if the build fails, so a failed build still leaves the
 * previous site whole.
 */
import path from 'node:path';
import { dropStaging, makeStaging } from './staging.js';
import { startFileWriter } from './file-writer.js';
import { writeFileSync } from './write-files.js';
import { assertInside, contentHash } from './write-in-place.js';

export interface Spool {
  /** The staging folder beside the output folder. */
  readonly dir: string;
  /** Output path -> content hash of every file put so far. */
  readonly hashes: Map<string, string>;
  /**
   * Writes one output file into the staging folder: at once, or on the writer thread (see
   * openSpool); throws the first write that failed either way.
   */
  put(rel: string, content: string | Uint8Array): void;
  /** Resolves when every file put is on disk (before the folder is swapped in). */
  settle(): Promise<void>;
  /** Stops its writer thread, if it has one. */
  stop(): Promise<void>;
}

/**
 * Makes the staging folder for `outDir` (beside it, on the same file system). With `thread`, the
 * files go to disk on a thread of their own (file-writer.ts): for a big archive, whose render
 * spent a quarter of its time in the file system's calls; a small one is not worth a thread.
 */
export async function openSpool(outDir: string, options: { readonly thread?: boolean } = {}): Promise<Spool> {
  const dir = await makeStaging(outDir);
  const hashes = new Map<string, string>();
  const made = new Set<string>([dir]);
  const writer = options.thread ? startFileWriter() : null;
  return {
    dir,
    hashes,
    put(rel, content) {
      assertInside(rel);
      // The thread may still hold a file put before under the same path.
      if (writer) writer.write(path.join(dir, rel), content, hashes.has(rel));
      else writeFileSync(path.join(dir, rel), content, made);
      hashes.set(rel, contentHash(content));
    },
    settle: async () => writer?.flush(),
    stop: async () => writer?.close(),
  };
}

/** Forgets the spool; its folder is removed unless it was swapped in (then it is the site). */
export async function closeSpool(spool: Spool): Promise<void> {
  // No file is written into the folder after it is removed.
  await spool.stop();
  await dropStaging(spool.dir);
}
