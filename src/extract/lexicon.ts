/**
 * compromise, loaded lazily and once per process (or worker), used for two things only:
 * its lexicon (24,600 words: first names, surnames, countries, cities, organisations, demonyms,
 * and the part of speech of common words), looked up per word in O(1); and its tagger, run on
 * one sentence at a time and only for a name no rule could place. Loading costs 0.2-0.3 s, most
 * of it unpacking the lexicon; a full parse costs 20-40 ms per article, which is why the rules
 * in entities.ts come first (see docs/entities.md).
 */
import { createRequire } from 'node:module';

type Lexicon = Readonly<Record<string, string | readonly string[]>>;

interface Compromise {
  (text: string): { json(options: object): { terms: { text: string; tags: string[] }[] }[] };
  model(): { one: { lexicon: Lexicon } };
}

let nlp: Compromise | null = null;
let lexicon: Lexicon | null = null;

// The CommonJS build loads synchronously, so extraction stays a plain function; it is a single
// bundled file, which also loads faster than the ESM sources (225 ms against 330 ms here).
function load(): Compromise {
  if (!nlp) {
    nlp = createRequire(import.meta.url)('compromise') as Compromise;
    lexicon = nlp.model().one.lexicon;
  }
  return nlp;
}

/** compromise's lexicon tags for a word or a phrase ("Country", "MaleName", "Demonym"...); [] when unknown. */
export function lexiconTags(phrase: string): readonly string[] {
  if (!lexicon) load();
  const tags = lexicon![phrase.toLowerCase()];
  return tags === undefined ? [] : typeof tags === 'string' ? [tags] : tags;
}

/** compromise's tags for each word of one sentence, from its full tagger (slow: use sparingly). */
export function tagSentence(sentence: string): { text: string; tags: readonly string[] }[] {
  return load()(sentence)
    .json({ terms: { tags: true } })
    .flatMap((s) => s.terms.map((t) => ({ text: t.text, tags: t.tags })));
}

/** Loads compromise now rather than on first use (e.g. when a worker starts). */
export function preloadLexicon(): void {
  load();
}
