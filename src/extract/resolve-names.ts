/**
 * Article-level rules (issue 4, item 1): a name means the same thing throughout one article, a
 * surname stands for the full name given in the same article ("Lavrov" after "Sergei Lavrov";
 * anywhere in it, since aggregators stitch paragraphs out of order), "the Observatory" stands for
 * the organisation named in full earlier, and a name joined by "and" to a typed one shares its
 * kind ("the villages of Barad and al-Mijimir"). What is still untyped after these is dropped:
 * a stray capitalised word never becomes a topic.
 */
import type { TopicKind } from '../model.js';
import type { Candidate } from './name-candidates.js';
import { DEMONYMS, PARTICLES } from './name-words.js';
import { tagSentence } from './lexicon.js';
import { tokenKey, type Token } from './tokenize.js';

/** Switches for measuring each step (docs/entities.md); the defaults are what the build uses. */
export interface ResolveOptions {
  /** Ask compromise's full tagger about names no rule could type (slow; off by default, see docs/entities.md). */
  readonly tagger: boolean;
}

const keyOf = (text: string) => text.split(/[\s-]+/).map(tokenKey).join(' ');
/** Name words without particles, lowercase: "Bashar al-Assad" -> ["bashar", "assad"]. */
const coreWords = (text: string) => text.split(/[\s-]+/).map((w) => w.toLowerCase()).filter((w) => !PARTICLES.has(w));

/**
 * Settles every candidate of one article, in document order: returns the accepted ones with their
 * canonical name and kind. `parts` are the token lists the candidates point into.
 */
export function resolveCandidates(
  candidates: readonly Candidate[],
  parts: readonly { readonly tokens: readonly Token[]; readonly text: string }[],
  options: ResolveOptions,
): Candidate[] {
  // Every lookup below goes through an index, so a 50 MB article stays linear (issue 7).
  const known = new Map<string, { name: string; kind: TopicKind }>();
  const remember = (c: Candidate) => {
    const key = keyOf(c.text);
    if (c.kind && !known.has(key)) known.set(key, { name: c.name, kind: c.kind });
  };
  candidates.forEach(remember);
  const byEdge = new Map<string, Candidate>();
  for (const c of candidates) {
    byEdge.set(`${c.part}:first:${c.first}`, c);
    byEdge.set(`${c.part}:last:${c.last}`, c);
  }
  const accepted = new Set<Candidate>(candidates.filter((c) => c.kind));

  for (const round of ['body', 'initial'] as const) {
    const fullNames = indexFullNames();
    const orgsByWord = new Map<string, Candidate>();
    for (const [index, c] of candidates.entries()) {
      if (c.curated) {
        // "Assad" in an article about Hafez al-Assad is Hafez, whatever the topics file says.
        const local = round === 'body' && c.kind === 'person' && coreWords(c.text).length === 1
          ? fullNameFor(c, index, fullNames, () => true) : null;
        if (local && !local.curated) c.name = local.name;
      } else if ((round === 'body') !== c.initial) {
        settle(c, index, round, fullNames, orgsByWord);
      }
      if (c.kind === 'organisation' && c.first !== c.last) for (const w of c.text.split(/[\s-]+/)) orgsByWord.set(w, c);
    }
  }
  const out = candidates.filter((c) => accepted.has(c));
  expandAcronyms(out);
  // One name, one kind within an article: the first decided kind wins.
  const kindOf = new Map<string, TopicKind>();
  for (const c of out) if (!kindOf.has(c.name)) kindOf.set(c.name, c.kind!);
  for (const c of out) c.kind = kindOf.get(c.name)!;
  return out;

  function settle(c: Candidate, index: number, round: 'body' | 'initial', fullNames: FullNames, orgsByWord: ReadonlyMap<string, Candidate>): void {
    const own = known.get(keyOf(c.text));
    const full = c.kind === null || c.kind === 'person' ? fullNameFor(c, index, fullNames, () => true) : null;
    if (full) {
      c.name = full.name;
      c.kind = 'person';
    } else if (own && (c.kind === null || own.name !== c.text)) {
      c.name = own.name;
      c.kind = own.kind;
    } else if (c.kind === null && round === 'body') {
      const org = shortFormOf(c, orgsByWord);
      if (org) {
        c.name = org.name;
        c.kind = 'organisation';
      } else c.kind = coordinatedKind(c) ?? c.weakKind ?? (options.tagger ? taggedKind(c, parts[c.part]!) : null);
    }
    if (c.kind) {
      accepted.add(c);
      remember(c);
    }
  }

  /** People named with two words or more, by last word, in document order. */
  function indexFullNames(): FullNames {
    const index: FullNames = new Map();
    candidates.forEach((c, at) => {
      const words = c.kind === 'person' ? coreWords(c.text) : [];
      if (words.length < 2) return;
      const list = index.get(words[words.length - 1]!) ?? [];
      list.push({ at, words, candidate: c });
      index.set(words[words.length - 1]!, list);
    });
    return index;
  }

  /** The full name a surname or a shorter form stands for: the nearest before it, else the first after. */
  function fullNameFor(c: Candidate, at: number, fullNames: FullNames, allow: (p: Candidate) => boolean): Candidate | null {
    const words = coreWords(c.text);
    const list = words.length ? fullNames.get(words[words.length - 1]!) : undefined;
    if (!list) return null;
    const fits = (e: FullName) => e.candidate !== c && allow(e.candidate) && e.words.length > words.length &&
      words.every((w, k) => e.words[e.words.length - words.length + k] === w);
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.at < at) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo - 1; k >= 0; k--) if (fits(list[k]!)) return list[k]!.candidate;
    for (let k = lo; k < list.length; k++) if (fits(list[k]!)) return list[k]!.candidate;
    return null;
  }

  /** "The Observatory" after "Syrian Observatory for Human Rights": a word of an organisation named earlier. */
  function shortFormOf(c: Candidate, orgsByWord: ReadonlyMap<string, Candidate>): Candidate | null {
    const tokens = parts[c.part]!.tokens;
    if (c.first !== c.last || tokens[c.first - 1]?.text.toLowerCase() !== 'the') return null;
    if (c.text.length < 4 || DEMONYMS.has(c.text.toLowerCase())) return null;
    return orgsByWord.get(c.text) ?? null;
  }

  /** "Barad and al-Mijimir": an untyped name joined by "and"/"or" to a typed one takes its kind. */
  function coordinatedKind(c: Candidate): TopicKind | null {
    const tokens = parts[c.part]!.tokens;
    const and = (t: Token | undefined) => t?.text === 'and' || t?.text === 'or';
    if (and(tokens[c.first - 1])) {
      const left = byEdge.get(`${c.part}:last:${c.first - 2}`);
      if (left?.kind) return left.kind;
    }
    if (and(tokens[c.last + 1])) {
      const right = byEdge.get(`${c.part}:first:${c.last + 2}`);
      if (right?.kind) return right.kind;
    }
    return null;
  }
}

