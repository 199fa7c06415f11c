/**
 * compromise, loaded lazily and once per process (or worker), used for two things only:
 * its lexicon (24,600 words: first names, surnames, countries, cities, organisations, demonyms,
 * and the part of speech of common words), looked up per word in O(1); and its tagger, run on
 * one sentence at a time and only for a name no rule could place. Loading costs 0.2-0.3 s, most
 * of it unpacking the lexicon; a full parse costs 20-40 ms per article, which is why the rules
 * in entities.ts come first (see docs/entities.md).
 *
 * The lexicon alone is also kept as a snapshot in the compiled code's folder, `dist/` (written by
 * `npm install`, see scripts/snapshot-lexicon.mjs): reading it takes 20-35 ms, so a build whose
 * names the rules and the lexicon settle (the five seed articles, most small archives) never
 * loads compromise at all. A snapshot of another compromise version is ignored.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

type Lexicon = Readonly<Record<string, string | readonly string[]>>;

interface Compromise {
  (text: string): { json(options: object): { terms: { text: string; tags: string[] }[] }[] };
  model(): { one: { lexicon: Lexicon } };
}

/** The snapshot file: compromise's version, and each distinct tag value with its words. */
interface Snapshot {
  readonly compromise: string;
  /** JSON of a lexicon value ("Country", ["MaleName","LastName"]) -> its words, one per line. */
  readonly words: Readonly<Record<string, string>>;
}

const require = createRequire(import.meta.url);
// One folder up: from dist/extract/ (this module) and from dist/bundle/ (the bundled CLI) alike.
const SNAPSHOT = new URL('../compromise-lexicon.json', import.meta.url);

let nlp: Compromise | null = null;
let lexicon: Lexicon | null = null;

// The CommonJS build loads synchronously, so extraction stays a plain function; it is a single
// bundled file, which also loads faster than the ESM sources (225 ms against 330 ms here).
function load(): Compromise {
  if (!nlp) {
    nlp = require('compromise') as Compromise;
    lexicon ??= nlp.model().one.lexicon;
  }
  return nlp;
}

function loadLexicon(): Lexicon {
  lexicon ??= readSnapshot(SNAPSHOT) ?? (load(), lexicon!);
  return lexicon;
}

/** The installed compromise's version, from its package.json (its exports hide the file from require). */
function compromiseVersion(): string {
  const main = require.resolve('compromise');
  for (let dir = path.dirname(main); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (!fs.existsSync(file)) continue;
    const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === 'compromise') return pkg.version ?? '';
  }
  return '';
}

/** compromise's lexicon as a snapshot file's text. */
export function lexiconSnapshot(): string {
  load();
  const words = new Map<string, string[]>();
  for (const [word, tags] of Object.entries(lexicon!)) {
    if (word.includes('\n')) throw new Error(`lexicon snapshot: the word ${JSON.stringify(word)} has a line break in it`);
    const key = JSON.stringify(tags);
    const list = words.get(key);
    if (list) list.push(word);
    else words.set(key, [word]);
  }
  const snapshot: Snapshot = { compromise: compromiseVersion(), words: Object.fromEntries([...words].map(([k, v]) => [k, v.join('\n')])) };
  return `${JSON.stringify(snapshot)}\n`;
}

/** The lexicon from a snapshot file; null when there is none or it is of another compromise version. */
export function readSnapshot(file: URL | string): Lexicon | null {
  let snapshot: Snapshot;
  try {
    snapshot = JSON.parse(fs.readFileSync(file, 'utf8')) as Snapshot;
  } catch {
    return null;
  }
  if (snapshot.compromise !== compromiseVersion()) return null;
  const out: Record<string, string | readonly string[]> = {};
  for (const [key, words] of Object.entries(snapshot.words)) {
    const tags = JSON.parse(key) as string | readonly string[];
    for (const word of words.split('\n')) out[word] = tags;
  }
  return out;
}

/** compromise's lexicon tags for a word or a phrase ("Country", "MaleName", "Demonym"...); [] when unknown. */
export function lexiconTags(phrase: string): readonly string[] {
  const tags = loadLexicon()[phrase.toLowerCase()];
  return tags === undefined ? [] : typeof tags === 'string' ? [tags] : tags;
}

/** compromise's tags for each word of one sentence, from its full tagger (slow: use sparingly). */
export function tagSentence(sentence: string): { text: string; tags: readonly string[] }[] {
  return load()(sentence)
    .json({ terms: { tags: true } })
    .flatMap((s) => s.terms.map((t) => ({ text: t.text, tags: t.tags })));
}

/** Loads the lexicon now rather than on first use (e.g. when a worker starts); the tagger stays unloaded until needed. */
export function preloadLexicon(): void {
  loadLexicon();
}
