/**
 * Entities of one article (issue 4, item 1): the people, places and organisations named in its
 * title, standfirst and body, each mention with its canonical name after alias merging.
 *
 * Three passes, cheapest first (figures in docs/entities.md):
 * 1. the topics file, as a gazetteer: curated names and aliases, longest match;
 * 2. proper-noun runs on what is left, typed by compromise's lexicon, the name's shape and its
 *    neighbours (name-candidates.ts), then settled at article level (resolve-names.ts);
 * 3. Title Case and ALL CAPS lines, where capitals mean nothing, matched against the names
 *    found in the first two passes only.
 */
import type { Block, Mention, TopicKind } from '../model.js';
import { buildGazetteer, isSuppressed, matchAliases, titleLength, type AliasMatch, type Gazetteer } from './gazetteer.js';
import { findCandidates, isCommonWord, lexiconKind, type Candidate } from './name-candidates.js';
import { CALENDAR, DEMONYMS, NEVER_NAMES } from './name-words.js';
import { resolveCandidates } from './resolve-names.js';
import { blockStyle, isCapitalised, tokenize, type BlockStyle, type Token } from './tokenize.js';

export { parseTopicsFile, type TopicEntry, type TopicsFile } from './topics-file.js';
export { buildGazetteer, resolveTopicName, type Gazetteer } from './gazetteer.js';
export { scoreTopics } from './salience.js';
export { preloadLexicon } from './lexicon.js';

/** What extraction reads from an article. Lines of title and standfirst are optional (0 if unknown). */
export interface ArticleText {
  readonly title: string;
  readonly standfirst: string | null;
  readonly blocks: readonly Block[];
  readonly titleLine?: number;
  readonly standfirstLine?: number;
}

/** Switches for measuring each pass (docs/entities.md); `extractMentions` uses the defaults. */
export interface ExtractOptions {
  /** Find names the topics file does not list (proper-noun runs and rules). */
  readonly runs: boolean;
  /** Ask compromise's full tagger about names no rule could type. */
  readonly tagger: boolean;
}

/** The settings the build uses: runs on, the slow tagger off (it added no correct name on the seeds). */
export const DEFAULT_EXTRACT_OPTIONS: ExtractOptions = Object.freeze({ runs: true, tagger: false });

interface Part {
  readonly block: Mention['block'];
  readonly line: number;
  readonly text: string;
  readonly tokens: Token[];
  readonly style: BlockStyle;
  readonly claimed: boolean[];
}

/** Mentions in title, standfirst and body blocks (block index or 'title'/'standfirst'), canonical names after merging. */
export function extractMentions(input: ArticleText, gazetteer: Gazetteer): Mention[] {
  return findMentions(input, gazetteer, DEFAULT_EXTRACT_OPTIONS);
}

/** `extractMentions` with explicit switches, for measuring. */
export function findMentions(input: ArticleText, gazetteer: Gazetteer, options: ExtractOptions): Mention[] {
  const parts: Part[] = [];
  const addPart = (block: Part['block'], line: number, text: string) => {
    const tokens = tokenize(text);
    parts.push({ block, line, text, tokens, style: blockStyle(tokens), claimed: tokens.map(() => false) });
  };
  addPart('title', input.titleLine ?? 0, input.title);
  if (input.standfirst) addPart('standfirst', input.standfirstLine ?? 0, input.standfirst);
  input.blocks.forEach((b, i) => addPart(i, b.line, b.text));

  const candidates: Candidate[] = [];
  parts.forEach((part, p) => {
    const matches = matchAliases(part.tokens, part.style, gazetteer);
    const owner = new Int32Array(part.tokens.length).fill(-1);
    matches.forEach((m, i) => owner.fill(i, m.first, m.last + 1));
    for (const [i, m] of matches.entries()) {
      if (part.style === 'normal' && partOfLongerName(part, m, (k) => owner[k] !== -1 && owner[k] !== i)) continue;
      claim(part, m);
      candidates.push(curated(part, p, m));
    }
  });
  if (options.runs) {
    parts.forEach((part, p) => {
      if (part.style === 'normal') for (const c of findCandidates(part.tokens, part.claimed, p, part.text)) candidates.push(c);
    });
  }
  candidates.sort((a, b) => a.part - b.part || a.first - b.first);
  const found = resolveCandidates(candidates, parts, options).filter(
    // The topics file's own names win over its suppress list (topics-file.ts warns about the clash).
    (c) => c.curated || !(isSuppressed(c.name, gazetteer) || isSuppressed(c.text, gazetteer)),
  );

  // Headlines and subheads: only names this article already established.
  const local = localGazetteer(found);
  parts.forEach((part, p) => {
    if (part.style === 'normal') return;
    for (const m of matchAliases(part.tokens, part.style, local)) {
      if (m.first > m.last || part.claimed.slice(m.first, m.last + 1).some(Boolean)) continue;
      claim(part, m);
      found.push({ ...curated(part, p, m), curated: false });
    }
  });

  return found
    .sort((a, b) => a.part - b.part || a.offset - b.offset)
    .map((c) => ({ name: c.name, kind: c.kind!, text: c.text, block: parts[c.part]!.block, line: parts[c.part]!.line, offset: c.offset }));
}

