import assert from 'node:assert/strict';
import v8 from 'node:v8';
import { describe, it } from 'node:test';
import { packBody, unpackBody } from '../src/article-body.js';
import type { FullArticle } from '../src/model.js';

const full = {
  slug: 'talks', source: 'a.txt', format: 'text', title: 'Talks in Geneva', titleSource: 'first-line', standfirst: null, date: '2016-03-24',
  dateSource: 'front-matter', dateExpression: null, publisher: 'Example Post', credit: null, byline: null,
  blocks: Array.from({ length: 20 }, (_, i) => ({ type: 'paragraph' as const, text: `Diplomats met in Geneva on Thursday, paragraph ${i}, to discuss the ceasefire.`, line: i + 3 })),
  removed: [{ line: 40, text: 'Share this', reason: 'call-to-action' }], furtherReading: [], markdown: null, bodyLine: 1,
  mentions: [{ name: 'Geneva', kind: 'place', text: 'Geneva', block: 0, line: 3, offset: 17 }], topics: [], events: [], manualTopics: [],
  wordCount: 240, readingMinutes: 1, draft: false, diagnostics: [], bodyHtml: '<p id="p0">Diplomats met in Geneva…</p>',
} satisfies FullArticle;

describe('an article body packed for keeping', () => {
  it('should give the whole record back, unchanged', () => {
    assert.deepEqual(unpackBody(packBody(full)), full);
  });

  it('should keep the record small: no body fields, a body in bytes of its own', () => {
    const packed = packBody(full);
    for (const k of ['blocks', 'markdown', 'mentions', 'bodyHtml']) assert.ok(!(k in packed), k);
    assert.deepEqual(packed.removed, full.removed, 'what list pages and the article head read stays');
    const body = packed.body as Uint8Array; // packed in memory, not spilled (body-store.ts)
    assert.equal(body.buffer.byteLength, body.byteLength, 'not a view of a larger buffer');
    assert.ok(body.byteLength < JSON.stringify(full.blocks).length / 4, `${body.byteLength} bytes`);
  });

  it('should survive the cache (v8 serialization) and a worker (structured clone)', () => {
    const packed = packBody(full);
    assert.deepEqual(unpackBody(v8.deserialize(v8.serialize(packed))), full);
    assert.deepEqual(unpackBody(structuredClone(packed)), full);
  });
});
