/**
 * The whole pipeline on one screen: load -> normalize -> extract -> link -> render -> write.
 * Every stage collects its problems; nothing is written unless the run is clean (or --keep-going
 * leaves the bad files out), so a failed build never touches the previous site.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { cloneForLink, persistentCache, PIPELINE_VERSION, textHash, type ArticleCache } from './article-cache.js';
import { spillArticleBody } from './article-body.js';
import { collectGarbageIfOver, collectGarbageNow, heapCeiling } from './heap.js';
import { processArticles } from './process-articles.js';
import { holdParsed, isScrapedText, type LoadedSource } from './parsed-file.js';
import { sharedValues } from './shared-values.js';
import type { Config } from './config.js';
import { CODES, diagnostic, sortDiagnostics, toDiagnostic, type Diagnostic } from './diagnostics.js';
import { buildGazetteer, parseTopicsFile, type TopicsFile } from './extract/index.js';
import { assignTopicSlugs, assignUniqueSlugs, buildTopics, eventsByTopic, findRelated, findStories, sortArticles, timelineWithMemo, type LinkedTopic, type TimelineMemo } from './link/index.js';
import { fileStat, findSources, isDirectory, isSettled, lookUpLiveSizes, outputManifestFile, sizesByPath, outputManifestStamp, readArticleShard, readOptionalText, readOutputManifest, readSearchCache, readSource, readSourceIndex, readTheme, readTimelineMemo, sameFile, toolVersions, type KnownSource, type LiveSizes, type SourceIndex } from './load/index.js';
import type { Article, Site } from './model.js';
import type { PreviewState } from './preview.js';
import { lineHashes, parseFrontMatter } from './normalize/index.js';
import { createTemplateEngine, renderSite, type PageMemo, type RenderedSite, type SearchBundle } from './render/index.js';
import { closeSpool, isIntact, openSpool, recoverInterruptedSwap, removeOutputManifest, removeStaleCaches, stageUpdate, withOutputLock, writeArticleCache, writeOutputManifest, writeSearchCache, writeSite, stageSourceIndex, stageTimelineMemo, type OutputState, type StagedCacheFile, type Spool, type StagedUpdate } from './write/index.js';

export interface BuildOptions {
  /** Leave bad files out and build the rest (exit 0). */
  readonly keepGoing?: boolean;
  /** Write the site (false for `check`, which renders every page, to find template errors, and indexes nothing). @default true */
  readonly write?: boolean;
  /** Render and write the site (false for `report`, which needs the articles alone). @default true */
  readonly render?: boolean;
  /**
   * Reuse per-article results between builds. Dev mode passes one kept in memory; without one,
   * the build reads the persistent cache in `cacheDir` and saves it after a successful write.
   */
  readonly cache?: ArticleCache;
  /**
   * Dev mode: what the output folder holds from the previous build. Without it, a build reads the
   * same from the cache folder. Either way, when the folder holds a site on record only changed
   * files are written, in place (write-in-place.ts); otherwise a staged site is swapped in.
   */
  readonly previousOutput?: OutputState;
  /** Dev mode: the search bundle of the previous build, whose unchanged parts are reused. */
  readonly previousSearch?: SearchBundle | null;
  /**
   * Dev mode: what the previous build knew of each source file (load/source-index.ts), so
   * unchanged files are not read again. Without it, a build reads the one saved in `cacheDir`.
   */
  readonly sourceIndex?: SourceIndex;
  /** From how many files the live site's are looked up on a thread of their own (load/live-sizes.ts). @default LIVE_SIZES_FROM */
  readonly liveSizesFrom?: number;
  /** How long a file must have been left alone to be recorded in the source index. @default SETTLED_MS (source-index.ts) */
  readonly settledMs?: number;
  /** Dev mode: how the previous build grouped each date's reports (link/timeline.ts). Without it, a build reads the one saved in `cacheDir`. */
  readonly previousTimeline?: TimelineMemo;
  /** Keep article bodies in the body file (body-store.ts). @default from SPILL_BODIES_FROM articles */
  readonly spillBodies?: boolean;
  /**
   * A site staged whole is written by a thread of its own (write/file-writer.ts). @default from
   * SPILL_BODIES_FROM articles, unless a live site is replaced because most articles were made
   * again: such a build holds more, was already the closest to the memory target at 100k articles
   * (issue 7), and the thread's faster render keeps more heap committed (BENCHMARKS.md, session 20).
   */
  readonly writerThread?: boolean;
  /**
   * When the site is staged whole and swapped in, leave the replaced one to a process of its own
   * to remove (write/remove-later.ts): the command line, whose build ends with its process. Dev
   * mode and tests remove it before the build returns. @default false
   */
  readonly removeOldSiteLater?: boolean;
}

