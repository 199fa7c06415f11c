/**
 * `npm run bench`: builds synthetic archives and prints what a user waits for — cold build, warm
 * build with nothing changed, after adding one article, after editing one, a dev-mode edit to
 * written pages, peak RSS and per-stage time — and, when Hugo and Eleventy are installed, the same
 * pages built by them from the same Markdown corpus, with ratios. Never part of `npm test`.
 *
 *   npm run bench                        # 1k and 10k articles
 *   npm run bench -- --sizes 1000,10000,100000
 *   npm run bench -- --install-peers     # installs Eleventy 3 into bench/peers/node_modules first
 *   npm run bench -- --sizes 100000 --only warm,add   # the cold build and only the runs named
 *                                        # (startup, warm, add, edit, dev, template, markdown, peers)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { article, writeCorpus } from './gen-corpus.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const WORK = path.join(ROOT, 'bench', '.work');
const PEERS = path.join(ROOT, 'bench', 'peers');
const ELEVENTY = path.join(PEERS, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');

const argv = process.argv.slice(2);
// Measure the compiled code a user runs (`news-archive build`), not the TypeScript sources: made
// as `npm install` makes it (compiled, lexicon snapshot, bundled CLI).
execFileSync('npm', ['run', '--silent', 'prepare'], { cwd: ROOT, stdio: 'inherit' });
const only = argv.includes('--only') ? new Set(argv[argv.indexOf('--only') + 1]!.split(',')) : null;
const want = (run: string) => !only || only.has(run);
const sizes = (argv.includes('--sizes') ? argv[argv.indexOf('--sizes') + 1]! : '1000,10000').split(',').map(Number);
if (argv.includes('--install-peers') && !fs.existsSync(ELEVENTY)) {
  execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', PEERS, '@11ty/eleventy@3.1.2'], { stdio: 'inherit' });
}

interface Cpu { user: number; system: number }
interface Run { wallMs: number; ms?: number; previewMs?: number; timings: Record<string, number>; maxRssMiB: number; articles: number; files: number; cpu?: { build: Cpu; pagefind: Cpu | null } }

/** One build in a fresh process; wall time includes start-up, as a user sees it. */
function measure(content: string, out: string, cache: string, extra: string[] = []): Run {
  const start = performance.now();
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bench', 'build-once.mjs'), '--content', content, '--out', out, '--cache', cache, '--templates', templates, ...extra], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  const wallMs = performance.now() - start;
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
  waitForRemovers(out);
  return { wallMs, ...(JSON.parse(r.stdout.trim().split('\n').pop()!) as Omit<Run, 'wallMs'>) };
}

/**
 * A build that replaced the site whole returns while a process of its own removes the old one
 * (src/write/remove-later.ts), as the command line does: the user does not wait for it, and the
 * next measured build must not share the disk with it either.
 */
function waitForRemovers(out: string): void {
  const prefix = `.news-archive-deleting-${path.basename(out)}-`;
  const until = Date.now() + 300_000;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  while (fs.readdirSync(path.dirname(out)).some((e) => e.startsWith(prefix))) {
    if (Date.now() > until) return console.warn(`  (a replaced site beside ${out} is still being removed)`);
    Atomics.wait(pause, 0, 0, 100);
  }
}

/** A peer build timed as a whole process, with its peak RSS from /usr/bin/time when available. */
function peer(script: string, corpus: string, out: string, env: NodeJS.ProcessEnv = {}): { wallMs: number; maxRssMiB: number | null } | null {
  const hasTime = fs.existsSync('/usr/bin/time');
  const cmd = hasTime ? '/usr/bin/time' : 'bash';
  const args = hasTime ? ['-f', 'MAXRSS %M', 'bash', script, corpus, out] : [script, corpus, out];
  const start = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, WORKDIR: path.join(WORK, 'peers'), ...env }, maxBuffer: 1 << 26 });
  const wallMs = performance.now() - start;
  if (r.status !== 0) {
    console.error(`  ${path.basename(script)} failed: ${r.stderr.slice(-400)}`);
    return null;
  }
  const rss = /MAXRSS (\d+)/.exec(r.stderr);
  return { wallMs, maxRssMiB: rss ? Number(rss[1]) / 1024 : null };
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mib = (m: number | null) => (m == null ? '–' : `${m.toFixed(0)} MiB`);
const stages = (t: Record<string, number>) => ['load', 'normalize', 'extract', 'link', 'render', 'write'].map((k) => `${k} ${(t[k]! / 1000).toFixed(2)}`).join(', ');
/** Where the cores went: the build's process (main thread, workers, GC) and Pagefind's, user + system. */
const cpu = (r: Run) => {
  const one = (c: Cpu) => `${(c.user + c.system).toFixed(1)} s (${c.system.toFixed(1)} system)`;
  return r.cpu ? `\n                           CPU: build ${one(r.cpu.build)}${r.cpu.pagefind ? `, Pagefind ${one(r.cpu.pagefind)}` : ''}` : '';
};

