/**
 * Pages whose boundaries the items set (issue 7): an item added or removed changes its own page,
 * not every page after it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stablePages } from '../../src/render/paginate.js';
import { mixedHash } from '../../src/string-hash.js';

/** Deterministic ids, as slugs are: a small linear congruential generator. */
function ids(n: number, seed: number): string[] {
  let x = seed;
  const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0);
  return Array.from({ length: n }, () => `article-${next().toString(36)}-${next().toString(36)}`);
}

const id = (s: string) => mixedHash(s);

/** Counted pages, as they were before: the baseline the stable ones are measured against. */
function counted(items: readonly string[], size: number): string[][] {
  const pages: string[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages;
}

/** How many page numbers show other items after a change. */
function pagesChanged(before: readonly string[][], after: readonly string[][]): number {
  let n = 0;
  for (let i = 0; i < Math.max(before.length, after.length); i++) if (before[i]?.join() !== after[i]?.join()) n++;
  return n;
}

describe('stable pages', () => {
  it('should keep a list that fits on one page, empty or not, as one page', () => {
    assert.deepEqual(stablePages([], 40, id), [[]]);
    const fits = ids(40, 1);
    assert.deepEqual(stablePages(fits, 40, id), [fits]);
  });

  it('should cut a long list in order into pages of half to twice the size, about the size on average', () => {
    for (const size of [2, 7, 40]) {
      const items = ids(5000, size);
      const pages = stablePages(items, size, id);
      assert.deepEqual(pages.flat(), items, 'every item once, in order');
      const least = Math.ceil(size / 2);
      // The last page may be short, when joining it to the one before would make that too long.
      for (const p of pages.slice(0, -1)) assert.ok(p.length >= least && p.length <= size * 2, `size ${size}: a page of ${p.length}`);
      const [before, last] = pages.slice(-2) as [string[], string[]];
      assert.ok(last.length >= least || before.length + last.length > size * 2, `size ${size}: a last page of ${last.length}`);
      const mean = items.length / pages.length;
      assert.ok(mean > size * 0.8 && mean < size * 1.25, `size ${size}: ${mean.toFixed(1)} items a page`);
    }
  });

  it('should change about one page when an item is added or removed anywhere, where counting changed half of them', () => {
    const size = 40;
    const items = ids(3000, 7);
    const before = stablePages(items, size, id);
    const newcomers = ids(200, 99);
    let stable = 0;
    let count = 0;
    let most = 0;
    newcomers.forEach((item, i) => {
      const at = (i * 7919) % items.length;
      const added = [...items.slice(0, at), item, ...items.slice(at)];
      const removed = [...items.slice(0, at), ...items.slice(at + 1)];
      for (const after of [added, removed]) {
        const changed = pagesChanged(before, stablePages(after, size, id));
        stable += changed;
        most = Math.max(most, changed);
        count += pagesChanged(counted(items, size), counted(after, size));
      }
    });
    const changes = newcomers.length * 2;
    if (process.env.SHOW) console.log({ stable: stable / changes, most, count: count / changes });
    // A page cut in two (or two joined) renumbers the pages after it: rare, so the mean stays low.
    assert.ok(stable / changes < 4, `stable pages: ${(stable / changes).toFixed(2)} changed a change (at most ${most})`);
    assert.ok(count / changes > 25, `counted pages: ${(count / changes).toFixed(2)} changed a change`);
  });

  it('should be the same pages in every run: the cut depends on the ids alone', () => {
    // Pinned: the pages of a list the same on every machine, in every version that keeps them.
    const items = Array.from({ length: 60 }, (_, i) => `article-${i}`);
    assert.deepEqual(stablePages(items, 10, mixedHash).map((p) => p.length), [12, 14, 11, 10, 6, 7]);
    assert.notDeepEqual(stablePages(items, 10, mixedHash), stablePages(items, 10, (s) => mixedHash(`x${s}`)), 'other ids, other cuts');
  });

  it('should refuse a page of no item', () => {
    assert.throws(() => stablePages(ids(10, 1), 0, id), RangeError);
  });
});