/**
 * From this many articles, bodies are kept in a file rather than in memory: 2.4 KB each, read
 * back for the pages written. Below it the file is not worth its writes, nor a site staged whole
 * a thread to write it.
 */
export const SPILL_BODIES_FROM = 2000;

/**
 * A heap this big when the pages are rendered is collected before the archive-wide files are made
 * (heap.ts): at 100k articles it is about 1 GB then; at 10k, under 0.3 GB, a collection would only
 * cost time.
 */
const COLLECT_AFTER_PAGES_OVER = 600 * 2 ** 20;

/** The heap a big archive's render may hold before a full collection (heap.ts heapCeiling). */
const HEAP_CEILING = 2 ** 30;

export type Stage = 'load' | 'normalize' | 'extract' | 'link' | 'render' | 'write';

export interface BuildResult {
  /** True when the site was built (and written, unless write is false). */
  readonly ok: boolean;
  /** Every problem of the run, errors and warnings, sorted by file and line. */
  readonly diagnostics: Diagnostic[];
  readonly articles: readonly Article[];
  readonly topics: readonly LinkedTopic[];
  readonly site: Site | null;
  /** The files a warm build wrote in place (the others were kept as they were); absent after a cold build, which wrote all. */
  readonly written?: readonly string[];
  /** Milliseconds per stage. */
  readonly timings: Record<Stage, number>;
  /** What the output folder now holds (absent when nothing was written). */
  readonly output?: OutputState;
  /** HTML pages rendered this time; the others had the same inputs as the live ones and were kept. */
  readonly pagesRendered?: number;
  /** The search bundle built (for the next dev rebuild), and how many of its parts were indexed anew. */
  readonly search?: SearchBundle;
  readonly searchPartsIndexed?: number;
  /** What dev mode needs to render an edited article's page at once (preview.ts). */
  readonly preview?: PreviewState;
  /** What this build knew of each source file, for the next (see BuildOptions.sourceIndex). */
  readonly sourceIndex?: SourceIndex;
  /** Source files read this time (the others were known from the last build and unchanged). */
  readonly sourcesRead?: number;
  /** How this build grouped each date's reports, for the next (see BuildOptions.previousTimeline). */
  readonly timelineMemo?: TimelineMemo;
}

/** Runs the pipeline for a resolved config. Never throws for bad input: problems come back as diagnostics. */
export async function build(config: Readonly<Config>, options: BuildOptions = {}): Promise<BuildResult> {
  // Cache files saved while the build runs go in place only if it writes the site.
  const staged: StagedCacheFile[] = [];
  let result: BuildResult | undefined;
  try {
    result = await runBuild(config, options, staged);
    return result;
  } finally {
    for (const f of staged.reverse()) await (result?.ok && result.output ? f.commit() : f.discard()).catch(() => undefined);
  }
}

