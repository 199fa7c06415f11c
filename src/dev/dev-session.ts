/**
 * `news-archive dev`: build, serve, watch, rebuild, reload. Rebuilds share one in-memory article
 * cache, so an edit re-normalizes and re-extracts only the articles whose inputs changed; a failed
 * rebuild writes nothing (build.ts), so the server keeps serving the last good site while the
 * overlay and the terminal say what is wrong.
 */
import { memoryCache, type ArticleCache } from '../article-cache.js';
import { build } from '../build.js';
import type { Config } from '../config.js';
import { CODES, formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import type { LoadedConfig } from '../load/read-config.js';
import type { TimelineMemo } from '../link/timeline.js';
import type { SourceIndex } from '../load/source-index.js';
import type { SearchBundle } from '../render/index.js';
import { previewArticles, warmUpPreview, type PreviewState } from '../preview.js';
import { replaceFiles, withOutputLock, type OutputState } from '../write/index.js';
import { createRebuildQueue, watchProject, type Change } from '../watch.js';
import { startDevServer } from './dev-server.js';
import { describeChanges, diffOutputs, formatRebuild, toOverlayItems, type RebuildReport } from './rebuild-report.js';

/** Options of startDev; every field is optional. */
export interface DevOptions {
  /** @default 8080 */
  readonly port?: number;
  /** @default "127.0.0.1" */
  readonly host?: string;
  /** Re-reads the config after it changed on disk. @default the starting config, unchanged */
  readonly reloadConfig?: () => Promise<LoadedConfig>;
  /** Paths in messages are relative to this. @default process.cwd() */
  readonly cwd?: string;
  /** Normal output (stdout). */
  readonly log?: (line: string) => void;
  /** Diagnostics and failures (stderr). */
  readonly logError?: (line: string) => void;
  /** Quiet time before a rebuild starts (see createRebuildQueue). @default 30 */
  readonly quietMs?: number;
}

/** A running dev session. */
export interface DevSession {
  /** Where the site is served, base path included. */
  readonly url: string;
  /** The report of the first build. */
  readonly first: RebuildReport;
  /** Tabs connected for live reload. */
  readonly clients: number;
  /** Calls `fn` after every rebuild; returns the unsubscribe function. */
  onRebuild(fn: (report: RebuildReport) => void): () => void;
  /** Resolves once no rebuild runs or waits. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

// Keys that say where things live: they cannot change under a running watcher and server.
const FIXED = ['root', 'contentDir', 'templatesDir', 'topicsFile', 'outDir', 'cacheDir', 'basePath'] as const;

/** More edited files at once than this (a branch switch, a search-and-replace) go straight to the rebuild. */
const PREVIEW_MAX = 5;

/** Builds, then serves and watches until closed. A failed first build still starts the server (with the overlay). */
export async function startDev(start: Readonly<Config>, options: DevOptions = {}): Promise<DevSession> {
  const cwd = options.cwd ?? process.cwd();
  const log = options.log ?? ((l: string) => console.log(l));
  const logError = options.logError ?? ((l: string) => console.error(l));
  let config = start;
  const inner = memoryCache();
  let reprocessed = 0;
  // Counts the articles a build had to process again: every cache miss that produced a record.
  const cache: ArticleCache = { get: (k) => inner.get(k), set: (k, v) => { reprocessed++; inner.set(k, v); } };
  let output: OutputState = { hashes: new Map(), pages: new Map() };
  let search: SearchBundle | null = null;
  let sourceIndex: SourceIndex | undefined;
  let timelineMemo: TimelineMemo | undefined;
  let previewState: PreviewState | null = null;
  let siteCount = 0;
  const sessionId = Date.now().toString(36);
  let printed = new Set<string>();
  let configDirty = false;
  const listeners = new Set<(r: RebuildReport) => void>();

  const server = await startDevServer({ root: config.outDir, basePath: config.basePath, port: options.port ?? 8080, host: options.host ?? '127.0.0.1' });

  async function rebuild(changes: Change[]): Promise<RebuildReport> {
    const began = performance.now();
    // A broken config is re-read on every rebuild until it loads, so no build runs on a stale one unnoticed.
    if (changes.some((c) => c.kind === 'config')) configDirty = true;
    const configDiagnostics = configDirty ? await reloadConfig() : [];
    reprocessed = 0;
    const before = output.hashes;
    const preview = configDiagnostics.length === 0 ? await previewEdits(changes, began) : null;
    // After the first build, only the pages a change touched are written (in place).
    const result = configDiagnostics.some((d) => d.severity === 'error') ? null : await build(config, { cache, previousOutput: output, previousSearch: search, ...(sourceIndex ? { sourceIndex } : {}), ...(timelineMemo ? { previousTimeline: timelineMemo } : {}) });
    const written = performance.now();
    const diagnostics = [...configDiagnostics, ...(result?.diagnostics ?? [])];
    const ok = result?.ok ?? false;
    let diff = { added: [] as string[], changed: [] as string[], removed: [] as string[] };
    if (result?.ok && result.output) {
      diff = diffOutputs(before, result.output.hashes);
      output = result.output;
      search = result.search ?? null;
      sourceIndex = result.sourceIndex;
      timelineMemo = result.timelineMemo;
      if (!previewState && result.preview) setImmediate(() => void warmUpPreview(result.preview!).catch(() => undefined));
      previewState = result.preview ?? null;
      siteCount++;
    } else if (result?.diagnostics.some((d) => d.code === CODES.OUTPUT_UNWRITABLE)) {
      // A write that failed part-way leaves files this record does not describe: write all next time.
      output = { hashes: new Map(), pages: new Map() };
    }
    const newest = Math.max(0, ...changes.map((c) => c.at ?? 0));
    const report: RebuildReport = {
      changes, ok, diagnostics, reprocessed, articles: result?.articles.length ?? 0, diff,
      ms: written - began, sinceSave: newest > 0 ? Math.max(0, Date.now() - newest) : null,
      timings: result?.timings ?? { load: 0, normalize: 0, extract: 0, link: 0, render: 0, write: 0 },
      ...(result?.ok ? { rendered: { pages: result.pagesRendered ?? 0, searchParts: result.searchPartsIndexed ?? 0 } } : {}),
      ...(preview ? { preview: { pages: preview.hashes.size, ms: preview.ms } } : {}),
    };
    printReport(report);
    // A previewed page the rebuild wrote as it was previewed: the tab showing it has it already.
    const unseen = (f: string) => !preview || preview.hashes.get(f) !== output.hashes.get(f);
    server.publish({
      site: `${sessionId}-${siteCount}`, ok,
      changed: [...diff.added, ...diff.changed, ...diff.removed].filter(unseen),
      errors: ok ? [] : toOverlayItems(diagnostics.filter((d) => d.severity === 'error'), cwd),
    });
    for (const fn of listeners) fn(report);
    return report;
  }

  /**
   * Edits of articles the site already has: their pages are written first, against the last
   * build's links (preview.ts), and the tabs showing them reload; the full rebuild follows. The
   * output record takes the previewed pages' hashes and forgets what they were rendered from, so
   * the rebuild renders them again and writes them only if they came out different.
   */
  async function previewEdits(changes: readonly Change[], began: number): Promise<{ hashes: Map<string, string>; ms: number } | null> {
    const files = [...new Set(changes.map((c) => c.file))];
    const edits = changes.every((c) => c.kind === 'content' && c.event === 'change' && /\.(md|txt)$/i.test(c.file));
    if (!previewState || !edits || files.length === 0 || files.length > PREVIEW_MAX) return null;
    const pages = await previewArticles(previewState, files).catch(() => null);
    if (!pages?.size) return null;
    let hashes: Map<string, string>;
    try {
      hashes = await withOutputLock(config.outDir, () => replaceFiles(config.outDir, pages));
    } catch {
      // The folder is another writer's for now, or a write failed part-way: the rebuild that
      // follows writes every file, and reports what is wrong.
      output = { hashes: new Map(), pages: new Map() };
      return null;
    }
    output = { hashes: new Map([...output.hashes, ...hashes]), pages: new Map([...output.pages].filter(([rel]) => !hashes.has(rel))) };
    server.publish({ site: `${sessionId}-${siteCount}-preview`, ok: true, changed: [...hashes.keys()], errors: [] });
    return { hashes, ms: performance.now() - began };
  }

  async function reloadConfig(): Promise<Diagnostic[]> {
    if (!options.reloadConfig) return [];
    const loaded = await options.reloadConfig();
    if (loaded.diagnostics.some((d) => d.severity === 'error')) return loaded.diagnostics;
    configDirty = false;
    const moved = FIXED.filter((k) => loaded.config[k] !== config[k]);
    if (moved.length) logError(`dev: the config changed ${moved.join(', ')}; restart news-archive dev to apply ${moved.length === 1 ? 'it' : 'them'}. The other settings apply now.`);
    const kept = Object.fromEntries(FIXED.map((k) => [k, config[k]]));
    config = Object.freeze({ ...loaded.config, ...kept });
    return loaded.diagnostics;
  }

  // The terminal shows the same located messages as `build`: every error each time, and each
  // warning once (a warning of an untouched file is not repeated on every save).
  function printReport(r: RebuildReport): void {
    const next = new Set<string>();
    for (const d of r.diagnostics) {
      const text = formatDiagnostic(d, cwd);
      next.add(text);
      if (d.severity === 'error' || !printed.has(text)) logError(text);
    }
    printed = next;
    if (r.ok) log(formatRebuild(r, cwd));
    else {
      const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
      logError(`${describeChanges(r.changes, cwd)}: build failed with ${errors} error${errors === 1 ? '' : 's'}; still serving the last good site. Fix and save to rebuild.`);
    }
  }

  // Changes seen during the first build wait for it, then rebuild once.
  let firstDone!: () => void;
  const firstBuilt = new Promise<void>((resolve) => (firstDone = resolve));
  const queue = createRebuildQueue(async (changes) => {
    await firstBuilt;
    await rebuild(changes);
  }, { quietMs: options.quietMs ?? 30, onError: (err) => logError(`dev: rebuild crashed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`) });
  const watcher = await watchProject(config, (c) => queue.push(c), { onError: (err) => logError(`dev: watch: ${err.message}`) });
  let first: RebuildReport;
  try {
    first = await rebuild([]);
  } catch (err) {
    // An internal error (not bad input, which comes back as diagnostics): stop rather than hang.
    await watcher.close();
    await server.close();
    throw err;
  } finally {
    firstDone();
  }

  return {
    url: server.url,
    first,
    get clients() {
      return server.clients;
    },
    onRebuild(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    idle: () => queue.idle(),
    async close() {
      await watcher.close();
      await server.close();
    },
  };
}
