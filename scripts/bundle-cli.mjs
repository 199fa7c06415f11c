// npm install (prepare), after tsc: bundles the CLI and its worker into dist/bundle/, so a build
// starts by loading a few files instead of some 370 modules (0.2-0.3 s of the seed archive's cold
// build, issue 7). bin/news-archive.js runs the bundle unless it is older than the compiled code.
//
// Left out of the bundle: pagefind (it finds its binary from its own folder) and piscina (it
// starts its workers from its own files); compromise is required at run time (lexicon.ts).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Bundles `cli` and `article-worker` from `from` (dist, or src for the test) into `outdir`. The
 * worker sits beside the CLI there, where process-articles.ts looks for it.
 */
export async function bundleCli({ from = path.join(root, 'dist'), outdir = path.join(root, 'dist/bundle'), ext = 'js' } = {}) {
  // Chunks are named by hash: without this, every install would leave the last one's beside them.
  fs.rmSync(outdir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: { cli: path.join(from, `cli.${ext}`), 'article-worker': path.join(from, `article-worker.${ext}`) },
    outdir,
    bundle: true,
    // The CLI's lazy imports stay lazy: `--help` loads the command line's chunk only. Chunks sit
    // beside the entries, so paths taken from import.meta.url (the worker, the lexicon) hold.
    splitting: true,
    chunkNames: '[name]-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['pagefind', 'piscina'],
    sourcemap: true,
    // The CommonJS packages bundled (commander, gray-matter) require Node's own modules.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundleCli();
