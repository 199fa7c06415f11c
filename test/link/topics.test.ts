/** Topics from the articles' ranked topics: each topic's articles in reading order, its related topics. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTopics } from '../../src/link/topics.js';
import { article } from './articles.js';

describe('buildTopics', () => {
  test('should list a topic\'s articles by salience, then newest first, then by slug, undated last', () => {
    const articles = [
      article('b-same-day', { date: '2024-03-01', topics: [['Palmyra', 0.5]] }),
      article('undated', { topics: [['Palmyra', 0.5]] }),
      article('a-same-day', { date: '2024-03-01', topics: [['Palmyra', 0.5]] }),
      article('older', { date: '2019-12-31', topics: [['Palmyra', 0.5]] }),
      article('most-salient', { date: '2001-01-01', topics: [['Palmyra', 0.9]] }),
      article('newest', { date: '2024-03-02', topics: [['Palmyra', 0.5]] }),
    ];
    // The order articles come in does not matter.
    for (const order of [articles, [...articles].reverse()]) {
      const [palmyra] = buildTopics(order, () => undefined);
      assert.deepEqual(palmyra!.articles, ['most-salient', 'newest', 'a-same-day', 'b-same-day', 'older', 'undated']);
    }
  });

  test('should name as related the topics most often found beside it, and give the topics file\'s details', () => {
    const articles = [
      article('one', { date: '2024-01-01', topics: [['Palmyra', 0.9], ['UNESCO', 0.5], ['Syria', 0.4]] }),
      article('two', { date: '2024-01-02', topics: [['Palmyra', 0.9], ['Syria', 0.5]] }),
      article('three', { date: '2024-01-03', topics: [['Aleppo', 0.9]] }),
    ];
    const topics = buildTopics(articles, (name) => (name === 'Palmyra' ? { description: 'An ancient city.', aliases: ['Tadmur'] } : undefined));
    assert.deepEqual(topics.map((t) => t.name), ['Aleppo', 'Palmyra', 'Syria', 'UNESCO']);
    const palmyra = topics.find((t) => t.name === 'Palmyra')!;
    assert.deepEqual(palmyra.related, ['Syria', 'UNESCO']);
    assert.equal(palmyra.description, 'An ancient city.');
    assert.deepEqual(palmyra.aliases, ['Tadmur']);
    assert.deepEqual(topics.find((t) => t.name === 'Aleppo')!.related, []);
  });
});
