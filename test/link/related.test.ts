import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findRelated, sortArticles } from '../../src/link/index.js';
import { article } from './articles.js';

describe('related articles', () => {
  test('should rank those sharing more and rarer topics first, then the nearest in time, never itself', () => {
    const articles = sortArticles([
      article('deal', { date: '2013-09-14', topics: [['Geneva', 5], ['John Kerry', 4], ['Syria', 1]] }),
      article('talks', { date: '2013-09-12', topics: [['Geneva', 5], ['John Kerry', 3], ['Syria', 1]] }),
      article('kerry-later', { date: '2013-11-01', topics: [['John Kerry', 5], ['Syria', 1]] }),
      article('syria-near', { date: '2013-09-13', topics: [['Syria', 5]] }),
      article('syria-far', { date: '2011-03-15', topics: [['Syria', 5]] }),
      article('elsewhere', { date: '2013-09-14', topics: [['Ukraine', 5]] }),
    ]);
    const related = findRelated(articles);
    assert.deepEqual(related.get('deal'), ['talks', 'kerry-later', 'syria-near', 'syria-far']);
    assert.deepEqual(related.get('elsewhere'), []);
  });

  test('should stay among the articles near in time on a topic with thousands of them', () => {
    const articles = sortArticles(Array.from({ length: 2000 }, (_, i) => article(`a${String(i).padStart(4, '0')}`, {
      date: new Date(Date.UTC(2010, 0, 1) + i * 86_400_000).toISOString().slice(0, 10), topics: [['Syria', 5]],
    })));
    const related = findRelated(articles);
    // Equal scores: the nearest days win, whatever the length of the topic's list.
    assert.deepEqual(new Set(related.get('a1000')), new Set(['a0997', 'a0998', 'a0999', 'a1001', 'a1002', 'a1003']));
  });
});
