/**
 * Reads the curated topics file (`content/topics.yaml`, issue 4 item 1): canonical names, kinds,
 * one-line descriptions and aliases, grouped by kind, plus names that must never become topics.
 * Pure: the caller reads the file. Every problem is a diagnostic with the file line (from yaml's
 * positions) and what to do; bad entries are skipped so one run reports all of them.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from 'yaml';
import { CODES, diagnostic, type Diagnostic } from '../diagnostics.js';
import type { TopicKind } from '../model.js';
import { suggest } from '../suggest.js';

/** One curated topic. */
export interface TopicEntry {
  /** Canonical name, shown on the topic page. */
  name: string;
  kind: TopicKind;
  /** One line about who or what it is. */
  description?: string;
  /** Other names it goes by in the text ("ISIS", "Daesh"). */
  aliases: string[];
}

/** The parsed topics file. */
export interface TopicsFile {
  topics: TopicEntry[];
  /** Names never to become topics, whatever the text says (compared without case). */
  suppress: string[];
}

/** Section of the file -> kind. Both spellings of "organisations" are accepted: editors use both. */
const SECTIONS: Readonly<Record<string, TopicKind>> = {
  people: 'person',
  places: 'place',
  organisations: 'organisation',
  organizations: 'organisation',
  themes: 'theme',
};
const TOP_KEYS = [...Object.keys(SECTIONS), 'suppress'];
const ENTRY_KEYS = ['name', 'description', 'aliases'];

/** Parses content/topics.yaml; errors carry file+line (yaml's positions) and say what to do. */
export function parseTopicsFile(text: string, file: string): { value: TopicsFile; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const diagnostics: Diagnostic[] = [];
  const at = (node: Node | Pair | null | undefined) => {
    const offset = node == null ? undefined : isPair(node) ? (node.key as Node | null)?.range?.[0] : node.range?.[0];
    const pos = offset == null ? null : lineCounter.linePos(offset);
    return { file, line: pos?.line ?? null, column: pos?.col ?? null };
  };
  const fail = (node: Node | Pair | null | undefined, message: string, hint: string) =>
    diagnostics.push(diagnostic('error', CODES.TOPICS_FILE, message, hint, at(node)));
  const value: TopicsFile = { topics: [], suppress: [] };

  for (const err of doc.errors) {
    const pos = err.linePos?.[0];
    diagnostics.push(
      diagnostic('error', CODES.TOPICS_FILE, `The topics file is not valid YAML: ${err.message.split('\n')[0]}`,
        'Fix the YAML at this line; the comment at the top of content/topics.yaml shows the layout.',
        { file, line: pos?.line ?? null, column: pos?.col ?? null }),
    );
  }
  if (doc.errors.length > 0) return { value, diagnostics };
  const root = doc.contents;
  if (root == null || (isScalar(root) && root.value == null)) return { value, diagnostics };
  if (!isMap(root)) {
    fail(root, 'The topics file must be a mapping with sections people, places, organisations, themes and suppress.',
      'Start each section at the left margin, e.g. "people:" followed by "  - name: John Kerry".');
    return { value, diagnostics };
  }

  const seen = new Map<string, { name: string; line: number | null }>();
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const items = pair.value;
    if (!TOP_KEYS.includes(key)) {
      fail(pair, `Unknown section "${key}" in the topics file.`, `Use one of ${TOP_KEYS.join(', ')}${didYouMean(key, TOP_KEYS)}.`);
      continue;
    }
    if (items == null || (isScalar(items) && items.value == null)) continue;
    if (!isSeq(items)) {
      fail(items as Node, `Section "${key}" must be a list.`, `Write each entry on its own line starting with "- ".`);
      continue;
    }
    for (const item of items.items as Node[]) {
      if (key === 'suppress') {
        if (isScalar(item) && typeof item.value === 'string' && item.value.trim()) value.suppress.push(item.value.trim());
        else fail(item, 'Each suppress entry must be a name.', 'Write the name as text, e.g. "- Related"; quote it if it looks like a number.');
        continue;
      }
      const entry = readEntry(item, SECTIONS[key]!, fail);
      if (!entry) continue;
      const where = at(item);
      // An alias that points to two topics would make merging depend on file order: refuse it.
      const names = [entry.name, ...entry.aliases];
      const clash = names.find((n) => seen.has(n.toLowerCase()) && seen.get(n.toLowerCase())!.name !== entry.name);
      if (clash) {
        const other = seen.get(clash.toLowerCase())!;
        fail(item, `"${clash}" is used by two topics: "${other.name}" (line ${other.line ?? '?'}) and "${entry.name}".`,
          'A name or alias must point to one topic: remove it from one of them, or merge the two entries.');
        continue;
      }
      for (const n of names) seen.set(n.toLowerCase(), { name: entry.name, line: where.line });
      value.topics.push(entry);
    }
  }
  for (const name of value.suppress) {
    const topic = seen.get(name.toLowerCase());
    if (topic) {
      diagnostics.push(diagnostic('warning', CODES.TOPICS_FILE,
        `"${name}" is both suppressed and a name of the topic "${topic.name}" (line ${topic.line ?? '?'}); the topic wins.`,
        'Remove it from suppress, or remove the topic.', { file, line: topic.line }));
    }
  }
  return { value, diagnostics };
}

