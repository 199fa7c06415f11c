/**
 * Every article through normalize -> extract -> body, reusing cached results and spreading the
 * rest over a worker pool when there are enough of them to pay for the workers' start-up.
 */
import os from 'node:os';
import { articleKey, type ArticleCache } from './article-cache.js';
import type { ArticleOutcome, ArticleTask, WorkerSetup } from './article-worker.js';
import type { Config } from './config.js';
import { SourceError, type Diagnostic } from './diagnostics.js';
import type { Gazetteer, TopicsFile } from './extract/index.js';
import type { Article } from './model.js';
import { findSharedHashes, hashLineKey, lineKeys, type FurnitureContext } from './normalize/index.js';
import type { LoadedSource, ParsedFile } from './parsed-file.js';
import { processArticle, type ArticleTimings } from './process-article.js';

/** Below this many articles to compute, starting workers costs more than it saves. */
export const PARALLEL_THRESHOLD = 64;

export interface ProcessInput {
  readonly config: Readonly<Config>;
  /**
   * The sources, handed over: the array is emptied, and each file's body is let go as soon as its
   * article is made (at 100k articles the bodies are 0.4 GB, the records as much again). A source
   * known from the last build (load/source-index.ts) comes unread.
   */
  readonly sources: LoadedSource[];
  /** Reads and parses a source that came unread, when its article must be made after all. */
  readonly read: (source: LoadedSource) => LoadedSource | null;
  readonly topicsFile: TopicsFile;
  readonly topicsHash: string;
  /** The versions of the libraries that make records (load/tool-versions.ts), for the cache keys. */
  readonly tools: string;
  readonly gazetteer: Gazetteer;
  readonly cache: ArticleCache | undefined;
  /** How each record made here is kept (shared-values.ts, body-store.ts); as it is by default. */
  readonly keep?: (a: Article) => Article;
}

/** What the corpus knows about furniture: the hashes of lines shared within a publisher, and the config's patterns. */
export interface CorpusFurniture {
  readonly shared: ReadonlySet<number>;
  readonly patterns: readonly RegExp[];
}

/** The furniture context of one article: the corpus's shared lines that its body has. */
export function furnitureOf(corpus: CorpusFurniture, body: string): FurnitureContext {
  return { sharedLines: new Set(sharedLinesOf(corpus.shared, body)), patterns: corpus.patterns };
}

function sharedLinesOf(shared: ReadonlySet<number>, body: string): string[] {
  return shared.size ? lineKeys(body).filter((k) => shared.has(hashLineKey(k))) : [];
}

interface Job {
  /** Null once the article is made (or found in the cache). */
  source: LoadedSource | null;
  key: string;
  /** The cached record, if any (looked up once every key is known). */
  hit: Article | undefined;
  /** The source's read warnings (encoding), reported with an error of its article. */
  diagnostics: readonly Diagnostic[];
}

/**
 * Processes all sources in order; bad ones become diagnostics. Adds per-stage time to `timings`.
 * Also returns the furniture it used (the lines shared across a publisher), how many articles
 * it made (the others came from the cache), and the key each record was made under, by source.
 */
