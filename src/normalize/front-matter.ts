/**
 * Front matter: gray-matter finds the fences, the `yaml` package parses with positions (so every
 * problem names its line), and each key is validated by hand. YAML 1.2 keeps `2016-03-24` a
 * string, so no time zone can move a calendar date, and `2016-02-30` is caught instead of
 * silently becoming 1 March as js-yaml would make it (issue 2 contract).
 */
import matter from 'gray-matter';
import { LineCounter, parseDocument, isMap, isScalar, type Node as YamlNode, type Pair } from 'yaml';
import { CODES, diagnostic, type Diagnostic } from '../diagnostics.js';
import type { FrontMatter } from '../model.js';
import { suggest } from '../suggest.js';
import { parseFlatYaml, type FlatEntry } from './flat-yaml.js';

export interface ParsedFrontMatter {
  readonly data: FrontMatter;
  /** Body text after the closing fence. */
  readonly body: string;
  /** File line of the body's first line. */
  readonly bodyLine: number;
  readonly diagnostics: Diagnostic[];
}

const KEYS = ['title', 'slug', 'date', 'publisher', 'source', 'standfirst', 'summary', 'byline', 'credit', 'topics', 'draft', 'keep', 'drop'] as const;
const ALIASES: Record<string, keyof FrontMatter> = { source: 'publisher', summary: 'standfirst' };

/** Splits and validates front matter. Fatal problems are `error` diagnostics; the caller decides. */
export function parseFrontMatter(text: string, file: string): ParsedFrontMatter {
  // Options object on purpose: without one gray-matter caches by input and shares mutable data.
  const parsed = matter(text, { engines: { yaml: () => ({}) } } as never);
  const body = parsed.content;
  const bodyLine = countNewlines(text.slice(0, text.length - body.length)) + 1;
  const diagnostics: Diagnostic[] = [];
  const data: FrontMatter = {};
  if (bodyLine === 1) return { data, body, bodyLine, diagnostics };

  const entries = parseFlatYaml(parsed.matter) ?? parseWithYaml(parsed.matter, file, diagnostics);
  if (!entries) return { data, body, bodyLine, diagnostics };
  for (const entry of entries) {
    const { key } = entry;
    if (!(KEYS as readonly string[]).includes(key)) {
      const near = suggest(key, KEYS);
      diagnostics.push(diagnostic('warning', CODES.UNKNOWN_KEY, `unknown front matter key "${key}"; it is ignored`,
        near ? `Did you mean "${near}"?` : `Known keys: ${KEYS.join(', ')}.`, { file, line: entry.line, column: entry.keyColumn }));
      continue;
    }
    const result = validateKey(key, entry.value);
    if (typeof result === 'string') {
      diagnostics.push(diagnostic('error', key === 'date' ? CODES.INVALID_DATE : CODES.FRONT_MATTER_TYPE,
        `front matter "${key}" ${result}`, hintFor(key), { file, line: entry.valueLine, column: entry.valueColumn }));
      continue;
    }
    (data as Record<string, unknown>)[ALIASES[key] ?? key] = result.value;
  }
  return { data, body, bodyLine, diagnostics };
}

/**
 * The general path: the yaml package, with positions. `matter` starts with the newline after the
 * opening fence, so its line n (1-based) is file line n. Returns null after a fatal problem.
 */
function parseWithYaml(matter: string, file: string, diagnostics: Diagnostic[]): FlatEntry[] | null {
  const lines = new LineCounter();
  const doc = parseDocument(matter, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined) => {
    const pos = lines.linePos(offset ?? 0);
    return { file, line: pos.line, column: pos.col };
  };
  for (const err of doc.errors) {
    diagnostics.push(diagnostic('error', CODES.YAML_SYNTAX, `invalid YAML in front matter: ${err.message.split('\n')[0]}`,
      'Fix the front matter between the --- lines; quote values that contain ": " or start with a special character.', at(err.pos[0])));
  }
  if (doc.errors.length || doc.contents == null) return null;
  if (!isMap(doc.contents)) {
    diagnostics.push(diagnostic('error', CODES.FRONT_MATTER_TYPE, 'front matter must be a list of `key: value` lines',
      'Write e.g. `date: 2016-03-24` on its own line.', at(doc.contents.range?.[0])));
    return null;
  }
  return (doc.contents.items as Pair<YamlNode, YamlNode>[]).map((pair) => {
    const keyAt = at(pair.key?.range?.[0]);
    const valueAt = at(pair.value?.range?.[0] ?? pair.key?.range?.[0]);
    return {
      key: isScalar(pair.key) ? String(pair.key.value) : '',
      value: pair.value == null ? null : pair.value.toJSON(),
      line: keyAt.line,
      keyColumn: keyAt.column,
      valueLine: valueAt.line,
      valueColumn: valueAt.column,
    };
  });
}

function validateKey(key: string, value: unknown): { value: unknown } | string {
  switch (key) {
    case 'date':
      return parseCalendarDate(value);
    case 'topics':
      if (typeof value === 'string') return { value: [value] };
      if (Array.isArray(value) && value.every((v) => typeof v === 'string' && v.trim())) return { value: value.map((v: string) => v.trim()) };
      return `must be a list of topic names, not ${describe(value)}`;
    case 'keep':
    case 'drop':
      if (Array.isArray(value) && value.every((v) => typeof v === 'string' || (Number.isInteger(v) && v > 0))) return { value };
      return `must be a list of line numbers or exact line texts, not ${describe(value)}`;
    case 'draft':
      return typeof value === 'boolean' ? { value } : `must be true or false, not ${describe(value)}`;
    default:
      if (typeof value === 'string' && value.trim()) return { value: value.trim().normalize('NFC') };
      if (typeof value === 'number') return { value: String(value) };
      return `must be text, not ${describe(value)}`;
  }
}

/**
 * A calendar date `YYYY-MM-DD`, or a date-time with an offset whose calendar day (as written, in
 * that offset) is the date. Impossible days are errors.
 */
export function parseCalendarDate(value: unknown): { value: string } | string {
  if (typeof value !== 'string') return `must be a date like 2016-03-24, not ${describe(value)}`;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}))?$/.exec(value.trim());
  if (!m) return `"${value}" is not a date: write YYYY-MM-DD, or a date-time with an offset such as 2016-03-24T18:30:00+03:00`;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) {
    return `"${value}" is not a real calendar date`;
  }
  if (m[4] && (Number(m[4]) > 23 || Number(m[5]) > 59)) return `"${value}" has an impossible time`;
  return { value: `${m[1]}-${m[2]}-${m[3]}` };
}

function hintFor(key: string): string {
  if (key === 'date') return 'Write the publication date as YYYY-MM-DD, e.g. `date: 2016-03-24`.';
  if (key === 'topics') return 'Write e.g. `topics: [Syria, John Kerry]`.';
  if (key === 'keep' || key === 'drop') return `Write e.g. \`${key}: [12, "Exact line text"]\`.`;
  if (key === 'draft') return 'Write `draft: true` or remove the key.';
  return `Write e.g. \`${key}: Some text\`, quoted if it contains ": ".`;
}

function describe(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a nested mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