async function runBuild(config: Readonly<Config>, options: BuildOptions, stagedCaches: StagedCacheFile[]): Promise<BuildResult> {
  const timings: Record<Stage, number> = { load: 0, normalize: 0, extract: 0, link: 0, render: 0, write: 0 };
  const diagnostics: Diagnostic[] = [];
  const timeSync = <T>(stage: Stage, fn: () => T): T => {
    const start = performance.now();
    try {
      return fn();
    } finally {
      timings[stage] += performance.now() - start;
    }
  };
  const time = async <T>(stage: Stage, fn: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await fn();
    } finally {
      timings[stage] += performance.now() - start;
    }
  };
  const fail = () => ({ ok: false, diagnostics: sortDiagnostics(diagnostics), articles: [], topics: [], site: null, timings });
  const fatal = () => diagnostics.some((d) => d.severity === 'error');

  // A build killed mid-swap left the previous site under another name: put it back first, so even a
  // build that fails below leaves a whole public/.
  if (options.write !== false) await withOutputLock(config.outDir, () => recoverInterruptedSwap(config.outDir)).catch(() => undefined);

  // load: sources (front matter parsed, or known from the last build), topics file, theme
  // The source index and the timeline's memo are saved as soon as they are made and then let go,
  // unless dev mode keeps them for its next build (at 100k articles, 100 MB held through render):
  // no variable but these two holds them.
  let sourceIndex: SourceIndex | null = null;
  let indexChanged = false;
  const loaded = await time('load', async () => {
    const known = options.sourceIndex ?? (options.cache ? new Map() : timeSync('load', () => readSourceIndex(config.cacheDir)));
    const inputs = await loadInputs(config, known, options.settledMs, diagnostics);
    if (!inputs) return null;
    const { index, indexChanged: changed, ...rest } = inputs;
    sourceIndex = index;
    indexChanged = changed;
    return rest;
  });
  if (!loaded) return fail();
  let sourcesRead = loaded.read;
  // The live site's files are looked up on another thread while the articles load and link: a
  // warm build keeps a page only if its file is still as written (see pageMemo).
  const writes = options.write !== false && options.render !== false;
  const liveSizes = !writes ? null
    : options.previousOutput ? lookUpLiveSizes(config.outDir, { paths: [...options.previousOutput.hashes.keys()] }, options.liveSizesFrom)
    : options.cache ? null : lookUpLiveSizes(config.outDir, { recordFile: outputManifestFile(config.cacheDir) }, options.liveSizesFrom);

  // normalize + extract, per article, reused from the cache when nothing it depends on changed.
  // Every record is kept with its repeated values made one and, in a big archive, its body in the
  // body file rather than in memory (issue 7).
  const shared = sharedValues();
  const spill = options.spillBodies ?? loaded.sources.length >= SPILL_BODIES_FROM;
  const keep = spill ? (a: Article) => spillArticleBody(shared.article(a)) : shared.article;
  const disk = options.cache ? null : persistentCache((shard) => timeSync('load', () => readArticleShard(config.cacheDir, shard, keep)));
  const gazetteer = buildGazetteer(loaded.topicsFile);
  // The parsed files are handed over, not kept: nothing after this step reads them (half a
  // gigabyte of bodies at 100k articles).
  const readLater = (s: LoadedSource) => {
    sourcesRead++;
    return readLoaded(s.source.path, config, diagnostics);
  };
  const { articles: extracted, furniture, made, keys: recordKeys } = await processArticles({ config, sources: loaded.sources.splice(0), read: readLater, topicsFile: loaded.topicsFile, topicsHash: loaded.topicsHash, tools: toolVersions().records, gazetteer, cache: options.cache ?? disk ?? undefined, keep }, diagnostics, timings);

  // Saved (in place at the end, if the site is written) only by a build that writes: not by
  // `check` or `report`.
  const saves = disk !== null && options.write !== false && options.render !== false;
  const stageCache = async (make: () => Promise<StagedCacheFile>) => {
    const f = await time('write', make).catch(() => null);
    if (f) stagedCaches.push(f);
  };
  if (disk) {
    if (saves && indexChanged) await stageCache(() => stageSourceIndex(config.cacheDir, sourceIndex!));
    sourceIndex = null;
  }

  const wantedSlugs = new Map(extracted.map((a) => [a.source, a.slug]));
  // link: the archive as a whole, on copies (the cached records are saved as they were made)
  let timelineMemo: TimelineMemo | null = null;
  let timelineChanged = false;
  const linked = await time('link', () => {
    const previous = options.previousTimeline ?? (disk ? timeSync('load', () => readTimelineMemo(config.cacheDir)) : new Map());
    const { timelineMemo: memo, timelineChanged: changed, ...rest } = link(config, extracted.map(cloneForLink), loaded.topicsFile, previous, recordKeys);
    timelineMemo = memo;
    timelineChanged = changed;
    return rest;
  });
  if (disk) {
    if (saves && timelineChanged) await stageCache(() => stageTimelineMemo(config.cacheDir, timelineMemo!));
    timelineMemo = null;
  }
  for (const a of linked.site.articles) diagnostics.push(...a.diagnostics);
  if (fatal() && !options.keepGoing) return { ...fail(), articles: linked.site.articles, topics: linked.topics };
  if (options.render === false) return { ok: true, diagnostics: sortDiagnostics(diagnostics), articles: linked.site.articles, topics: linked.topics, site: linked.site, timings };

  // render: templates are checked as a whole first, so every syntax error is reported at once
  const engine = createTemplateEngine(config.templatesDir);
  const templateErrors = engine.check(loaded.theme.templates);
  diagnostics.push(...templateErrors);
  if (templateErrors.length || loaded.theme.diagnostics.some((d) => d.severity === 'error')) return fail();
  // A page is rendered only if its inputs differ from those of the live page (issue 7). When most
  // articles were made again (a topics file, a furniture pattern), most pages change too, and the
  // site is staged whole as a cold build does: compared page by page with the live site and moved
  // into place file by file, a topics-file change at 100k articles took 1.64 GiB and 131 s of
  // writes.
  const mostMadeAgain = disk !== null && made > extracted.length / 2;
  const stamp = disk ? await outputManifestStamp(config.cacheDir) : null;
  const current = options.write === false || mostMadeAgain ? null
    : options.previousOutput ?? (disk ? await time('load', () => readOutputManifest(config.cacheDir, config.outDir)) : null);
  const previousSearch = options.previousSearch ?? (disk ? await time('load', () => readSearchCache(config.cacheDir)) : null);

  /**
   * Renders the pages whose inputs changed and writes them, each to a staging folder as it is
   * rendered: the whole site (a cold build's spool, swapped in) or the changed files (a warm
   * build's update, applied in place). Null when the pages it kept cannot be kept after all:
   * another build wrote the folder meanwhile, so every page is rendered again, into a spool.
   */
  const renderAndWrite = async (memo: PageMemo): Promise<{ rendered: RenderedSite; output?: OutputState; written?: readonly string[] } | 'failed' | null> => {
    // With no page on record to keep, the whole site is staged, and nothing of the live one (a
    // search part's files) can be kept either: the spool replaces it.
    const whole = memo.previous.size === 0;
    const kept: PageMemo = whole ? { ...memo, intact: () => false } : memo;
    let staged: { spool: Spool; update?: undefined } | { update: StagedUpdate; spool?: undefined } | undefined;
    if (options.write !== false) {
      try {
        staged = whole ? { spool: await openSpool(config.outDir, { thread: options.writerThread ?? (extracted.length >= SPILL_BODIES_FROM && !(mostMadeAgain && stamp !== null)) }) } : { update: await stageUpdate(config.outDir, current!.hashes) };
      } catch (err) {
        diagnostics.push(toDiagnostic(err, config.outDir, CODES.OUTPUT_UNWRITABLE, 'Check the output folder.'));
        return 'failed';
      }
    }
    try {
      let rendered: RenderedSite;
      // Files are written as they are rendered: a write that fails (a full disk) is the output
      // folder's problem, not a template's.
      let unwritable: unknown;
      const put = staged?.spool?.put ?? staged?.update?.put;
      // `check` renders to find template errors and keeps nothing (at 100k articles the pages
      // are gigabytes).
      const sink = put ? (rel: string, content: string | Uint8Array) => {
        try {
          put(rel, content);
        } catch (err) {
          unwritable ??= err;
          throw err;
        }
      } : () => undefined;
      try {
        rendered = await time('render', () => renderSite({ config, ...linked, recordKeys, assets: loaded.theme.assets, statics: loaded.theme.statics, engine, previousSearch, memo: kept, sink, search: options.write !== false, ...(spill ? { pagesDone: () => collectGarbageIfOver(COLLECT_AFTER_PAGES_OVER), betweenSlices: heapCeiling(HEAP_CEILING) } : {}) }));
      } catch (err) {
        diagnostics.push(unwritable ? toDiagnostic(unwritable, config.outDir, CODES.OUTPUT_UNWRITABLE, 'Check the output folder and the space left on its disk.')
          : toDiagnostic(err, config.templatesDir, CODES.TEMPLATE_RUNTIME, 'Fix the template named above.'));
        return 'failed';
      }
      if (!staged) return { rendered };
      // In a big archive, what render made and dropped goes before the write adds the output
      // record's bytes to what is held (heap.ts).
      if (spill) collectGarbageNow();
      // write: the staged changes applied in place, or the staged site swapped in
      return await time('write', () => withOutputLock(config.outDir, async () => {
        // The record this build read still describes the folder only if no other build wrote
        // since: a CLI build would have replaced the on-disk record, and any write removes it
        // (dev mode keeps its own in memory). An update made against it is then worthless.
        const now = await outputManifestStamp(config.cacheDir);
        const trusted = options.previousOutput ? now === null : now !== null && now === stamp;
        if (staged.update && !trusted) return null;
        // The record goes before the folder changes: a build that dies while updating it in place
        // must not leave a later build trusting a record of older files.
        await removeOutputManifest(config.cacheDir);
        const done = staged.update ? await staged.update.commit(rendered.reused) : { hashes: await writeSite(config.outDir, new Map(), staged.spool, { removeOldLater: options.removeOldSiteLater ?? false }) };
        const output = { hashes: done.hashes, pages: rendered.pages };
        // A cache that cannot be saved costs the next build time, never correctness.
        if (disk) await writeOutputManifest(config.cacheDir, config.outDir, output).catch(() => undefined);
        return { rendered, output, ...('written' in done ? { written: done.written } : {}) };
      }));
    } catch (err) {
      diagnostics.push(toDiagnostic(err, config.outDir, CODES.OUTPUT_UNWRITABLE, 'Check the output folder.'));
      return 'failed';
    } finally {
      // Swapped in, a spool's folder is the site, and a committed update's is gone; otherwise
      // (a failed build) what was staged goes.
      if (staged?.spool) await closeSpool(staged.spool);
      await staged?.update?.discard();
    }
  };

  // The sizes found belong to this record if the thread read the same one (or was given its paths).
  if (!current) liveSizes?.cancel();
  const found = current && liveSizes ? await time('load', () => liveSizes.answer()) : null;
  const sizes = found && (options.previousOutput || found.stamp === stamp) ? sizesByPath(current!.hashes.keys(), found) : null;
  const memo = pageMemo(config, loaded.theme.templates, current && await isDirectory(config.outDir) ? current : null, sizes);
  const done = (await renderAndWrite(memo)) ?? (await renderAndWrite({ ...memo, previous: new Map() }));
  if (done === 'failed' || done === null) return fail();
  const { rendered, output, written } = done;
  const { search, searchPartsIndexed } = rendered;
  // Saved only when the site was written: a failed build writes nothing, not even its cache.
  if (output && disk) {
    if (disk.changed) {
      const before = timeSync('load', () => disk.loadedKeys());
      await time('write', () => writeArticleCache(config.cacheDir, disk.used, before).catch(() => undefined));
      await time('write', () => removeStaleCaches(config.cacheDir).catch(() => undefined));
    }
    if (searchPartsIndexed > 0 || !previousSearch) await time('write', () => writeSearchCache(config.cacheDir, search).catch(() => undefined));
  }
  return {
    ok: true, diagnostics: sortDiagnostics(diagnostics), articles: linked.site.articles, topics: linked.topics, site: linked.site, timings,
    search, searchPartsIndexed, pagesRendered: [...rendered.pages.keys()].filter((p) => p.endsWith('.html') && !rendered.reused.has(p)).length, ...(output ? { output } : {}), ...(written ? { written } : {}),
    preview: { config, gazetteer, furniture, site: linked.site, wantedSlugs, topics: linked.topics, related: linked.related, assets: loaded.theme.assets, engine },
    sourcesRead, ...(sourceIndex ? { sourceIndex } : {}), ...(timelineMemo ? { timelineMemo } : {}),
  };
}

