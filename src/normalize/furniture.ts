/**
 * Decides which lines are furniture, each with a reason code, by general signals (issue 3, item 5):
 * config patterns, built-in web boilerplate, byline and credit lines, another script or language,
 * a comment section, "Related"/"Tags" blocks, the outlet's reading list, lines shared with other
 * articles of the publisher, lines repeated within the article, and the run of such lines at the
 * end. The passes are linear in the number of lines.
 */
import type { FurtherReading } from '../model.js';
import { parseBylineLine, parseCreditLine } from './attribution.js';
import { isCommentFormLine, isCommentMarker, matchEndMarker, matchLinePattern } from './furniture-patterns.js';
import { isListHeading, isListItem, isReadingList, parseFurtherReadingItem } from './further-reading.js';
import { isHeadlineLike } from './headline.js';
import { findForeignLines } from './language.js';
import type { FurnitureContext } from './plain-text.js';
import type { SourceLine } from './source-lines.js';
import { classifyRepeatsAndTail, continuesInto, repeatGroups } from './repeats.js';
import { URL_PATTERN, countWords, endsWithTerminal } from './text.js';

/** What the furniture pass found. */
export interface FurnitureResult {
  /** Reason code per line index; null for body lines and blank lines. */
  readonly reasons: (string | null)[];
  /** The reading list, with the index of the line each item came from. */
  readonly furtherReading: { readonly item: FurtherReading; readonly index: number }[];
  readonly byline: string | null;
  readonly credit: string | null;
}

/** Bylines and credit lines are looked for this many non-blank lines from either end. */
const HEAD_LINES = 6;
const FOOT_LINES = 4;

/** Classifies every line of the body. */
export function classifyFurniture(lines: readonly SourceLine[], ctx: FurnitureContext): FurnitureResult {
  const reasons: (string | null)[] = lines.map(() => null);
  const content = lines.filter((l) => !l.blank);
  const last = content.length - 1;
  const setIfFree = (l: SourceLine, reason: string): void => {
    if (reasons[l.index] === null) reasons[l.index] = reason;
  };

  // 1. Lines that are furniture on their own.
  const patterns = ctx.patterns.map(anchor);
  let byline: string | null = null;
  let credit: string | null = null;
  content.forEach((l, rank) => {
    const trimmed = l.raw.trim();
    if (patterns.some((p) => p.test(l.text) || p.test(trimmed))) return void (reasons[l.index] = 'config-pattern');
    const reason = matchLinePattern(l.text);
    if (reason) return void (reasons[l.index] = reason);
    if (rank >= HEAD_LINES && rank < content.length - FOOT_LINES) return;
    const by = parseBylineLine(l.text);
    if (by) {
      reasons[l.index] = 'byline';
      byline ??= by.byline;
      credit ??= by.credit;
      return;
    }
    const agency = parseCreditLine(l.text);
    if (agency) {
      reasons[l.index] = 'credit-line';
      credit ??= agency;
    }
  });

  // 2. Another script or language than the article.
  findForeignLines(content.map((l) => l.text)).forEach((reason, rank) => {
    if (reason) setIfFree(content[rank]!, reason);
  });

  // 3. A section label over the headline ("World", "Breaking News"): one or two words without a
  // stop, above a headline-like line, with nothing but furniture before it, and not running on
  // into that line ("Secretary of" / "State John Kerry ..." is a hard-wrapped sentence).
  for (let rank = 0; rank < Math.min(3, last); rank++) {
    const l = content[rank]!;
    if (reasons[l.index] !== null) continue;
    const next = content[rank + 1]!;
    if (countWords(l.text) <= 2 && !endsWithTerminal(l.text) && reasons[next.index] === null && isHeadlineLike(next.text) && !continuesInto(l.text, next.text)) {
      reasons[l.index] = 'section-label';
    }
    break;
  }

  // 4. A comment section: its heading, when a form field follows or it closes the article, and all after it.
  for (let rank = 1; rank <= last; rank++) {
    const l = content[rank]!;
    if (!isCommentMarker(l.text)) continue;
    const formFollows = content.slice(rank + 1, rank + 6).some((n) => isCommentFormLine(n.text));
    if (!formFollows && rank < last - 2) continue;
    for (const rest of content.slice(rank)) setIfFree(rest, 'comment-form');
    break;
  }

  // 5. "Related" / "Tags" headings and the link block under each.
  const groups = repeatGroups(lines, content);
  markLinkBlocks(content, reasons, (l) => (groups.get(l.key)?.length ?? 0) > 1);

  // 6. The reading list at the very end (furniture after it may follow).
  const furtherReading = findReadingList(content, reasons);

  // 7. Lines shared with other articles of the same publisher. An article most of whose lines are
  // shared is a republished copy of another one: then the signal says nothing and is ignored.
  const sharedCount = content.reduce((n, l) => n + (ctx.sharedLines.has(l.key) ? 1 : 0), 0);
  const useShared = sharedCount * 2 <= content.length;
  const sharedSentence = new Set<number>();
  for (const l of content) {
    if (!useShared || !ctx.sharedLines.has(l.key) || reasons[l.index] !== null) continue;
    // A shared line that is not a sentence is furniture anywhere; a shared sentence only at the end,
    // because publishers reuse real background paragraphs too.
    if (endsWithTerminal(l.text)) sharedSentence.add(l.index);
    else reasons[l.index] = 'shared-by-publisher';
  }

  // 8. Repeated lines and the run of furniture at the end.
  classifyRepeatsAndTail(content, groups, reasons, sharedSentence);

  return { reasons, furtherReading, byline, credit };
}

