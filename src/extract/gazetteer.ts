/**
 * The topics file compiled for matching (issue 4, item 1): a trie of aliases over word keys, so one
 * left-to-right pass over a block finds every curated name, longest first ("UN Security Council"
 * before "UN"). Building it is linear in the file; matching is linear in the block.
 */
import type { TopicKind } from '../model.js';
import { PARTICLES, TITLES } from './name-words.js';
import type { TopicEntry, TopicsFile } from './topics-file.js';
import { isAcronym, tokenize, tokenKey, type BlockStyle, type Token } from './tokenize.js';

/** One way of writing a topic's name. */
interface AliasForm {
  readonly name: string;
  /** The alias's words as written, compared against the text for case. */
  readonly words: readonly string[];
  /** Written all in lowercase in the topics file: matches in any case ("ceasefire"). */
  readonly caseless: boolean;
  /** All capitals ("IS", "U.N."): never matched in an ALL CAPS line, where "IS" is a verb. */
  readonly acronym: boolean;
  /** Derived from a person's full name rather than listed; listed aliases win over it. */
  readonly derived: boolean;
}

interface AliasNode {
  readonly next: Map<string, AliasNode>;
  readonly forms: AliasForm[];
}

/** The compiled topics file: alias trie, kinds, derived surnames and the suppress set. */
export interface Gazetteer {
  /** Curated topics by canonical name. */
  readonly topics: ReadonlyMap<string, TopicEntry>;
  readonly root: AliasNode;
  /** Every listed or derived name, as lowercase word keys joined by spaces -> canonical name. */
  readonly names: ReadonlyMap<string, string>;
  /** Lowercased names that must never become topics. */
  readonly suppress: ReadonlySet<string>;
}

/** A curated name found in a block: tokens `first..last` inclusive. */
export interface AliasMatch {
  readonly first: number;
  readonly last: number;
  readonly name: string;
  readonly kind: TopicKind;
}

/** Compiles the topics file into a gazetteer. */
export function buildGazetteer(file: TopicsFile): Gazetteer {
  const root: AliasNode = { next: new Map(), forms: [] };
  const topics = new Map<string, TopicEntry>();
  const names = new Map<string, string>();
  const add = (name: string, alias: string, derived: boolean) => {
    const words = wordsOf(alias);
    if (words.length === 0) return;
    const key = words.map(tokenKey).join(' ');
    if (derived && names.has(key)) return;
    names.set(key, name);
    let node = root;
    for (const w of words) {
      const k = tokenKey(w);
      let child = node.next.get(k);
      if (!child) node.next.set(k, (child = { next: new Map(), forms: [] }));
      node = child;
    }
    node.forms.push({
      name,
      words,
      caseless: alias === alias.toLowerCase(),
      acronym: words.every((w) => /^(?:\p{Lu}\.?)+$/u.test(w)),
      derived,
    });
  };
  for (const entry of file.topics) {
    topics.set(entry.name, entry);
    add(entry.name, entry.name, false);
    for (const alias of entry.aliases) add(entry.name, entry.kind === 'person' ? stripTitles(alias) : alias, false);
  }
  // A person is found by surname alone ("Obama"), unless two curated people share it.
  const surnames = new Map<string, string[]>();
  for (const entry of file.topics) {
    if (entry.kind !== 'person') continue;
    for (const form of [entry.name, ...entry.aliases]) {
      for (const s of surnamesOf(wordsOf(stripTitles(form)))) {
        const list = surnames.get(s) ?? [];
        if (!list.includes(entry.name)) list.push(entry.name);
        surnames.set(s, list);
      }
    }
  }
  for (const [surname, people] of surnames) if (people.length === 1) add(people[0]!, surname, true);
  const suppress = new Set(file.suppress.map((s) => s.toLowerCase()));
  return { topics, root, names, suppress };
}

/**
 * Finds curated names in a block, longest first, left to right. In an ALL CAPS line acronyms are
 * skipped ("IS" there is a verb); in a Title Case line words match in any case except acronyms.
 */
