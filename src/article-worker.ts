/** Worker entry (piscina): processes one article per task with a gazetteer built once per worker. */
import { SourceError, type Diagnostic } from './diagnostics.js';
import { buildGazetteer, type TopicsFile } from './extract/index.js';
import type { Article } from './model.js';
import { processArticle, type ArticleTimings } from './process-article.js';
import type { ParsedFile } from './parsed-file.js';

export interface WorkerSetup { readonly topicsFile: TopicsFile; readonly furniturePatterns: readonly string[]; readonly dateReference: string | null }
export interface ArticleTask { readonly setup: WorkerSetup; readonly setupKey: string; readonly file: ParsedFile; readonly shared: readonly string[] }
export type ArticleOutcome = { ok: true; article: Article; timings: ArticleTimings } | { ok: false; diagnostic: Diagnostic };

let prepared: { key: string; gazetteer: ReturnType<typeof buildGazetteer>; patterns: RegExp[] } | null = null;

/** Runs one task. The setup is sent with each task but compiled only when it changes. */
export default function run(task: ArticleTask): ArticleOutcome {
  if (prepared?.key !== task.setupKey) {
    prepared = { key: task.setupKey, gazetteer: buildGazetteer(task.setup.topicsFile), patterns: task.setup.furniturePatterns.map((p) => new RegExp(p, 'iu')) };
  }
  try {
    const ctx = { furniture: { sharedLines: new Set(task.shared), patterns: prepared.patterns }, dateReference: task.setup.dateReference };
    return { ok: true, ...processArticle(task.file.source, task.file.fm, ctx, prepared.gazetteer) };
  } catch (err) {
    if (err instanceof SourceError) return { ok: false, diagnostic: err.diagnostic };
    throw err;
  }
}
