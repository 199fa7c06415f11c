/**
 * Reflow (issue 3, item 3): turns runs of body lines into paragraphs.
 *
 * A run between blank lines is either one paragraph per line (most lines end a sentence, as in 003
 * and 004) or hard-wrapped text (most lines stop mid-sentence, as in 001). Wrapped lines are joined;
 * a paragraph ends where a line that ends a sentence is short, that is, where the next word would
 * still have fitted. In 001 the break between paragraphs was also lost: the first words of each
 * paragraph sit at the end of the previous paragraph's last line ("... aid deliveries. Russia").
 * So a line with a sentence end followed by a tail is split before the tail when the line is short,
 * and, when the run shows that pattern throughout ("merged" mode), also when the tail is a single
 * word on a full line. Indented lines and bullets start paragraphs; a stand-alone heading line keeps
 * its own unit. Only whitespace changes: a hyphen at a line end is kept and joined without a space.
 */
import type { Row } from './columns.js';
import { isHeadlineLike } from './headline.js';
import { sentenceStarts } from './sentences.js';
import { isSubheadLike, splitCapsRun } from './subheads.js';
import { BULLET_PATTERN, countWords, endsWithFunctionWord, endsWithTerminal, isTitleCase, startsLower, startsUpper } from './text.js';

/** A paragraph or subhead candidate, before title, standfirst and subheads are decided. */
export interface Unit {
  readonly kind: 'paragraph' | 'subhead';
  readonly text: string;
  /** File line where the unit starts. */
  readonly line: number;
  /** File line where the unit ends. */
  readonly end: number;
  /** The unit is exactly one whole source line (a candidate headline, standfirst or subhead). */
  readonly whole: boolean;
  /** A blank line (or the start of the body) comes right before the unit. */
  readonly afterGap: boolean;
}

/** Reflows body rows (blank rows separate runs) into units, splitting leading capitals into subheads. */
export function reflowRows(rows: readonly Row[]): Unit[] {
  const units: Unit[] = [];
  let run: Row[] = [];
  const flush = (): void => {
    if (run.length > 0) units.push(...reflowRun(run));
    run = [];
  };
  for (const row of rows) {
    if (row.blank) flush();
    else run.push(row);
  }
  flush();
  return units.flatMap((u) => {
    const caps = splitCapsRun(u.text);
    if (!caps) return [u];
    return [
      { ...u, kind: 'subhead', text: caps.subhead, end: u.line, whole: false },
      { ...u, text: caps.rest, whole: false, afterGap: false },
    ];
  });
}

/** Reflows one run of non-blank rows. */
export function reflowRun(rows: readonly Row[]): Unit[] {
  const units = isWrapped(rows) ? reflowWrapped(rows) : reflowLines(rows);
  return units.map((u, i) => ({ ...u, afterGap: i === 0 }));
}

/**
 * Wrapped when at least half of the lines (the last one aside) stop without a sentence end, and at
 * least half of those visibly stop mid-sentence: the next line goes on in lower case, or the line
 * ends on a function word, a comma or a hyphen. A headline or subhead line also lacks a final stop,
 * but it is followed by a capital, so it is no evidence of wrapping.
 */
function isWrapped(rows: readonly Row[]): boolean {
  if (rows.length < 2) return false;
  let open = 0;
  let mid = 0;
  for (let i = 0; i < rows.length - 1; i++) {
    const text = rows[i]!.text;
    if (endsWithTerminal(text)) continue;
    open++;
    if (startsLower(rows[i + 1]!.text) || endsWithFunctionWord(text) || /[,;:-]$/u.test(text)) mid++;
  }
  return mid > 0 && open * 2 >= rows.length - 1 && mid * 2 >= open;
}

/** Collects units; `whole` stays true while a unit is exactly one complete row. */
class UnitBuilder {
  readonly units: Unit[] = [];
  private parts: string[] = [];
  private line = 0;
  private end = 0;
  private whole = false;

  add(text: string, line: number, startsUnit: boolean, wholeRow: boolean): void {
    if (startsUnit || this.parts.length === 0) {
      this.finish();
      this.parts = [text];
      this.line = line;
      this.whole = wholeRow;
    } else {
      const prev = this.parts[this.parts.length - 1]!;
      // "five-" + "month": the hyphen stays, only the line break goes.
      if (/\p{L}-$/u.test(prev) && startsLower(text)) this.parts[this.parts.length - 1] = prev + text;
      else this.parts.push(text);
      this.whole = false;
    }
    this.end = line;
  }

