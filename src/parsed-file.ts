/** A source file between load and its article: front matter parsed, the file's text let go. */
import type { FileStat } from './load/source-index.js';
import type { SourceInfo } from './model.js';
import type { ParsedFrontMatter } from './normalize/front-matter.js';

export interface ParsedFile {
  readonly source: SourceInfo;
  readonly fm: ParsedFrontMatter;
}

/**
 * A source as load hands it on: read and parsed, or known from the last build and not read
 * (load/source-index.ts), its text read only if its article must be made.
 */
export interface LoadedSource {
  readonly source: SourceInfo;
  readonly stat: FileStat;
  /** Scraped text only: the publisher its front matter names, and its lines' hashes (normalize/shared-lines.ts). */
  readonly publisher: string | null;
  readonly lines: Float64Array | null;
  /** Null when known from the last build and not read. */
  readonly parsed: ParsedFile | null;
}

/**
 * A parsed file as it is held until its article is made. The front matter's values are copied:
 * as slices of the file's text they kept the whole text alive beside the body (at 10k articles
 * the parsed files took 44 MB of heap, 10 MB copied). The body stays a string: held as UTF-8
 * bytes instead, outside the heap, it was freed into a fragmented malloc heap that the process
 * never gave back (300 MB more at 100k articles, measured; see BENCHMARKS.md).
 */
export function holdParsed(source: SourceInfo, { body, ...fm }: ParsedFrontMatter): ParsedFile {
  return { source, fm: { ...structuredClone(fm), body } };
}

/** Scraped text (`.txt`), the only kind of source with site furniture to find. */
export function isScrapedText(file: string): boolean {
  return file.toLowerCase().endsWith('.txt');
}
