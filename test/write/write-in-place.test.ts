/**
 * Warm builds update the live site in place through a journal (issue 7): only changed files are
 * written, and a build that dies after its commit point is finished by the next one.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { withOutputLock } from '../../src/write/output-lock.js';
import { hashFiles, isIntact, stageUpdate } from '../../src/write/write-in-place.js';
import { recoverInterruptedSwap } from '../../src/write/write-site.js';
import { listFiles, tempDir } from '../support/site.js';

/** An output folder holding `files`, and the hashes a build would have on record for it. */
function liveSite(files: Record<string, string>) {
  const root = tempDir();
  const out = path.join(root, 'public');
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(out, rel)), { recursive: true });
    fs.writeFileSync(path.join(out, rel), text);
  }
  return { root, out, current: hashFiles(new Map(Object.entries(files))) };
}

/** A warm build's write: every rendered file put as it comes, then committed (or discarded on error). */
async function updateInPlace(out: string, files: Map<string, string>, current: ReadonlyMap<string, string>, reused: ReadonlySet<string> = new Set()) {
  const update = await stageUpdate(out, current);
  try {
    for (const [rel, text] of files) update.put(rel, text);
    return await update.commit(reused);
  } finally {
    await update.discard();
  }
}

const read = (out: string, rel: string) => fs.readFileSync(path.join(out, rel), 'utf8');
const siteOf = (dir: string) => {
  const s = fs.statSync(dir, { bigint: true });
  return `${s.dev}:${s.ino}:${s.birthtimeNs}`;
};

