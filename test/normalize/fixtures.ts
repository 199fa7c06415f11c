/**
 * Loads the normalize fixtures: `<case>.txt` is a body exactly as a file holds it, an optional
 * `<case>.options.json` gives the rest of the input, `<case>.json` is the golden record.
 * The seed fixtures are the five articles of ../shared/seeds, with the publishers of its README,
 * so the shared-line pre-pass runs on them as the build would.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findSharedLines, type PlainTextInput } from '../../src/normalize/plain-text.js';
import { lineKey } from '../../src/normalize/text.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/normalize/', import.meta.url));

interface Options {
  bodyLine?: number;
  overrides?: { keep?: (number | string)[]; drop?: (number | string)[] };
  forced?: { title?: string; standfirst?: string };
  /** Raw texts of lines the corpus shares (keyed with `lineKey` here). */
  sharedLines?: string[];
  /** Config furniture patterns, as the config file would hold them. */
  patterns?: string[];
}

const SEED_PUBLISHERS: Record<string, string | null> = {
  'seed-000': 'VOV.VN',
  'seed-001': 'Reuters',
  'seed-002': 'VOV.VN',
  'seed-003': null,
  'seed-004': null,
};

/** Names of every fixture case, sorted. */
export function fixtureCases(): string[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -'.txt'.length))
    .sort();
}

/** The raw text of a fixture file. */
export function readFixture(name: string): string {
  return readFileSync(`${FIXTURES}${name}`, 'utf8');
}

let seedShared: Set<string> | null = null;
function seedSharedLines(): Set<string> {
  seedShared ??= findSharedLines(
    Object.entries(SEED_PUBLISHERS).map(([name, publisher]) => ({ publisher, body: readFixture(`${name}.txt`) })),
  );
  return seedShared;
}

/**
 * The input for a case. The body goes in exactly as stored (CRLF and BOM included): the normalizer
 * must cope with them even though the loader normally removes them first.
 */
export function inputFor(name: string): PlainTextInput {
  let options: Options = {};
  try {
    options = JSON.parse(readFixture(`${name}.options.json`)) as Options;
  } catch {
    // no options file: defaults
  }
  const shared = name in SEED_PUBLISHERS ? seedSharedLines() : new Set((options.sharedLines ?? []).map(lineKey));
  return {
    file: `test/fixtures/normalize/${name}.txt`,
    body: readFixture(`${name}.txt`),
    bodyLine: options.bodyLine ?? 1,
    overrides: { keep: options.overrides?.keep ?? [], drop: options.overrides?.drop ?? [] },
    forced: options.forced ?? {},
    furniture: { sharedLines: shared, patterns: (options.patterns ?? []).map((p) => new RegExp(p, 'i')) },
  };
}