export async function processArticles(input: ProcessInput, diagnostics: Diagnostic[], timings: ArticleTimings): Promise<{ articles: Article[]; furniture: CorpusFurniture; made: number; keys: Map<string, string> }> {
  const { config, cache } = input;
  const sources = input.sources.splice(0);
  const shared = findSharedHashes(function* () {
    for (const s of sources) if (s.lines) yield { publisher: s.publisher, lines: s.lines };
  }());
  // Only scraped text has furniture; a Markdown article's record does not depend on these lines.
  const keyOf = (s: LoadedSource) => articleKey(config, s.source, input.topicsHash, input.tools, s.lines && shared.size ? Array.from(s.lines.filter((h) => shared.has(h))) : []);
  const jobs = sources.map((source): Job => ({ source, key: keyOf(source), hit: undefined, diagnostics: [] }));
  sources.length = 0;
  // Looked up in key order, and a hit's file let go at once: the persistent cache reads a shard
  // when a key first asks for it, so the cached records come in as the texts they replace go (a
  // warm build of 100k articles held every text and every cached record at once).
  for (const job of [...jobs].sort((a, b) => (a.key < b.key ? -1 : 1))) {
    job.hit = cache?.get(job.key);
    if (job.hit) job.source = null;
  }
  cache?.settle?.();
  // A source that came unread is read now. If it changed since it was looked at (an edit during
  // the build), its key is worked out again from what was read.
  const misses: Job[] = [];
  for (const job of jobs) {
    if (job.hit) continue;
    const known = job.source!;
    const read = known.parsed ? known : input.read(known);
    if (!read) {
      job.source = null;
      continue;
    }
    job.source = read;
    job.diagnostics = read.source.diagnostics;
    if (read.source.hash !== known.source.hash) {
      job.key = keyOf(read);
      job.hit = cache?.get(job.key);
    }
    if (!job.hit) misses.push(job);
  }
  const furniture = { shared, patterns: config.furniturePatterns.map((p) => new RegExp(p, 'iu')) };
  const keep = input.keep ?? ((a: Article) => a);
  // Each record is kept as it arrives, and its file let go, not after the last one.
  const done = (job: Job, o: ArticleOutcome): ArticleOutcome => {
    job.source = null;
    return o.ok ? { ...o, article: keep(o.article) } : o;
  };
  const outcomes = misses.length >= PARALLEL_THRESHOLD && os.availableParallelism() > 1
    ? await runInPool(input, shared, misses, done)
    : misses.map((j) => done(j, runHere(input, j.source!.parsed!, furnitureOf(furniture, j.source!.parsed!.fm.body))));
  const byJob = new Map(misses.map((j, i) => [j, outcomes[i]!]));
  const out: Article[] = [];
  const keys = new Map<string, string>();
  for (const job of jobs) {
    if (job.hit) {
      out.push(job.hit);
      keys.set(job.hit.source, job.key);
      continue;
    }
    const outcome = byJob.get(job);
    if (!outcome) continue; // unreadable: its diagnostic is in already
    if (!outcome.ok) {
      diagnostics.push(outcome.diagnostic, ...job.diagnostics);
      continue;
    }
    timings.normalize += outcome.timings.normalize;
    timings.extract += outcome.timings.extract;
    timings.render += outcome.timings.render;
    cache?.set(job.key, outcome.article);
    out.push(outcome.article);
    keys.set(outcome.article.source, job.key);
  }
  return { articles: out, furniture, made: misses.length, keys };
}

function runHere(input: ProcessInput, job: ParsedFile, furniture: FurnitureContext): ArticleOutcome {
  try {
    return { ok: true, ...processArticle(job.source, job.fm, { furniture, dateReference: input.config.dateReference }, input.gazetteer) };
  } catch (err) {
    if (err instanceof SourceError) return { ok: false, diagnostic: err.diagnostic };
    throw err;
  }
}

async function runInPool(input: ProcessInput, shared: ReadonlySet<number>, jobs: readonly Job[], then: (job: Job, o: ArticleOutcome) => ArticleOutcome): Promise<ArticleOutcome[]> {
  // Under tsx (tests, bench) the worker is the .ts source and needs the same loader, resolved from
  // here rather than from the current folder, which may be any project.
  const fromSource = import.meta.url.endsWith('.ts');
  // Loaded here: a small archive runs on this thread and need not pay for the pool's modules.
  const { Piscina } = await import('piscina');
  const pool = new Piscina({
    filename: new URL(`./article-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url).href,
    execArgv: fromSource ? ['--import', import.meta.resolve('tsx')] : [],
    maxThreads: os.availableParallelism(),
    minThreads: 1,
    // A worker given one task at a time waited for this thread to hand it the next: 15% of its
    // time at 10k articles. With a few in hand it goes from one to the next.
    concurrentTasksPerWorker: 4,
  });
  const setup: WorkerSetup = { topicsFile: input.topicsFile, furniturePatterns: input.config.furniturePatterns, dateReference: input.config.dateReference };
  const setupKey = input.topicsHash + JSON.stringify(input.config.furniturePatterns) + input.config.dateReference;
  try {
    return await Promise.all(jobs.map((j) => (pool.run({ setup, setupKey, file: j.source!.parsed!, shared: sharedLinesOf(shared, j.source!.parsed!.fm.body) } satisfies ArticleTask) as Promise<ArticleOutcome>).then((o) => then(j, o))));
  } finally {
    await pool.destroy();
  }
}