const hasHugo = spawnSync('hugo', ['version'], { stdio: 'ignore' }).status === 0;
const hasEleventy = fs.existsSync(ELEVENTY);
console.log(`news-archive bench on ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
console.log(`peers: Hugo ${hasHugo ? execFileSync('hugo', ['version'], { encoding: 'utf8' }).split(' ')[1] : 'not installed (apt-get install hugo)'}; ` +
  `Eleventy ${hasEleventy ? JSON.parse(fs.readFileSync(path.join(PEERS, 'node_modules', '@11ty', 'eleventy', 'package.json'), 'utf8')).version : 'not installed (npm run bench -- --install-peers)'}\n`);

// Start-up, as a user starts it: the bundled CLI's --help, and the seed archive built cold.
if (want('startup')) {
  const median = (runs: number[]) => runs.sort((a, b) => a - b)[runs.length >> 1]!;
  const timed = (args: string[]) => {
    const start = performance.now();
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'news-archive.js'), ...args], { cwd: ROOT, stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`news-archive ${args.join(' ')} failed`);
    return performance.now() - start;
  };
  const seeds = path.join(WORK, 'seeds');
  const help = Array.from({ length: 7 }, () => timed(['--help']));
  const cold = Array.from({ length: 7 }, () => {
    fs.rmSync(seeds, { recursive: true, force: true });
    return timed(['build', '--quiet', '--config', path.join(ROOT, 'bench', 'seeds.config.json')]);
  });
  const node = median(Array.from({ length: 7 }, () => {
    const start = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    return performance.now() - start;
  }));
  console.log(`start-up (median of 7): --help ${s(median(help))}, the five seed articles cold ${s(median(cold))} (range ${s(Math.min(...cold))}-${s(Math.max(...cold))}); node -e 0 ${s(node)}\n`);
}

/** A copy of the project's templates, which the template run edits. */
const templates = path.join(WORK, 'templates');

const rows: string[] = [];
for (const n of sizes) {
  fs.rmSync(templates, { recursive: true, force: true });
  fs.cpSync(path.join(ROOT, 'templates'), templates, { recursive: true });
  const dir = path.join(WORK, `n${n}`);
  const corpus = path.join(dir, 'content');
  const mdCorpus = path.join(dir, 'markdown');
  const out = path.join(dir, 'public');
  const cache = path.join(dir, '.cache');
  if (!fs.existsSync(path.join(dir, '.complete'))) {
    fs.rmSync(dir, { recursive: true, force: true });
    writeCorpus(corpus, n);
    writeCorpus(mdCorpus, n, { markdownOnly: true });
    fs.writeFileSync(path.join(dir, '.complete'), '');
  }
  console.log(`== ${n.toLocaleString('en')} articles (half Markdown, half scraped text)`);
  fs.rmSync(cache, { recursive: true, force: true });
  const cold = measure(corpus, out, cache);
  console.log(`cold build                 ${s(cold.wallMs)}  peak ${mib(cold.maxRssMiB)}  (${stages(cold.timings)})${cpu(cold)}`);
  const warm = want('warm') ? measure(corpus, out, cache) : null;
  if (warm) console.log(`warm, nothing changed      ${s(warm.wallMs)}  peak ${mib(warm.maxRssMiB)}  (${stages(warm.timings)})${cpu(warm)}`);

  let add: Run | null = null;
  if (want('add')) {
    const added = article(20240601, n);
    const addedFile = path.join(corpus, added.file);
    fs.mkdirSync(path.dirname(addedFile), { recursive: true });
    fs.writeFileSync(addedFile, added.text);
    add = measure(corpus, out, cache);
    fs.rmSync(addedFile);
    console.log(`warm, one article added    ${s(add.wallMs)}  peak ${mib(add.maxRssMiB)}  (${stages(add.timings)})${cpu(add)}`);
  }

  const edited = path.join(corpus, article(20240601, 1).file);
  const original = fs.readFileSync(edited, 'utf8');
  let edit: Run | null = null;
  if (want('edit')) {
    fs.appendFileSync(edited, '\nAn added closing sentence.\n');
    edit = measure(corpus, out, cache);
    fs.writeFileSync(edited, original);
    console.log(`warm, one article edited   ${s(edit.wallMs)}  (${stages(edit.timings)})${cpu(edit)}`);
  }

  // A theme edit: every page rendered again, no article made again, no search part indexed. Before
  // the dev run, whose in-memory builds leave no record of the output folder on disk.
  let template: Run | null = null;
  if (want('template')) {
    const layout = path.join(templates, 'layout.eta');
    const original = fs.readFileSync(layout, 'utf8');
    // The edited article put back first, untimed: the template alone changes in the timed build.
    if (edit) measure(corpus, out, cache);
    fs.appendFileSync(layout, '\n<!-- bench edit -->\n');
    template = measure(corpus, out, cache);
    fs.writeFileSync(layout, original);
    console.log(`warm, a template edited    ${s(template.wallMs)}  peak ${mib(template.maxRssMiB)}  (${stages(template.timings)})${cpu(template)}`);
  }

  let dev: Run | null = null;
  if (want('dev')) {
    dev = measure(corpus, out, cache, ['--edit', edited]);
    fs.writeFileSync(edited, original);
    console.log(`dev edit, its page written ${dev.previewMs === undefined ? '–' : s(dev.previewMs)}`);
    console.log(`dev edit, whole site       ${s(dev.ms!)}  (${stages(dev.timings)})`);
  }

  let mdCold: Run | null = null;
  if (want('markdown')) {
    fs.rmSync(cache, { recursive: true, force: true });
    mdCold = measure(mdCorpus, out, cache);
    console.log(`cold, Markdown-only corpus ${s(mdCold.wallMs)}  peak ${mib(mdCold.maxRssMiB)}`);
  }
  const ratio = (a: Run | null, b: { wallMs: number }) => (a ? `${(a.wallMs / b.wallMs).toFixed(2)}x` : '–');
  const peers = want('peers');
  const hugo = peers && hasHugo ? peer(path.join(PEERS, 'run-hugo.sh'), mdCorpus, path.join(dir, 'hugo-out')) : null;
  if (hugo) console.log(`Hugo, Markdown-only        ${s(hugo.wallMs)}  peak ${mib(hugo.maxRssMiB)}  (news-archive ${ratio(mdCold, hugo)}; warm add ${ratio(add, hugo)} of Hugo cold)`);
  const eleventy = peers && hasEleventy ? peer(path.join(PEERS, 'run-eleventy.sh'), mdCorpus, path.join(dir, 'eleventy-out'), { ELEVENTY }) : null;
  if (eleventy) console.log(`Eleventy, Markdown-only    ${s(eleventy.wallMs)}  peak ${mib(eleventy.maxRssMiB)}  (news-archive ${ratio(mdCold, eleventy)})`);
  console.log('');
  const t = (r: { wallMs: number } | null) => (r ? s(r.wallMs) : '–');
  rows.push(`| ${n.toLocaleString('en')} | ${s(cold.wallMs)} | ${t(warm)} | ${t(add)} | ${t(edit)} | ${dev?.previewMs === undefined ? '–' : s(dev.previewMs)} | ${dev ? s(dev.ms!) : '–'} | ${mib(cold.maxRssMiB)} | ${t(mdCold)} | ${t(hugo)} | ${t(eleventy)} | ${t(template)} |`);
}

console.log('| articles | cold | warm, unchanged | warm, +1 article | warm, 1 edited | dev edit: its page | dev edit: whole site | peak RSS (cold) | cold, Markdown only | Hugo | Eleventy | warm, a template edited |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
