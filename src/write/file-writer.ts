/**
 * Writes files on a thread of its own, one after another, while the build renders the next ones.
 * A cold build at 10k articles spent 9 s of its main thread's render in `mkdir`, `open` and
 * `write` (38,866 files beside two Pagefind processes, each call several times slower than
 * alone); on this thread they overlap the rendering (issue 7). The files still go one at a time:
 * many in flight through libuv's pool were several times slower on this kind of disk
 * (write-files.ts).
 */
import { Worker } from 'node:worker_threads';

/** A writer of files (absolute paths). */
export interface FileWriter {
  /**
   * Queues a file. Throws the first write that failed, so the build stops at its next file; waits
   * (blocking) while more than the limit of bytes is queued, so a fast render never holds the
   * site in memory.
   */
  write(file: string, content: string | Uint8Array): void;
  /** Resolves when every file queued is written; rejects with the first failure. */
  flush(): Promise<void>;
  /** Stops the thread; files queued and not yet written may be left unwritten. */
  close(): Promise<void>;
}

/** Bytes queued at most before `write` waits for the thread. */
const QUEUED_BYTES = 8 * 1024 * 1024;
/** Files sent to the thread in one message, and bytes. */
const BATCH_FILES = 64;
const BATCH_BYTES = 1024 * 1024;

// Shared between the threads: [QUEUED] bytes queued and not yet written, [FAILED] 1 once a write
// failed, [ERROR_LENGTH] the length of its description (JSON) in the bytes after the header.
const QUEUED = 0;
const FAILED = 1;
const ERROR_LENGTH = 2;
const HEADER = 3 * 4;
const ERROR_BYTES = 4096;

// A script, not a module file: the bundled CLI, the compiled code and the tests under tsx all run
// it as it is (see live-sizes.ts).
const WRITER = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
const state = new Int32Array(workerData, 0, 3);
const errorBytes = new Uint8Array(workerData, ${HEADER});
// A folder is made once; the set is forgotten now and then (100k articles, 100k folders).
const made = new Set();
parentPort.on('message', (m) => {
  if (m === 'flush') return parentPort.postMessage('flushed');
  for (const [file, content] of m) {
    const bytes = typeof content === 'string' ? content.length : content.byteLength;
    if (Atomics.load(state, ${FAILED}) === 0) {
      try {
        const dir = path.dirname(file);
        if (!made.has(dir)) {
          fs.mkdirSync(dir, { recursive: true });
          if (made.size >= 1024) made.clear();
          made.add(dir);
        }
        fs.writeFileSync(file, content);
      } catch (err) {
        // Cut to fit the shared bytes whatever the characters (at most 4 bytes each, doubled by escapes).
        const cut = (v) => (typeof v === 'string' ? v.slice(0, ${ERROR_BYTES / 20}) : undefined);
        const text = new TextEncoder().encode(JSON.stringify({ message: cut(String(err && err.message)), code: cut(err && err.code), path: cut(err && err.path) }));
        errorBytes.set(text);
        Atomics.store(state, ${ERROR_LENGTH}, text.length);
        Atomics.store(state, ${FAILED}, 1);
      }
    }
    Atomics.sub(state, ${QUEUED}, bytes);
    Atomics.notify(state, ${QUEUED});
  }
});
`;

/** Starts a writer thread. */
export function startFileWriter(): FileWriter {
  const shared = new SharedArrayBuffer(HEADER + ERROR_BYTES);
  const state = new Int32Array(shared, 0, 3);
  // None of this process's flags: `--input-type=module` would make the script a module.
  const worker = new Worker(WRITER, { eval: true, execArgv: [], workerData: shared });
  let exited: Error | null = null;
  const stopped = new Promise<void>((resolve) => worker.once('exit', (code) => {
    exited ??= new Error(`the thread writing the site stopped (exit code ${code})`);
    resolve();
  }));
  worker.once('error', (err) => void (exited = err));
  let batch: [string, string | Uint8Array][] = [];
  let batchBytes = 0;
  const send = () => {
    if (!batch.length) return;
    worker.postMessage(batch);
    batch = [];
    batchBytes = 0;
  };
  const check = () => {
    if (Atomics.load(state, FAILED) === 1) throw writeError(shared, Atomics.load(state, ERROR_LENGTH));
    if (exited) throw exited;
  };
  return {
    write(file, content) {
      check();
      const bytes = typeof content === 'string' ? content.length : content.byteLength;
      batch.push([file, content]);
      batchBytes += bytes;
      const queued = Atomics.add(state, QUEUED, bytes) + bytes;
      if (batch.length >= BATCH_FILES || batchBytes >= BATCH_BYTES) send();
      if (queued > QUEUED_BYTES) {
        send();
        // The thread lowers the count as it writes; waited for in steps, so a thread that died
        // is noticed.
        for (let now = Atomics.load(state, QUEUED); now > QUEUED_BYTES / 2 && !exited && Atomics.load(state, FAILED) === 0; now = Atomics.load(state, QUEUED)) {
          Atomics.wait(state, QUEUED, now, 100);
        }
        check();
      }
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
  const { message, code, path } = JSON.parse(new TextDecoder().decode(new Uint8Array(shared, HEADER, length).slice())) as { message: string; code?: string; path?: string };
  return Object.assign(new Error(message), { ...(code ? { code } : {}), ...(path ? { path } : {}) });
}
