import assert from 'node:assert/strict';
import v8 from 'node:v8';
import { describe, it } from 'node:test';
import { sharedValues } from '../src/shared-values.js';
import { article, event } from './link/articles.js';

// Two reports of one outlet as they arrive from a worker or the cache: each its own copies.
const arrived = () => v8.deserialize(v8.serialize([
  article('first', { date: '2016-03-24', topics: [['Geneva', 3], ['ceasefire', 1]], events: [event('2016-03-24', 'Talks began in Geneva on Thursday.', ['Geneva'])] }),
  article('second', { date: '2016-03-24', topics: [['Geneva', 3], ['ceasefire', 2]], events: [event('2016-03-24', 'Diplomats met in Geneva on Thursday.', ['Geneva'])] }),
])) as ReturnType<typeof article>[];

describe('shared values of article records', () => {
  it('should give records equal to those it was given, and leave those as they were', () => {
    const records = arrived();
    const before = structuredClone(records);
    const shared = sharedValues();
    assert.deepEqual(records.map(shared.article), before);
    assert.deepEqual(records, before);
    // Key for key in the same order: page keys hash the records' JSON.
    assert.equal(JSON.stringify(records.map(sharedValues().article)), JSON.stringify(before));
  });

  it('should make equal topics one object, and unequal ones (another score) not', () => {
    const [a, b] = arrived().map(sharedValues().article) as [ReturnType<typeof article>, ReturnType<typeof article>];
    assert.notEqual(arrived()[0]!.topics[0], arrived()[1]!.topics[0], 'copies before');
    assert.equal(a.topics[0], b.topics[0], 'Geneva, score 3, once');
    assert.notEqual(a.topics[1], b.topics[1], 'ceasefire has another score in each');
    assert.equal(a.events[0]!.topics, b.events[0]!.topics, "the events' topic lists");
    assert.equal(b.topics[1]!.name, 'ceasefire');
  });

  it('should keep each build its own values', () => {
    const [a] = arrived().map(sharedValues().article);
    const [b] = arrived().map(sharedValues().article);
    assert.notEqual(a!.topics[0], b!.topics[0]);
  });
});