/**
 * "UN" in an article that names the "United Nations", "SOHR" beside the "Syrian Observatory for
 * Human Rights": an acronym stands for the place or organisation of the same article whose
 * capitalised words it spells. An acronym the topics file knows keeps what the file says.
 */
function expandAcronyms(accepted: readonly Candidate[]): void {
  const byInitials = new Map<string, Candidate>();
  for (const c of accepted) {
    if (c.kind === 'person' || c.first === c.last) continue;
    const initials = initialsOf(c.name);
    if (initials.length >= 2 && !byInitials.has(initials)) byInitials.set(initials, c);
  }
  if (!byInitials.size) return;
  for (const c of accepted) {
    if (c.curated || c.first !== c.last || !/^(?:\p{Lu}\.?){2,}$/u.test(c.text)) continue;
    const full = byInitials.get(c.text.replace(/\./g, ''));
    if (full) {
      c.name = full.name;
      c.kind = full.kind;
    }
  }
}

/** "Syrian Observatory for Human Rights" -> "SOHR": the first letters of its capitalised words. */
function initialsOf(name: string): string {
  return name.split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
}

interface FullName {
  readonly at: number;
  readonly words: readonly string[];
  readonly candidate: Candidate;
}
type FullNames = Map<string, FullName[]>;

const TAG_KINDS: readonly [string, TopicKind][] = [['Person', 'person'], ['Place', 'place'], ['Organization', 'organisation']];

/** compromise's tagger on the candidate's sentence: the kind its words are tagged with, if any. */
function taggedKind(c: Candidate, part: { readonly tokens: readonly Token[]; readonly text: string }): TopicKind | null {
  const tokens = part.tokens;
  let s = c.first;
  while (s > 0 && !tokens[s]!.sentenceStart) s--;
  let e = c.last;
  while (e + 1 < tokens.length && !tokens[e + 1]!.sentenceStart) e++;
  const words = c.text.split(/[\s-]+/).map(norm);
  const sentence = part.text.slice(tokens[s]!.start, tokens[e]!.end + 2);
  const terms = tagSentence(sentence);
  for (let k = 0; k + words.length <= terms.length; k++) {
    if (!words.every((w, m) => norm(terms[k + m]!.text) === w)) continue;
    const tags = terms.slice(k, k + words.length).flatMap((t) => t.tags);
    for (const [tag, kind] of TAG_KINDS) if (tags.includes(tag)) return kind;
    return null;
  }
  return null;
}

function norm(word: string): string {
  return word.replace(/['’]s$/, '').replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
}
