/**
 * The plain-text normalizer (issue 3): a scraped `.txt` body in, a clean record out: headline,
 * standfirst, paragraphs and subheads with their file lines, and an audit of every line that left
 * the body. Pure: no I/O, words never change (only whitespace folding and NFC).
 *
 *   lines -> furniture (furniture.ts) -> overrides -> columns (columns.ts) -> reflow (reflow.ts)
 *         -> title (headline.ts) -> standfirst (standfirst.ts) -> subheads (subheads.ts)
 *         -> byline, credit, publisher hint (attribution.ts)
 */
import { CODES, diagnostic, type Diagnostic } from '../diagnostics.js';
import type { Block, FurtherReading, Overrides, RemovedLine, TitleSource } from '../model.js';
import { findCredit, findPublisherHint } from './attribution.js';
import { unfoldColumns, type Row } from './columns.js';
import { classifyFurniture } from './furniture.js';
import { pickTitle } from './headline.js';
import { reflowRows, type Unit } from './reflow.js';
import { toSourceLines, type SourceLine } from './source-lines.js';
import { pickStandfirst } from './standfirst.js';
import { markSubheads } from './subheads.js';
import { foldWhitespace, lineKey } from './text.js';

export { findSharedLines } from './shared-lines.js';

/** What the corpus and the config know about furniture. */
export interface FurnitureContext {
  /** Normalised texts of lines that occur in 2+ different articles of the same publisher. */
  readonly sharedLines: ReadonlySet<string>;
  /** Extra furniture patterns from the config (case-insensitive regexes matched against a whole trimmed line). */
  readonly patterns: readonly RegExp[];
}

/** One plain-text body and everything known about it. */
export interface PlainTextInput {
  /** Path for diagnostics, e.g. "content/001_x.txt". */
  readonly file: string;
  /** Text after front matter, '\n' line endings, BOM removed, NFC (CR and BOM are tolerated anyway). */
  readonly body: string;
  /** 1-based file line of the body's first line (front matter offset). */
  readonly bodyLine: number;
  /** Keep/drop by file line number or exact (whitespace-folded) line text. */
  readonly overrides: Overrides;
  /** Front matter wins. */
  readonly forced: { title?: string; standfirst?: string };
  readonly furniture: FurnitureContext;
}

/** The normalized body. */
export interface NormalizedText {
  /** Line 0 when forced by front matter. */
  title: { text: string; line: number; source: TitleSource } | null;
  standfirst: { text: string; line: number } | null;
  /** Paragraphs and subheads in reading order; `line` is the file line where the block starts. */
  blocks: Block[];
  /** Every non-blank line that is not in title, standfirst or blocks, with a reason code. */
  removed: RemovedLine[];
  furtherReading: FurtherReading[];
  /** "By Jane Doe" -> "Jane Doe". */
  byline: string | null;
  /** The agency credited in the text: "seen by Reuters", "MOSCOW (Reuters) -" -> "Reuters". */
  credit: string | null;
  /** A site named by removed furniture ("VOV.VN"). */
  publisherHint: string | null;
  /** Warnings, e.g. CODES.NO_HEADLINE when the title had to come from the first sentence. */
  diagnostics: Diagnostic[];
}