describe('stageUpdate', () => {
  it('should write changed files, remove vanished ones and leave the others alone', async () => {
    const { root, out, current } = liveSite({ 'index.html': 'home', 'a/index.html': 'a', 'gone/index.html': 'old', 'feed.xml': 'feed' });
    const untouched = fs.statSync(path.join(out, 'a/index.html')).ino;
    const r = await updateInPlace(out, new Map([['index.html', 'home, new'], ['a/index.html', 'a'], ['feed.xml', 'feed'], ['b/c/index.html', 'new page']]), current);
    assert.deepEqual(r.written, ['index.html', 'b/c/index.html']);
    assert.equal(r.removed, 1);
    assert.deepEqual(listFiles(out), ['a/index.html', 'b/c/index.html', 'feed.xml', 'index.html']);
    assert.equal(read(out, 'index.html'), 'home, new');
    assert.equal(read(out, 'b/c/index.html'), 'new page');
    assert.equal(fs.statSync(path.join(out, 'a/index.html')).ino, untouched, 'an unchanged file is not written');
    assert.ok(!fs.existsSync(path.join(out, 'gone')), 'the folder of a removed page goes too');
    assert.deepEqual(fs.readdirSync(root), ['public'], 'no staging or commit folder is left');
    assert.deepEqual([...r.hashes.keys()].sort(), ['a/index.html', 'b/c/index.html', 'feed.xml', 'index.html']);
  });

  it('should move every file of a large update into place, new folders made, existing ones kept', async () => {
    // Staged past the first 500 files by the writer thread (file-writer.ts); moved synchronously,
    // with a turn of the event loop every few hundred files.
    const { root, out, current } = liveSite(Object.fromEntries(Array.from({ length: 700 }, (_, i) => [`articles/a${i}/index.html`, `old ${i}`])));
    const kept = fs.statSync(path.join(out, 'articles/a1')).ino;
    const files = new Map(Array.from({ length: 1300 }, (_, i) => [`articles/a${i}/index.html`, `new ${i}`]));
    const r = await updateInPlace(out, files, current);
    assert.equal(r.written.length, 1300);
    for (const [rel, text] of files) assert.equal(read(out, rel), text, rel);
    assert.equal(fs.statSync(path.join(out, 'articles/a1')).ino, kept, 'a folder that exists is kept');
    assert.deepEqual(fs.readdirSync(root), ['public']);
  });

  it('should remove every folder a removal leaves empty, and no folder that still holds something', async () => {
    // A search index part that is no more (pagefind/part-40/ and its index/, fragment/ folders): a
    // cold build of the same content has no such folders.
    const { out, current } = liveSite({ 'index.html': 'home', 'pagefind/part-40/pagefind-entry.json': '{}', 'pagefind/part-40/index/en_1.pf_index': 'i', 'pagefind/part-40/fragment/en_2.pf_fragment': 'f', 'pagefind/part-00/index/en_3.pf_index': 'j' });
    fs.mkdirSync(path.join(out, 'pagefind', 'kept-empty'));
    await updateInPlace(out, new Map([['index.html', 'home'], ['pagefind/part-00/index/en_3.pf_index', 'j']]), current);
    assert.deepEqual(fs.readdirSync(path.join(out, 'pagefind')).sort(), ['kept-empty', 'part-00'], 'a folder the build never wrote to is not its to remove');
    assert.deepEqual(listFiles(out), ['index.html', 'pagefind/part-00/index/en_3.pf_index']);
  });

  it('should write a file on record again when its live copy was deleted or edited by hand', async () => {
    const { out, current } = liveSite({ 'index.html': 'home', 'a/index.html': 'a' });
    fs.rmSync(path.join(out, 'a/index.html'));
    fs.writeFileSync(path.join(out, 'index.html'), 'edited by hand');
    const r = await updateInPlace(out, new Map([['index.html', 'home'], ['a/index.html', 'a']]), current);
    assert.equal(r.written.length, 2);
    assert.deepEqual([read(out, 'index.html'), read(out, 'a/index.html')], ['home', 'a']);
  });

  it('should keep the pages the render stage reused as they are, under their recorded hashes', async () => {
    // The render stage checked their live files (pages.ts PageMemo): nothing is held to write them.
    const { out, current } = liveSite({ 'index.html': 'home', 'b/index.html': 'b' });
    const untouched = fs.statSync(path.join(out, 'b/index.html')).ino;
    const r = await updateInPlace(out, new Map([['index.html', 'home, new']]), current, new Set(['b/index.html']));
    assert.deepEqual(r.written, ['index.html']);
    assert.equal(r.removed, 0);
    assert.equal(r.hashes.get('b/index.html'), current.get('b/index.html'));
    assert.equal(fs.statSync(path.join(out, 'b/index.html')).ino, untouched);
    await assert.rejects(updateInPlace(out, new Map(), r.hashes, new Set(['c/index.html'])), /not on record/);
    assert.equal(read(out, 'index.html'), 'home, new', 'a refused update touches nothing');
  });

  it('should refuse a path outside the output folder before touching the site', async () => {
    const { root, out, current } = liveSite({ 'index.html': 'home' });
    await assert.rejects(updateInPlace(out, new Map([['index.html', 'new'], ['../evil.html', 'x']]), current), /outside the output folder/);
    assert.equal(read(out, 'index.html'), 'home');
    assert.deepEqual(fs.readdirSync(root), ['public']);
  });

  it('should let the next build finish a commit that a killed build left half applied', async () => {
    // What a build killed in step 3 leaves: one staged file already moved into place, one not,
    // and a vanished page not yet removed.
    const { root, out } = liveSite({ 'index.html': 'home, new', 'old/index.html': 'old', 'x/index.html': 'x, old' });
    const commit = path.join(root, '.news-archive-commit-public-4194303-abc');
    fs.mkdirSync(path.join(commit, 'files'), { recursive: true });
    fs.writeFileSync(path.join(commit, 'files', '1'), 'x, new');
    fs.writeFileSync(path.join(commit, 'files', '2'), 'y, new');
    fs.writeFileSync(path.join(commit, 'journal.json'), JSON.stringify({ site: siteOf(out), write: ['index.html', 'x/index.html', 'y/index.html'], remove: ['old/index.html'] }));
    await recoverInterruptedSwap(out);
    assert.deepEqual(listFiles(out), ['index.html', 'x/index.html', 'y/index.html']);
    assert.deepEqual([read(out, 'index.html'), read(out, 'x/index.html'), read(out, 'y/index.html')], ['home, new', 'x, new', 'y, new']);
    assert.deepEqual(fs.readdirSync(root), ['public']);
  });

  it('should drop, not apply, a commit whose site is gone, was replaced, or is another folder', async () => {
    // A warm build killed after its commit point, then public/ deleted or replaced whole by a cold
    // build: the old commit must never be applied to the new site.
    const { root, out } = liveSite({ 'index.html': 'home' });
    const commit = (site: string) => {
      const dir = path.join(root, '.news-archive-commit-public-4194303-abc');
      fs.mkdirSync(path.join(dir, 'files'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'files', '0'), 'old');
      fs.writeFileSync(path.join(dir, 'journal.json'), JSON.stringify({ site, write: ['index.html'], remove: [] }));
    };
    commit('0:0');
    await recoverInterruptedSwap(out);
    assert.equal(read(out, 'index.html'), 'home', 'a journal for another folder is not applied');
    assert.deepEqual(fs.readdirSync(root), ['public']);
    commit(siteOf(out));
    fs.rmSync(out, { recursive: true });
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'index.html'), 'a newer site');
    await recoverInterruptedSwap(out);
    assert.equal(read(out, 'index.html'), 'a newer site', 'a commit made against the replaced site is not applied');
    assert.deepEqual(fs.readdirSync(root), ['public']);
    commit(siteOf(out));
    fs.rmSync(out, { recursive: true });
    await recoverInterruptedSwap(out);
    assert.deepEqual(fs.readdirSync(root), [], 'with the site gone, the commit is dropped');
  });

  it('should leave alone the leftovers of another output folder whose name starts the same', async () => {
    const { root, out } = liveSite({ 'index.html': 'home' });
    const other = ['.news-archive-commit-public-preview-4194303-abc', '.news-archive-staging-public-preview-4194303-abc', '.news-archive-retired-public-preview-4194303'];
    for (const name of other) {
      fs.mkdirSync(path.join(root, name, 'files'), { recursive: true });
      fs.writeFileSync(path.join(root, name, 'journal.json'), JSON.stringify({ site: '0:0', write: [], remove: [] }));
    }
    await recoverInterruptedSwap(out);
    assert.deepEqual(fs.readdirSync(root).sort(), [...other, 'public'].sort());
    assert.equal(read(out, 'index.html'), 'home');
  });
});

