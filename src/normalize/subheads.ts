/**
 * Subheads (issue 3, items 3 and 4): a short Title Case or ALL CAPS line without final punctuation
 * between two paragraphs ("Increased Violence in Deir Ezzor Province" in 004), and a run of
 * capitals that lost its line break and now opens a paragraph ("SLOW PROGRESS The Geneva talks"
 * in 001). The capitals are kept exactly as written.
 */
import { BULLET_PATTERN, URL_PATTERN, endsWithFunctionWord, isAllCaps, isTitleCase, startsUpper, countWords, wordsOf } from './text.js';
import type { Unit } from './reflow.js';

/** Final characters a subhead never ends with ("?" is fine: "What Comes Next?"). */
const NOT_SUBHEAD_END = /[.,;:!…][\s"'”’»)\]]*$/u;

/** True for a line that reads as a subhead: 1 to 12 words, at most 90 characters, Title Case or ALL CAPS. */
export function isSubheadLike(text: string): boolean {
  const n = countWords(text);
  if (n === 0 || n > 12 || text.length > 90) return false;
  if (NOT_SUBHEAD_END.test(text) || !startsUpper(text) || endsWithFunctionWord(text)) return false;
  if (BULLET_PATTERN.test(text) || URL_PATTERN.test(text)) return false;
  return isAllCaps(text) || isTitleCase(text);
}

/** An all-caps word of letters (apostrophes, hyphens and "&" allowed): "PALMYRA", "CO-OPERATION". */
const CAPS_WORD = /^(?:[\p{Lu}][\p{Lu}\p{M}'’&-]*|&)$/u;
/** The word after the run must open a sentence: capital then lower case ("The", "On", "“We"). */
const SENTENCE_OPENER = /^["“‘'(]?\p{Lu}\p{Ll}/u;

/**
 * Splits a leading run of capitals off a paragraph: at least two capitalised words, one of them of
 * three letters or more, followed by a word in sentence case and at least three more words. One-word
 * runs are left alone: they are datelines ("MOSCOW (Reuters) -") or acronyms ("NATO Secretary ...").
 */
export function splitCapsRun(text: string): { subhead: string; rest: string } | null {
  const words = wordsOf(text);
  let k = 0;
  while (k < words.length && k < 10 && CAPS_WORD.test(words[k]!) && (words[k] === '&' || /\p{Lu}{2}/u.test(words[k]!))) k++;
  if (k < 2 || words.length - k < 4) return null;
  if (!words.slice(0, k).some((w) => w.replace(/[^\p{L}]/gu, '').length >= 3)) return null;
  if (!SENTENCE_OPENER.test(words[k]!)) return null;
  return { subhead: words.slice(0, k).join(' '), rest: words.slice(k).join(' ') };
}

/** Turns subhead-like whole-line units that stand between two paragraphs into subheads. */
export function markSubheads(units: readonly Unit[]): Unit[] {
  return units.map((u, i) => {
    const prev = units[i - 1];
    const next = units[i + 1];
    const between = prev?.kind === 'paragraph' && next !== undefined && !isSubheadLike(next.text);
    return u.kind === 'paragraph' && u.whole && between && isSubheadLike(u.text) ? { ...u, kind: 'subhead' } : u;
  });
}
