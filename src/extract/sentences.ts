/**
 * Sentence splitting for news prose (issue 4, item 4). Events point at a sentence by its index in
 * the block, and the renderer puts `#p{block}s{index}` anchors on the same spans, so this must be
 * deterministic and depend on the block text alone.
 */

/** One sentence of a block: its text and its offsets into the block text (`end` exclusive). */
export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

/**
 * A candidate boundary: a run of terminal punctuation (full stop, `?`, `!`, ellipsis), any closing
 * quotes or brackets, then whitespace. Whether it really ends a sentence is decided by the word
 * before it and the text after it.
 */
const BOUNDARY = /([.!?\u2026]+)([”’"')\]]*)(\s+)/gu;

/** A sentence may start with a capital, a digit, or an opening quote or bracket before one. */
const STARTS_SENTENCE = /^[“‘"'(\[]*[\p{Lu}\d]/u;

/** Titles are always followed by a name, so a full stop after them never ends a sentence. */
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'sgt', 'capt', 'cmdr', 'adm', 'maj', 'gov',
  'sen', 'rep', 'st', 'rev', 'hon', 'pres', 'sr', 'jr', 'messrs', 'mme', 'mlle', 'fr', 'sec',
]);

/** Abbreviations that are followed by a number ("Aug. 1", "No. 2", "p. 4"). */
const BEFORE_NUMBER = new Set([
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'no', 'nos',
  'p', 'pp', 'vol', 'art', 'fig', 'ch', 'para', 'approx',
]);

/**
 * Words that usually open a sentence. After an initialism ("U.S.", "U.N.", "a.m.", "Inc.") a
 * capitalised word is most often a name ("U.S. Secretary of State"), so we split there only when
 * the next word is one of these.
 */
const OPENERS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'its', 'he', 'she', 'they', 'we', 'i',
  'you', 'his', 'her', 'their', 'our', 'but', 'and', 'or', 'so', 'yet', 'however', 'meanwhile',
  'in', 'on', 'at', 'for', 'after', 'before', 'when', 'while', 'if', 'as', 'there', 'since',
  'although', 'though', 'still', 'also', 'both', 'some', 'many', 'most', 'no', 'not', 'one',
  'what', 'who', 'why', 'how', 'earlier', 'later', 'last', 'next', 'separately', 'asked',
]);

/** The word right before `index` (letters, digits and inner full stops), without the final stop. */
function wordBefore(text: string, index: number): string {
  const m = /([\p{L}\d.\-]+)$/u.exec(text.slice(Math.max(0, index - 40), index));
  return m?.[1] ?? '';
}

/** The first word after `index`, stripped of opening quotes and brackets. */
function wordAfter(text: string, index: number): string {
  const m = /^[“‘"'(\[]*([\p{L}\d]+)/u.exec(text.slice(index, index + 40));
  return m?.[1] ?? '';
}

/** Decides whether the candidate boundary after `word` (terminal run `punct`) ends a sentence. */
function endsSentence(word: string, punct: string, next: string): boolean {
  // An ellipsis or ?/! never follows an abbreviation: the capital after it decides alone.
  if (punct !== '.') return true;
  const lower = word.toLowerCase();
  if (TITLES.has(lower)) return false;
  if (BEFORE_NUMBER.has(lower) && /^\d/.test(next)) return false;
  // Initialisms and initials: "U.S.", "a.m.", "F." (the final stop is not part of `word`).
  const initialism = /^(?:\p{L}\.)+\p{L}$/u.test(word) || /^\p{Lu}$/u.test(word);
  if (initialism) return OPENERS.has(next.toLowerCase());
  return true;
}

/**
 * Splits block text into sentences. Handles abbreviations ("U.S.", "U.N.", "Mr.", "a.m.",
 * "Aug. 1"), closing quotes after a full stop (`... result." A summary`), and ellipses. Every
 * character of `text` except the whitespace between sentences falls into exactly one span.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = text.length - text.trimStart().length;
  for (const m of text.matchAll(BOUNDARY)) {
    const index = m.index ?? 0;
    const punct = m[1] ?? '';
    const end = index + punct.length + (m[2] ?? '').length;
    const nextStart = end + (m[3] ?? '').length;
    if (nextStart >= text.length || end <= start) continue;
    if (!STARTS_SENTENCE.test(text.slice(nextStart, nextStart + 8))) continue;
    const word = punct === '.' ? wordBefore(text, index) : '';
    if (!endsSentence(word, punct, wordAfter(text, nextStart))) continue;
    spans.push({ text: text.slice(start, end), start, end });
    start = nextStart;
  }
  const end = text.trimEnd().length;
  if (end > start) spans.push({ text: text.slice(start, end), start, end });
  return spans;
}