describe('withOutputLock', () => {
  it('should let one writer at a time at an output folder, and take over a lock its dead holder left', async () => {
    const { root, out } = liveSite({ 'index.html': 'home' });
    fs.writeFileSync(path.join(root, '.news-archive-lock-public'), '4194303');
    const log: string[] = [];
    const writer = (name: string) => withOutputLock(out, async () => {
      log.push(`${name} in`);
      await new Promise((r) => setTimeout(r, 20));
      log.push(`${name} out`);
    });
    await Promise.all([writer('a'), writer('b'), writer('c')]);
    assert.deepEqual(log, ['a in', 'a out', 'b in', 'b out', 'c in', 'c out']);
    assert.deepEqual(fs.readdirSync(root), ['public'], 'the lock file goes with the last writer');
  });
});

describe('the output lock across processes', () => {
  it('should wait while another live process holds it, and release it when the work throws', async () => {
    const { root, out } = liveSite({ 'index.html': 'home' });
    const lock = path.join(root, '.news-archive-lock-public');
    // The test runner's parent is alive: a lock it holds must be waited for, not taken.
    fs.writeFileSync(lock, `${process.ppid} token`);
    let entered = 0;
    const waiting = withOutputLock(out, async () => {
      entered = Date.now();
    });
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(entered, 0, 'the lock of a live process is not taken');
    fs.rmSync(lock);
    await waiting;
    assert.ok(entered > 0);
    await assert.rejects(withOutputLock(out, async () => {
      throw new Error('boom');
    }), /boom/);
    assert.deepEqual(fs.readdirSync(root), ['public'], 'released after the throw');
  });
});

describe('removeStaleCaches', () => {
  it('should remove the cache files of other pipeline versions and nothing else', async () => {
    const { removeStaleCaches } = await import('../../src/write/write-cache.js');
    const { cacheFolder, outputManifestFile, searchCacheFile } = await import('../../src/load/read-cache.js');
    const dir = tempDir();
    const keep = [cacheFolder(dir), searchCacheFile(dir), outputManifestFile(dir)].map((f) => path.basename(f));
    const old = ['articles-v1.bin', 'articles-v1', 'search-v1.bin', 'output-v1.bin'];
    const theirs = ['search-vendor', 'output-video', 'articles-vault', 'notes.txt'];
    for (const name of [...keep, ...old, ...theirs]) fs.mkdirSync(path.join(dir, name));
    await removeStaleCaches(dir);
    assert.deepEqual(fs.readdirSync(dir).sort(), [...keep, ...theirs].sort());
  });
});

describe('isIntact', () => {
  it('should say whether a live file has the size on record, and no for one that cannot be looked up', () => {
    const { out } = liveSite({ 'a/index.html': 'four', 'b.html': 'x' });
    assert.equal(isIntact(out, 'a/index.html', 4), true);
    assert.equal(isIntact(out, 'a/index.html', 5), false);
    assert.equal(isIntact(out, 'gone/index.html', 4), false);
    // A page's folder replaced by a file: ENOTDIR, which statSync throws even told not to for a missing entry.
    assert.equal(isIntact(out, 'b.html/index.html', 1), false);
  });
});
