/**
 * The build's one call to write its output: in place through a journal when the output folder
 * holds a site this build knows (its file hashes are on record), else the whole site staged and
 * swapped in.
 */
import { isDirectory } from '../load/index.js';
import type { ReusedPage } from '../render/index.js';
import type { Spool } from './spool.js';
import { updateInPlace, type OutputFiles } from './write-in-place.js';
import { writeSite } from './write-site.js';

/**
 * Writes the site; returns the content hash of every file the output folder now holds. A cold
 * build passes the spool its pages were rendered into: the whole site is then swapped in.
 */
export async function writeOutput(outDir: string, files: OutputFiles, options: { current: ReadonlyMap<string, string> | null; reused?: ReadonlyMap<string, ReusedPage>; spool?: Spool }): Promise<Map<string, string>> {
  const reused = options.reused ?? new Map<string, ReusedPage>();
  if (!options.spool && options.current?.size && (await isDirectory(outDir))) return (await updateInPlace(outDir, files, options.current, reused)).hashes;
  // Pages are reused only against a site on record (build.ts pageMemo); render any anyway.
  const all = new Map(files);
  for (const [rel, page] of reused) all.set(rel, page.render());
  return writeSite(outDir, all, options.spool);
}
