/**
 * Proper-noun runs and the evidence for their kind (issue 4, item 1). A run is a stretch of
 * capitalised words, joined by "of", "for" or a name particle; titles, demonyms, dates and
 * furniture words are cut out of it, and what remains is typed from compromise's lexicon, the
 * shape of the name and its lowercase neighbours. A run with no evidence stays untyped here and
 * is settled, or dropped, at article level (resolve-names.ts): capitals alone make no topic.
 */
import type { TopicKind } from '../model.js';
import { titleLength } from './gazetteer.js';
import { lexiconTags } from './lexicon.js';
import {
  ABBREVIATIONS, CALENDAR, COMPASS, CONNECTORS, DEMONYMS, LEADING_PARTICLES, NEVER_NAMES, ORG_HEADS, ORG_WORDS, PARTICLES,
  PERSON_HEADS, PLACE_OF, PLACE_PREPOSITIONS, PLACE_WORDS,
} from './name-words.js';
import { isAcronym, isCapitalised, type Token } from './tokenize.js';

/** A possible name in one part of the article (title, standfirst or a body block). */
export interface Candidate {
  /** Index of the part (title, standfirst, blocks) in the article. */
  readonly part: number;
  /** Token range, inclusive. */
  readonly first: number;
  readonly last: number;
  /** The words as in the text, titles stripped. */
  readonly text: string;
  readonly offset: number;
  /** Kind from strong evidence (lexicon, name shape, title, close context), or null. */
  kind: TopicKind | null;
  /** Kind from weak evidence ("according to X", "in X"), used only when nothing else decides. */
  weakKind: TopicKind | null;
  /** Canonical name; starts as the text, changed by merging. */
  name: string;
  /** Found through the topics file. */
  readonly curated: boolean;
  /** Starts a sentence and has no evidence of its own: a capital that may mean nothing. */
  readonly initial: boolean;
}

const NAME_TAGS: Readonly<Record<string, TopicKind>> = {
  Country: 'place', City: 'place', Region: 'place', Place: 'place',
  Organization: 'organisation', SportsTeam: 'organisation',
  Person: 'person', LastName: 'person', MaleName: 'person', FemaleName: 'person', FirstName: 'person',
};
const COMMON_TAGS = new Set([
  'Determiner', 'Preposition', 'Conjunction', 'Adverb', 'Pronoun', 'Adjective', 'Infinitive', 'PastTense',
  'PresentTense', 'Gerund', 'Modal', 'Copula', 'QuestionWord', 'Plural', 'Singular', 'Uncountable', 'Expression',
  'Actor', 'Comparative', 'Superlative', 'Participle', 'PhrasalVerb', 'Noun', 'Verb', 'Demonym', 'Month', 'WeekDay',
  'Date', 'Duration', 'Cardinal', 'Ordinal', 'TextValue', 'Negative', 'Condition',
]);
/** Acronyms that are things, not names. */
const THING_ACRONYMS = new Set([
  'IED', 'TV', 'CEO', 'GDP', 'AM', 'PM', 'OK', 'ID', 'DNA', 'HIV', 'AIDS', 'UAV', 'RPG', 'VIP', 'FAQ', 'PDF', 'DVD', 'CD',
  'SUV', 'GPS', 'SMS', 'URL', 'USB', 'PC', 'ATM', 'NGO', 'MP', 'MPS', 'PR', 'IT', 'AI', 'HQ', 'RSS', 'FM', 'AK',
]);
const SPEECH = new Set(['said', 'says', 'told', 'added', 'stated']);

/** The kind compromise's lexicon gives a word or phrase, when it names and is not also a common word. */
export function lexiconKind(phrase: string, allowCommon = false): TopicKind | null {
  const tags = lexiconTags(phrase);
  const kind = tags.map((t) => NAME_TAGS[t]).find((k) => k !== undefined) ?? null;
  if (!kind || allowCommon) return kind;
  return tags.some((t) => COMMON_TAGS.has(t)) ? null : kind;
}

/** True when the lexicon knows the word only as a common word ("Both", "Progress", "Ahead"). */
export function isCommonWord(word: string): boolean {
  const tags = lexiconTags(word);
  return tags.length > 0 && tags.every((t) => COMMON_TAGS.has(t) || t === 'Noun' || t === 'Abbreviation');
}

const lower = (t: Token | undefined) => (t?.isWord ? t.text.toLowerCase() : '');
const isPlaceLexicon = (w: string) => lexiconKind(w) === 'place';

