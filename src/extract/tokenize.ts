/**
 * A small word tokenizer for finding names: offsets into the block text, hyphen joins, possessives
 * and sentence starts. The entity rules need exactly these facts and nothing a full NLP parse gives,
 * so this runs in microseconds where compromise costs tens of milliseconds per article.
 */
import { ABBREVIATIONS, SMALL_WORDS } from './name-words.js';

/** One word or punctuation mark of a block. */
export interface Token {
  /** The word as written, without a possessive `'s` ("Kerry’s" -> "Kerry"). */
  readonly text: string;
  /** 0-based offset of `text` in the block. */
  readonly start: number;
  /** Offset just past `text` (before any possessive). */
  readonly end: number;
  readonly isWord: boolean;
  /** Glued to the previous word by a hyphen ("al-Assad", "U.S.-backed", "Turkey-Syria"). */
  readonly hyphenated: boolean;
  /** Followed by a possessive `'s`, which is a mention all the same ("Russia's"). */
  readonly possessive: boolean;
  /** First word of a sentence or of a quotation, where a capital letter says nothing. */
  readonly sentenceStart: boolean;
  /** Starts with a capital letter (computed once: the rules ask it of every word many times). */
  readonly capitalised: boolean;
  /** Comparison key, see `tokenKey`. */
  readonly key: string;
}

/** How a line is set: capitals mean "name" only in running text. */
export type BlockStyle = 'normal' | 'title-case' | 'all-caps';

// Dotted acronyms first ("U.S.", "U.N.", "U.K" in "U.K-based"), then words with inner apostrophes
// ("al-Sina’a" keeps its ’a), then any single other character.
const TOKEN = /\p{Lu}(?:\.\p{Lu})+\.?|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;
const WORDISH = /^[\p{L}\p{M}\p{N}]/u;
const CAPITAL = /^\p{Lu}/u;
const DOTTED = /^(?:\p{Lu}\.)+\p{Lu}?\.?$/u;
const SENTENCE_END = new Set(['.', '!', '?', '…', ':']);
const OPENING_QUOTE = new Set(['“', '‘', '"', "'", '«']);
const HYPHENS = new Set(['-', '‐', '‑']);
const CLOSING = new Set(['"', '”', '’', "'", ')', '»']);

/** Splits a block into tokens with offsets. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let atSentenceStart = true;
  let joinNext = false;
  for (const match of text.matchAll(TOKEN)) {
    let word = match[0];
    const start = match.index;
    if (!WORDISH.test(word)) {
      const prev = tokens[tokens.length - 1];
      if (HYPHENS.has(word) && prev?.isWord && prev.end === start && WORDISH.test(text[start + 1] ?? '')) {
        joinNext = true;
        continue;
      }
      if (SENTENCE_END.has(word) && !(word === '.' && prev && prev.end === start && isAbbreviation(prev))) atSentenceStart = true;
      // An opening quotation starts a quoted sentence; a closing one (glued to a word) does not.
      if (OPENING_QUOTE.has(word) && (start === 0 || /[\s(\[—–]/.test(text[start - 1] ?? ''))) atSentenceStart = true;
      tokens.push({
        text: word, start, end: start + 1, isWord: false, hyphenated: false, possessive: false, sentenceStart: false,
        capitalised: false, key: word,
      });
      continue;
    }
    const possessive = /^\p{Lu}/u.test(word) && word.length > 3 && /['’]s$/.test(word);
    if (possessive) word = word.slice(0, -2);
    tokens.push({
      text: word,
      start,
      end: start + word.length,
      isWord: true,
      hyphenated: joinNext,
      possessive,
      sentenceStart: atSentenceStart && !joinNext,
      capitalised: CAPITAL.test(word),
      key: tokenKey(word),
    });
    atSentenceStart = false;
    joinNext = false;
  }
  return tokens;
}

/** "Mr." and the initial in "George W. Bush" do not end a sentence. */
function isAbbreviation(prev: Token): boolean {
  return prev.isWord && (ABBREVIATIONS.has(prev.text.toLowerCase()) || /^\p{Lu}$/u.test(prev.text));
}

/** True when the word starts with a capital letter. */
export function isCapitalised(token: Token): boolean {
  return token.capitalised;
}

/** True for "UN", "U.S.", "ISIS", "SANA": two or more letters, all capitals. */
export function isAcronym(token: Token): boolean {
  return token.isWord && /^(?:\p{Lu}\.?){2,}$/u.test(token.text);
}

/** The key words are compared by: lowercase, dots of acronyms dropped ("U.S." = "US"). */
export function tokenKey(text: string): string {
  return (text.includes('.') && DOTTED.test(text) ? text.replace(/\./g, '') : text).toLowerCase();
}

/**
 * Decides how a block is set. In a Title Case headline or an ALL CAPS subhead every word is
 * capitalised, so capitals are no evidence of a name there (issue 4: "Clashes Break Out in the
 * Southern Sweida Province" must not yield "Clashes" or "Southern").
 */
export function blockStyle(tokens: readonly Token[]): BlockStyle {
  const words = tokens.filter((t) => t.isWord && /\p{L}/u.test(t.text));
  if (words.length >= 2 && words.every((t) => t.text === t.text.toUpperCase()) && words.some((t) => t.text.length > 3)) {
    return 'all-caps';
  }
  // A line that ends with a full stop is running text, however many names it holds.
  const last = tokens.filter((t) => !CLOSING.has(t.text)).pop();
  if (last && !last.isWord && last.text === '.') return 'normal';
  const content = words.filter((t) => !SMALL_WORDS.has(t.text.toLowerCase()));
  if (content.length < 3) return 'normal';
  const capitalised = content.filter(isCapitalised).length;
  return capitalised / content.length >= 0.8 ? 'title-case' : 'normal';
}
