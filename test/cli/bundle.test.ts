/**
 * The bundled CLI (scripts/bundle-cli.mjs, what `npm run build` runs) builds the same site as the
 * modules it is made of: its worker, Pagefind and compromise are found from the bundle's folder.
 * Bundled here from the sources, so the test checks this checkout, not an older `dist/`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from '../../src/build.js';
import { resolveConfig } from '../../src/config.js';
import { PARALLEL_THRESHOLD } from '../../src/process-articles.js';
import { listFiles, ROOT, tempDir } from '../support/site.js';
import { makeCliProject } from './run.js';

describe('the bundled CLI', () => {
  let outdir: string;
  let bundle: string;
  after(() => fs.rmSync(outdir, { recursive: true, force: true }));

  before(async () => {
    const { bundleCli } = (await import(path.join(ROOT, 'scripts/bundle-cli.mjs'))) as { bundleCli: (o: object) => Promise<void> };
    // Inside the project, where the packages left out of the bundle are found.
    fs.mkdirSync(path.join(ROOT, 'node_modules/.cache'), { recursive: true });
    outdir = fs.mkdtempSync(path.join(ROOT, 'node_modules/.cache/news-archive-bundle-'));
    await bundleCli({ from: path.join(ROOT, 'src'), outdir, ext: 'ts' });
    bundle = path.join(outdir, 'cli.js');
  });

  it('should answer --help without the rest of the program', () => {
    const r = spawnSync(process.execPath, [bundle, '--help'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Usage: news-archive/);
  });

  it('should build, on its worker pool, the same pages and data as the modules', async () => {
    const files: Record<string, string> = {};
    // Enough articles for the worker pool, which the bundle starts from its own folder.
    for (let i = 0; i < PARALLEL_THRESHOLD + 6; i++) {
      const place = ['Moscow', 'Geneva', 'Palmyra'][i % 3];
      files[`r${i}.txt`] = `Report ${i} from ${place}\n\nMarch ${(i % 28) + 1}, 2016\n\nJohn Kerry met Sergei Lavrov in ${place} on Thursday, officials said. The talks on Syria will resume next week.\n`;
    }
    const dir = makeCliProject(files);
    fs.writeFileSync(path.join(dir, 'news-archive.config.json'), JSON.stringify({ url: 'https://archive.example.org' }));
    const r = spawnSync(process.execPath, [bundle, 'build', '--quiet'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);

    const config = resolveConfig(dir, { url: 'https://archive.example.org' }, { outDir: path.join(tempDir(), 'public'), cacheDir: path.join(tempDir(), '.cache') });
    assert.ok((await build(config)).ok);
    const bundled = path.join(dir, 'public');
    const all = listFiles(bundled);
    assert.ok(all.includes('pagefind/pagefind-entry.json'), 'Pagefind ran');
    assert.deepEqual(all, listFiles(config.outDir));
    // The search index's bytes are compared in determinism.test.ts; here, what the pipeline made.
    for (const f of all.filter((f) => !f.startsWith('pagefind/'))) {
      assert.ok(fs.readFileSync(path.join(bundled, f)).equals(fs.readFileSync(path.join(config.outDir, f))), f);
    }
  });
});