  finish(): void {
    if (this.parts.length > 0) {
      this.units.push({ kind: 'paragraph', text: this.parts.join(' '), line: this.line, end: this.end, whole: this.whole, afterGap: false });
    }
    this.parts = [];
  }
}

/** One unit per line; a line that stops mid-sentence (before a lower-case line, or on a function word) continues. */
function reflowLines(rows: readonly Row[]): Unit[] {
  const b = new UnitBuilder();
  rows.forEach((row, i) => {
    const prev = rows[i - 1];
    const continues = prev !== undefined && !endsWithTerminal(prev.text) && (startsLower(row.text) || endsWithFunctionWord(prev.text));
    b.add(row.text, row.line, !continues, true);
  });
  b.finish();
  return b.units;
}

function firstWordLength(text: string): number {
  const space = text.indexOf(' ');
  return space < 0 ? text.length : space;
}

/** The 75th percentile: robust to the short last lines of paragraphs and to unwrapped long lines. */
function percentile75(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.75))] ?? 0;
}

/** Offset of the last sentence start inside a line, or -1. */
function tailStart(text: string): number {
  const starts = sentenceStarts(text);
  return starts.length > 0 ? starts[starts.length - 1]! : -1;
}

function reflowWrapped(rows: readonly Row[]): Unit[] {
  const n = rows.length;
  // How full each line is: its length plus the next line's first word, which did not fit on it.
  const fills = rows.slice(0, -1).map((r, i) => r.text.length + 1 + firstWordLength(rows[i + 1]!.text));
  const width = n >= 3 ? percentile75(fills) : Math.max(fills[0] ?? 0, rows[1]?.text.length ?? 0);
  const short = (i: number): boolean => i === n - 1 || fills[i]! < 0.9 * width;
  const baseIndent = Math.min(...rows.map((r) => r.indent));

  let merged = 0;
  let ended = 0;
  for (let i = 0; i < n - 1; i++) {
    if (!short(i)) continue;
    if (endsWithTerminal(rows[i]!.text)) ended++;
    else if (tailStart(rows[i]!.text) > 0) merged++;
  }
  const mergedMode = merged >= 2 && merged > ended;

  const endsParagraph = (i: number): boolean => short(i) && endsWithTerminal(rows[i]!.text);
  // A heading line stands alone: short, no sentence end, headline- or subhead-like, after a
  // paragraph end (or another heading) and before a capital. Computed in order, so no recursion.
  // Two lines give no wrap width to measure against; a first line under 60 characters (narrower
  // than any hard wrap of body text) followed by a capital is then read as a heading over its line.
  // The last line of a run is a heading after any sentence end: a paragraph's last line ends one.
  // A first line in Title Case is a headline whatever its width: wrapped prose is never Title Case.
  const shortish = (i: number): boolean =>
    short(i) || (i === 0 && ((n === 2 && rows[0]!.text.length < 60) || (isTitleCase(rows[0]!.text) && countWords(rows[0]!.text) >= 4)));
  const headings: boolean[] = [];
  for (let i = 0; i < n; i++) {
    const text = rows[i]!.text;
    const next = rows[i + 1];
    const afterEnd = i === 0 || endsParagraph(i - 1) || headings[i - 1] === true || (i === n - 1 && endsWithTerminal(rows[i - 1]!.text));
    headings.push(
      shortish(i) &&
        !endsWithTerminal(text) &&
        (isHeadlineLike(text) || isSubheadLike(text)) &&
        (next === undefined || startsUpper(next.text)) &&
        afterEnd,
    );
  }
  const heading = (i: number): boolean => headings[i] === true;

  const b = new UnitBuilder();
  let previousHeading = false;
  rows.forEach((row, i) => {
    const isHeading = heading(i);
    const startsUnit =
      i > 0 && (row.indent > baseIndent || BULLET_PATTERN.test(row.text) || endsParagraph(i - 1) || previousHeading || isHeading);
    previousHeading = isHeading;
    const t = i < n - 1 && !isHeading && !endsWithTerminal(row.text) ? tailStart(row.text) : -1;
    const splitTail = t > 0 && (short(i) || (mergedMode && countWords(row.text.slice(t)) === 1));
    if (!splitTail) return b.add(row.text, row.line, startsUnit, true);
    b.add(row.text.slice(0, t).trimEnd(), row.line, startsUnit, false);
    b.add(row.text.slice(t), row.line, true, false);
  });
  b.finish();
  return b.units;
}
