/** `news-archive build` and `check` through the real command line: exit codes, located messages, nothing written on failure. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { build } from '../../src/build.js';
import { loadConfig } from '../../src/load/read-config.js';
import { listFiles, readArticleIndex } from '../support/site.js';
import { GOOD, makeCliProject, runCli } from './run.js';

const BROKEN = '---\ndate: 2016-03-24\ntitle: [oops\n---\nBody text.\n';

/** Every file and folder under `dir`, recursively, so "nothing written" covers staging and cache folders too. */
function tree(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).map((f) => f.split(path.sep).join('/')).sort();
}

describe('news-archive build', () => {
  it('should exit 0 and say what it built', async () => {
    const dir = makeCliProject({ 'good.txt': GOOD });
    const r = await runCli(['build'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^built 1 articles, \d+ topics, \d+ events: \d+ pages, \d+ files in \d+ ms/m);
    assert.ok(fs.existsSync(path.join(dir, 'public/articles/kerry-meets-putin-in-moscow/index.html')));
  });

  it('should exit 1 with every located error and leave the previous site as it was', async () => {
    const dir = makeCliProject({ 'good.txt': GOOD, 'broken.txt': BROKEN, 'empty.txt': '' });
    fs.mkdirSync(path.join(dir, 'public'));
    fs.writeFileSync(path.join(dir, 'public/index.html'), 'previous site');
    const before = tree(dir);
    const r = await runCli(['build'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^content\/broken\.txt:3:13: error NA201: invalid YAML in front matter: .+\n {2}hint: .+$/m);
    assert.match(r.stderr, /^content\/empty\.txt:1: error NA104: .+\n {2}hint: .+$/m);
    assert.match(r.stderr, /build failed: 2 errors, 0 warnings; .*public was left as it was\./);
    assert.equal(r.stdout, '');
    assert.deepEqual(tree(dir), before);
    assert.equal(fs.readFileSync(path.join(dir, 'public/index.html'), 'utf8'), 'previous site');
  });

  it('should exit 0 with --keep-going, name the bad files and build the good ones', async () => {
    const dir = makeCliProject({ 'good.txt': GOOD, 'broken.txt': BROKEN, 'empty.txt': '' });
    const r = await runCli(['build', '--keep-going'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /^content\/broken\.txt:3:13: error NA201/m);
    assert.match(r.stderr, /^content\/empty\.txt:1: error NA104/m);
    assert.match(r.stdout, /^built 1 articles/m);
    assert.match(r.stdout, /2 files left out \(--keep-going\)/);
    const articles = readArticleIndex(path.join(dir, 'public')) as { source: string }[];
    assert.deepEqual(articles.map((a) => a.source), ['good.txt']);
  });

  it('should exit 1 naming the output folder when it cannot be written', async () => {
    const dir = makeCliProject({ 'good.txt': GOOD });
    // A file where a folder should be: fails for root too, unlike a read-only folder.
    fs.writeFileSync(path.join(dir, 'blocker'), 'not a folder');
    const r = await runCli(['build', '--out', 'blocker/public'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^blocker\/public: error NA601: cannot write the output folder: (EEXIST|ENOTDIR).*\n {2}hint: /m);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['blocker', 'content', 'templates']);
  });
});

describe('news-archive check', () => {
  it('should print the same problems as the build as JSON, with relative paths, and write nothing', async () => {
    const dir = makeCliProject({ 'good.txt': GOOD.replace('publisher:', 'publsher: x\npublisher:'), 'broken.txt': BROKEN, 'sub/empty.md': '' });
    const before = tree(dir);
    const r = await runCli(['check', '--json'], dir);
    assert.equal(r.code, 1);
    const report = JSON.parse(r.stdout) as Record<string, unknown>[];
    for (const d of report) assert.deepEqual(Object.keys(d), ['file', 'line', 'column', 'severity', 'code', 'message', 'hint']);
    assert.deepEqual(report.map((d) => [d.file, d.line, d.severity, d.code]), [
      ['content/broken.txt', 3, 'error', 'NA201'],
      ['content/good.txt', 3, 'warning', 'NA203'],
      ['content/sub/empty.md', 1, 'error', 'NA104'],
    ]);
    // The same problems an in-process build of the same project reports.
    const { config } = await loadConfig(dir);
    const result = await build(config, { write: false });
    assert.deepEqual(report.map((d) => `${d.code} ${d.message}`), result.diagnostics.map((d) => `${d.code} ${d.message}`));
    assert.deepEqual(tree(dir), before);
  });

  it('should exit 0 and print an empty list for a clean project', async () => {
    const dir = makeCliProject({ 'good.txt': GOOD });
    const r = await runCli(['check', '--json'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), []);
    assert.deepEqual(listFiles(dir).filter((f) => !f.startsWith('templates/')), ['content/good.txt']);
  });

  it('should print located messages and a count without --json', async () => {
    const dir = makeCliProject({ 'good.txt': GOOD, 'broken.txt': BROKEN });
    const r = await runCli(['check'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^content\/broken\.txt:3:13: error NA201: .+\n {2}hint: .+\n1 error, 0 warnings\n$/m);
  });
});

describe('news-archive report', () => {
  it('should print how each article was read, leave the bad files out, and write nothing', async () => {
    const dir = makeCliProject({ 'good.txt': GOOD, 'broken.txt': BROKEN });
    const before = tree(dir);
    const r = await runCli(['report', '--json'], dir);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as { source: string; title: string; date: string; publisher: string; paragraphs: number }[];
    assert.deepEqual(report.map((a) => [a.source, a.title, a.date, a.publisher, a.paragraphs]), [['good.txt', 'Kerry meets Putin in Moscow', '2016-03-24', 'Example Post', 2]]);
    assert.match(r.stderr, /content\/broken\.txt:3:13: error NA201/);
    assert.deepEqual(tree(dir), before);
  });
});
