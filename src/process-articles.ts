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
import type { Article, SourceInfo } from './model.js';
import { findSharedLines, lineKey, type FurnitureContext } from './normalize/index.js';
import type { ParsedFile } from './parsed-file.js';
import { processArticle, type ArticleTimings } from './process-article.js';

/** Below this many articles to compute, starting workers costs more than it saves. */
export const PARALLEL_THRESHOLD = 64;

export interface ProcessInput {
  readonly config: Readonly<Config>;
  /**
   * The parsed files, handed over: the array is emptied, and each file's body is let go as soon
   * as its article is made (at 100k articles the bodies are 0.4 GB, the records as much again).
   */
  readonly parsed: ParsedFile[];
  readonly topicsFile: TopicsFile;
  readonly topicsHash: string;
  readonly gazetteer: Gazetteer;
  readonly cache: ArticleCache | undefined;
  /** How each record made here is kept (shared-values.ts, body-store.ts); as it is by default. */
  readonly keep?: (a: Article) => Article;
}

interface Job {
  /** Null once the article is made (or found in the cache). */
  file: ParsedFile | null;
  readonly shared: string[];
  readonly key: string;
  /** The cached record, if any (looked up once every key is known). */
  hit: Article | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Processes all parsed files in order; bad ones become diagnostics. Adds per-stage time to
 * `timings`. Also returns the furniture context it used (the lines shared across a publisher).
 */
export async function processArticles(input: ProcessInput, diagnostics: Diagnostic[], timings: ArticleTimings): Promise<{ articles: Article[]; furniture: FurnitureContext }> {
  const { config, cache } = input;
  const parsed = input.parsed.splice(0);
  const isText = (source: SourceInfo) => source.path.toLowerCase().endsWith('.txt');
  const sharedLines = findSharedLines(parsed.filter((p) => isText(p.source)).map((p) => ({ publisher: p.fm.data.publisher ?? null, body: p.fm.body })));
  const jobs = parsed.map((file): Job => {
    const { source } = file;
    // Only scraped text has furniture; a Markdown article's record does not depend on these lines.
    const shared = sharedLines.size && isText(source) ? file.fm.body.split('\n').map(lineKey).filter((k) => sharedLines.has(k)) : [];
    return { file, shared, key: articleKey(config, source, input.topicsHash, shared), hit: undefined, diagnostics: source.diagnostics };
  });
  parsed.length = 0;
  // Looked up in key order, and a hit's file let go at once: the persistent cache reads a shard
  // when a key first asks for it, so the cached records come in as the texts they replace go (a
  // warm build of 100k articles held every text and every cached record at once).
  for (const job of [...jobs].sort((a, b) => (a.key < b.key ? -1 : 1))) {
    job.hit = cache?.get(job.key);
    if (job.hit) job.file = null;
  }
  const misses = jobs.filter((j) => !j.hit);
  const furniture = { sharedLines, patterns: config.furniturePatterns.map((p) => new RegExp(p, 'iu')) };
  const keep = input.keep ?? ((a: Article) => a);
  // Each record is kept as it arrives, and its file let go, not after the last one.
  const done = (job: Job, o: ArticleOutcome): ArticleOutcome => {
    job.file = null;
    return o.ok ? { ...o, article: keep(o.article) } : o;
  };
  const outcomes = misses.length >= PARALLEL_THRESHOLD && os.availableParallelism() > 1
    ? await runInPool(input, misses, done)
    : misses.map((j) => done(j, runHere(input, j.file!, furniture)));
  const byKey = new Map(misses.map((j, i) => [j.key, outcomes[i]!]));
  const out: Article[] = [];
  for (const job of jobs) {
    if (job.hit) {
      out.push(job.hit);
      continue;
    }
    const outcome = byKey.get(job.key)!;
    if (!outcome.ok) {
      diagnostics.push(outcome.diagnostic, ...job.diagnostics);
      continue;
    }
    timings.normalize += outcome.timings.normalize;
    timings.extract += outcome.timings.extract;
    timings.render += outcome.timings.render;
    cache?.set(job.key, outcome.article);
    out.push(outcome.article);
  }
  return { articles: out, furniture };
}

function runHere(input: ProcessInput, job: ParsedFile, furniture: FurnitureContext): ArticleOutcome {
  try {
    return { ok: true, ...processArticle(job.source, job.fm, { furniture, dateReference: input.config.dateReference }, input.gazetteer) };
  } catch (err) {
    if (err instanceof SourceError) return { ok: false, diagnostic: err.diagnostic };
    throw err;
  }
}

async function runInPool(input: ProcessInput, jobs: readonly Job[], then: (job: Job, o: ArticleOutcome) => ArticleOutcome): Promise<ArticleOutcome[]> {
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
    return await Promise.all(jobs.map((j) => (pool.run({ setup, setupKey, file: j.file!, shared: j.shared } satisfies ArticleTask) as Promise<ArticleOutcome>).then((o) => then(j, o))));
  } finally {
    await pool.destroy();
  }
}
