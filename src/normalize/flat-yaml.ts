/**
 * A fast path for the front matter nearly every article has: flat `key: scalar` lines and flow
 * lists of plain words. The yaml package costs about 0.7 ms a file (70 s at 100k articles); this
 * costs microseconds. Anything it is not sure of returns null and the yaml package parses instead,
 * so results are the same as YAML 1.2's core schema (a parity test checks it).
 */

/** One top-level entry with the 1-based line and columns of its key and value in the front matter. */
export interface FlatEntry { key: string; value: unknown; line: number; keyColumn: number; valueLine: number; valueColumn: number }

const KEY_LINE = /^([A-Za-z][A-Za-z0-9_-]*):(?:([ \t]+)(.*?))?[ \t]*$/;
const PLAIN_ITEM = /^[A-Za-z0-9][^,[\]{}#"'&*!|>%@`]*$/;

/** Parses flat front matter, or returns null when the text needs a real YAML parser. */
export function parseFlatYaml(matter: string): FlatEntry[] | null {
  const entries: FlatEntry[] = [];
  const seen = new Set<string>();
  const lines = matter.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || line.startsWith('#')) continue;
    const m = KEY_LINE.exec(line);
    if (!m) return null;
    const key = m[1]!;
    if (seen.has(key)) return null;
    seen.add(key);
    const raw = m[3] ?? '';
    const value = parseValue(raw);
    if (value === undefined) return null;
    entries.push({ key, value, line: i + 1, keyColumn: 1, valueLine: i + 1, valueColumn: raw ? key.length + 2 + m[2]!.length : key.length + 2 });
  }
  return entries;
}

/** A value, or undefined when unsure. */
function parseValue(raw: string): unknown {
  if (raw === '') return null;
  if (raw.includes(' #') || raw.includes('\t#')) return undefined;
  if (raw.startsWith('"')) return /^"[^"\\]*"$/.test(raw) ? raw.slice(1, -1) : undefined;
  if (raw.startsWith("'")) return /^'(?:[^']|'')*'$/.test(raw) ? raw.slice(1, -1).replace(/''/g, "'") : undefined;
  if (raw.startsWith('[')) {
    if (!raw.endsWith(']')) return undefined;
    const inner = raw.slice(1, -1).trim();
    if (inner === '') return [];
    const items: unknown[] = [];
    for (const part of inner.split(',')) {
      const item = part.trim();
      if (item.startsWith('"') && /^"[^"\\]*"$/.test(item)) items.push(item.slice(1, -1));
      else if (PLAIN_ITEM.test(item) && !item.includes(': ') && !item.endsWith(':')) {
        const value = resolvePlain(item);
        if (value === undefined) return undefined;
        items.push(value);
      } else return undefined;
    }
    return items;
  }
  // "key: Read more:" is a mapping key with no value to YAML, an error here: let yaml say so.
  if (/^[[\]{}&*!|>%@`#,?:-]/.test(raw) || /:(?:\s|$)/.test(raw)) return undefined;
  return resolvePlain(raw);
}

/** YAML 1.2 core schema for a plain scalar; undefined for forms (hex, octal, .inf) best left to the yaml package. */
function resolvePlain(s: string): unknown {
  if (/^(?:null|Null|NULL|~)$/.test(s)) return null;
  if (/^(?:true|True|TRUE)$/.test(s)) return true;
  if (/^(?:false|False|FALSE)$/.test(s)) return false;
  if (/^[-+]?[0-9]+$/.test(s)) return Number(s);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(s)) return Number(s);
  if (/^(?:0o|0x|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))/.test(s)) return undefined;
  return s;
}
