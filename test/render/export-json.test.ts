import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exportJson, exportJsonBytes } from '../../src/render/export-json.js';

describe('data files made piece by piece', () => {
  it('should give the bytes of the whole-string export, whatever the shape', () => {
    const sentence = (i: number) => `Talks <b>${i}</b> began “on Thursday”\u2028line\nnext, ${'é'.repeat(i % 7)}`;
    const shapes: unknown[] = [
      [], {}, null, 'plain', 42, [[]], [{}], { a: [] },
      // A year of the timeline: an array of entries, each with its sources.
      Array.from({ length: 3000 }, (_, i) => ({ date: `2016-03-${String(1 + (i % 28)).padStart(2, '0')}`, granularity: 'day', sources: [{ article: `a${i}`, sentence: sentence(i), line: i, afterPublication: i % 2 === 0 }] })),
      // TimelineJS: an object holding a long list, and fields JSON leaves out or nulls.
      { title: { text: { headline: 'Archive: 2016' } }, skipped: undefined, fn: () => 1, events: Array.from({ length: 2000 }, (_, i) => ({ text: sentence(i), holes: [undefined, i] })) },
      [1, undefined, () => 2, 'x', [{ deep: [{ deeper: ['<'] }] }]],
    ];
    for (const levels of [1, 2, 3]) {
      for (const value of shapes) assert.equal(exportJsonBytes(value, levels).toString('utf8'), exportJson(value), `${levels}: ${JSON.stringify(value)?.slice(0, 80)}`);
    }
  });
});
