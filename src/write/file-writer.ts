/**
 * Writes files on a thread of its own, one after another, while the build renders the next ones.
 * A cold build at 10k articles spent 9 s of its main thread's render in `mkdir`, `open` and
 * `write` (38,866 files beside two Pagefind processes, each call several times slower than
 * alone); on this thread they overlap the rendering (issue 7). The thread writes one file after
 * another, and the build's thread only when the thread is behind: many in flight through libuv's
 * pool were several times slower on this kind of disk (write-files.ts).
 */
import { Worker } from 'node:worker_threads';
import { writeFileSync } from './write-files.js';

/** A writer of files (absolute paths). */
export interface FileWriter {
  /**
   * Queues a file, or writes it at once when the thread is behind (the queue is a fixed ring, so
   * a fast render never holds the site in memory). Throws the first write that failed, so the
   * build stops at its next file. `again`: the path may have been given before, and this file
   * must not overtake it.
   */
  write(file: string, content: string | Uint8Array, again?: boolean): void;
  /** Resolves when every file queued is written; rejects with the first failure. */
  flush(): Promise<void>;
  /** Stops the thread; files queued and not yet written may be left unwritten. */
  close(): Promise<void>;
}

/**
 * The files' bytes pass through a ring of shared memory, not messages: copied through messages,
 * the 600 MB of a 10k-article site were allocated on one thread and freed on the other, and the
 * process kept 36-59 MB more (the allocator's per-thread arenas). The ring is also the most that
 * is queued: when the render is ahead of the disk, the build's thread writes the next file itself.
 */
const RING_BYTES = 8 * 1024 * 1024;
/** A file larger than this (a sitemap, a year of the data index) is written by the caller's thread. */
const RING_FILE_MAX = RING_BYTES / 4;
/**
 * The writer's heap holds the paths of a message or two and its folder set: capped, V8 collects
 * it rather than letting it grow (at 100k articles, 358k files' messages).
 */
const WRITER_HEAP = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 };
/** Files sent to the thread in one message. */
const BATCH_FILES = 64;

// Shared between the threads, after the ring: [QUEUED] bytes of the ring in use, [FAILED] 1 once
// a write failed, [ERROR_LENGTH] the length of its description (JSON), in the bytes after them.
const QUEUED = 0;
const FAILED = 1;
const ERROR_LENGTH = 2;
const STATE_BYTES = 3 * 4;
const ERROR_BYTES = 4096;

/**
 * One file for the thread: its path and where its bytes are in the ring (offset, length, and the
 * ring bytes freed once it is written: its length and any end of the ring skipped before it).
 */
type Entry = readonly [file: string, offset: number, length: number, freed: number];