function claim(part: Part, m: AliasMatch): void {
  for (let k = m.first; k <= m.last; k++) part.claimed[k] = true;
}

function curated(part: Part, p: number, m: AliasMatch): Candidate {
  const text = part.text.slice(part.tokens[m.first]!.start, part.tokens[m.last]!.end);
  return {
    part: p, first: m.first, last: m.last, text, offset: part.tokens[m.first]!.start,
    kind: m.kind, weakKind: null, name: m.name, curated: true, initial: false,
  };
}

/**
 * A curated name inside a longer one is not a mention of it: "Washington" in "George Washington
 * Bridge", "Kerry" in "Kerry Katona". Titles, demonyms, dates and other curated names around it
 * do not count as a longer name ("US Secretary of State John Kerry").
 */
function partOfLongerName(part: Part, m: AliasMatch, other: (token: number) => boolean): boolean {
  const { tokens } = part;
  const words = (from: number, to: number) => tokens.slice(Math.max(0, from), to).map((t) => (t.isWord ? t.text : ''));
  const neutral = (k: number) => {
    const w = tokens[k]!.text.toLowerCase();
    return DEMONYMS.has(w) || CALENDAR.has(w) || NEVER_NAMES.has(w) || other(k);
  };
  const prev = tokens[m.first - 1];
  if (prev?.isWord && isCapitalised(prev) && !tokens[m.first]!.hyphenated && !prev.possessive && !neutral(m.first - 1) && !endsTitle(words(m.first - 4, m.first))) {
    // At a sentence start a capital says little, but before a person's name it is a first name
    // unless it is a common word: "Hafez al-Assad" is not Bashar, "Both Kerry and Putin" is Kerry.
    if (!prev.sentenceStart || lexiconKind(prev.text, true) === 'person' || (m.kind === 'person' && !isCommonWord(prev.text))) return true;
  }
  const next = tokens[m.last + 1];
  return !!next?.isWord && isCapitalised(next) && !next.hyphenated && !tokens[m.last]!.possessive && !neutral(m.last + 1) &&
    titleLength(words(m.last + 1, m.last + 5), 0) === 0;
}

/** True when the words end with a title ("Secretary of State", "Mr"). */
function endsTitle(words: readonly string[]): boolean {
  for (let from = 0; from < words.length; from++) if (titleLength(words, from) === words.length - from) return true;
  return false;
}

/** The names an article established, as a gazetteer for its headline and subheads. */
function localGazetteer(found: readonly Candidate[]): Gazetteer {
  const byName = new Map<string, { kind: TopicKind; aliases: Set<string> }>();
  for (const c of found) {
    const entry = byName.get(c.name) ?? { kind: c.kind!, aliases: new Set<string>() };
    entry.aliases.add(c.text);
    byName.set(c.name, entry);
  }
  return buildGazetteer({
    topics: [...byName].map(([name, e]) => ({ name, kind: e.kind, aliases: [...e.aliases].filter((a) => a !== name) })),
    suppress: [],
  });
}
