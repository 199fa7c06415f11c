/**
 * One measured build in its own process (so peak RSS is this build's alone). Prints one JSON line:
 * wall time, per-stage timings, peak RSS, counts. With --edit FILE it builds, edits FILE, and
 * measures what dev mode does: the edited article's page written (previewMs), then the whole
 * rebuild with the in-memory cache (ms).
 *
 * It runs the compiled code in dist/, as `news-archive build` does (bench/run.ts compiles first).
 */
import fs from 'node:fs';
import path from 'node:path';
import { memoryCache } from '../dist/article-cache.js';
import { build } from '../dist/build.js';
import { resolveConfig } from '../dist/config.js';
import { collectGarbageSooner } from '../dist/heap.js';
import { previewArticles, warmUpPreview } from '../dist/preview.js';
import { replaceFiles } from '../dist/write/index.js';

collectGarbageSooner(); // as the CLI does before a build

const args = new Map();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
const root = process.cwd();
const config = resolveConfig(root, { url: 'https://bench.example.org' }, { contentDir: args.get('content'), outDir: args.get('out'), cacheDir: args.get('cache'), templatesDir: args.get('templates') });

const edit = args.get('edit');
const cache = edit ? memoryCache() : undefined;
// As the command line builds (dev mode, with its cache in memory, removes a replaced site itself).
let result = await build(config, cache ? { cache } : { removeOldSiteLater: true });
let start = performance.now();
let previewMs;
if (edit) {
  await warmUpPreview(result.preview); // as dev mode does while it waits for the first edit
  fs.appendFileSync(edit, '\nAn added closing sentence for the benchmark edit.\n');
  start = performance.now();
  // As dev mode does (dev-session.ts): the edited article's page first, against the last build's
  // links; then the rebuild, with the cache in memory and only changed files written, in place.
  const pages = await previewArticles(result.preview, [path.resolve(edit)]);
  let output = result.output;
  if (pages) {
    const written = await replaceFiles(config.outDir, pages);
    previewMs = performance.now() - start;
    output = { hashes: new Map([...output.hashes, ...written]), pages: new Map([...output.pages].filter(([rel]) => !written.has(rel))) };
  }
  result = await build(config, { cache, previousOutput: output, previousSearch: result.search, sourceIndex: result.sourceIndex, previousTimeline: result.timelineMemo });
}
const ms = performance.now() - start;
if (!result.ok) {
  console.error(result.diagnostics.filter((d) => d.severity === 'error').slice(0, 5).map((d) => `${d.file}:${d.line} ${d.message}`).join('\n'));
  process.exit(1);
}
// Pagefind's processes are reaped a moment after they are closed: only then is their CPU time
// counted among the children's.
await new Promise((resolve) => setTimeout(resolve, 100));
console.log(JSON.stringify({
  ms: edit ? ms : undefined,
  cpu: cpuSeconds(),
  previewMs,
  timings: result.timings,
  maxRssMiB: process.resourceUsage().maxRSS / 1024,
  articles: result.articles.length,
  files: result.output?.hashes.size ?? 0,
  pagesRendered: result.pagesRendered,
  searchPartsIndexed: result.searchPartsIndexed,
}));

/**
 * CPU seconds of this process (the main thread, the article workers, the garbage collector's
 * threads) and of its children that exited (Pagefind's processes), user and system: where a
 * build's two cores went. Children's times come from /proc (Linux); null elsewhere.
 */
function cpuSeconds() {
  const self = process.resourceUsage();
  let pagefind = null;
  try {
    // Fields after the command name: cutime and cstime are the 14th and 15th, in clock ticks.
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    pagefind = { user: Number(fields[13]) / 100, system: Number(fields[14]) / 100 };
  } catch {
    // not Linux
  }
  return { build: { user: self.userCPUTime / 1e6, system: self.systemCPUTime / 1e6 }, pagefind };
}
