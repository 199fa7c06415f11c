import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { SourceError } from '../../src/diagnostics.js';
import { closeSpool, openSpool } from '../../src/write/spool.js';
import { contentHash } from '../../src/write/write-in-place.js';
import { ABANDONED_MS, abandoned } from '../../src/write/remove-later.js';
import { recoverInterruptedSwap, writeSite } from '../../src/write/write-site.js';
import { listFiles, tempDir } from '../support/site.js';

describe('writeSite', () => {
  it('should replace the whole output folder and leave no staging folder behind', async () => {
    const root = tempDir();
    const out = path.join(root, 'public');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'stale.html'), 'old');
    await writeSite(out, new Map([['index.html', 'new'], ['a/b/index.html', 'deep']]));
    assert.deepEqual(listFiles(out), ['a/b/index.html', 'index.html']);
    assert.deepEqual(fs.readdirSync(root), ['public']);
  });

  it('should swap in a spool filled before the write, with the files given at the end, and return every hash', async () => {
    const root = tempDir();
    const out = path.join(root, 'public');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'stale.html'), 'old');
    const spool = await openSpool(out);
    spool.put('articles/a/index.html', 'page a');
    spool.put('feed.xml', new TextEncoder().encode('<feed/>'));
    // Another build of this process starting meanwhile must not take the open spool for a dead one's.
    await recoverInterruptedSwap(out);
    assert.ok(fs.existsSync(spool.dir));
    assert.equal(fs.readFileSync(path.join(out, 'stale.html'), 'utf8'), 'old', 'the live site is untouched until the swap');
    const hashes = await writeSite(out, new Map([['index.html', 'home']]), spool);
    assert.deepEqual(listFiles(out), ['articles/a/index.html', 'feed.xml', 'index.html']);
    assert.deepEqual(hashes, new Map([['articles/a/index.html', contentHash('page a')], ['feed.xml', contentHash('<feed/>')], ['index.html', contentHash('home')]]));
    assert.deepEqual(fs.readdirSync(root), ['public']);
  });

  it('should remove a spool that was never swapped in, and let recovery remove one left by a dead build', async () => {
    const root = tempDir();
    const out = path.join(root, 'public');
    const spool = await openSpool(out);
    spool.put('index.html', 'x');
    await closeSpool(spool);
    assert.deepEqual(fs.readdirSync(root), []);
    assert.throws(() => spool.put('../evil.html', 'x'), /refusing to write outside/);
    const again = await openSpool(out);
    await closeSpool(again);
    fs.mkdirSync(again.dir); // as if its build had died: no longer open in this process
    await recoverInterruptedSwap(out);
    assert.deepEqual(fs.readdirSync(root), []);
  });

  it('should refuse paths that leave the output folder and keep the old site', async () => {
    const root = tempDir();
    const out = path.join(root, 'public');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'index.html'), 'old');
    await assert.rejects(writeSite(out, new Map([['../evil.html', 'x']])), SourceError);
    assert.equal(fs.readFileSync(path.join(out, 'index.html'), 'utf8'), 'old');
    assert.deepEqual(fs.readdirSync(root), ['public']);
  });

  it('should fail with a located error when the output folder cannot be written', async () => {
    const root = tempDir();
    const blocker = path.join(root, 'file');
    fs.writeFileSync(blocker, 'not a folder');
    await assert.rejects(writeSite(path.join(blocker, 'public'), new Map([['index.html', 'x']])), (err: unknown) => {
      assert.ok(err instanceof SourceError);
      assert.equal(err.diagnostic.code, 'NA601');
      assert.match(err.diagnostic.hint, /writable/);
      return true;
    });
  });

  it('should return with the new site in place and leave the old one to a process of its own, when asked', async () => {
    // The command line's builds (build.ts removeOldSiteLater): removing tens of thousands of
    // files took 5-6 s at 10k articles, waiting on the disk (write/remove-later.ts).
    const root = tempDir();
    const out = path.join(root, 'public');
    for (let i = 0; i < 300; i++) {
      fs.mkdirSync(path.join(out, `old-${i}`), { recursive: true });
      fs.writeFileSync(path.join(out, `old-${i}`, 'index.html'), 'old');
    }
    await writeSite(out, new Map([['index.html', 'new']]), undefined, { removeOldLater: true });
    assert.deepEqual(listFiles(out), ['index.html']);
    // Its remover, a Node process just started, cannot be done yet.
    const others = fs.readdirSync(root).filter((e) => e !== 'public');
    assert.equal(others.length, 1);
    assert.match(others[0]!, /^\.news-archive-deleting-public-\d+$/);
    const until = Date.now() + 20_000;
    while (fs.readdirSync(root).length > 1 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(fs.readdirSync(root), ['public'], 'the old site is gone, removed by its own process');
  });

  it('should leave a replaced site alone while its remover runs, and remove one whose remover is gone', async () => {
    const root = tempDir();
    const out = path.join(root, 'public');
    fs.mkdirSync(out);
    const remover = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      const running = path.join(root, `.news-archive-deleting-public-${remover.pid}`);
      const dead = path.join(root, '.news-archive-deleting-public-4194303');
      for (const dir of [running, dead]) {
        fs.mkdirSync(path.join(dir, 'a'), { recursive: true });
        fs.writeFileSync(path.join(dir, 'a', 'index.html'), 'old');
      }
      await recoverInterruptedSwap(out);
      assert.deepEqual(fs.readdirSync(root).sort(), [path.basename(running), 'public']);
      // A pid that lives on may be another process's by now: a folder left unchanged for long is
      // taken for abandoned all the same.
      assert.equal(abandoned(running, true), false);
      assert.equal(abandoned(running, true, Date.now() + ABANDONED_MS + 60_000), true);
      assert.equal(abandoned(running, false), true);
    } finally {
      remover.kill();
    }
  });

  it('should restore the previous site when a build died between the two renames', async () => {
    const root = tempDir();
    const out = path.join(root, 'public');
    const retired = path.join(root, '.news-archive-retired-public-999999');
    fs.mkdirSync(retired);
    fs.writeFileSync(path.join(retired, 'index.html'), 'previous');
    fs.mkdirSync(path.join(root, '.news-archive-staging-public-999999-abc'));
    await recoverInterruptedSwap(out);
    assert.equal(fs.readFileSync(path.join(out, 'index.html'), 'utf8'), 'previous');
    assert.deepEqual(fs.readdirSync(root), ['public']);
  });
});
