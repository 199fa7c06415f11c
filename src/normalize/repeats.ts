/**
 * Repeated lines and the run of furniture at the end of an article (issue 3, item 5). A line the
 * page shows twice is furniture ("Related" headlines and teasers, doubled by the scraper in 000 and
 * 002); a paragraph is never judged by its sentences, only by whole lines, so a real paragraph that
 * repeats a sentence stays. Linear: one map of line keys, one backward walk.
 */
import type { SourceLine } from './source-lines.js';
import { URL_PATTERN, countWords, endsWithFunctionWord, endsWithTerminal, startsLower } from './text.js';

/**
 * A line counts for repetition only when it stands on its own: a fragment of a hard-wrapped
 * paragraph may repeat by chance ("and the United States") and is not a line of the page.
 */
function standsAlone(lines: readonly SourceLine[], l: SourceLine): boolean {
  if (countWords(l.text) < 3) return false;
  const prev = lines[l.index - 1];
  if (prev && !prev.blank && prev.key !== l.key && continuesInto(prev.text, l.text)) return false;
  const next = lines[l.index + 1];
  return !(next && !next.blank && continuesInto(l.text, next.text));
}

/** True when `line` visibly stops mid-sentence and `next` goes on with it. */
export function continuesInto(line: string, next: string): boolean {
  return !endsWithTerminal(line) && (startsLower(next) || endsWithFunctionWord(line) || /[,;:-]$/u.test(line));
}

/** Indices of stand-alone lines by key; a key with two or more indices is a repeated line. */
export function repeatGroups(lines: readonly SourceLine[], content: readonly SourceLine[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const l of content) {
    if (!standsAlone(lines, l)) continue;
    const group = groups.get(l.key);
    if (group) group.push(l.index);
    else groups.set(l.key, [l.index]);
  }
  return groups;
}

/**
 * Marks the run of furniture that ends the article and the repeated lines elsewhere: repeats whose
 * every copy lies in that run are `related-block`, other repeats keep their first copy in the body
 * and the rest are `duplicate-line`.
 */
export function classifyRepeatsAndTail(
  content: readonly SourceLine[],
  groups: ReadonlyMap<string, number[]>,
  reasons: (string | null)[],
  sharedSentence: ReadonlySet<number>,
): void {
  const repeated = (l: SourceLine): boolean => (groups.get(l.key)?.length ?? 0) > 1;
  const linkOnly = (l: SourceLine): boolean => URL_PATTERN.test(l.text) && countWords(l.text.replace(URL_PATTERN, '')) <= 3;
  const shortLine = (l: SourceLine): boolean => countWords(l.text) <= 2 && !endsWithTerminal(l.text);

  // Walk back from the end over furniture-like lines. "Hard" lines are furniture for sure; "soft"
  // ones (a repeated sentence) only when a hard line opens the run, so that a paragraph the scraper
  // doubled at the very end keeps its first copy.
  const kind = (l: SourceLine): 'hard' | 'soft' | null => {
    if (reasons[l.index] !== null || sharedSentence.has(l.index) || shortLine(l) || linkOnly(l)) return 'hard';
    if (repeated(l)) return endsWithTerminal(l.text) ? 'soft' : 'hard';
    return null;
  };
  let start = content.length;
  while (start > 0 && kind(content[start - 1]!) !== null) start--;
  while (start < content.length && kind(content[start]!) === 'soft') start++;
  const inTail = new Set(content.slice(start).map((l) => l.index));

  for (const l of content.slice(start)) {
    if (reasons[l.index] !== null) continue;
    if (repeated(l)) reasons[l.index] = groups.get(l.key)!.every((i) => inTail.has(i)) ? 'related-block' : 'duplicate-line';
    else if (sharedSentence.has(l.index)) reasons[l.index] = 'shared-by-publisher';
    else if (linkOnly(l)) reasons[l.index] = 'link-list';
    else reasons[l.index] = 'end-furniture';
  }
  // Elsewhere a repeated line keeps its first free copy in the body; the others are duplicates.
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const keeper = group.find((i) => reasons[i] === null && !inTail.has(i));
    for (const i of group) if (i !== keeper && reasons[i] === null) reasons[i] = 'duplicate-line';
  }
}
