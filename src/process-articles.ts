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
import type { Article, SourceFile } from './model.js';
import type { SharedValues } from './shared-values.js';
import { findSharedLines, lineKey, type FurnitureContext, type ParsedFrontMatter } from './normalize/index.js';
import { processArticle, type ArticleTimings } from './process-article.js';

/** Below this many articles to compute, starting workers costs more than it saves. */
export const PARALLEL_THRESHOLD = 64;

export interface ProcessInput {
  readonly config: Readonly<Config>;
  readonly parsed: readonly { source: SourceFile; fm: ParsedFrontMatter }[];
  readonly topicsFile: TopicsFile;
  readonly topicsHash: string;
  readonly gazetteer: Gazetteer;
  readonly cache: ArticleCache | undefined;
  /** Makes the repeated values of the records made here one (shared-values.ts). */
  readonly shared?: SharedValues;
}

/**
 * Processes all parsed files in order; bad ones become diagnostics. Adds per-stage time to
 * `timings`. Also returns the furniture context it used (the lines shared across a publisher).
 */
export async function processArticles(input: ProcessInput, diagnostics: Diagnostic[], timings: ArticleTimings): Promise<{ articles: Article[]; furniture: FurnitureContext }> {
  const { config, parsed, cache } = input;
  const isText = (source: SourceFile) => source.path.toLowerCase().endsWith('.txt');
  const sharedLines = findSharedLines(parsed.filter((p) => isText(p.source)).map((p) => ({ publisher: p.fm.data.publisher ?? null, body: p.fm.body })));
  const jobs = parsed.map(({ source, fm }) => {
    // Only scraped text has furniture; a Markdown article's record does not depend on these lines.
    const shared = sharedLines.size && isText(source) ? fm.body.split('\n').map(lineKey).filter((k) => sharedLines.has(k)) : [];
    const key = articleKey(config, source, input.topicsHash, shared);
    return { source, fm, shared, key, hit: cache?.get(key) };
  });
  const misses = jobs.filter((j) => !j.hit);
  const furniture = { sharedLines, patterns: config.furniturePatterns.map((p) => new RegExp(p, 'iu')) };
  // Each record's repeated values are made one as it arrives, not after the last one.
  const share = (o: ArticleOutcome): ArticleOutcome => (o.ok && input.shared ? { ...o, article: input.shared.article(o.article) } : o);
  const outcomes = misses.length >= PARALLEL_THRESHOLD && os.availableParallelism() > 1
    ? await runInPool(input, misses, share)
    : misses.map((j) => share(runHere(input, j, furniture)));
  const byKey = new Map(misses.map((j, i) => [j.key, outcomes[i]!]));
  const out: Article[] = [];
  for (const job of jobs) {
    if (job.hit) {
      out.push(job.hit);
      continue;
    }
    const outcome = byKey.get(job.key)!;
    if (!outcome.ok) {
      diagnostics.push(outcome.diagnostic, ...job.source.diagnostics);
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

function runHere(input: ProcessInput, job: { source: SourceFile; fm: ParsedFrontMatter }, furniture: FurnitureContext): ArticleOutcome {
  try {
    return { ok: true, ...processArticle(job.source, job.fm, { furniture, dateReference: input.config.dateReference }, input.gazetteer) };
  } catch (err) {
    if (err instanceof SourceError) return { ok: false, diagnostic: err.diagnostic };
    throw err;
  }
}

async function runInPool(input: ProcessInput, jobs: { source: SourceFile; fm: ParsedFrontMatter; shared: string[] }[], then: (o: ArticleOutcome) => ArticleOutcome): Promise<ArticleOutcome[]> {
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
    return await Promise.all(jobs.map((j) => (pool.run({ setup, setupKey, source: j.source, fm: j.fm, shared: j.shared } satisfies ArticleTask) as Promise<ArticleOutcome>).then(then)));
  } finally {
    await pool.destroy();
  }
}
