import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { LIVE_SIZES_FROM, lookUpLiveSizes, sizesByPath } from '../../src/load/live-sizes.js';
import { outputManifestFile, outputManifestStamp } from '../../src/load/read-cache.js';
import { writeOutputManifest } from '../../src/write/write-cache.js';
import { tempDir } from '../support/site.js';

/** An output folder of `count` pages, page i holding i bytes, in folders of a hundred. */
function site(count: number): { out: string; paths: string[] } {
  const out = path.join(tempDir(), 'public');
  const paths = Array.from({ length: count }, (_, i) => `p${Math.floor(i / 100)}/${i}.html`);
  for (const [i, p] of paths.entries()) {
    fs.mkdirSync(path.dirname(path.join(out, p)), { recursive: true });
    fs.writeFileSync(path.join(out, p), 'x'.repeat(i));
  }
  return { out, paths };
}

describe('lookUpLiveSizes', () => {
  it('should give each listed file its size, and -1 for one that is gone', async () => {
    const { out, paths } = site(LIVE_SIZES_FROM);
    fs.rmSync(path.join(out, paths[7]!));
    // A folder replaced by a file: its pages cannot be looked up (ENOTDIR).
    fs.rmSync(path.join(out, 'p19'), { recursive: true });
    fs.writeFileSync(path.join(out, 'p19'), 'a file');
    const found = await lookUpLiveSizes(out, { paths }).answer();
    assert.ok(found);
    assert.equal(found.stamp, null);
    const sizes = sizesByPath(paths, found);
    assert.ok(sizes);
    assert.equal(sizes.size, paths.length);
    assert.equal(sizes.get(paths[7]!), -1);
    assert.equal(sizes.get(paths[1999]!), -1);
    assert.equal(sizes.get(paths[1899]!), 1899);
    assert.ok(paths.every((p, i) => (i === 7 || i >= 1900 ? sizes.get(p) === -1 : sizes.get(p) === i)));
  });

  it('should read the files from the output record when given it, in its order, and say which record it read', async () => {
    const { out, paths } = site(LIVE_SIZES_FROM);
    const cacheDir = path.join(tempDir(), '.cache');
    fs.mkdirSync(cacheDir);
    fs.writeFileSync(path.join(out, paths[3]!), 'edited by hand');
    const order = [...paths].reverse();
    await writeOutputManifest(cacheDir, out, { hashes: new Map(order.map((p) => [p, 'hash'])), pages: new Map() });
    const found = await lookUpLiveSizes(out, { recordFile: outputManifestFile(cacheDir) }).answer();
    assert.ok(found);
    assert.equal(found.stamp, await outputManifestStamp(cacheDir));
    const sizes = sizesByPath(order, found);
    assert.ok(sizes);
    assert.equal(sizes.get(paths[3]!), 'edited by hand'.length);
    assert.equal(sizes.get(paths[42]!), 42);
    assert.equal(sizes.get(paths[0]!), 0);
  });

  it('should keep the process alive while its answer is waited for, and not before', async () => {
    const { out, paths } = site(LIVE_SIZES_FROM);
    // A worker that keeps the process alive shows as a port among the active resources.
    const ports = () => process.getActiveResourcesInfo().filter((r) => r === 'MessagePort').length;
    const idle = ports();
    const lookup = lookUpLiveSizes(out, { paths });
    assert.equal(ports(), idle, 'not asked for: a build that fails meanwhile may end');
    const answer = lookup.answer();
    assert.equal(ports(), idle + 1, 'waited for: with nothing else to do, the process must not end');
    assert.ok(await answer);
  });

  it('should answer nothing once cancelled', async () => {
    const { out, paths } = site(LIVE_SIZES_FROM);
    const lookup = lookUpLiveSizes(out, { paths });
    lookup.cancel();
    assert.equal(await lookup.answer(), null);
  });

  it('should pair sizes only with as many paths as were looked up', () => {
    const found = { stamp: null, sizes: Float64Array.from([1, 2]) };
    assert.deepEqual(sizesByPath(['a', 'b'], found), new Map([['a', 1], ['b', 2]]));
    assert.equal(sizesByPath(['a'], found), null);
    assert.equal(sizesByPath(['a', 'b', 'c'], found), null);
  });

  it('should leave a small site, a missing record and an unreadable one to the caller (null)', async () => {
    const { out, paths } = site(10);
    assert.equal(await lookUpLiveSizes(out, { paths }).answer(), null);
    const cacheDir = tempDir();
    assert.equal(await lookUpLiveSizes(out, { recordFile: path.join(cacheDir, 'none.bin') }).answer(), null);
    fs.writeFileSync(path.join(cacheDir, 'bad.bin'), 'not a record');
    assert.equal(await lookUpLiveSizes(out, { recordFile: path.join(cacheDir, 'bad.bin') }).answer(), null);
    await writeOutputManifest(cacheDir, out, { hashes: new Map(paths.map((p) => [p, 'hash'])), pages: new Map() });
    assert.equal(await lookUpLiveSizes(out, { recordFile: outputManifestFile(cacheDir) }).answer(), null);
  });
});