/**
 * What pages depend on besides their view (the config, the templates, the versions of the
 * libraries that make pages), and the live pages' records (see PageMemo), with the
 * live files' sizes as looked up while the articles loaded (load/live-sizes.ts). Where the
 * project's folders are is left out: the same project built from another folder, or moved, has
 * the same pages (at 100k articles, rendering them all again takes ten minutes).
 */
function pageMemo(config: Readonly<Config>, templates: readonly { path: string; text: string }[], current: OutputState | null, sizes: LiveSizes | null): PageMemo {
  const { root, configFile, contentDir, templatesDir, outDir, cacheDir, topicsFile, ...settings } = config;
  const theme = templates.map((t) => [path.relative(templatesDir, t.path).split(path.sep).join('/'), t.text]);
  const tools = toolVersions().pages;
  const salt = crypto.createHash('sha1').update(JSON.stringify([PIPELINE_VERSION, tools, settings, theme])).digest('base64');
  const dataSalt = crypto.createHash('sha1').update(JSON.stringify([PIPELINE_VERSION, tools, settings])).digest('base64');
  const previous = new Map([...current?.pages ?? []].filter(([p]) => current!.hashes.has(p)));
  // A file the lookup did not cover (a small site, no thread to spare) is looked up now.
  const intact = (rel: string, size: number) => {
    if (!current?.hashes.has(rel)) return false;
    const known = sizes?.get(rel);
    return known === undefined ? isIntact(config.outDir, rel, size) : known === size;
  };
  return { previous, salt, dataSalt, intact };
}