type Fail = (node: Node | Pair | null | undefined, message: string, hint: string) => void;

/** Reads one entry: a bare name ("- Geneva") or a mapping with name, description and aliases. */
function readEntry(item: Node, kind: TopicKind, fail: Fail): TopicEntry | null {
  if (isScalar(item)) {
    if (typeof item.value === 'string' && item.value.trim()) return { name: item.value.trim(), kind, aliases: [] };
    fail(item, 'A topic entry must be a name or a mapping with name, description and aliases.',
      'Write "- name: Geneva" (quote names that look like numbers or dates).');
    return null;
  }
  if (!isMap(item)) {
    fail(item, 'A topic entry must be a mapping with name, description and aliases.', 'Write "- name: Geneva" then the other keys indented below it.');
    return null;
  }
  for (const pair of item.items) {
    const k = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!ENTRY_KEYS.includes(k)) {
      fail(pair, `Unknown key "${k}" in a topic entry.`, `Use name, description and aliases${didYouMean(k, ENTRY_KEYS)}.`);
    }
  }
  const nameNode = item.get('name', true);
  if (!isScalar(nameNode) || typeof nameNode.value !== 'string' || !nameNode.value.trim()) {
    fail(nameNode ?? item, 'A topic entry needs a name (text).', 'Add "name: Canonical Name" as the first key; quote it if it looks like a number or a date.');
    return null;
  }
  const entry: TopicEntry = { name: nameNode.value.trim(), kind, aliases: [] };
  const description = item.get('description', true);
  if (description != null) {
    if (isScalar(description) && typeof description.value === 'string') entry.description = description.value.trim();
    else if (!(isScalar(description) && description.value == null)) {
      fail(description, `The description of "${entry.name}" must be one line of text.`, 'Write it after "description:" on the same line.');
    }
  }
  const aliases = item.get('aliases', true);
  if (aliases != null && !(isScalar(aliases) && aliases.value == null)) {
    if (!isSeq(aliases)) {
      fail(aliases, `The aliases of "${entry.name}" must be a list.`, 'Write them in brackets, e.g. "aliases: [Kerry, Secretary Kerry]".');
    } else {
      for (const a of aliases.items as Node[]) {
        if (isScalar(a) && typeof a.value === 'string' && a.value.trim()) {
          const alias = a.value.trim();
          if (alias !== entry.name && !entry.aliases.includes(alias)) entry.aliases.push(alias);
        } else {
          fail(a, `An alias of "${entry.name}" is not a name.`, 'Each alias must be text; quote it if it looks like a number, a date, yes or no.');
            }
      }
    }
  }
  // A bad key or alias is reported; the rest of the entry still counts.
  return entry;
}

/** ", or did you mean "x"" when a known key is close (the shared did-you-mean of config and front matter). */
function didYouMean(word: string, known: readonly string[]): string {
  const best = suggest(word, known);
  return best ? ` (did you mean "${best}"?)` : '';
}
