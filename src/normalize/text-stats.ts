/** Word count and reading time, from the body the reader sees. */

/** Reading speed for news prose, words per minute. */
export const WORDS_PER_MINUTE = 230;

/** Counts words (runs of letters or digits, apostrophes and hyphens inside). */
export function countWords(texts: Iterable<string>): number {
  let n = 0;
  for (const t of texts) n += t.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
  return n;
}

/** Whole minutes, at least one. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
