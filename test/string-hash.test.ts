/** The hashes that place search parts and page cuts must never drift: a drift moves every article's part. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { entryHash } from '../src/link/timeline.js';
import type { TimelineEntry } from '../src/model.js';
import { fnv1a, mixedHash } from '../src/string-hash.js';

describe('string hashes', () => {
  it('should be FNV-1a as published (test vectors of draft-eastlake-fnv)', () => {
    assert.equal(fnv1a(''), 0x811c9dc5);
    assert.equal(fnv1a('a'), 0xe40c292c);
    assert.equal(fnv1a('foobar'), 0xbf9cf968);
  });

  it('should mix the bits: slugs a letter apart land in other residues', () => {
    const slugs = Array.from({ length: 2000 }, (_, i) => `talks-in-geneva-${i}`);
    const residues = new Set(slugs.map((s) => mixedHash(s) % 64));
    assert.equal(residues.size, 64);
    // Each residue of 21 (a page of 40's boundary test) about as often as the others.
    const counts = new Array<number>(21).fill(0);
    for (const s of slugs) counts[mixedHash(s) % 21]!++;
    assert.ok(Math.min(...counts) > 60 && Math.max(...counts) < 135, counts.join(' '));
    assert.notEqual(mixedHash('a'), fnv1a('a'));
  });

  it('should keep the values that place page cuts: a change would move every cut of every archive', () => {
    assert.deepEqual(['talks-in-geneva', 'a', ''].map(mixedHash), [4246601942, 444641715, 2872998923]);
    const entry = (article: string, block: number, sentenceIndex: number) => ({ sources: [{ article, event: { block, sentenceIndex } }] }) as unknown as TimelineEntry;
    assert.deepEqual([entry('talks-in-geneva', 0, 0), entry('talks-in-geneva', 3, 1), entry('kerry-meets-putin', 12, 4)].map(entryHash), [4246601942, 3024268172, 750442768]);
  });
});