/** Finds the untyped and typed name candidates of one part, skipping tokens the topics file claimed. */
export function findCandidates(tokens: readonly Token[], claimed: readonly boolean[], part: number, text: string): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!startsName(tokens, claimed, i)) continue;
    let j = i;
    while (j + 1 < tokens.length && !tokens[j]!.possessive) {
      const next = tokens[j + 1]!;
      const after = tokens[j + 2];
      // "Mr. Lavrov": the full stop of a title abbreviation does not end the name.
      if (next.text === '.' && next.start === tokens[j]!.end && ABBREVIATIONS.has(lower(tokens[j])) && after && !claimed[j + 2] && isCapitalised(after)) { j += 2; continue; }
      if (claimed[j + 1] || !next.isWord) break;
      if (isCapitalised(next) && !/^\p{N}/u.test(next.text)) { j++; continue; }
      // "trading Ukraine for Syria": a connector does not join two places.
      const joins = PARTICLES.has(next.text) || (CONNECTORS.has(next.text) && !isPlaceLexicon(tokens[j]!.text));
      if (joins && after && !claimed[j + 2] && isCapitalised(after) && !next.possessive) { j += 2; continue; }
      break;
    }
    for (const [a, b, titled] of segments(tokens, i, j)) {
      const c = classify(tokens, a, b, titled, part, text);
      if (c) out.push(c);
    }
    i = j;
  }
  return out;
}

function startsName(tokens: readonly Token[], claimed: readonly boolean[], i: number): boolean {
  const t = tokens[i]!;
  if (claimed[i] || !t.isWord) return false;
  if (isCapitalised(t)) return !/^\p{N}/u.test(t.text);
  // "al-Mijimir", "al Qaeda": an Arabic article may open a name.
  const next = tokens[i + 1];
  return LEADING_PARTICLES.has(t.text) && !t.possessive && !!next && !claimed[i + 1] && isCapitalised(next);
}

/**
 * Cuts a run into name segments: titles ("Foreign Minister"), dates, demonyms and furniture words
 * go, and the segment after a title is marked as a person. An institution keeps its adjective
 * ("Russian Federation") and a lone institution word keeps its title ("Justice Department").
 */
function segments(tokens: readonly Token[], from: number, to: number): [number, number, boolean][] {
  const words = tokens.slice(from, to + 1).map((t) => t.text);
  const lw = words.map((w) => w.toLowerCase());
  if (words.length > 1 && lexiconKind(words.join(' '), true)) return [[from, to, false]];
  // An institution keeps its leading adjective: "Russian Federation", "Syrian Observatory for ...".
  const institution =
    ORG_WORDS.has(lw[lw.length - 1]!) || PLACE_WORDS.has(lw[lw.length - 1]!) ||
    lw.some((w, k) => ORG_WORDS.has(w) && CONNECTORS.has(lw[k + 1] ?? ''));
  const out: [number, number, boolean][] = [];
  let start = from;
  let titled = false;
  let titleStart = -1;
  const cut = (end: number) => {
    let a = start;
    let b = end;
    while (a <= b && isJoiner(tokens[a]!.text, true)) a++;
    while (b >= a && isJoiner(tokens[b]!.text, false)) b--;
    if (a > b) return;
    // "Justice Department": a title followed by a lone institution word is the institution's name.
    const lone = a === b && (ORG_WORDS.has(tokens[a]!.text.toLowerCase()) || PLACE_WORDS.has(tokens[a]!.text.toLowerCase()));
    out.push(lone && titled ? [titleStart, b, false] : [a, b, titled]);
  };
  for (let k = from; k <= to; ) {
    if (!tokens[k]!.isWord) {
      // The full stop of "Mr." inside a run.
      if (start === k) start++;
      k++;
      continue;
    }
    const w = lw[k - from]!;
    const titleLen = titleLength(words, k - from);
    if (titleLen > 0 && k + titleLen - 1 <= to) {
      cut(k - 1);
      titleStart = k;
      k += titleLen;
      start = k;
      titled = true;
      continue;
    }
    const leadingDemonym = k === start && isDemonym(w) && !institution;
    // "Turkey-Syria border": two places glued by a hyphen are two names.
    const gluedPlace = k > start && tokens[k]!.hyphenated && (isPlaceLexicon(w) || isPlaceLexicon(tokens[k - 1]!.text));
    if (gluedPlace) {
      cut(k - 1);
      start = k;
      titled = false;
    } else if (CALENDAR.has(w) || (NEVER_NAMES.has(w) && !CONNECTORS.has(w) && !tokens[k + 1]?.hyphenated) || leadingDemonym) {
      cut(k - 1);
      start = k + 1;
      titled = false;
    }
    k++;
  }
  cut(to);
  return out;
}

