/**
 * Packed article bodies kept in a temporary file instead of memory (issue 7): at 100k articles
 * they are 240 MB that only the pages, search entries and exports written this time read, one at
 * a time. One file per process, removed as soon as it is open (POSIX), so nothing is left behind
 * even when the process is killed; the OS's page cache keeps what was written fast to read back.
 * Records with a spilled body stay valid as long as the process (dev mode keeps them between
 * builds).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PackedBody, PackedBytes } from './model.js';

/** Bodies are gathered up to this many bytes before one write: a write per body cost 0.5 s at 100k. */
const CHUNK = 1 << 20;

interface Store {
  readonly fd: number;
  /** Bytes in the file; the bodies after them are still in `pending`. */
  written: number;
  readonly pending: Buffer;
  pendingLength: number;
}

let store: Store | null | undefined;

function openStore(): Store | null {
  try {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-archive-bodies-'));
    const file = path.join(dir, 'bodies.bin');
    const fd = fs.openSync(file, 'w+');
    try {
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // Windows keeps an open file: remove it when the process ends.
      process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    }
    return { fd, written: 0, pending: Buffer.allocUnsafe(CHUNK), pendingLength: 0 };
  } catch {
    return null;
  }
}

function flush(s: Store): void {
  fs.writeSync(s.fd, s.pending, 0, s.pendingLength, s.written);
  s.written += s.pendingLength;
  s.pendingLength = 0;
}

/**
 * The body moved to the file. When the file cannot be made or written (no temporary folder, disk
 * full), the body stays in memory: the build needs more memory then, never fails for it.
 */
export function spillBody(bytes: PackedBytes): PackedBody {
  if (store === undefined) store = openStore();
  const s = store;
  if (!s) return bytes;
  try {
    if (s.pendingLength + bytes.byteLength > CHUNK) flush(s);
    const at = s.written + s.pendingLength;
    if (bytes.byteLength > CHUNK) {
      fs.writeSync(s.fd, bytes, 0, bytes.byteLength, at);
      s.written += bytes.byteLength;
    } else {
      s.pending.set(bytes, s.pendingLength);
      s.pendingLength += bytes.byteLength;
    }
    return { spilledAt: at, length: bytes.byteLength, digest: bodyDigest(bytes) };
  } catch {
    return bytes;
  }
}

/** The packed bytes of a body, wherever it is kept. */
export function bodyBytes(body: PackedBody): PackedBytes {
  if (body instanceof Uint8Array) return body;
  const s = store;
  if (!s) throw new Error('a spilled article body outlived its store');
  const bytes = new Uint8Array(body.length);
  if (body.spilledAt >= s.written) bytes.set(s.pending.subarray(body.spilledAt - s.written, body.spilledAt - s.written + body.length));
  else fs.readSync(s.fd, bytes, 0, body.length, body.spilledAt);
  return bytes as PackedBytes;
}

/** What stands for a body's bytes in a cache key: the same for a body spilled or not. */
export function bodyDigest(body: PackedBody): string {
  return body instanceof Uint8Array ? crypto.createHash('sha1').update(body).digest('base64') : body.digest;
}
