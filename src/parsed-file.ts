/** A source file between load and its article: front matter parsed, body held as bytes. */
import type { SourceInfo } from './model.js';
import type { ParsedFrontMatter } from './normalize/front-matter.js';

/**
 * A source file with its front matter parsed and its text let go. The body waits as UTF-8 bytes,
 * outside the JavaScript heap (issue 7: at 100k articles the bodies are 0.4 GB, as strings two
 * bytes a character once a curly quote is in them, and the heap grows to half as much again
 * before it is collected); it is read as text when its article's key and article are made.
 */
export interface ParsedFile {
  readonly source: SourceInfo;
  readonly fm: Omit<ParsedFrontMatter, 'body'>;
  readonly body: Uint8Array;
}

// Exact both ways: a decoded file (load/decode-text.ts) has no lone surrogates, and a U+FEFF
// that opens a body is kept (ignoreBOM), as the string had it.
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Holds a parsed file's body as bytes (see ParsedFile). The front matter is copied: its values are
 * slices of the file's text, and a slice keeps the whole text alive (at 10k articles the parsed
 * files took 44 MB of heap, 10 MB copied).
 */
export function holdParsed(source: SourceInfo, { body, ...fm }: ParsedFrontMatter): ParsedFile {
  return { source, fm: structuredClone(fm), body: encoder.encode(body) };
}

/** A held file's body as text again. */
export function bodyText(file: ParsedFile): string {
  return decoder.decode(file.body);
}

/** A held file's front matter with its body as text again. */
export function frontMatterOf(file: ParsedFile): ParsedFrontMatter {
  return { ...file.fm, body: bodyText(file) };
}
