/**
 * Removing a folder tree: a retired site, a staging folder given up, a commit applied. fs.rm's
 * recursive removal starts a promise for every entry of a folder at once: for a site of 100k
 * articles (100k folders under articles/), 400 MB at the very end of the build, the peak of a
 * build that otherwise stays under 1.2 GB (issue 7).
 */
import fs from 'node:fs';
import path from 'node:path';

/**
 * Removes `target` (a folder, with everything in it, or a file), one entry at a time, and does
 * nothing if it is not there. Symbolic links are removed, never followed. Synchronous calls, as
 * the writes are (write-files.ts), with a turn for the event loop every 20 ms: dev mode serves
 * pages meanwhile.
 */
export async function removeTree(target: string): Promise<void> {
  let since = performance.now();
  const turn = async () => {
    if (performance.now() - since < 20) return;
    await new Promise((resolve) => setImmediate(resolve));
    since = performance.now();
  };
  const remove = async (p: string): Promise<void> => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(p, { withFileTypes: true });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return;
      if (code !== 'ENOTDIR') throw err;
      fs.rmSync(p, { force: true });
      return;
    }
    for (const e of entries) {
      const child = path.join(p, e.name);
      if (e.isDirectory()) await remove(child);
      else fs.rmSync(child, { force: true });
      await turn();
    }
    fs.rmdirSync(p);
  };
  await remove(target);
}
