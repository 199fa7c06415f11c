/**
 * Determinism (issue 6, item 7): two builds of the same input give byte-identical output, so a
 * deploy uploads only what changed. The second build differs in everything that must not matter:
 * another process, a clock 400 days ahead, another time zone and locale, the content in another
 * folder, and a warm cache (seeds) or the worker pool (a bigger archive). The first build keeps
 * its article bodies in the body file (body-store.ts), as a big archive's build does, the second
 * in memory.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { build } from '../../src/build.js';
import { resolveConfig } from '../../src/config.js';
import { runCli } from '../cli/run.js';
import { listFiles, ROOT, SEED_CONTENT, TEMPLATES, tempDir } from '../support/site.js';

/**
 * Pagefind up to 1.5 wrote its filter and metadata indexes in hash-map order (Pagefind/pagefind#638),
 * and the build put them in order itself; 1.6 writes them in order. Checked apart, so a failure
 * says which half broke (and an upgrade of Pagefind that brings the old order back shows here).
 */
const PAGEFIND_UNSTABLE = /^pagefind\/(.*\/)?(filter\/.*\.pf_filter|pagefind\..*\.pf_meta|pagefind-entry\.json)$/;

function hashes(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((f) => [f, crypto.createHash('sha1').update(fs.readFileSync(path.join(dir, f))).digest('hex')]));
}

/** Files only in one tree, or with other bytes. */
function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((f) => a.get(f) !== b.get(f)).sort();
}

/** A preload that moves the clock 400 days ahead, to catch any build timestamp. */
function clockShift(): string {
  const file = path.join(tempDir(), 'clock-shift.mjs');
  fs.writeFileSync(file, `const offset = 400 * 86400000;
const RealDate = Date;
class ShiftedDate extends RealDate {
  constructor(...args) { if (args.length === 0) super(RealDate.now() + offset); else super(...args); }
  static now() { return RealDate.now() + offset; }
}
globalThis.Date = ShiftedDate;
`);
  return file;
}

/** Builds `content` in process (cold cache, bodies spilled, written by the writer thread), then again in a child process with everything that must not matter changed. */
async function buildTwice(content: string, shareCache: boolean, searchPartSize = 1000): Promise<string[]> {
  const first = tempDir('na-det-a-');
  const config = resolveConfig(first, { url: 'https://archive.example.org', searchPartSize }, { contentDir: content, templatesDir: TEMPLATES });
  const a = await build(config, { spillBodies: true, writerThread: true });
  assert.equal(a.ok, true, a.diagnostics.map((d) => d.message).join('\n'));

  const second = tempDir('na-det-b-');
  fs.cpSync(content, path.join(second, 'content'), { recursive: true });
  fs.cpSync(TEMPLATES, path.join(second, 'templates'), { recursive: true });
  fs.writeFileSync(path.join(second, 'news-archive.config.json'), JSON.stringify({
    url: 'https://archive.example.org', cacheDir: shareCache ? config.cacheDir : '.cache', searchPartSize,
  }));
  // The repository as working folder: tsx and the worker pool resolve from there; paths come from the config.
  const r = await runCli(['--config', path.join(second, 'news-archive.config.json'), 'build', '--quiet'], ROOT, {
    TZ: 'Pacific/Kiritimati', LC_ALL: 'de_DE.UTF-8', LANG: 'de_DE.UTF-8', NODE_OPTIONS: `--import ${clockShift()}`,
  });
  assert.equal(r.code, 0, r.stderr);
  return differences(hashes(config.outDir), hashes(path.join(second, 'public')));
}

describe('two builds of the same input', () => {
  let seeds: string[];
  let archive: string[];

  before(async () => {
    seeds = await buildTwice(SEED_CONTENT, true);
    const content = path.join(tempDir(), 'content');
    fs.mkdirSync(content);
    // More articles than the worker pool's threshold, so the second build spreads them over workers.
    for (let i = 0; i < 80; i++) {
      const date = new Date(Date.UTC(2016, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
      fs.writeFileSync(path.join(content, `r${i}.md`), `---\ndate: ${date}\npublisher: Wire ${i % 3}\n---\n# Report ${i} from ${['Moscow', 'Geneva', 'Palmyra'][i % 3]}\n\n` +
        `John Kerry met Sergei Lavrov in ${['Moscow', 'Geneva', 'Palmyra'][i % 3]} on day ${i} of the talks on Syria, officials said.\n\nThe talks will go on.\n`);
    }
    // A search index in four parts, built on two Pagefind processes: which finishes first must not matter.
    archive = await buildTwice(content, false, 20);
  });

  it('should give the same bytes for every page, feed, sitemap, asset and export of the seed archive', () => {
    assert.deepEqual(seeds.filter((f) => !PAGEFIND_UNSTABLE.test(f)), []);
  });

  it('should give the same bytes when one build used the worker pool and a cold cache', () => {
    assert.deepEqual(archive.filter((f) => !PAGEFIND_UNSTABLE.test(f)), []);
  });

  it('should give the same bytes for the search index too, its filter and metadata files included', () => {
    assert.deepEqual([...seeds, ...archive], []);
  });
});
