/**
 * Small text predicates shared by the plain-text normalizer. They decide structure only: nothing
 * here rewrites a word (issue 3, item 9), the one transform is whitespace folding.
 */

/** Collapses every run of whitespace (tabs, NBSP, ideographic space...) to one space and trims. */
export function foldWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** The comparison key of a line: NFC, whitespace folded, lower-cased. Used for duplicate and shared-line lookups. */
export function lineKey(text: string): string {
  return foldWhitespace(text.normalize('NFC')).toLowerCase();
}

/** Words of an already folded text. */
export function wordsOf(text: string): string[] {
  return text === '' ? [] : text.split(' ');
}

/** Number of words of an already folded text, without allocating them. */
export function countWords(text: string): number {
  if (text === '') return 0;
  let n = 1;
  for (let i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) n++;
  return n;
}

/** Closing quotes and brackets that may follow a sentence's final stop: `result."`, `end.)`. */
const CLOSERS = new Set(['"', "'", '”', '’', '»', ')', ']']);
/** Opening quotes and brackets that may precede a sentence's first letter. */
const OPENERS = new Set(['"', "'", '“', '‘', '«', '(', '[']);
const TERMINALS = new Set(['.', '!', '?', '…']);

/** True when the text ends like a sentence: `.`, `!`, `?` or `…`, optionally inside closing quotes. */
export function endsWithTerminal(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && CLOSERS.has(text[i]!)) i--;
  return i >= 0 && TERMINALS.has(text[i]!);
}

/** True for an upper-case letter (any script that has case). */
export function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** True for a lower-case letter. */
export function isLower(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/** The first letter-or-digit of a token, skipping opening quotes and brackets. */
export function leadChar(text: string): string | undefined {
  let i = 0;
  while (i < text.length && OPENERS.has(text[i]!)) i++;
  return text[i];
}

/** True when the text starts like a sentence or a heading: an upper-case letter or a digit, maybe after a quote. */
export function startsUpper(text: string): boolean {
  const ch = leadChar(text);
  return isUpper(ch) || (ch !== undefined && ch >= '0' && ch <= '9');
}

/** True when the text starts with a lower-case letter (a wrapped continuation). */
export function startsLower(text: string): boolean {
  return isLower(leadChar(text));
}

/**
 * Words that cannot end a headline or heading: a line ending in one of them was cut mid-phrase
 * ("Secretary of" in 001 is the first fragment of a wrapped paragraph, not a title).
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'into', 'onto', 'upon',
  'about', 'as', 'than', 'and', 'or', 'but', 'nor', 'so', 'yet', 'if', 'that', 'which', 'who', 'whom',
  'whose', 'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'could',
  'should', 'can', 'may', 'might', 'must', 'shall', 'his', 'her', 'its', 'their', 'our', 'my', 'your',
  'this', 'these', 'those', 'while', 'after', 'before', 'over', 'under', 'between', 'via', 'per',
  'since', 'until', 'because', 'although', 'though', 'when', 'where', 'whether', 'against', 'during',
  'without', 'within', 'through', 'toward', 'towards', 'among', 'across', 'not', 'also',
]);

/** Small words that stay lower-case in Title Case ("Increased Violence in Deir Ezzor Province"). */
const TITLE_SMALL_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'into', 'and', 'or',
  'but', 'nor', 'as', 'vs', 'vs.', 'per', 'via', 'over', 'up', 'out', 'off', 'is', 'are', 'be', 'amid',
]);

/** True when the last word is a function word (the line stops mid-phrase). */
export function endsWithFunctionWord(text: string): boolean {
  const words = wordsOf(text);
  const last = words[words.length - 1];
  return last !== undefined && FUNCTION_WORDS.has(last.toLowerCase());
}

/** True when every letter is upper-case and there are at least two letters ("SLOW PROGRESS"). */
export function isAllCaps(text: string): boolean {
  let letters = 0;
  for (const ch of text) {
    if (isLower(ch)) return false;
    if (isUpper(ch)) letters++;
  }
  return letters >= 2;
}

/** True for Title Case: the first word and every word that is not a small word start upper-case. */
export function isTitleCase(text: string): boolean {
  const words = wordsOf(text);
  if (words.length === 0 || !startsUpper(words[0]!)) return false;
  let significant = 0;
  let capitalised = 0;
  for (const word of words) {
    const lead = leadChar(word);
    if (lead === undefined || !/\p{L}/u.test(lead)) continue; // numbers, dashes
    if (TITLE_SMALL_WORDS.has(word.toLowerCase())) continue;
    significant++;
    if (isUpper(lead)) capitalised++;
  }
  return significant > 0 && capitalised === significant;
}

/** A web address inside a line. */
export const URL_PATTERN = /\bhttps?:\/\/[^\s<>"]+|\bwww\.[^\s<>"]+/i;

/** A list bullet at the start of a line: `- `, `* `, `• `, `1. `. */
export const BULLET_PATTERN = /^(?:[-*•·▪►–—]|\d{1,2}[.)])\s+(?=\S)/u;
