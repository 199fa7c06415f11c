import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Article } from '../../src/model.js';
import { articleIndexYears, exportArticleIndex, exportJson, exportJsonBytes } from '../../src/render/export-json.js';

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

describe('the articles\' index by year', () => {
  it('should list the years in the archive\'s order, newest first and the undated last, each with its articles and file', () => {
    const a = (slug: string, date: string | null) => ({ slug, date }) as unknown as Article;
    // The archive's order (link/order.ts): newest first, the undated last.
    const archive = [a('c', '2016-07-01'), a('b', '2016-03-01'), a('a', '2015-12-31'), a('u1', null), a('u2', null)];
    const years = articleIndexYears(archive);
    assert.deepEqual(years.map((y) => [y.year, y.articles.map((x) => x.slug)]), [['2016', ['c', 'b']], ['2015', ['a']], ['undated', ['u1', 'u2']]]);
    assert.deepEqual(exportArticleIndex(years), [
      { year: '2016', articles: 2, file: 'archive/2016.json' }, { year: '2015', articles: 1, file: 'archive/2015.json' }, { year: 'undated', articles: 2, file: 'archive/undated.json' },
    ]);
    assert.deepEqual(articleIndexYears([]), []);
  });
});
