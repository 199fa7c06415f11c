/** Writing output files. */
import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes one file, making its folder unless `made` says it exists. `made` is forgotten now and
 * then: it saves a call for files that share a folder, written one after another, and kept whole
 * it held every page's folder name (100k articles, 100k folders). Synchronous: on this kind of
 * disk, writes one after another are several times faster than many in flight through libuv's
 * thread pool (13,600 pages: 0.9 s against 4.2 s).
 */
export function writeFileSync(file: string, content: string | Uint8Array, made: Set<string>): void {
  const dir = path.dirname(file);
  if (!made.has(dir)) {
    fs.mkdirSync(dir, { recursive: true });
    if (made.size >= 1024) made.clear();
    made.add(dir);
  }
  fs.writeFileSync(file, content);
}