/** Normalizes one plain-text article body. */
export function normalizePlainText(input: PlainTextInput): NormalizedText {
  const lines = toSourceLines(input.body, input.bodyLine);
  const found = classifyFurniture(lines, input.furniture);
  const reasons = applyOverrides(lines, found.reasons, input.overrides);
  const keptLine = new Set(input.overrides.keep.filter((v): v is number => typeof v === 'number'));
  const keptText = new Set(input.overrides.keep.filter((v): v is string => typeof v === 'string').map(foldWhitespace));

  const rows: Row[] = lines.filter((l) => l.blank || reasons[l.index] === null);
  const units = reflowRows(unfoldColumns(rows));

  const lastFurnitureLine = lines.reduce((max, l) => {
    const r = reasons[l.index];
    return r !== null && r !== 'editor-drop' ? l.line : max;
  }, -1);
  const titlePick = pickTitle(units, input.forced.title, (u) => lastFurnitureLine > u.end);
  const standfirstPick = pickStandfirst(units, titlePick.top, input.forced.standfirst);

  // Units that leave the body; an editor's `keep` protects a unit from being dropped as a repeat.
  const kept = (u: Unit): boolean => keptLine.has(u.line) || keptText.has(u.text);
  const leaving = new Map<number, string | null>();
  for (const i of [titlePick.take, standfirstPick.take]) if (i !== null) leaving.set(i, null);
  for (const i of titlePick.drop) if (!kept(units[i]!)) leaving.set(i, 'headline');
  for (const i of standfirstPick.drop) if (!kept(units[i]!) && !leaving.has(i)) leaving.set(i, 'standfirst');

  const body = markSubheads(units.filter((_, i) => !leaving.has(i)));
  const blocks: Block[] = body.map((u) => ({ type: u.kind, text: u.text, line: u.line }));

  const removed = collectRemoved(lines, reasons, units, leaving, titlePick.title?.text ?? null);
  const furtherReading = found.furtherReading.filter((f) => reasons[f.index] === 'further-reading').map((f) => f.item);
  const paragraphs = blocks.filter((b) => b.type === 'paragraph').map((b) => b.text);

  const diagnostics: Diagnostic[] = [];
  if (titlePick.title?.source === 'first-sentence') {
    diagnostics.push(
      diagnostic('warning', CODES.NO_HEADLINE, 'No headline found: the title was inferred from the first sentence.', 'Add `title:` to the front matter, or put the headline on the first line of the body.', {
        file: input.file,
        line: titlePick.title.line,
        column: 1,
      }),
    );
  }
  if (blocks.length === 0) {
    diagnostics.push(
      diagnostic('warning', CODES.NO_BODY, 'Nothing is left of the body once furniture is removed.', 'Check the removed lines in the build report; `keep:` in the front matter puts a line back.', {
        file: input.file,
        line: input.bodyLine,
        column: 1,
      }),
    );
  }

  return {
    title: titlePick.title,
    standfirst: standfirstPick.standfirst,
    blocks,
    removed,
    furtherReading,
    byline: found.byline,
    credit: found.credit ?? findCredit(paragraphs),
    publisherHint: findPublisherHint(removed),
    diagnostics,
  };
}

/** `drop` wins over `keep` when an editor lists a line in both: dropping is the explicit act. */
function applyOverrides(lines: readonly SourceLine[], reasons: readonly (string | null)[], overrides: Overrides): (string | null)[] {
  const matches = (list: Overrides['keep'], l: SourceLine): boolean =>
    list.some((v) => (typeof v === 'number' ? v === l.line : foldWhitespace(v.normalize('NFC')) === l.text));
  return lines.map((l, i) => {
    if (l.blank) return null;
    if (overrides.drop.length > 0 && matches(overrides.drop, l)) return 'editor-drop';
    if (overrides.keep.length > 0 && matches(overrides.keep, l)) return null;
    return reasons[i] ?? null;
  });
}

/** Removed lines in file order; a repeat of the title is labelled `headline` whatever found it. */
function collectRemoved(
  lines: readonly SourceLine[],
  reasons: readonly (string | null)[],
  units: readonly Unit[],
  leaving: ReadonlyMap<number, string | null>,
  title: string | null,
): RemovedLine[] {
  const titleKey = title === null ? null : lineKey(title);
  const byLine = new Map(lines.map((l) => [l.line, l]));
  const removed: RemovedLine[] = [];
  lines.forEach((l, i) => {
    const reason = reasons[i];
    if (!reason) return;
    removed.push({ line: l.line, text: l.raw, reason: reason === 'duplicate-line' && l.key === titleKey ? 'headline' : reason });
  });
  for (const [i, reason] of leaving) {
    const unit = units[i]!;
    if (reason === null) continue;
    removed.push({ line: unit.line, text: byLine.get(unit.line)?.raw ?? unit.text, reason });
  }
  return removed.sort((a, b) => a.line - b.line);
}
