import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { extractEvents } from '../../src/extract/events.js';
import { splitSentences } from '../../src/extract/sentences.js';
import type { ArticleEvent, Block } from '../../src/model.js';

const fixtures = new URL('../fixtures/extract/events/', import.meta.url);
const p = (text: string, line = 1): Block => ({ type: 'paragraph', text, line });
const brief = (events: readonly ArticleEvent[]): string[][] => events.map((e) => [e.date, e.granularity, e.expression]);

describe('the five seed articles (golden)', () => {
  // Input: the body blocks as the normalizer should give them, written by hand from the seed
  // text, with the publication date of the seeds' README. UPDATE=1 rewrites the expected file.
  for (const name of readdirSync(fixtures).filter((f) => f.endsWith('.input.json')).sort()) {
    const id = name.replace('.input.json', '');
    test(`should find the events of ${id}`, () => {
      const input = JSON.parse(readFileSync(new URL(name, fixtures), 'utf8')) as { published: string; blocks: Block[] };
      // The input has no mentions, so no event has topics (tested below): left out of the file.
      const actual = extractEvents(input.blocks, input.published).map(({ topics, ...e }) => (assert.deepEqual(topics, []), e));
      const expectedUrl = new URL(`${id}.json`, fixtures);
      if (process.env['UPDATE']) writeFileSync(expectedUrl, `${JSON.stringify(actual, null, 2)}\n`);
      assert.deepEqual(actual, JSON.parse(readFileSync(expectedUrl, 'utf8')));
    });
  }
});

describe('the topics of an event', () => {
  test('should be the topics mentioned inside its sentence only, each once', () => {
    const text = 'Lavrov met Kerry in Geneva on Thursday, and Kerry spoke. Assad stayed in Damascus.';
    const at = (name: string, word: string, from = 0) => ({ name, kind: 'person' as const, text: word, block: 0, line: 1, offset: text.indexOf(word, from) });
    const mentions = [at('Sergei Lavrov', 'Lavrov'), at('John Kerry', 'Kerry'), at('Geneva', 'Geneva'), at('John Kerry', 'Kerry', 40), at('Bashar al-Assad', 'Assad'), at('Damascus', 'Damascus'),
      { ...at('Geneva', 'Geneva'), block: 1 }];
    const events = extractEvents([p(text)], '2016-03-22', mentions);
    assert.deepEqual(events.map((e) => [e.expression, e.topics]), [['on Thursday', ['Sergei Lavrov', 'John Kerry', 'Geneva']]]);
  });
});

describe('seed dates, checked against the calendar', () => {
  const events = (id: string): string[][] => {
    const input = JSON.parse(readFileSync(new URL(`${id}.input.json`, fixtures), 'utf8')) as { published: string; blocks: Block[] };
    return brief(extractEvents(input.blocks, input.published));
  };

  test('should resolve 003 (Tuesday 2015-12-15): the Friday ahead and the Friday before', () => {
    assert.deepEqual(events('003'), [['2015-12-18', 'day', 'Friday'], ['2015-12-11', 'day', 'last Friday']]);
  });

  test('should resolve 004 (Friday 2016-07-15): Thursday is the 14th, Friday the same day', () => {
    assert.deepEqual(events('004'), [
      ['2016-07-14', 'day', 'on Thursday'],
      ['2016-04', 'month', 'in April'],
      ['2016-08-01', 'day', 'Aug. 1'],
      ['2016-07-14', 'day', 'on Thursday'],
      ['2016-07-14', 'day', 'Thursday night'],
      ['2016-07-15', 'day', 'on Friday'],
      ['2016-07-15', 'day', 'Friday'],
    ]);
  });
});

describe('extractEvents', () => {
  test('should point each event at its block, line and sentence', () => {
    const blocks: Block[] = [
      p('Kerry arrived in Moscow. He met Putin on Thursday.', 3),
      { type: 'subhead', text: 'Talks on Friday', line: 5 },
      p('Nothing dated here. Still nothing. Fighting resumed on Friday.', 7),
    ];
    const events = extractEvents(blocks, '2016-07-15');
    assert.deepEqual(events.map((e) => [e.date, e.block, e.line, e.sentenceIndex, e.sentence]), [
      ['2016-07-14', 0, 3, 1, 'He met Putin on Thursday.'],
      ['2016-07-15', 2, 7, 2, 'Fighting resumed on Friday.'],
    ]);
    for (const e of events) {
      const block = blocks[e.block];
      assert.equal(block && splitSentences(block.text)[e.sentenceIndex]?.text, e.sentence);
    }
  });

  test('should give no events for subheads', () => {
    assert.deepEqual(extractEvents([{ type: 'subhead', text: 'Talks Resume on Friday', line: 1 }], '2016-07-15'), []);
  });

  test('should give two events for a sentence with two dates', () => {
    const events = extractEvents([p('Lavrov met Kerry on Thursday and the two will meet again on Monday.')], '2016-07-15');
    // Friday 2016-07-15: the past Thursday is the 14th, the planned Monday the 18th.
    assert.deepEqual(brief(events), [['2016-07-14', 'day', 'on Thursday'], ['2016-07-18', 'day', 'on Monday']]);
    assert.equal(events[0]?.sentence, events[1]?.sentence);
    assert.deepEqual(events.map((e) => e.afterPublication), [false, true]);
  });

  test('should keep a date inside a quotation', () => {
    const events = extractEvents([p('"We will meet again on July 20," Lavrov said on Friday.')], '2016-07-15');
    assert.deepEqual(brief(events), [['2016-07-20', 'day', 'on July 20'], ['2016-07-15', 'day', 'on Friday']]);
    const past = extractEvents([p('“We signed it on Tuesday,” he told reporters.')], '2016-07-15');
    assert.deepEqual(brief(past), [['2016-07-12', 'day', 'on Tuesday']]);
  });

  test('should mark only dates after publication, at their own granularity', () => {
    const events = extractEvents([
      p('The talks have an Aug. 1 deadline.'),
      p('They began this month and resume next month.'),
      p('Kerry met Putin on Friday, and elections follow next year.'),
    ], '2016-07-15');
    assert.deepEqual(events.map((e) => [e.date, e.afterPublication]), [
      ['2016-08-01', true],
      ['2016-07', false],
      ['2016-08', true],
      ['2016-07-15', false],
      ['2017', true],
    ]);
  });

  test('should reject durations and keep the dates beside them', () => {
    const events = extractEvents([p('Kerry met Putin for three hours and their talks lasted until 1 a.m. local time on July 15.')], '2016-07-15');
    assert.deepEqual(brief(events), [['2016-07-15', 'day', 'on July 15']]);
  });

  test('should keep only dates with a written year when the publication date is unknown', () => {
    const events = extractEvents([p('Kerry met Putin on Thursday. Sanctions followed in 2014.')], null);
    assert.deepEqual(brief(events), [['2014', 'year', 'in 2014']]);
    assert.equal(events[0]?.afterPublication, false);
  });
});