export function matchAliases(tokens: readonly Token[], style: BlockStyle, gazetteer: Gazetteer): AliasMatch[] {
  const matches: AliasMatch[] = [];
  for (let i = 0; i < tokens.length; ) {
    let node: AliasNode | undefined = gazetteer.root;
    let best: { last: number; form: AliasForm } | null = null;
    for (let j = i; j < tokens.length && node; j++) {
      const t = tokens[j]!;
      if (!t.isWord) break;
      node = node.next.get(t.key);
      if (!node) break;
      const form = pickForm(node.forms, tokens, i, style);
      if (form) best = { last: j, form };
      // A possessive closes a name: "Russia's Foreign Ministry" is not one alias.
      if (t.possessive) break;
    }
    if (best) {
      const entry = gazetteer.topics.get(best.form.name)!;
      matches.push({ first: i, last: best.last, name: entry.name, kind: entry.kind });
      i = best.last + 1;
    } else i++;
  }
  return matches;
}

function pickForm(forms: readonly AliasForm[], tokens: readonly Token[], first: number, style: BlockStyle): AliasForm | null {
  let derived: AliasForm | null = null;
  for (const form of forms) {
    if (!caseAgrees(form, tokens, first, style)) continue;
    if (!form.derived) return form;
    derived ??= form;
  }
  return derived;
}

function caseAgrees(form: AliasForm, tokens: readonly Token[], first: number, style: BlockStyle): boolean {
  if (form.caseless) return true;
  if (style === 'all-caps') return !form.acronym;
  return form.words.every((w, k) => {
    const t = tokens[first + k]!;
    // Acronyms keep their case in every style: "US" is not "Us" or "us".
    if (isAcronym(t) || /^(?:\p{Lu}\.?)+$/u.test(w)) return t.text.replace(/\./g, '') === w.replace(/\./g, '');
    if (style === 'title-case' || PARTICLES.has(w.toLowerCase())) return t.text.toLowerCase() === w.toLowerCase();
    return t.text === w;
  });
}

/** Resolves a hand-written topic name (front matter `topics:`) to a canonical name and kind via aliases; unknown names become 'theme'. */
export function resolveTopicName(name: string, gazetteer: Gazetteer): { name: string; kind: TopicKind } {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  // Front matter is typed by hand: "u.n." means "U.N.".
  const variants = [trimmed, stripTitles(trimmed), ...(/\p{Ll}\./u.test(trimmed) ? [trimmed.toUpperCase()] : [])];
  for (const candidate of variants) {
    const canonical = gazetteer.names.get(wordsOf(candidate).map(tokenKey).join(' '));
    const entry = canonical === undefined ? undefined : gazetteer.topics.get(canonical);
    if (entry) return { name: entry.name, kind: entry.kind };
  }
  return { name: trimmed, kind: 'theme' };
}

/** True when the name is in the topics file's suppress list. */
export function isSuppressed(name: string, gazetteer: Gazetteer): boolean {
  return gazetteer.suppress.has(name.toLowerCase());
}

function wordsOf(text: string): string[] {
  return tokenize(text).filter((t) => t.isWord).map((t) => t.text);
}

/** Drops leading titles: "President Assad" -> "Assad", "Secretary of State John Kerry" -> "John Kerry". */
export function stripTitles(text: string): string {
  const words = wordsOf(text);
  let k = 0;
  for (let n = titleLength(words, 0); n > 0 && k + n < words.length; n = titleLength(words, k)) k += n;
  if (k === 0) return text;
  const tokens = tokenize(text).filter((t) => t.isWord);
  return text.slice(tokens[k]!.start);
}

// Titles by first word, longest first, so a lookup costs one Map get for most words.
const TITLES_BY_FIRST = new Map<string, (readonly string[])[]>();
for (const title of TITLES) {
  const list = TITLES_BY_FIRST.get(title[0]!) ?? [];
  list.push(title);
  TITLES_BY_FIRST.set(title[0]!, list);
}
const bare = (word: string | undefined) => (word === undefined ? '' : word.endsWith('.') ? word.slice(0, -1) : word).toLowerCase();

/** Length in words of the title starting at `at`, or 0. */
export function titleLength(words: readonly string[], at: number): number {
  const candidates = TITLES_BY_FIRST.get(bare(words[at]));
  if (!candidates) return 0;
  for (const title of candidates) if (title.every((w, k) => k === 0 || bare(words[at + k]) === w)) return title.length;
  return 0;
}

/** "Bashar al-Assad" -> ["al assad", "assad"]; one-word names have no surname. */
function surnamesOf(words: readonly string[]): string[] {
  if (words.length < 2) return [];
  let k = words.length - 1;
  while (k > 1 && PARTICLES.has(words[k - 1]!.toLowerCase())) k--;
  const withParticles = words.slice(k).join(' ');
  const last = words[words.length - 1]!;
  return withParticles === last ? [last] : [withParticles, last];
}
