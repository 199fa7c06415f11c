/** The per-article cache never serves stale output: each input a record depends on invalidates it, and nothing else does. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { linkedFields, type ArticleCache } from '../../src/article-cache.js';
import { build } from '../../src/build.js';
import { resolveConfig, type UserConfig } from '../../src/config.js';
import type { Article } from '../../src/model.js';
import { readOut, ROOT, TEMPLATES, tempDir, writeContent, readArticleRecords } from '../support/site.js';

const A = '---\ndate: 2016-03-24\npublisher: Example Post\n---\nKerry meets Putin in Moscow\n\nJohn Kerry met Vladimir Putin in Moscow on Thursday.\n\nThe talks lasted three hours.\n';
const B = '---\ndate: 2016-07-15\npublisher: Example Post\n---\nTalks resume in Geneva\n\nDiplomats gathered in Geneva on Friday to resume the talks.\n\nNo agreement was reached.\n';

/** A cache that counts what the build had to compute (misses) and what it reused (hits). */
function countingCache(store = new Map<string, Article>()) {
  const stats = { hits: 0, misses: 0 };
  const cache: ArticleCache = {
    get: (k) => {
      const a = store.get(k);
      if (a) stats.hits++;
      return a;
    },
    set: (k, a) => {
      stats.misses++;
      store.set(k, a);
    },
  };
  return { cache, stats, store };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function run(content: string, store: Map<string, Article>, user: UserConfig = {}, templatesDir = TEMPLATES) {
  const out = path.join(tempDir(), 'public');
  const config = resolveConfig(ROOT, user, { contentDir: content, outDir: out, templatesDir, cacheDir: path.join(tempDir(), '.cache') });
  const counting = countingCache(store);
  const result = await build(config, { cache: counting.cache });
  assert.ok(result.ok, result.diagnostics.map((d) => d.message).join('\n'));
  return { ...counting.stats, out };
}

describe('the article cache', () => {
  it('should reuse every article when nothing changed', async () => {
    const content = writeContent({ 'a.txt': A, 'b.txt': B });
    const store = new Map<string, Article>();
    assert.deepEqual(await run(content, store).then(({ hits, misses }) => ({ hits, misses })), { hits: 0, misses: 2 });
    assert.deepEqual(await run(content, store).then(({ hits, misses }) => ({ hits, misses })), { hits: 2, misses: 0 });
  });

  it('should recompute exactly the edited article', async () => {
    const content = writeContent({ 'a.txt': A, 'b.txt': B });
    const store = new Map<string, Article>();
    await run(content, store);
    fs.writeFileSync(path.join(content, 'b.txt'), B.replace('No agreement', 'An agreement'));
    const second = await run(content, store);
    assert.deepEqual([second.hits, second.misses], [1, 1]);
    assert.match(JSON.stringify(readArticleRecords(second.out)), /An agreement was reached/);
  });

  it('should change no field of a record in linking but those linkedFields names, which page keys take with the record\'s cache key', async () => {
    // c.txt has a.txt's headline: link gives it another slug and a warning. Its two topics have one
    // slug, which link makes two.
    const content = writeContent({ 'a.txt': A, 'b.txt': B, 'c.txt': A.replace('Example Post', 'Other Post\ntopics: [Geneva Talks, Geneva-Talks]') });
    const store = new Map<string, Article>();
    const config = resolveConfig(ROOT, {}, { contentDir: content, outDir: path.join(tempDir(), 'public'), cacheDir: path.join(tempDir(), '.cache') });
    const result = await build(config, { cache: countingCache(store).cache, render: false });
    assert.ok(result.ok);
    const made = new Map([...store.values()].map((a) => [a.source, a]));
    const changed = new Set<string>();
    for (const linked of result.articles) {
      const record = made.get(linked.source)!;
      assert.deepEqual(Object.keys(linked).sort(), Object.keys(record).sort());
      for (const field of Object.keys(record) as (keyof Article)[]) {
        if (isDeepStrictEqual(linked[field], record[field])) continue;
        changed.add(field);
        assert.match(linkedFields(linked), new RegExp(escapeRegExp(JSON.stringify(linked[field]))), `link changed ${field} of ${linked.source}, which linkedFields leaves out`);
      }
    }
    assert.deepEqual([...changed].sort(), ['diagnostics', 'slug', 'topics']);
  });

  it('should recompute everything when the topics file changes', async () => {
    const content = writeContent({ 'a.txt': A, 'b.txt': B });
    const store = new Map<string, Article>();
    await run(content, store);
    fs.writeFileSync(path.join(content, 'topics.yaml'), 'themes:\n  - name: Diplomacy\n    aliases: [talks]\n');
    const second = await run(content, store);
    assert.deepEqual([second.hits, second.misses], [0, 2]);
    assert.match(readOut(second.out, 'data/topics.json'), /"Diplomacy"/);
  });

  it('should recompute everything when config that shapes normalization changes, and nothing for other config', async () => {
    const content = writeContent({ 'a.txt': A, 'b.txt': B });
    const store = new Map<string, Article>();
    await run(content, store);
    const renamed = await run(content, store, { title: 'Another title' });
    assert.deepEqual([renamed.hits, renamed.misses], [2, 0]);
    assert.match(readOut(renamed.out, 'index.html'), /Another title/);
    const patterns = await run(content, store, { furniturePatterns: ['No agreement.*'] });
    assert.deepEqual([patterns.hits, patterns.misses], [0, 2]);
    const b = (readArticleRecords(patterns.out) as { source: string; blocks: { text: string }[]; removed: { reason: string }[] }[]).find((a) => a.source === 'b.txt')!;
    assert.ok(b.blocks.every((x) => !x.text.startsWith('No agreement')));
    assert.deepEqual(b.removed.map((r) => r.reason), ['config-pattern']);
  });

  it('should serve cached articles through a changed template, which re-renders every page', async () => {
    const content = writeContent({ 'a.txt': A, 'b.txt': B });
    const store = new Map<string, Article>();
    await run(content, store);
    const templates = path.join(tempDir(), 'templates');
    fs.cpSync(TEMPLATES, templates, { recursive: true });
    fs.writeFileSync(path.join(templates, 'article.eta'), fs.readFileSync(path.join(templates, 'article.eta'), 'utf8').replace('<h1 id="article-title"', '<h1 data-changed="yes" id="article-title"'));
    const second = await run(content, store, {}, templates);
    assert.deepEqual([second.hits, second.misses], [2, 0]);
    assert.match(readOut(second.out, 'articles/kerry-meets-putin-in-moscow/index.html'), /data-changed="yes"/);
  });

  it('should save to disk in shards, rewriting only the shards of the entries that changed', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 24; i++) files[`a${i}.md`] = A.replace('three hours', `${i + 1} hours`);
    const content = writeContent(files);
    const cacheDir = path.join(tempDir(), '.cache');
    const config = resolveConfig(ROOT, {}, { contentDir: content, outDir: path.join(tempDir(), 'public'), templatesDir: TEMPLATES, cacheDir });
    assert.ok((await build(config)).ok);
    const { cacheFolder } = await import('../../src/load/read-cache.js');
    const shards = () => new Map(fs.readdirSync(cacheFolder(cacheDir)).map((f) => [f, fs.statSync(path.join(cacheFolder(cacheDir), f)).mtimeMs]));
    const before = shards();
    assert.ok(before.size > 4, `24 entries spread over ${before.size} shards`);
    await new Promise((r) => setTimeout(r, 20));
    assert.ok((await build(config)).ok);
    assert.deepEqual(shards(), before, 'nothing changed: no shard written');
    fs.writeFileSync(path.join(content, 'a3.md'), B);
    assert.ok((await build(config)).ok);
    const after = shards();
    const rewritten = [...after].filter(([f, t]) => before.get(f) !== t).map(([f]) => f);
    assert.ok(rewritten.length >= 1 && rewritten.length <= 2, `the old entry's shard and the new one's: ${rewritten.join(', ')}`);
  });

  it('should rewrite only the shards whose entries differ from those loaded', async () => {
    const { writeArticleCache } = await import('../../src/write/write-cache.js');
    const { cacheFolder, readArticleCache } = await import('../../src/load/read-cache.js');
    const cacheDir = path.join(tempDir(), '.cache');
    const entry = (title: string) => ({ title, body: new Uint8Array([1]) } as unknown as Article);
    const all = new Map([['a1', entry('one')], ['a2', entry('two')], ['b1', entry('three')], ['c1', entry('four')]]);
    await writeArticleCache(cacheDir, all, new Set());
    const loaded = readArticleCache(cacheDir);
    assert.deepEqual([...loaded.keys()].sort(), ['a1', 'a2', 'b1', 'c1']);
    const mtimes = () => new Map(fs.readdirSync(cacheFolder(cacheDir)).map((f) => [f, fs.statSync(path.join(cacheFolder(cacheDir), f)).mtimeMs]));
    const before = mtimes();
    assert.deepEqual([...before.keys()].sort(), ['a.bin', 'b.bin', 'c.bin']);
    await new Promise((r) => setTimeout(r, 20));
    // b1 replaced by b2; a and c as loaded.
    await writeArticleCache(cacheDir, new Map([['a1', loaded.get('a1')!], ['a2', loaded.get('a2')!], ['b2', entry('five')], ['c1', loaded.get('c1')!]]), new Set(loaded.keys()));
    const after = mtimes();
    assert.equal(after.get('a.bin'), before.get('a.bin'));
    assert.equal(after.get('c.bin'), before.get('c.bin'));
    assert.notEqual(after.get('b.bin'), before.get('b.bin'));
    await writeArticleCache(cacheDir, new Map([['a1', loaded.get('a1')!], ['a2', loaded.get('a2')!]]), new Set(readArticleCache(cacheDir).keys()));
    assert.deepEqual([...mtimes().keys()], ['a.bin'], 'a shard with no entries left is removed');
  });

  it('should read a shard of its disk cache only when a key first asks for it', async () => {
    const { persistentCache } = await import('../../src/article-cache.js');
    const record = { title: 'one' } as unknown as Article;
    const reads: string[] = [];
    const disk = persistentCache((shard) => {
      reads.push(shard);
      return new Map(shard === 'a' ? [['a1', record], ['a2', record]] : shard === 'c' ? [['c9', record]] : []);
    });
    assert.equal(disk.get('a1'), record);
    assert.equal(disk.get('a2'), record);
    assert.equal(disk.get('a3'), undefined);
    assert.deepEqual(reads, ['a'], 'one shard read, once');
    assert.equal(disk.hits, 2);
    // The stale entry c9 is on disk: saving drops it, so the cache changed.
    assert.equal(disk.changed, true);
    assert.deepEqual([...disk.loadedKeys()].sort(), ['a1', 'a2', 'c9']);
    assert.equal(reads.length, 16, 'every shard, for the keys on disk');
    const same = persistentCache((shard) => new Map(shard === 'a' ? [['a1', record]] : []));
    same.get('a1');
    assert.equal(same.changed, false, 'the same entries as on disk');
  });

  it('should let go of the entries no key asked for once settled, and still know their keys', async () => {
    const { persistentCache } = await import('../../src/article-cache.js');
    const record = { title: 'one' } as unknown as Article;
    const shards = new Map<string, Map<string, Article>>([['a', new Map([['a1', record], ['a2', record]])], ['b', new Map([['b1', record]])]]);
    const disk = persistentCache((shard) => shards.get(shard) ?? new Map());
    assert.equal(disk.get('a1'), record);
    disk.settle!();
    // a2 was stale in a shard held since a1 was read, b1 in a shard read after: neither is kept.
    assert.equal(shards.get('a')!.size, 0);
    assert.deepEqual([...disk.loadedKeys()].sort(), ['a1', 'a2', 'b1']);
    assert.equal(shards.get('b')!.size, 0);
    assert.equal(disk.changed, true);
    assert.deepEqual([...disk.used.keys()], ['a1']);
  });

  it('should let go of a shard\'s stale entries once the lookups, in key order, have left it', async () => {
    const { persistentCache } = await import('../../src/article-cache.js');
    const record = { title: 'one' } as unknown as Article;
    const shards = new Map<string, Map<string, Article>>([['a', new Map([['a1', record], ['a2', record]])], ['b', new Map([['b1', record]])]]);
    const disk = persistentCache((shard) => shards.get(shard) ?? new Map());
    disk.get('a1');
    assert.equal(shards.get('a')!.size, 1, 'a2 is still there while shard a is looked up');
    assert.equal(disk.get('b1'), record);
    assert.equal(shards.get('a')!.size, 0);
    assert.deepEqual([...disk.loadedKeys()].sort(), ['a1', 'a2', 'b1']);
  });

  it('should keep its disk cache under the pipeline version, so a new version starts cold', async () => {
    const { cacheShardFile } = await import('../../src/load/read-cache.js');
    const { PIPELINE_VERSION } = await import('../../src/article-cache.js');
    assert.match(cacheShardFile('/x', 'a'), new RegExp(`articles-v${PIPELINE_VERSION}/a\\.bin$`));
  });
});