const anchored = new WeakMap<RegExp, RegExp>();

/** A config pattern, anchored to the whole line and made case-insensitive (no g/y: `test` must be stateless). */
function anchor(re: RegExp): RegExp {
  let a = anchored.get(re);
  if (!a) {
    const flags = re.flags.replace(/[gy]/g, '');
    a = new RegExp(`^(?:${re.source})$`, flags.includes('i') ? flags : `${flags}i`);
    anchored.set(re, a);
  }
  return a;
}

function findReadingList(
  content: readonly SourceLine[],
  reasons: (string | null)[],
): { item: FurtherReading; index: number }[] {
  let rank = content.length - 1;
  while (rank >= 0 && reasons[content[rank]!.index] !== null) rank--;
  const items: SourceLine[] = [];
  while (rank >= 0 && reasons[content[rank]!.index] === null && isListItem(content[rank]!.text)) items.unshift(content[rank--]!);
  const heading = content[rank];
  // "Read more:" on its own is a read-more line only until a list shows it is a list heading.
  const free = heading !== undefined && (reasons[heading.index] === null || reasons[heading.index] === 'read-more');
  if (items.length === 0 || !heading || !free || !isListHeading(heading.text)) return [];
  if (!isReadingList(heading.text, items.map((l) => l.text))) return [];
  reasons[heading.index] = 'further-reading';
  return items.map((l) => {
    reasons[l.index] = 'further-reading';
    return { item: parseFurtherReadingItem(l.text, l.line), index: l.index };
  });
}

/**
 * A "Related" or "Tags" heading (not on the first line) opens a block of links: the lines after it
 * that are not sentences (headlines, tags), repeated lines, other furniture, and a teaser sentence
 * right under a headline. When that block runs to the end of the article it is all furniture. When
 * it does not (a widget in the middle of the text), only the heading and the non-sentence lines right
 * under it go, so that the article's next paragraph is never mistaken for a teaser.
 */
function markLinkBlocks(content: readonly SourceLine[], reasons: (string | null)[], repeated: (l: SourceLine) => boolean): void {
  const linkLike = (l: SourceLine): boolean =>
    reasons[l.index] !== null || repeated(l) || !endsWithTerminal(l.text) || isListItem(l.text) || URL_PATTERN.test(l.text);
  for (let rank = 1; rank < content.length; rank++) {
    let reason = matchEndMarker(content[rank]!.text);
    if (!reason) continue;
    let end = rank + 1;
    while (end < content.length) {
      const l = content[end]!;
      const teaser = endsWithTerminal(content[end - 1]!.text) === false && endsWithTerminal(l.text);
      if (!linkLike(l) && !teaser) break;
      end++;
    }
    if (end < content.length) {
      end = rank + 1;
      while (end < content.length && linkLike(content[end]!)) end++;
    }
    for (let k = rank; k < end; k++) {
      const l = content[k]!;
      reason = matchEndMarker(l.text) ?? reason;
      if (reasons[l.index] === null) reasons[l.index] = reason;
    }
    rank = end - 1;
  }
}