/** Connectors and inner particles cannot open or close a name; "al" may open one. */
function isJoiner(word: string, atStart: boolean): boolean {
  return CONNECTORS.has(word) || (PARTICLES.has(word) && !(atStart && LEADING_PARTICLES.has(word)));
}

function isDemonym(word: string): boolean {
  return DEMONYMS.has(word) || lexiconTags(word).includes('Demonym');
}

/** Types one segment from the lexicon, its shape and its neighbours; drops a bare sentence-opening word. */
function classify(tokens: readonly Token[], a: number, b: number, titled: boolean, part: number, text: string): Candidate | null {
  let first = a;
  // A capital at a sentence start says nothing: drop an opening common word ("Both", "Ahead").
  if (tokens[first]!.sentenceStart && !titled && isCommonWord(tokens[first]!.text) && !lexiconKind(tokens[first]!.text)) first++;
  while (first <= b && isJoiner(tokens[first]!.text, true)) first++;
  if (first > b) return null;
  const words = tokens.slice(first, b + 1).map((t) => t.text);
  const phrase = words.join(' ');
  const lw = words.map((w) => w.toLowerCase());
  const n = words.length;
  const prev = tokens[first - 1];
  const prev2 = tokens[first - 2];
  const next = tokens[b + 1];
  // A lone "Observatory" or "Ministry" names nothing by itself; only the article can say which.
  const generic = n === 1 && (ORG_WORDS.has(lw[0]!) || PLACE_WORDS.has(lw[0]!));
  const kind = generic ? null : strongKind();
  const initial = tokens[first]!.sentenceStart && !titled && kind === null;
  return {
    part, first, last: b,
    text: text.slice(tokens[first]!.start, tokens[b]!.end),
    offset: tokens[first]!.start,
    kind,
    weakKind: kind || generic ? null : weakKind(),
    name: text.slice(tokens[first]!.start, tokens[b]!.end),
    curated: false,
    initial,
  };

  function strongKind(): TopicKind | null {
    if (n > 1) {
      const k = lexiconKind(phrase, true);
      if (k) return k;
    }
    if (titled) return 'person';
    if (n > 1 && lw.slice(1).some((w) => ORG_WORDS.has(w))) return 'organisation';
    if (n > 1 && PLACE_WORDS.has(lw[n - 1]!)) return 'place';
    if (n > 1 && COMPASS.has(lw[0]!)) return 'place';
    if (n === 1 && isAcronym(tokens[first]!)) {
      // "a UN document" names the UN; "an IED" names a thing, so things are listed.
      const plain = words[0]!.replace(/\./g, '');
      return THING_ACRONYMS.has(plain) || plain.length > 6 ? null : 'organisation';
    }
    if (n > 1 && (lexiconKind(words[0]!, true) === 'person' && isNameTag(words[0]!, ['MaleName', 'FemaleName', 'FirstName']))) return 'person';
    if (n > 1 && lexiconTags(words[n - 1]!).includes('LastName')) return 'person';
    if (n === 1) {
      const k = lexiconKind(words[0]!);
      if (k) return k;
    }
    if (next?.isWord && PLACE_WORDS.has(next.text) && next.start > tokens[b]!.end) return 'place';
    if (lower(prev) === 'of' && PLACE_OF.has(lower(prev2))) return 'place';
    if (ORG_HEADS.has(prev?.text ?? '')) return 'organisation';
    if (PERSON_HEADS.has(prev?.text ?? '')) return 'person';
    return null;
  }

  function weakKind(): TopicKind | null {
    // A person's name takes no article: "the Pentagon said" is an institution speaking.
    const institution = lower(prev) === 'the' || LEADING_PARTICLES.has(lw[0]!) || isAcronym(tokens[first]!);
    const person = !institution && n <= 3;
    if (lower(prev) === 'to' && lower(prev2) === 'according') return person ? 'person' : 'organisation';
    if (SPEECH.has(lower(prev)) || SPEECH.has(lower(next))) return person ? 'person' : 'organisation';
    if (PLACE_PREPOSITIONS.has(prev?.text ?? '')) return 'place';
    return null;
  }
}

function isNameTag(word: string, tags: readonly string[]): boolean {
  return lexiconTags(word).some((t) => tags.includes(t));
}
