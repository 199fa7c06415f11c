import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findStories } from '../../src/link/index.js';
import { article } from './articles.js';

const together = (stories: ReturnType<typeof findStories>) => stories.filter((s) => s.articles.length > 1).map((s) => s.articles);

describe('stories', () => {
  test('should join reports of the same event within two days and keep later coverage apart', () => {
    const deal = [['Geneva', 5], ['John Kerry', 4], ['Sergei Lavrov', 4], ['chemical weapons', 3]] as const;
    const stories = findStories([
      article('bbc-deal', { date: '2013-09-14', topics: deal }),
      article('reuters-deal', { date: '2013-09-15', topics: deal }),
      article('guardian-deal', { date: '2013-09-16', topics: [['John Kerry', 5], ['Geneva', 4], ['Sergei Lavrov', 3]] }),
      article('bbc-later', { date: '2013-09-25', topics: deal }),
      article('undated', { topics: deal }),
    ]);
    assert.deepEqual(together(stories), [['bbc-deal', 'reuters-deal', 'guardian-deal']]);
    // Every article is in exactly one story.
    assert.deepEqual(stories.flatMap((s) => s.articles).sort(), ['bbc-deal', 'bbc-later', 'guardian-deal', 'reuters-deal', 'undated']);
  });

  test('should not join articles that share only a common topic', () => {
    const stories = findStories([
      article('a', { date: '2015-10-01', topics: [['Aleppo', 5], ['Russia', 4], ['Syria', 1]] }),
      article('b', { date: '2015-10-01', topics: [['Homs', 5], ['United Nations', 4], ['Syria', 1]] }),
    ]);
    assert.deepEqual(together(stories), []);
  });

  test('should join two reports of an event on a day when hundreds of others share its country', () => {
    // Candidates per (day, topic) are bounded, the latest kept: the first report is long gone from
    // the "Syria" key by the time the second comes, but both are under their rarer topics too.
    const others = Array.from({ length: 400 }, (_, i) => article(`other-${String(i).padStart(3, '0')}`, { date: '2015-09-30', topics: [[`Place ${i}`, 5], ['Syria', 2]] }));
    const strikes = [['Russian air strikes', 5], ['Vladimir Putin', 4], ['Syria', 2]] as const;
    const stories = findStories([article('first', { date: '2015-09-30', topics: strikes }), ...others, article('second', { date: '2015-10-01', topics: strikes })]);
    assert.deepEqual(together(stories), [['first', 'second']]);
  });
});
