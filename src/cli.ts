/**
 * Command line: argv -> build() | check | report | serve | dev. Prints diagnostics, sets the exit
 * code. Heavy modules (NLP, Markdown) are imported only by the commands that need them, so
 * `news-archive --help` answers at once.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import type { CliOverrides } from './config.js';
import { formatDiagnostic, type Diagnostic } from './diagnostics.js';
import { collectGarbageSooner } from './heap.js';
import { loadConfig } from './load/read-config.js';

interface GlobalOptions { config?: string; content?: string; out?: string; basePath?: string; url?: string; templates?: string; cache?: string }

const program = new Command()
  .name('news-archive')
  .description('Build a static news-archive website from the articles in content/.')
  .version('0.1.0')
  .showHelpAfterError()
  .configureHelp({ showGlobalOptions: true })
  .option('-c, --config <file>', 'config file (default: ./news-archive.config.json)')
  .option('--content <dir>', 'folder of articles (.md, .txt) (default: content)')
  .option('--out <dir>', 'output folder (default: public)')
  .option('--base-path <path>', 'path the site is served under, e.g. /archive/ (default: /)')
  .option('--url <url>', 'public site URL for canonical links, feeds and sitemaps')
  .option('--templates <dir>', 'folder of Eta templates and assets (default: templates)');

// Every command but --help and serve builds; the flag must be set before a build allocates.
program.hook('preAction', (_program, command) => {
  if (command.name() !== 'serve') collectGarbageSooner();
});

async function resolve(): Promise<{ config: Awaited<ReturnType<typeof loadConfig>>['config']; diagnostics: Diagnostic[] }> {
  const o = program.opts<GlobalOptions>();
  const cli: CliOverrides = {
    ...(o.content ? { contentDir: o.content } : {}),
    ...(o.out ? { outDir: o.out } : {}),
    ...(o.basePath ? { basePath: o.basePath } : {}),
    ...(o.url ? { url: o.url } : {}),
    ...(o.templates ? { templatesDir: o.templates } : {}),
  };
  return loadConfig(process.cwd(), cli, o.config);
}

function printDiagnostics(list: readonly Diagnostic[]): void {
  for (const d of list) console.error(formatDiagnostic(d));
}

program
  .command('build')
  .description('build the site from the content folder into the output folder')
  .option('--keep-going', 'leave bad files out and build the rest (exit 0)')
  .option('-q, --quiet', 'print errors only')
  .action(async (opts: { keepGoing?: boolean; quiet?: boolean }) => {
    const { config, diagnostics } = await resolve();
    if (diagnostics.some((d) => d.severity === 'error')) return exitWith(diagnostics);
    const { build } = await import('./build.js');
    const start = performance.now();
    // At a terminal the replaced site goes after the command returns; in CI, where the next step
    // may read the output folder's parent at once, before.
    const result = await build(config, { keepGoing: opts.keepGoing ?? false, removeOldSiteLater: !inCi() });
    const all = [...diagnostics, ...result.diagnostics];
    printDiagnostics(opts.quiet ? all.filter((d) => d.severity === 'error') : all);
    const errors = all.filter((d) => d.severity === 'error').length;
    const warnings = all.length - errors;
    if (!result.ok) {
      console.error(`\nbuild failed: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}; ${config.outDir} was left as it was.`);
      process.exitCode = 1;
      return;
    }
    const paths = [...(result.output?.hashes.keys() ?? [])];
    const pages = paths.filter((f) => f.endsWith('.html')).length;
    // A warm build renders only the pages whose inputs changed; say so, it explains the time.
    const fresh = result.pagesRendered !== undefined && result.pagesRendered < pages ? ` (${result.pagesRendered} rendered, ${pages - result.pagesRendered} unchanged)` : '';
    if (!opts.quiet) {
      const t = result.timings;
      console.log(`built ${result.articles.length} articles, ${result.topics.length} topics, ${result.site?.timeline.length ?? 0} events: ` +
        `${pages} pages${fresh}, ${paths.length} files in ${(performance.now() - start).toFixed(0)} ms ` +
        `(load ${t.load.toFixed(0)}, normalize ${t.normalize.toFixed(0)}, extract ${t.extract.toFixed(0)}, link ${t.link.toFixed(0)}, render ${t.render.toFixed(0)}, write ${t.write.toFixed(0)})`);
      console.log(`${errors ? `${errors} file${errors === 1 ? '' : 's'} left out (--keep-going), ` : ''}${warnings} warning${warnings === 1 ? '' : 's'}; output: ${config.outDir}`);
    }
  });

program
  .command('check')
  .description('validate content and templates without writing anything')
  .option('--json', 'print the problems as JSON: [{file, line, column, severity, code, message, hint}]')
  .action(async (opts: { json?: boolean }) => {
    const { config, diagnostics } = await resolve();
    const { build } = await import('./build.js');
    const result = diagnostics.some((d) => d.severity === 'error') ? null : await build(config, { write: false });
    const all = [...diagnostics, ...(result?.diagnostics ?? [])];
    if (opts.json) {
      const path = await import('node:path');
      // The documented shape, in its order: [{file, line, column, severity, code, message, hint}].
      const rel = (f: string) => (path.relative(process.cwd(), f) || f).split(path.sep).join('/');
      console.log(JSON.stringify(all.map((d) => ({ file: d.file ? rel(d.file) : null, line: d.line, column: d.column,
        severity: d.severity, code: d.code, message: d.message, hint: d.hint })), null, 2));
    } else {
      printDiagnostics(all);
      const errors = all.filter((d) => d.severity === 'error').length;
      console.error(`${errors} error${errors === 1 ? '' : 's'}, ${all.length - errors} warning${all.length - errors === 1 ? '' : 's'}`);
    }
    process.exitCode = all.some((d) => d.severity === 'error') ? 1 : 0;
  });

program
  .command('report')
  .description('show, per article, how it was normalized: title and date sources, what was removed and why')
  .option('--json', 'print the report as JSON')
  .action(async (opts: { json?: boolean }) => {
    const { config, diagnostics } = await resolve();
    if (diagnostics.some((d) => d.severity === 'error')) return exitWith(diagnostics);
    const { build } = await import('./build.js');
    const { formatReport, reportData } = await import('./report.js');
    const result = await build(config, { write: false, render: false, keepGoing: true });
    printDiagnostics(result.diagnostics.filter((d) => d.severity === 'error'));
    console.log(opts.json ? JSON.stringify(reportData(result.articles), null, 2) : formatReport(result.articles));
  });

program
  .command('serve')
  .description('preview the built site locally')
  .addOption(new Option('-p, --port <port>', 'port').default('8080').argParser((v) => Number.parseInt(v, 10)))
  .option('--host <host>', 'host to listen on', '127.0.0.1')
  .action(async (opts: { port: number; host: string }) => {
    const { config } = await resolve();
    const { startServer } = await import('./serve.js');
    const { recoverInterruptedSwap, withOutputLock } = await import('./write/index.js');
    await withOutputLock(config.outDir, () => recoverInterruptedSwap(config.outDir));
    const server = await startServer({ root: config.outDir, basePath: config.basePath, port: opts.port, host: opts.host });
    console.log(`serving ${config.outDir} at ${server.url}`);
  });

program
  .command('dev')
  .description('build, serve on 127.0.0.1, and rebuild and reload open pages on every change')
  .addOption(new Option('-p, --port <port>', 'port (0 picks a free one)').default(8080).argParser(parsePort))
  .option('--host <host>', 'host to listen on', '127.0.0.1')
  .action(async (opts: { port: number; host: string }) => {
    const { config, diagnostics } = await resolve();
    if (diagnostics.some((d) => d.severity === 'error')) return exitWith(diagnostics);
    printDiagnostics(diagnostics);
    const path = await import('node:path');
    const { startDev } = await import('./dev/index.js');
    let session: Awaited<ReturnType<typeof startDev>>;
    try {
      session = await startDev(config, { port: opts.port, host: opts.host, reloadConfig: resolve });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
      console.error(`news-archive dev: port ${opts.port} on ${opts.host} is in use.\n  hint: stop the other server, or pick another port with --port (0 picks a free one).`);
      process.exitCode = 1;
      return;
    }
    const rel = (p: string) => path.relative(process.cwd(), p) || '.';
    console.log(`serving ${rel(config.outDir)} at ${session.url}\nwatching ${rel(config.contentDir)}, ${rel(config.templatesDir)} and the config; Ctrl-C stops`);
    // Stopping mid-build is safe: the write is staged and swapped, and the next build removes leftovers.
    const stop = () => void session.close().finally(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new InvalidArgumentError('a port is a whole number from 0 to 65535.');
  return port;
}

function exitWith(diagnostics: Diagnostic[]): void {
  printDiagnostics(diagnostics);
  process.exitCode = 1;
}

/** Whether this runs in a CI job (the `CI` variable most CI services set). */
function inCi(): boolean {
  const ci = process.env.CI;
  return !!ci && ci !== 'false' && ci !== '0';
}

program.parseAsync(process.argv).catch((err: unknown) => {
  console.error(`news-archive: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  console.error('  hint: this is a bug; please report it with the command you ran.');
  process.exitCode = 2;
});