async function loadInputs(config: Readonly<Config>, known: SourceIndex, settledMs: number | undefined, diagnostics: Diagnostic[]) {
  if (!(await isDirectory(config.contentDir))) {
    diagnostics.push(diagnostic('error', CODES.CONTENT_MISSING, 'the content folder does not exist',
      `Create it and put articles (.md or .txt) in it, or point --content at your articles.`, { file: config.contentDir }));
    return null;
  }
  const found = await findSources(config.contentDir);
  diagnostics.push(...found.diagnostics);
  // A file as it was at the last build is not read (source-index.ts); the others have their front
  // matter parsed as they are read, and their text let go (parsed-file.ts): no moment holds every text.
  const startedAt = Date.now();
  const sources: LoadedSource[] = [];
  const index = new Map<string, KnownSource>();
  let read = 0;
  for (const file of found.files) {
    const relPath = path.relative(config.contentDir, file).split(path.sep).join('/');
    const k = known.get(relPath);
    const stat = k && fs.statSync(file, { throwIfNoEntry: false });
    let s: LoadedSource | null;
    if (k && stat && stat.size <= config.maxFileBytes && sameFile(fileStat(stat), k.stat)) {
      s = { source: { path: file, relPath, hash: k.hash, diagnostics: [] }, stat: k.stat, publisher: k.publisher, lines: k.lines, parsed: null };
    } else {
      read++;
      s = readLoaded(file, config, diagnostics);
    }
    if (!s) continue;
    sources.push(s);
    if (isSettled(s.stat, startedAt, settledMs)) index.set(relPath, k && s.parsed === null ? k : { stat: s.stat, hash: s.source.hash, publisher: s.publisher, lines: s.lines });
  }
  // Saved again only when it says something new: a file read, recorded or gone.
  const indexChanged = index.size !== known.size || [...index].some(([rel, k]) => known.get(rel) !== k);
  if (found.files.length === 0) {
    diagnostics.push(diagnostic('error', CODES.CONTENT_EMPTY, 'the content folder has no articles',
      'Add .md or .txt files (any folder depth) to the content folder.', { file: config.contentDir }));
    return null;
  }
  let topicsFile: TopicsFile = { topics: [], suppress: [] };
  const topicsText = await readOptionalText(config.topicsFile);
  if (topicsText !== null) {
    const parsed = parseTopicsFile(topicsText, config.topicsFile);
    diagnostics.push(...parsed.diagnostics);
    topicsFile = parsed.value;
  }
  const theme = await readTheme(config.templatesDir);
  diagnostics.push(...theme.diagnostics);
  return { sources, index, indexChanged, read, topicsFile, topicsHash: textHash(topicsText), theme };
}

