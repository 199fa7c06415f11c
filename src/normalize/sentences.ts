/**
 * Sentence boundaries inside one folded line or paragraph, tuned for news copy. Used to find where
 * a lost paragraph break sits ("... aid deliveries. Russia" in 001) and to infer a title from the
 * first sentence. One left-to-right pass, no backtracking regexes.
 */
import { isUpper, leadChar } from './text.js';

const TERMINALS = new Set(['.', '!', '?', '…']);
const CLOSERS = new Set(['"', "'", '”', '’', '»', ')', ']']);

/**
 * Abbreviations whose full stop does not end a sentence when a capital follows ("Gen. Smith").
 * Month names are left out on purpose: they are followed by a digit ("Aug. 1"), which never starts
 * a sentence here anyway.
 */
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt', 'cpl', 'adm',
  'cmdr', 'brig', 'sen', 'rep', 'gov', 'pres', 'amb', 'sec', 'st', 'ste', 'mt', 'ft', 'jr', 'sr', 'rev',
  'hon', 'messrs', 'mme', 'mlle', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'bros', 'dept', 'univ',
  'approx', 'est', 'fig', 'vol', 'eds', 'e.g', 'i.e', 'a.m', 'p.m', 'cf', 'al',
]);

/** True when the token before a full stop is an abbreviation, an initial ("F.") or an initialism ("U.S."). */
function isAbbreviation(token: string): boolean {
  const bare = token.replace(/^[("'“‘«[]+/u, '');
  if (ABBREVIATIONS.has(bare.toLowerCase())) return true;
  if (/^\p{Lu}$/u.test(bare)) return true; // an initial: "John F. Kennedy"
  // An initialism such as "U.S" or "U.N" (the final stop is the one being tested). In news copy it
  // is followed by a name far more often than it ends a sentence ("U.S. Secretary of State").
  return /^(?:\p{L}\.)+\p{L}$/u.test(bare);
}

/**
 * Offsets where a new sentence starts inside `text`: after `.`, `!`, `?` or `…` (and any closing
 * quotes), one space, then an upper-case letter, maybe behind an opening quote.
 */
export function sentenceStarts(text: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (!TERMINALS.has(ch)) continue;
    if (ch === '.' && text[i + 1] === '.') continue; // inside "..."; judged at its last dot
    let j = i + 1;
    while (j < text.length && CLOSERS.has(text[j]!)) j++;
    if (text[j] !== ' ') continue;
    const next = j + 1;
    if (!isUpper(leadChar(text.slice(next, next + 3)))) continue;
    if (ch === '.' || ch === '…') {
      const tokenStart = text.lastIndexOf(' ', i) + 1;
      const token = text.slice(tokenStart, i);
      if (ch === '.' && token.endsWith('..') === false && isAbbreviation(token)) continue;
      // " ... " standing alone marks an elision inside a quote, not an end.
      if (token === '' || /^[.…]+$/u.test(token)) continue;
    }
    starts.push(next);
  }
  return starts;
}

/** Splits a paragraph into sentences (words untouched). */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (const start of sentenceStarts(text)) {
    out.push(text.slice(from, start).trim());
    from = start;
  }
  const rest = text.slice(from).trim();
  if (rest !== '') out.push(rest);
  return out;
}

/** The first sentence of a paragraph. */
export function firstSentence(text: string): string {
  return splitSentences(text)[0] ?? '';
}
