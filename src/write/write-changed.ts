/**
 * The build's one call to write its output: in place through a journal when the output folder
 * holds a site this build knows (its file hashes are on record), else the whole site staged and
 * swapped in.
 */
import { isDirectory } from '../load/index.js';
import type { Spool } from './spool.js';
import { updateInPlace, type OutputFiles } from './write-in-place.js';
import { writeSite } from './write-site.js';

/**
 * Writes the site; returns the content hash of every file the output folder now holds. A cold
 * build passes the spool its pages were rendered into: the whole site is then swapped in.
 * `reused` pages were not rendered (their live files are right): when the folder cannot be
 * updated in place after all (another build wrote it since, or it is gone), nothing is written
 * and the result is null, so the caller renders them.
 */
export async function writeOutput(outDir: string, files: OutputFiles, options: { current: ReadonlyMap<string, string> | null; reused?: ReadonlySet<string>; spool?: Spool }): Promise<Map<string, string> | null> {
  const reused = options.reused ?? new Set<string>();
  if (!options.spool && options.current?.size && (await isDirectory(outDir))) return (await updateInPlace(outDir, files, options.current, reused)).hashes;
  if (reused.size > 0) return null;
  return writeSite(outDir, files, options.spool);
}