/** Reads and parses one source file; null, its problems in `diagnostics`, when it cannot be. */
function readLoaded(file: string, config: Readonly<Config>, diagnostics: Diagnostic[]): LoadedSource | null {
  const r = readSource(file, config.contentDir, config.maxFileBytes);
  if (!r.ok) {
    diagnostics.push(r.diagnostic);
    return null;
  }
  const { text, ...source } = r.source;
  const fm = parseFrontMatter(text, source.path);
  if (fm.diagnostics.some((d) => d.severity === 'error')) {
    diagnostics.push(...fm.diagnostics, ...source.diagnostics);
    return null;
  }
  // Furniture is looked for in scraped text only.
  const scraped = isScrapedText(source.path);
  return { source, stat: r.stat, publisher: scraped ? fm.data.publisher ?? null : null, lines: scraped ? lineHashes(fm.body) : null, parsed: holdParsed(source, fm) };
}

/** Whether a new memo is the one read (each date's entry is kept as it was when its reports are the same). */
function sameMemo(a: TimelineMemo, b: TimelineMemo): boolean {
  return a.size === b.size && [...b].every(([date, g]) => a.get(date) === g);
}

function link(config: Readonly<Config>, extracted: Article[], topicsFile: TopicsFile, previousTimeline: TimelineMemo, recordKeys: ReadonlyMap<string, string>) {
  const published = extracted.filter((a) => !a.draft);
  assignUniqueSlugs(published, config.contentDir);
  assignTopicSlugs(published);
  const ordered = sortArticles(published);
  const entries = new Map(topicsFile.topics.map((t) => [t.name, t]));
  const topics = buildTopics(ordered, (name) => {
    const e = entries.get(name);
    return e ? { description: e.description ?? null, aliases: e.aliases } : undefined;
  });
  const { entries: timeline, memo: timelineMemo } = timelineWithMemo(ordered, previousTimeline, (a) => recordKeys.get(a.source));
  const site: Site = { articles: ordered, topics, stories: findStories(ordered), timeline };
  return { site, topics, related: findRelated(ordered), eventsByTopic: eventsByTopic(timeline), timelineMemo, timelineChanged: !sameMemo(previousTimeline, timelineMemo) };
}
