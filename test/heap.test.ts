import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectGarbageIfOver, collectGarbageNow, heapCeiling, userSetGrowing } from '../src/heap.js';

test('the heap growing factor is left to the user who set one on the node command line', () => {
  assert.equal(userSetGrowing([]), false);
  assert.equal(userSetGrowing(['--max-old-space-size=4096', '--enable-source-maps']), false);
  assert.equal(userSetGrowing(['--heap-growing-percent=100']), true);
  assert.equal(userSetGrowing(['--max-old-space-size=4096', '--heap_growing_percent=30']), true);
});

test('a collection can be asked for without --expose-gc, and frees what nothing holds', () => {
  assert.equal(typeof (globalThis as { gc?: unknown }).gc, 'undefined', 'the test runs without --expose-gc');
  // About 40 MB of small objects, held until just before the collection, so none of it can have
  // been collected already.
  let junk: { n: number; s: string }[] | null = Array.from({ length: 400_000 }, (_, n) => ({ n, s: `entry ${n} of the heap test` }));
  const before = process.memoryUsage().heapUsed;
  assert.ok(junk.length);
  junk = null;
  collectGarbageNow();
  const freed = before - process.memoryUsage().heapUsed;
  assert.ok(freed > 20 * 2 ** 20, `freed ${(freed / 2 ** 20).toFixed(1)} MiB`);
});

test('a collection asked for over a heap size runs only over it', () => {
  assert.equal(collectGarbageIfOver(Number.MAX_SAFE_INTEGER), false);
  let junk: { n: number; s: string }[] | null = Array.from({ length: 400_000 }, (_, n) => ({ n, s: `entry ${n} of the heap test` }));
  const before = process.memoryUsage().heapUsed;
  assert.ok(junk.length);
  junk = null;
  assert.equal(collectGarbageIfOver(0), true);
  assert.ok(before - process.memoryUsage().heapUsed > 20 * 2 ** 20);
});

test('a heap ceiling collects over it, and rises above what survives rather than collecting in a loop', () => {
  assert.equal(heapCeiling(Number.MAX_SAFE_INTEGER)(), false);
  // A ceiling under what this process holds alive: the first check collects; what survives is
  // still over it, so the ceiling rises to a quarter above that and the next checks do not collect.
  const check = heapCeiling(1024);
  assert.equal(check(), true);
  assert.equal(check(), false);
  // Half as much again as survived (an entry is about 100 bytes): over the risen ceiling.
  const entries = Math.ceil(process.memoryUsage().heapUsed / 2 / 100);
  let junk: { n: number; s: string }[] | null = Array.from({ length: entries }, (_, n) => ({ n, s: `entry ${n} of the heap test` }));
  assert.ok(junk.length);
  assert.equal(check(), true);
  junk = null;
});
