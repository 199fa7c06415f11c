/**
 * The sizes of the live site's files, looked up on a thread of their own while the build loads and
 * links its articles: a warm build keeps a page only if its live file still has the size on record
 * (not deleted or edited by hand), and at 10k articles the 37k `stat` calls took 0.3-0.5 s of the
 * main thread's render, in the build users wait for after adding one article (issue 7).
 */
import { Worker } from 'node:worker_threads';

/** Below this many files a thread costs more than it saves: they are looked up when asked. */
export const LIVE_SIZES_FROM = 2000;

/** Output path -> bytes of the live file, or -1 when it is gone. */
export type LiveSizes = ReadonlyMap<string, number>;

/** The files to look up: listed, or those of the output record saved in `recordFile` (write-cache.ts). */
export type LiveFiles = { readonly paths: readonly string[] } | { readonly recordFile: string };

/**
 * What the thread found: the sizes, in the order of the files (the record's order, for a record),
 * and for a record, its stamp when read (as outputManifestStamp gives it): the build pairs the sizes
 * with the paths of the record it reads itself, and only if that is the one the thread read.
 */
export interface FoundSizes {
  readonly stamp: string | null;
  readonly sizes: Float64Array;
}

// A script, not a module file: the bundled CLI, the compiled code and the tests under tsx all run
// it as it is, with nothing to resolve. Given the record, it reads the record itself, so a warm
// build's main thread neither reads it twice nor holds it while the articles load; it sends back
// numbers alone, the paths being the build's own (at 100k articles, 343k paths sent back were
// 35 MB held through the render).
const LOOKUP = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
const v8 = require('node:v8');
const { dir, files, from } = workerData;
let paths = files.paths;
let stamp = null;
if (!paths) {
  const stampOf = () => { const s = fs.statSync(files.recordFile); return s.mtimeMs + ':' + s.size; };
  stamp = stampOf();
  const record = v8.deserialize(fs.readFileSync(files.recordFile));
  if (stampOf() !== stamp) throw new Error('the output record changed while it was read');
  paths = record && record.hashes instanceof Map ? [...record.hashes.keys()] : [];
}
if (paths.length < from) {
  parentPort.postMessage(null);
} else {
  const sizes = new Float64Array(paths.length);
  for (let i = 0; i < paths.length; i++) {
    try {
      sizes[i] = fs.statSync(path.join(dir, paths[i]), { throwIfNoEntry: false })?.size ?? -1;
    } catch {
      sizes[i] = -1;
    }
  }
  parentPort.postMessage({ stamp, sizes }, [sizes.buffer]);
}
`;

/** A lookup under way. */
export interface LiveSizesLookup {
  /** The answer (see lookUpLiveSizes); from this call on, the thread keeps the process alive until it is given. */
  answer(): Promise<FoundSizes | null>;
  /** Stops the thread: the build will not ask (no page of the live site can be kept). */
  cancel(): void;
}

/**
 * Starts looking up the sizes of the files (relative, `/`-separated) under `outDir`. The answer is
 * null if the thread cannot give it (none can be started, no record can be read), or there are
 * fewer than `from` files: the caller then looks each file up itself. Until the answer is asked
 * for, the thread does not keep the process alive, so a build that fails before is not held up.
 */
export function lookUpLiveSizes(outDir: string, files: LiveFiles, from = LIVE_SIZES_FROM): LiveSizesLookup {
  if ('paths' in files && files.paths.length < from) return { answer: () => Promise.resolve(null), cancel: () => undefined };
  let worker: Worker | undefined;
  const found = new Promise<FoundSizes | null>((resolve) => {
    try {
      // None of this process's flags: `--input-type=module` would make the script a module.
      worker = new Worker(LOOKUP, { eval: true, execArgv: [], workerData: { dir: outDir, files, from } });
    } catch {
      resolve(null);
      return;
    }
    worker.once('message', (answer: FoundSizes | null) => resolve(answer));
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
    // After the listeners: a message listener refs the worker's port again.
    worker.unref();
  });
  return {
    answer() {
      // Waited for, it must keep the process alive: with nothing else to do, Node would exit.
      worker?.ref();
      return found;
    },
    cancel() {
      void worker?.terminate();
    },
  };
}

/**
 * The sizes by path, for `paths` in the order they were looked up in; null if there are not as
 * many as were found. The map's keys are the strings given, not copies.
 */
export function sizesByPath(paths: Iterable<string>, found: FoundSizes): LiveSizes | null {
  const sizes = new Map<string, number>();
  let i = 0;
  for (const p of paths) {
    if (i === found.sizes.length) return null;
    sizes.set(p, found.sizes[i++]!);
  }
  return i === found.sizes.length ? sizes : null;
}
