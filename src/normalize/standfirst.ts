/**
 * The standfirst (issue 3, item 2): a one-line summary right after the headline. Two signals tell it
 * from a lede paragraph: it sits on the line right under the headline with no blank line between
 * and is short (at most 35 words, one or two sentences: 003 and 004), or it stops without a
 * sentence end, which no paragraph does. A lede set off by a blank line and ending with a full stop
 * (000, 002) stays a paragraph.
 */
import { splitSentences } from './sentences.js';
import { isSubheadLike } from './subheads.js';
import { endsWithTerminal, lineKey, countWords } from './text.js';
import type { Unit } from './reflow.js';

const MAX_ATTACHED_WORDS = 35;
const MAX_WORDS = 40;
const MIN_WORDS = 4;

/** The chosen standfirst and which units it consumes. */
export interface StandfirstPick {
  readonly standfirst: { text: string; line: number } | null;
  /** Index of the unit that became the standfirst, or null. */
  readonly take: number | null;
  /** Indices of units that repeat a forced standfirst; they leave the body with reason `standfirst`. */
  readonly drop: readonly number[];
}

/** True when `unit` reads as a standfirst under a headline. */
export function isStandfirstLike(unit: Unit): boolean {
  if (unit.kind !== 'paragraph' || !unit.whole) return false;
  const n = countWords(unit.text);
  if (n < MIN_WORDS || n > MAX_WORDS || splitSentences(unit.text).length > 2) return false;
  // A line ending in ":" or "," introduces what follows (a list, a quote): it is not a summary.
  if (/[:;,–—-]$/u.test(unit.text)) return false;
  if (!unit.afterGap && n <= MAX_ATTACHED_WORDS) return true;
  return !endsWithTerminal(unit.text) && !isSubheadLike(unit.text);
}

/**
 * Picks the standfirst: the forced one (front matter), or the unit right after the headline unit at
 * index `top` when it reads as one and at least two paragraphs follow it. `top` is -1 when the
 * headline did not come from the top of the body: then there is nothing to be "right after".
 */
export function pickStandfirst(units: readonly Unit[], top: number, forced: string | undefined): StandfirstPick {
  if (forced !== undefined && forced.trim() !== '') {
    const key = lineKey(forced);
    const drop = units.flatMap((u, i) => (u.whole && lineKey(u.text) === key ? [i] : []));
    return { standfirst: { text: forced.trim(), line: 0 }, take: null, drop };
  }
  const candidate = top >= 0 ? units[top + 1] : undefined;
  if (!candidate || !isStandfirstLike(candidate)) return { standfirst: null, take: null, drop: [] };
  const paragraphsAfter = units.slice(top + 2).filter((u) => u.kind === 'paragraph').length;
  if (paragraphsAfter < 2) return { standfirst: null, take: null, drop: [] };
  return { standfirst: { text: candidate.text, line: candidate.line }, take: top + 1, drop: [] };
}
