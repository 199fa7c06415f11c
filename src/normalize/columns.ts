/**
 * A two-column paste: text copied from a page laid out in two columns, so each line holds a piece
 * of the left column, a wide gap, and a piece of the right one. Read as is, it interleaves two
 * stories line by line. The signal is geometric: at least three lines whose second part starts at
 * the same column (tabs expanded), the other lines of the run fitting left or right of it. The
 * region is then read down the left column first, then down the right one.
 */

/** A body line as the structure stage sees it; `blank` rows separate paragraphs. */
export interface Row {
  readonly raw: string;
  readonly text: string;
  readonly line: number;
  readonly indent: number;
  readonly blank: boolean;
}

const TAB = 8;
const MIN_GAP = 3;
const MIN_LEFT = 12;
const SLACK = 2;

function expandTabs(raw: string): string {
  if (!raw.includes('\t')) return raw;
  let out = '';
  for (const ch of raw) out += ch === '\t' ? ' '.repeat(TAB - (out.length % TAB)) : ch;
  return out;
}

/** Column where text resumes after the first inner gap of MIN_GAP+ spaces, or -1. */
function gapColumn(line: string): number {
  const m = /\S( {3,})(?=\S)/.exec(line);
  return m ? m.index + 1 + m[1]!.length : -1;
}

function row(text: string, line: number): Row {
  const folded = text.normalize('NFC').replace(/\s+/gu, ' ').trim();
  return { raw: text, text: folded, line, indent: 0, blank: folded === '' };
}

/** Rewrites two-column regions into their left column, a blank row, then their right column. */
export function unfoldColumns(rows: readonly Row[]): Row[] {
  // trimEnd, not /\s+$/: that regex backtracks quadratically over a long run of spaces.
  const expanded = rows.map((r) => expandTabs(r.raw).trimEnd());
  const out: Row[] = [];
  let i = 0;
  while (i < rows.length) {
    const col = rows[i]!.blank ? -1 : gapColumn(expanded[i]!);
    if (col < MIN_LEFT) {
      out.push(rows[i++]!);
      continue;
    }
    const region = scanRegion(expanded, rows, i, col);
    if (region.gapLines < MIN_GAP) {
      out.push(rows[i++]!);
      continue;
    }
    const left: Row[] = [];
    const right: Row[] = [];
    for (let k = i; k < region.end; k++) {
      const line = expanded[k]!;
      const { line: fileLine } = rows[k]!;
      const g = gapColumn(line);
      const split = g >= 0 && Math.abs(g - col) <= SLACK ? g : leading(line) >= col - SLACK ? 0 : line.length;
      left.push(row(line.slice(0, split), fileLine));
      right.push(row(line.slice(split), fileLine));
    }
    out.push(...left, row('', rows[i]!.line), ...right);
    i = region.end;
  }
  return out;
}

function leading(line: string): number {
  return line.length - line.trimStart().length;
}

/** Extends a region from row `from` while rows fit the column at `col`; stops at two blank rows. */
function scanRegion(expanded: readonly string[], rows: readonly Row[], from: number, col: number): { end: number; gapLines: number } {
  let gapLines = 0;
  let end = from;
  let blanks = 0;
  for (let k = from; k < rows.length; k++) {
    const line = expanded[k]!;
    if (rows[k]!.blank) {
      if (++blanks >= 2) break;
      continue;
    }
    blanks = 0;
    const g = gapColumn(line);
    const fits =
      (g >= 0 && Math.abs(g - col) <= SLACK) ||
      (g < 0 && leading(line) >= col - SLACK) ||
      (g < 0 && leading(line) < col - SLACK && line.length <= col - SLACK);
    if (!fits) break;
    if (g >= 0) gapLines++;
    end = k + 1;
  }
  return { end, gapLines };
}
