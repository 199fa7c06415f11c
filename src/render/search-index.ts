/**
 * Builds the Pagefind bundle from the planned parts (search-records.ts): parts whose key matches
 * the previous build's, and whose files the live site still has, are kept as they are; the others
 * are indexed, on as many Pagefind processes as there are cores to spare (one Pagefind process
 * indexes on one core).
 */
import fs from 'node:fs';
import os from 'node:os';
import type * as Pagefind from 'pagefind';
import type { SearchPart, SearchRecord } from './search-records.js';

/**
 * One built part: its key and its files' sizes (path under its folder -> bytes), which is all the
 * next build needs to keep it. The bytes go to the output as soon as the part is indexed: the live
 * site has them, and a cache of every part's bytes was 324 MB at 100k articles, loaded and hashed
 * again by each warm build (issue 7).
 */
export interface BuiltPart {
  /** Its plan's key (SearchPart.key) and the version of Pagefind that indexed it. */
  readonly key: string;
  readonly sizes: ReadonlyMap<string, number>;
}

/** A built search bundle: part folder ('' for the primary) -> built part. */
export interface SearchBundle {
  readonly parts: ReadonlyMap<string, BuiltPart>;
}

/** What a build of the bundle did, for the build report and the benchmark. */
export interface SearchBuild {
  readonly bundle: SearchBundle;
  /** Parts indexed this time (the others were reused). */
  readonly indexed: number;
  /** The files of the parts kept as they are, paths from the site root. */
  readonly kept: readonly string[];
}

/** A file of the bundle, path from the site root, given to the output as soon as its part is indexed. */
export type SearchFileSink = (path: string, bytes: Uint8Array) => void;

/**
 * Builds the parts that changed since `previous`, giving their files to `write`; keeps the rest, if
 * `live` says each of their files is in the output folder as the previous build wrote it (path
 * from the site root, size).
 */
export async function buildSearchIndex(parts: readonly SearchPart[], language: string, previous: SearchBundle | null | undefined, live: (path: string, size: number) => boolean, write: SearchFileSink): Promise<SearchBuild> {
  const built = new Map<string, BuiltPart>();
  const todo: SearchPart[] = [];
  const kept: string[] = [];
  // A part is kept only if this Pagefind built it: the search page's code comes from the primary
  // index, and it reads every part's files.
  const indexer = pagefindVersion();
  const keyOf = (part: SearchPart) => `${part.key}@${indexer}`;
  for (const part of parts) {
    const old = previous?.parts.get(part.dir);
    const files = [...old?.sizes ?? []].map(([p, size]) => [`pagefind/${part.dir}${p}`, size] as const);
    if (old?.key === keyOf(part) && files.every(([p, size]) => live(p, size))) {
      built.set(part.dir, { key: old.key, sizes: old.sizes });
      kept.push(...files.map(([p]) => p));
    } else {
      todo.push(part);
    }
  }
  // Largest first, so the processes finish together.
  todo.sort((a, b) => b.weight - a.weight);
  const processes = Math.max(1, Math.min(todo.length, os.availableParallelism()));
  const queue = [...todo];
  await Promise.all(Array.from({ length: processes }, async () => {
    if (!queue.length) return;
    const pagefind = await acquirePagefind();
    try {
      for (let part = queue.shift(); part; part = queue.shift()) {
        const files = await indexPart(pagefind, part, language);
        for (const [p, bytes] of files) write(`pagefind/${part.dir}${p}`, bytes);
        built.set(part.dir, { key: keyOf(part), sizes: new Map([...files].map(([p, bytes]) => [p, bytes.byteLength])) });
      }
    } finally {
      await releasePagefind(pagefind);
    }
  }));
  // Parts in plan order, so the bundle (and its cache) does not depend on which process was faster.
  return { bundle: { parts: new Map(parts.map((p) => [p.dir, built.get(p.dir)!])) }, indexed: todo.length, kept };
}

let version: string | undefined;

/** The version of the pagefind package the build runs. */
export function pagefindVersion(): string {
  version ??= (JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.resolve('pagefind')), 'utf8')) as { version: string }).version;
  return version;
}

/**
 * The pagefind package runs one indexing process per module instance; importing it again under
 * another URL gives another, independent process (and so another core). Each instance serves one
 * holder at a time, so two builds in one process (tests, a dev server beside a build) never close
 * a process the other is using.
 */
const idle: (typeof Pagefind)[] = [];
let instances = 0;

async function acquirePagefind(): Promise<typeof Pagefind> {
  return idle.pop() ?? ((await import(`${import.meta.resolve('pagefind')}?process=${instances++}`)) as typeof Pagefind);
}

async function releasePagefind(pagefind: typeof Pagefind): Promise<void> {
  // Its process would otherwise keep this one alive after the build; the next use starts another.
  await pagefind.close();
  idle.push(pagefind);
}

/** Records sent to a Pagefind process and not yet answered, at most. */
const IN_FLIGHT = 256;

/** The files every part has: the search code and UI come from the primary index only. */
const PART_FILE = /^(?:pagefind-entry\.json|[^/]+\.pf_meta|(?:index|fragment|filter)\/.+)$/;

async function indexPart(pagefind: typeof Pagefind, part: SearchPart, language: string): Promise<Map<string, Uint8Array>> {
  const lang = language.slice(0, 2);
  const created = await pagefind.createIndex({ forceLanguage: lang, keepIndexUrl: false });
  if (!created.index) throw new Error(`search index: ${created.errors.join('; ')}`);
  const index = created.index;
  try {
    // Requests are pipelined: Pagefind indexes in its own process while this one keeps sending,
    // up to IN_FLIGHT ahead. All at once, a part's records and their encoded messages (four times
    // the text) waited in memory for a slow pipe: at 100k articles, hundreds of megabytes.
    let failed: unknown = null;
    const pending = new Set<Promise<void>>();
    for (const r of part.records()) {
      if (failed) break;
      const sent: Promise<void> = check(index.addCustomRecord(customRecord(r, lang)))
        .catch((err: unknown) => void (failed ??= err))
        .finally(() => pending.delete(sent));
      pending.add(sent);
      if (pending.size >= IN_FLIGHT) await Promise.race(pending);
    }
    await Promise.all(pending);
    if (failed) throw failed;
    const files = await index.getFiles();
    if (files.errors.length) throw new Error(`search index: ${files.errors.join('; ')}`);
    const keep = part.dir === '' ? () => true : (p: string) => PART_FILE.test(p);
    return new Map(files.files.filter((f) => keep(f.path)).map((f) => [f.path, f.content]));
  } finally {
    await index.deleteIndex();
  }
}

function customRecord(r: SearchRecord, language: string) {
  return { url: r.url, content: r.content, language, meta: { ...r.meta }, filters: Object.fromEntries(Object.entries(r.filters).map(([k, v]) => [k, [...v]])) };
}

async function check(p: Promise<{ errors: string[] }>): Promise<void> {
  const r = await p;
  if (r.errors.length) throw new Error(`search index: ${r.errors.join('; ')}`);
}
