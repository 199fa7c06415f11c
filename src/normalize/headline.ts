/**
 * The headline (issue 3, item 1): front matter wins; else the first line when it reads as a
 * headline; else a headline-like line standing alone at the end, just before end-of-article
 * furniture (where 001's is); else the first sentence, marked as inferred.
 */
import type { TitleSource } from '../model.js';
import { firstSentence, sentenceStarts } from './sentences.js';
import { BULLET_PATTERN, URL_PATTERN, endsWithFunctionWord, endsWithTerminal, lineKey, startsUpper, countWords } from './text.js';
import type { Unit } from './reflow.js';

/** Final characters a headline never ends with ("?" and "!" are fine: "Will Russia-NATO tensions ease?"). */
const NOT_HEADLINE_END = /[.,;:…][\s"'”’»)\]]*$/u;

/**
 * True when a line reads as a headline: 3 to 25 words, starts with a capital or digit, does not end
 * with a full stop, comma or colon nor mid-phrase on a function word ("Secretary of"), at most two
 * sentences, no list bullet or URL.
 */
export function isHeadlineLike(text: string): boolean {
  const n = countWords(text);
  if (n < 3 || n > 25 || text.length > 200) return false;
  if (NOT_HEADLINE_END.test(text) || !startsUpper(text) || endsWithFunctionWord(text)) return false;
  if (BULLET_PATTERN.test(text) || URL_PATTERN.test(text)) return false;
  return sentenceStarts(text).length <= 1;
}

/** A dateline opening a paragraph ("MOSCOW (Reuters) - "): not part of the first sentence's words. */
const DATELINE_PREFIX = /^\p{Lu}[\p{Lu}\p{M}.'’ /-]{1,40}(?:,[^()]{1,30})?\s*(?:\([^()]{1,40}\)\s*)?[-–—]\s+/u;

/** The chosen title and which units it consumes. */
export interface TitlePick {
  readonly title: { text: string; line: number; source: TitleSource } | null;
  /** Index of the unit that became the title (it leaves the body), or null. */
  readonly take: number | null;
  /** Indices of units that repeat the title; they leave the body with reason `headline`. */
  readonly drop: readonly number[];
  /** Index of the unit at the top that is the headline (taken or dropped), or -1: the standfirst follows it. */
  readonly top: number;
}

/**
 * Picks the title among the body units. `furnitureAfter(unit)` tells whether end-of-article
 * furniture was removed after that unit.
 */
export function pickTitle(
  units: readonly Unit[],
  forced: string | undefined,
  furnitureAfter: (unit: Unit) => boolean,
): TitlePick {
  const first = units[0];
  const firstIsHeadline = first !== undefined && first.whole && first.kind === 'paragraph' && isHeadlineLike(first.text);
  const lastIndex = units.length - 1;
  const last = units[lastIndex];
  const before = units[lastIndex - 1];
  const lastIsHeadline =
    last !== undefined && before !== undefined && last.whole && isHeadlineLike(last.text) && endsWithTerminal(before.text) && furnitureAfter(last);

  if (forced !== undefined && forced.trim() !== '') {
    const key = lineKey(forced);
    const drop = units.flatMap((u, i) => (u.whole && lineKey(u.text) === key ? [i] : []));
    // The file's own headline is superseded by the front matter title (an editor can `keep` it).
    const own = firstIsHeadline ? 0 : lastIsHeadline ? lastIndex : -1;
    if (own >= 0 && !drop.includes(own)) drop.push(own);
    return { title: { text: forced.trim(), line: 0, source: 'front-matter' }, take: null, drop, top: firstIsHeadline ? 0 : -1 };
  }
  if (firstIsHeadline) return withRepeats(units, { text: first.text, line: first.line, source: 'first-line' }, 0, 0);
  if (lastIsHeadline) return withRepeats(units, { text: last.text, line: last.line, source: 'headline-line' }, lastIndex, -1);

  const paragraph = units.find((u) => u.kind === 'paragraph');
  if (!paragraph) return { title: null, take: null, drop: [], top: -1 };
  const sentence = firstSentence(paragraph.text.replace(DATELINE_PREFIX, ''));
  return { title: { text: sentence, line: paragraph.line, source: 'first-sentence' }, take: null, drop: [], top: -1 };
}

function withRepeats(
  units: readonly Unit[],
  title: { text: string; line: number; source: TitleSource },
  take: number,
  top: number,
): TitlePick {
  const key = lineKey(title.text);
  const drop = units.flatMap((u, i) => (i !== take && u.whole && lineKey(u.text) === key ? [i] : []));
  return { title, take, drop, top };
}
