/**
 * Lines in another script or language than the article: a site's call to action in its home
 * language ("Mời quý độc giả theo dõi VOV.VN trên" under an English report, issue 3, item 5).
 * Two signals, both measured against the article itself, so they hold for any article language:
 * - script: the line's letters are mostly in a script other than the article's main one;
 * - diacritics: in a Latin-script article that hardly uses diacritics, a line where many
 *   lower-case words carry them (names like "Erdoğan" are capitalised and do not count).
 */
import { countWords, wordsOf } from './text.js';

/** Why a line is foreign to its article. */
export type ForeignReason = 'other-script' | 'other-language';

type Script = 'latin' | 'greek' | 'cyrillic' | 'armenian' | 'hebrew' | 'arabic' | 'indic' | 'thai' | 'hangul' | 'kana' | 'han' | 'other';

/** The script of a letter, or null for anything that is not a letter. Code-point ranges: no regex per character. */
function scriptOf(ch: string): Script | null {
  const c = ch.codePointAt(0)!;
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ? 'latin' : null;
  if (c >= 0xc0 && c <= 0x24f) return c === 0xd7 || c === 0xf7 ? null : 'latin';
  if (c >= 0x1e00 && c <= 0x1eff) return 'latin';
  if (c >= 0x300 && c <= 0x36f) return null; // combining marks belong to the letter before
  if (c >= 0x370 && c <= 0x3ff) return 'greek';
  if (c >= 0x1f00 && c <= 0x1fff) return 'greek';
  if (c >= 0x400 && c <= 0x52f) return 'cyrillic';
  if (c >= 0x530 && c <= 0x58f) return 'armenian';
  if (c >= 0x590 && c <= 0x5ff) return 'hebrew';
  if ((c >= 0x600 && c <= 0x6ff) || (c >= 0x750 && c <= 0x77f) || (c >= 0xfb50 && c <= 0xfeff)) return 'arabic';
  if (c >= 0x900 && c <= 0xdff) return 'indic';
  if (c >= 0xe00 && c <= 0xe7f) return 'thai';
  if ((c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff)) return 'hangul';
  if (c >= 0x3040 && c <= 0x30ff) return 'kana';
  if ((c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff)) return 'han';
  return /\p{L}/u.test(ch) ? 'other' : null;
}

interface LineStats {
  readonly scripts: Map<Script, number>;
  readonly words: number;
  /** Lower-case words with a non-ASCII Latin letter: "quý", "độc", "giả". */
  readonly diacriticWords: number;
}

function statsOf(text: string): LineStats {
  const scripts = new Map<Script, number>();
  // Fast path: most lines of most articles are plain ASCII.
  if (/^[\x00-\x7f]*$/.test(text)) {
    let letters = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i) | 0x20;
      if (c >= 0x61 && c <= 0x7a) letters++;
    }
    if (letters > 0) scripts.set('latin', letters);
    return { scripts, words: countWords(text), diacriticWords: 0 };
  }
  for (const ch of text) {
    const s = scriptOf(ch);
    if (s) scripts.set(s, (scripts.get(s) ?? 0) + 1);
  }
  let diacriticWords = 0;
  const words = wordsOf(text);
  for (const word of words) {
    const first = word.match(/\p{L}/u)?.[0];
    if (first === undefined || first !== first.toLowerCase()) continue;
    if (/[\u00c0-\u024f\u1e00-\u1eff\u0300-\u036f]/u.test(word)) diacriticWords++;
  }
  return { scripts, words: words.length, diacriticWords };
}

function dominant(scripts: Map<Script, number>): [Script | null, number, number] {
  let best: Script | null = null;
  let bestCount = 0;
  let total = 0;
  for (const [s, n] of scripts) {
    total += n;
    if (n > bestCount) [best, bestCount] = [s, n];
  }
  return [best, bestCount, total];
}

/** For each line (folded texts), whether it is in another script or language than the article. */
export function findForeignLines(texts: readonly string[]): (ForeignReason | null)[] {
  const stats = texts.map(statsOf);
  const all = new Map<Script, number>();
  let words = 0;
  let diacriticWords = 0;
  for (const s of stats) {
    for (const [k, n] of s.scripts) all.set(k, (all.get(k) ?? 0) + n);
    words += s.words;
    diacriticWords += s.diacriticWords;
  }
  const [main] = dominant(all);
  return stats.map((s) => {
    const [script, count, total] = dominant(s.scripts);
    if (main === null || script === null) return null;
    if (script !== main && count >= 3 && count / total >= 0.6) return 'other-script';
    if (main !== 'latin' || s.words < 3 || s.diacriticWords < 3 || s.diacriticWords / s.words < 0.3) return null;
    // The rest of the article (this line left out) must hardly use such words.
    const restWords = words - s.words;
    const rare = restWords > 0 && (diacriticWords - s.diacriticWords) / restWords < 0.05;
    return rare ? 'other-language' : null;
  });
}
