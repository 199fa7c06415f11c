import assert from 'node:assert/strict';
import v8 from 'node:v8';
import { describe, it } from 'node:test';
import { packBody, spillArticleBody, unpackBody, withBodyBytes } from '../src/article-body.js';
import { bodyBytes, bodyDigest, spillBody } from '../src/body-store.js';
import type { FullArticle, PackedBytes } from '../src/model.js';

const full = (i: number) => ({
  slug: `talks-${i}`, source: `${i}.txt`, format: 'text', title: `Talks in Geneva, day ${i}`, titleSource: 'first-line', standfirst: null, date: '2016-03-24',
  dateSource: 'front-matter', dateExpression: null, publisher: 'Example Post', credit: null, byline: null,
  blocks: Array.from({ length: 12 }, (_, j) => ({ type: 'paragraph' as const, text: `Diplomats met in Geneva on day ${i}, paragraph ${j}, to discuss the ceasefire.`, line: j + 3 })),
  removed: [], furtherReading: [], markdown: null, bodyLine: 1, mentions: [], topics: [], events: [], manualTopics: [],
  wordCount: 140, readingMinutes: 1, draft: false, diagnostics: [], bodyHtml: `<p id="p0">Day ${i}</p>`,
} satisfies FullArticle);

const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) % 251) as PackedBytes;

describe('the body file', () => {
  it('should give back every body spilled, those still gathered and those already written', () => {
    // 600 bodies of 4 KB: more than one write's worth, so some are read from the file.
    const bodies = Array.from({ length: 600 }, (_, i) => bytes(4000 + i, i));
    const spilled = bodies.map(spillBody);
    assert.ok(spilled.every((s) => !(s instanceof Uint8Array)), 'moved out of memory');
    for (const [i, s] of spilled.entries()) assert.deepEqual(bodyBytes(s), bodies[i], `body ${i}`);
  });

  it('should take a body bigger than a whole write', () => {
    const big = bytes(3 << 20, 7);
    const small = bytes(100, 3);
    const [a, b] = [spillBody(small), spillBody(big)];
    assert.deepEqual(bodyBytes(b), big);
    assert.deepEqual(bodyBytes(a), small);
  });

  it('should stand for a body by the same digest, spilled or not', () => {
    const b = bytes(2048, 1);
    assert.equal(bodyDigest(spillBody(b)), bodyDigest(b));
    assert.notEqual(bodyDigest(bytes(2048, 2)), bodyDigest(b));
  });

  it('should give the whole record back from a spilled body, and its bytes for the cache', () => {
    const records = Array.from({ length: 50 }, (_, i) => full(i));
    const spilled = records.map((r) => spillArticleBody(packBody(r)));
    assert.ok(spilled.every((a) => !(a.body instanceof Uint8Array)));
    assert.deepEqual(spilled.map(unpackBody), records);
    // What the cache saves: bytes, which read back (in another process) without the body file.
    const saved = v8.deserialize(v8.serialize(spilled.map(withBodyBytes)));
    assert.deepEqual(saved.map(unpackBody), records);
  });
});
