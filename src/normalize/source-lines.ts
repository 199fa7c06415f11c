/**
 * The body as numbered lines. Every later decision is about these lines, so every block and every
 * removed line can name its file line (house style rule 3).
 */
import { foldWhitespace } from './text.js';

/** One line of the body. */
export interface SourceLine {
  /** 0-based index in the body. */
  readonly index: number;
  /** 1-based line in the source file (front matter offset applied). */
  readonly line: number;
  /** The line exactly as it stood (line terminator and BOM removed): what the audit shows. */
  readonly raw: string;
  /** NFC, whitespace folded: what structure decisions and blocks use. */
  readonly text: string;
  /** `text` lower-cased: the key for duplicate and shared-line lookups. */
  readonly key: string;
  /** Width of the leading whitespace, a tab counting 4: an indented line starts a paragraph. */
  readonly indent: number;
  readonly blank: boolean;
}

/**
 * Splits a body into lines. The loader already removes the BOM and turns CRLF into LF; this does it
 * again so the function is safe on any input (a lone CR, as old Mac files have, also ends a line).
 */
export function toSourceLines(body: string, bodyLine: number): SourceLine[] {
  const text = body.charCodeAt(0) === 0xfeff ? body.slice(1) : body;
  const rawLines = text.split(/\r\n|\r|\n/);
  if (rawLines.length > 1 && rawLines[rawLines.length - 1] === '') rawLines.pop();
  return rawLines.map((raw, index) => {
    const folded = foldWhitespace(raw.normalize('NFC'));
    return {
      index,
      line: bodyLine + index,
      raw,
      text: folded,
      key: folded.toLowerCase(),
      indent: indentWidth(raw),
      blank: folded === '',
    };
  });
}

function indentWidth(raw: string): number {
  let width = 0;
  for (const ch of raw) {
    if (ch === ' ') width += 1;
    else if (ch === '\t') width += 4;
    else break;
  }
  return width;
}
