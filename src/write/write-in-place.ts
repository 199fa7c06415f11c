/**
 * A warm build updates the live site in place, through a journal, so its write costs what changed
 * (issue 7): a staged swap of the whole site hard-linked every unchanged file and then removed the
 * retired tree, 27k files each way at 10k articles.
 *
 * 1. The files that changed go to a staging folder beside the site as they are rendered, with a journal of what goes
 *    where and which files the site no longer has. A build that dies here leaves the site as it was.
 * 2. The staging folder is renamed to a commit folder: the commit point.
 * 3. Each staged file is renamed over its live path (atomic per file), vanished files are removed,
 *    the commit folder goes. A build that dies here is rolled forward by the next one
 *    (`recoverInterruptedSwap` runs `applyCommit` before every build), so the site is never
 *    left half old, half new.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { startFileWriter, type FileWriter } from './file-writer.js';
import { removeTree } from './remove-tree.js';
import { dropStaging, makeStaging } from './staging.js';

/** Output path (relative, `/`-separated) -> content. */
export type OutputFiles = ReadonlyMap<string, string | Uint8Array>;

export const COMMIT = '.news-archive-commit-';
const JOURNAL = 'journal.json';

interface Journal {
  /**
   * The output folder the commit is for (`siteId`): the same folder under another path (a symlink,
   * a moved project) still matches; a folder deleted and made again does not.
   */
  readonly site: string;
  /** Output paths; the i-th is staged as `files/i`. */
  readonly write: string[];
  readonly remove: string[];
}

export function contentHash(content: string | Uint8Array): string {
  return crypto.createHash('sha1').update(content).digest('hex');
}

/** Content hash of every output file (what the next build compares). */
export function hashFiles(files: OutputFiles): Map<string, string> {
  const out = new Map<string, string>();
  for (const [rel, content] of files) out.set(rel, contentHash(content));
  return out;
}

/** Throws for a path that would leave the output folder (the last line of defence: slugs are sanitised long before). */
export function assertInside(rel: string): void {
  if (rel.split('/').some((part) => part === '..' || part === '') || path.isAbsolute(rel)) {
    throw new Error(`refusing to write outside the output folder: ${rel}`);
  }
}

/** What an in-place update did. */
export interface InPlaceResult {
  /** Content hash of every file the folder now holds. */
  readonly hashes: Map<string, string>;
  /** Output paths written (their bytes changed, or their live copies had gone or been edited). */
  readonly written: readonly string[];
  readonly removed: number;
}

/** Whether the live file `rel` still has the size on record (not deleted or edited by hand since). */
export function isIntact(outDir: string, rel: string, size: number): boolean {
  try {
    return fs.statSync(path.join(outDir, rel), { throwIfNoEntry: false })?.size === size;
  } catch {
    // ENOTDIR (a page's folder replaced by a file), EACCES: not as written, so written again.
    return false;
  }
}

/**
 * A warm build's changes to a live site, staged as they are rendered (issue 7: held until the
 * write, the pages a template edit changes at 100k articles ran out of memory).
 */
export interface StagedUpdate {
  /**
   * Takes one rendered file: staged (step 1) unless the live file already has these bytes. A
   * file whose hash is on record is staged anyway if its live copy is gone or has another size
   * (deleted or edited by hand).
   */
  put(rel: string, content: string | Uint8Array): void;
  /**
   * Steps 1 to 3 done: the staged files go live, and the files on record that were neither put
   * nor `reused` (pages the render stage found right, pages.ts PageMemo) are removed.
   */
  commit(reused: ReadonlySet<string>): Promise<InPlaceResult>;
  /** Removes what was staged and not committed (a failed build, or a record no longer trusted). */
  discard(): Promise<void>;
}