// A script, not a module file: the bundled CLI, the compiled code and the tests under tsx all run
// it as it is (see live-sizes.ts).
const WRITER = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
const ring = new Uint8Array(workerData, 0, ${RING_BYTES});
const state = new Int32Array(workerData, ${RING_BYTES}, 3);
const errorBytes = new Uint8Array(workerData, ${RING_BYTES + STATE_BYTES});
// As write-files.ts writeFileSync (a script cannot import it): a folder is made once, the set
// forgotten now and then (100k articles, 100k folders).
const made = new Set();
parentPort.on('message', (m) => {
  if (m === 'flush') return parentPort.postMessage('flushed');
  for (const entry of m) {
    const file = entry[0];
    if (Atomics.load(state, ${FAILED}) === 0) {
      try {
        const dir = path.dirname(file);
        if (!made.has(dir)) {
          fs.mkdirSync(dir, { recursive: true });
          if (made.size >= 1024) made.clear();
          made.add(dir);
        }
        fs.writeFileSync(file, ring.subarray(entry[1], entry[1] + entry[2]));
      } catch (err) {
        // Cut to fit the shared bytes whatever the characters (at most 4 bytes each, doubled by escapes).
        const cut = (v) => (typeof v === 'string' ? v.slice(0, ${ERROR_BYTES / 20}) : undefined);
        const text = new TextEncoder().encode(JSON.stringify({ message: cut(String(err && err.message)), code: cut(err && err.code), path: cut(err && err.path) }));
        errorBytes.set(text);
        Atomics.store(state, ${ERROR_LENGTH}, text.length);
        Atomics.store(state, ${FAILED}, 1);
      }
    }
    Atomics.sub(state, ${QUEUED}, entry[3]);
    Atomics.notify(state, ${QUEUED});
  }
});
`;

/**
 * Starts a writer thread; null when none can be started (the caller then writes the files
 * itself: slower, never a failed build).
 */
export function startFileWriter(): FileWriter | null {
  try {
    return fileWriter();
  } catch {
    return null;
  }
}

function fileWriter(): FileWriter {
  const shared = new SharedArrayBuffer(RING_BYTES + STATE_BYTES + ERROR_BYTES);
  const ring = Buffer.from(shared, 0, RING_BYTES);
  const state = new Int32Array(shared, RING_BYTES, 3);
  // None of this process's flags: `--input-type=module` would make the script a module.
  const worker = new Worker(WRITER, { eval: true, execArgv: [], workerData: shared, resourceLimits: WRITER_HEAP });
  let exited: Error | null = null;
  const stopped = new Promise<void>((resolve) => worker.once('exit', (code) => {
    exited ??= new Error(`the thread writing the site stopped (exit code ${code})`);
    resolve();
  }));
  worker.once('error', (err) => void (exited = err));
  /** Where the next file's bytes go in the ring. */
  let head = 0;
  /** Folders made by this thread, for the files it writes itself. */
  const made = new Set<string>();
  let batch: Entry[] = [];
  const send = () => {
    if (!batch.length) return;
    worker.postMessage(batch);
    batch = [];
  };
  const check = () => {
    if (Atomics.load(state, FAILED) === 1) throw writeError(shared, Atomics.load(state, ERROR_LENGTH));
    if (exited) throw exited;
  };
  /** Waits (blocking) until the ring has `bytes` free; the thread frees them as it writes. */
  const room = (bytes: number) => {
    send();
    // Waited for in steps, so a thread that died is noticed.
    for (let used = Atomics.load(state, QUEUED); used > RING_BYTES - bytes && !exited && Atomics.load(state, FAILED) === 0; used = Atomics.load(state, QUEUED)) {
      Atomics.wait(state, QUEUED, used, 100);
    }
    check();
  };
  return {
    write(file, content, again = false) {
      check();
      const length = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
      // A file does not wrap around the ring's end: the end is skipped, and freed with it.
      const skip = head + length > RING_BYTES ? RING_BYTES - head : 0;
      if (again || length > RING_FILE_MAX || Atomics.load(state, QUEUED) > RING_BYTES - (length + skip)) {
        // No room (the render is ahead of the disk), or a file too large for the ring: written
        // here, beside the thread, not after it: waiting for room left the heap's collector
        // waiting too (at 100k articles the committed heap grew by half a gigabyte). A path
        // written before waits until the thread has written everything, so it is not overtaken.
        if (again) room(RING_BYTES);
        else send();
        writeFileSync(file, content, made);
      } else {
        const offset = skip ? 0 : head;
        if (typeof content === 'string') ring.write(content, offset, 'utf8');
        else ring.set(content, offset);
        head = offset + length;
        Atomics.add(state, QUEUED, length + skip);
        batch.push([file, offset, length, length + skip]);
      }
      if (batch.length >= BATCH_FILES) send();
    },
    async flush() {
      send();
      check();
      await new Promise<void>((resolve, reject) => {
        const done = (m: unknown) => {
          if (m !== 'flushed') return;
          worker.off('message', done);
          resolve();
        };
        worker.on('message', done);
        void stopped.then(() => reject(exited));
        worker.postMessage('flush');
      });
      check();
    },
    async close() {
      await worker.terminate();
    },
  };
}

function writeError(shared: SharedArrayBuffer, length: number): Error {
  const { message, code, path } = JSON.parse(new TextDecoder().decode(new Uint8Array(shared, RING_BYTES + STATE_BYTES, length).slice())) as { message: string; code?: string; path?: string };
  return Object.assign(new Error(message), { ...(code ? { code } : {}), ...(path ? { path } : {}) });
}