/** Starts an update of `outDir`, which holds the files of `current` (path -> hash). */
export async function stageUpdate(outDir: string, current: ReadonlyMap<string, string>): Promise<StagedUpdate> {
  const staging = await makeStaging(outDir);
  await fsp.mkdir(path.join(staging, 'files'));
  const hashes = new Map<string, string>();
  const write: string[] = [];
  // Past a few hundred files (a template edited: every page), the rest go to disk on a thread of
  // their own while the build renders, as a cold build's do (spool.ts); a new article's hundred
  // pages are not worth a thread.
  let writer: FileWriter | null = null;
  const stopWriter = async () => {
    await writer?.close();
    writer = null;
  };
  return {
    put(rel, content) {
      assertInside(rel);
      const hash = contentHash(content);
      const size = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
      if (current.get(rel) !== hash || !isIntact(outDir, rel, size)) {
        const file = path.join(staging, 'files', String(write.length));
        if (write.length === WRITER_THREAD_AFTER) writer = startFileWriter();
        if (writer) writer.write(file, content);
        else fs.writeFileSync(file, content);
        write.push(rel);
      }
      hashes.set(rel, hash);
    },
    async commit(reused) {
      try {
        await writer?.flush();
      } finally {
        await stopWriter();
      }
      for (const rel of reused) {
        assertInside(rel);
        const hash = current.get(rel);
        if (hash === undefined) throw new Error(`${rel}: a reused page is not on record (a bug: build.ts pageMemo takes only pages on record)`);
        hashes.set(rel, hash);
      }
      const remove = [...current.keys()].filter((rel) => !hashes.has(rel));
      if (write.length === 0 && remove.length === 0) {
        await dropStaging(staging);
        return { hashes, written: write, removed: 0 };
      }
      const journal: Journal = { site: await siteId(outDir) ?? '', write, remove };
      await fsp.writeFile(path.join(staging, JOURNAL), JSON.stringify(journal));
      const commit = path.join(path.dirname(outDir), `${COMMIT}${path.basename(outDir)}-${process.pid}-${path.basename(staging).split('-').pop()}`);
      await fsp.rename(staging, commit);
      await dropStaging(staging);
      await applyCommit(commit, outDir);
      return { hashes, written: write, removed: remove.length };
    },
    async discard() {
      // No file is written into the staging folder after it is removed.
      await stopWriter();
      await dropStaging(staging);
    },
  };
}

/** Files an update stages on the build's thread before it starts a writer thread for the rest. */
const WRITER_THREAD_AFTER = 500;

/**
 * Step 3: moves a commit folder's files into place and removes it. Safe to run again on a commit
 * that was half applied, which is how a later build rolls a dead build's commit forward.
 */
export async function applyCommit(commit: string, outDir: string): Promise<void> {
  const journal = JSON.parse(await fsp.readFile(path.join(commit, JOURNAL), 'utf8')) as Journal;
  if (journal.site !== (await siteId(outDir))) {
    // Not this folder's (another folder, or this one replaced since): nothing in it applies here.
    await removeTree(commit);
    return;
  }
  // Synchronous, as the writes are (write-files.ts): a template edit at 10k articles moves 13.7k
  // pages, and with an awaited mkdir and rename each through libuv's thread pool its write stage
  // took 3.9-5.4 s against 2.2-3.3 s. The event loop gets a turn now and then (dev mode serves
  // pages meanwhile).
  for (const [i, rel] of journal.write.entries()) {
    assertInside(rel);
    moveInto(path.join(commit, 'files', String(i)), path.join(outDir, rel));
    if (i % TURN === TURN - 1) await new Promise(setImmediate);
  }
  for (const rel of journal.remove) {
    assertInside(rel);
    fs.rmSync(path.join(outDir, rel), { force: true });
  }
  // Folders left empty by removed files go too (a deleted article's folder, a search part's
  // folders), deepest first so a parent is empty when its turn comes; rmdir leaves any folder
  // that still holds something.
  const folders = new Set<string>();
  for (const rel of journal.remove) {
    for (let dir = path.posix.dirname(rel); dir !== '.' && !folders.has(dir); dir = path.posix.dirname(dir)) folders.add(dir);
  }
  for (const dir of [...folders].sort((a, b) => b.split('/').length - a.split('/').length)) {
    try {
      fs.rmdirSync(path.join(outDir, dir));
    } catch {
      // Not empty (or gone already): left as it is.
    }
  }
  await removeTree(commit);
}

/** Files moved between two turns of the event loop. */
const TURN = 512;

/**
 * Renames a staged file over its live path, making the folder only when it is missing (a new
 * article's): most folders exist, and a `mkdir` for each was one system call more a file. A file
 * already moved by an earlier, interrupted run of the same commit is left alone.
 */
function moveInto(staged: string, target: string): void {
  try {
    fs.renameSync(staged, target);
    return;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  if (!fs.existsSync(staged)) return;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.renameSync(staged, target);
}

/**
 * The identity of a folder on disk, or null when it does not exist: device, inode and birth time
 * (an inode number is reused at once for a folder made after one was removed).
 */
async function siteId(dir: string): Promise<string | null> {
  const s = await fsp.stat(dir, { bigint: true }).catch(() => null);
  return s ? `${s.dev}:${s.ino}:${s.birthtimeNs}` : null;
}

/**
 * Replaces a few files of the live site, each atomically (written beside it, then renamed over
 * it): dev mode's preview of an edited article (preview.ts). Returns their content hashes.
 */
export async function replaceFiles(outDir: string, files: OutputFiles): Promise<Map<string, string>> {
  for (const rel of files.keys()) assertInside(rel);
  for (const [rel, content] of files) {
    const target = path.join(outDir, rel);
    const temp = `${target}.${process.pid}.tmp`;
    await fsp.mkdir(path.dirname(target), { recursive: true });
    await fsp.writeFile(temp, content);
    await fsp.rename(temp, target);
  }
  return hashFiles(files);
}
