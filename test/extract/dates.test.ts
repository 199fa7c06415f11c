import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findDates } from '../../src/extract/dates.js';
import { inferPublicationDate } from '../../src/extract/publication-date.js';
import type { Block } from '../../src/model.js';

/** [date, granularity, expression] of every date found: short enough to read the calendar. */
const found = (text: string, published: string | null): string[][] =>
  findDates(text, published).map((m) => [m.date, m.granularity, m.expression]);

// Calendar used below: 2016-07-15 and 2016-07-29 are Fridays, 2016-08-01 a Monday,
// 2015-12-15 a Tuesday (so 2015-12-11 and 2015-12-18 are Fridays), 2016-03-24 a Thursday.

describe('weekdays', () => {
  test('should look back for a bare weekday in past tense, the publication day included', () => {
    assert.deepEqual(found('Kerry met Putin on Thursday.', '2016-07-15'), [['2016-07-14', 'day', 'on Thursday']]);
    assert.deepEqual(found('Forces launched an operation on Friday.', '2016-07-15'), [['2016-07-15', 'day', 'on Friday']]);
    assert.deepEqual(found('Factions launched a major operation Friday against the army.', '2016-07-15'), [['2016-07-15', 'day', 'Friday']]);
  });

  test('should cross a month boundary looking back', () => {
    assert.deepEqual(found('Rebels attacked the town on Friday.', '2016-08-01'), [['2016-07-29', 'day', 'on Friday']]);
  });

  test('should read "last" as before the publication day', () => {
    assert.deepEqual(found('Assad cast doubt on the talks last Friday, saying so.', '2015-12-15'), [['2015-12-11', 'day', 'last Friday']]);
    assert.deepEqual(found('The truce collapsed last Friday.', '2016-07-15'), [['2016-07-08', 'day', 'last Friday']]);
  });

  test('should look forward for a planned weekday', () => {
    assert.deepEqual(found('It was not clear if a meeting pencilled in for Friday in NY would go ahead.', '2015-12-15'), [['2015-12-18', 'day', 'Friday']]);
    assert.deepEqual(found('The ministers are due to meet on Thursday.', '2015-12-15'), [['2015-12-17', 'day', 'on Thursday']]);
    assert.deepEqual(found('On Friday, the ministers will meet in Vienna.', '2015-12-15'), [['2015-12-18', 'day', 'On Friday']]);
    assert.deepEqual(found('They will meet again next Friday.', '2016-07-15'), [['2016-07-22', 'day', 'next Friday']]);
  });

  test('should take the nearest weekday for a reported future ("would"), whose report may be days old', () => {
    // 2016-03-28 is a Monday: the coming Wednesday; in Friday 2016-04-01's paper, the one just gone.
    assert.deepEqual(found('He said the Geneva talks would resume on Wednesday.', '2016-03-28'), [['2016-03-30', 'day', 'on Wednesday']]);
    assert.deepEqual(found('He said the Geneva talks would resume on Wednesday.', '2016-04-01'), [['2016-03-30', 'day', 'on Wednesday']]);
    assert.deepEqual(found('Officials said a convoy would not leave until Saturday.', '2016-03-24'), [['2016-03-26', 'day', 'Saturday']]);
    // Past forms of "would" stay past, and a report dated in the sentence dates the statement.
    assert.deepEqual(found('The envoy would later say the talks collapsed on Wednesday.', '2016-03-28'), [['2016-03-23', 'day', 'on Wednesday']]);
    assert.deepEqual(found('The ministers would have met on Wednesday.', '2016-03-28'), [['2016-03-23', 'day', 'on Wednesday']]);
    assert.deepEqual(found('Kerry said on Monday that the ministers would meet.', '2015-12-15'), [['2015-12-14', 'day', 'on Monday']]);
  });

  test('should take the nearest year for a yearless date in a reported future', () => {
    // Four months ahead or eight back: the past is preferred for "were", the nearer for "would".
    assert.deepEqual(found('He said the elections would be held in January.', '2016-09-20'), [['2017-01', 'month', 'in January']]);
    assert.deepEqual(found('The elections were held in January.', '2016-09-20'), [['2016-01', 'month', 'in January']]);
  });

  test('should keep a past weekday past when another clause or the report looks forward', () => {
    assert.deepEqual(found('The ministers met on Thursday.', '2015-12-15'), [['2015-12-10', 'day', 'on Thursday']]);
    assert.deepEqual(found('Kerry said on Monday that the ministers will meet.', '2015-12-15'), [['2015-12-14', 'day', 'on Monday']]);
    assert.deepEqual(
      found('The Post published a document that was expected to be the subject of Thursday night’s meeting.', '2016-07-15'),
      [['2016-07-14', 'day', 'Thursday night']],
    );
  });
});

describe('granularity', () => {
  test('should give a month for a month name and fix "last September"', () => {
    assert.deepEqual(found('Talks are due to resume in April.', '2016-03-24'), [['2016-04', 'month', 'in April']]);
    assert.deepEqual(found('The peace talks fell apart in April.', '2016-07-15'), [['2016-04', 'month', 'in April']]);
    assert.deepEqual(found('Since the start of the intervention last September.', '2016-03-24'), [['2015-09', 'month', 'last September']]);
    assert.deepEqual(found('The offensive began in December.', '2016-01-10'), [['2015-12', 'month', 'in December']]);
    assert.deepEqual(found('Elections will be held in December.', '2016-01-10'), [['2016-12', 'month', 'in December']]);
    assert.deepEqual(found('Sanctions were imposed in March 2014.', '2016-03-24'), [['2014-03', 'month', 'in March 2014']]);
  });

  test('should give a year for a year, and find bare years chrono misses', () => {
    assert.deepEqual(found('Russia intervened last year.', '2016-03-24'), [['2015', 'year', 'last year']]);
    assert.deepEqual(found('Russia intervened in Ukraine in 2014.', '2016-03-24'), [['2014', 'year', 'in 2014']]);
    assert.deepEqual(found('The war has raged since 2011.', '2016-03-24'), [['2011', 'year', 'since 2011']]);
    assert.deepEqual(found('Output should recover by mid-2017.', '2016-03-24'), [['2017', 'year', 'mid-2017']]);
  });

  test('should give a day for a month and day', () => {
    assert.deepEqual(found('Troops entered Palmyra on March 24, their biggest offensive.', '2016-03-24'), [['2016-03-24', 'day', 'on March 24']]);
    assert.deepEqual(found('Talks lasted until 1 a.m. local time on July 15.', '2016-07-15'), [['2016-07-15', 'day', 'on July 15']]);
    assert.deepEqual(found('The talks have an Aug. 1 deadline.', '2016-07-15'), [['2016-08-01', 'day', 'Aug. 1']]);
    assert.deepEqual(found('It was signed on July 15, 2016 in Moscow.', '2016-07-20'), [['2016-07-15', 'day', 'on July 15, 2016']]);
  });

  test('should resolve "this month" to the publication month', () => {
    assert.deepEqual(found('The talks began this month.', '2016-03-24'), [['2016-03', 'month', 'this month']]);
  });
});

describe('relative dates across boundaries', () => {
  test('should cross month and year boundaries', () => {
    assert.deepEqual(found('Prices rose last month.', '2016-01-05'), [['2015-12', 'month', 'last month']]);
    assert.deepEqual(found('The talks resume next month.', '2015-12-15'), [['2016-01', 'month', 'next month']]);
    assert.deepEqual(found('He was elected last year.', '2016-01-05'), [['2015', 'year', 'last year']]);
    assert.deepEqual(found('Elections are due next year.', '2015-12-15'), [['2016', 'year', 'next year']]);
    assert.deepEqual(found('The strike happened yesterday.', '2016-01-01'), [['2015-12-31', 'day', 'yesterday']]);
    assert.deepEqual(found('The deal was struck two days ago.', '2016-03-01'), [['2016-02-28', 'day', 'two days ago']]);
  });

  test('should place a yearless date in the nearest year, the past preferred', () => {
    assert.deepEqual(found('The Post published it on July 14.', '2016-07-15'), [['2016-07-14', 'day', 'on July 14']]);
    assert.deepEqual(found('Warplanes flew home on March 15.', '2016-03-24'), [['2016-03-15', 'day', 'on March 15']]);
    assert.deepEqual(found('The ceasefire broke down on Dec. 28.', '2016-01-05'), [['2015-12-28', 'day', 'on Dec. 28']]);
    assert.deepEqual(found('Talks open on Jan. 3 in Geneva.', '2015-12-20'), [['2016-01-03', 'day', 'on Jan. 3']]);
  });

  test('should turn a week into its month only when the week lies in one month', () => {
    // 2016-03-24 is a Thursday: last week is Mon 14 to Sun 20 March.
    assert.deepEqual(found('Talks stalled last week.', '2016-03-24'), [['2016-03', 'month', 'last week']]);
    // 2016-03-02 is a Wednesday: this week runs from Mon 29 February to Sun 6 March.
    assert.deepEqual(found('Talks stalled this week.', '2016-03-02'), []);
  });
});

describe('what is not an event', () => {
  const durations = [
    'Kerry met Putin for three hours at the Kremlin.',
    'It was his visit to Russia for the second time in seven months.',
    'He apologised 6 months after the army shot down a plane.',
    'The war killed 250,000 people during five years of civil war.',
    'Moscow waged a five-month military campaign.',
    'Talks are due to adjourn after almost two weeks.',
    '"Let’s see what happens in Moscow in the next few hours."',
    'The operation comes a day after ISIS released a video.',
    'The same day, the Observatory reported a second downing.',
    'The powers have championed it in recent weeks.',
    'Prices will rise over the next month.',
    'Output fell over the past year.',
    'A rapid advance the day before brought the army to the outskirts.',
    'The talks ended two days later.',
    'Fighting eased at the weekend.',
  ];
  for (const text of durations) {
    test(`should find no date in: ${text}`, () => assert.deepEqual(found(text, '2016-07-15'), []));
  }

  test('should not take words that look like dates for dates', () => {
    for (const text of ['Theresa May said so.', 'They march on.', 'He sat down.', 'Sun Yat-sen spoke.', 'It killed 400,000 people.',
      'It implements resolution 2254.', 'It happened in 2000 cases.', 'Since the 9/11 attacks it changed.', 'We must act now.']) {
      assert.deepEqual(found(text, '2016-07-15'), [], text);
    }
  });
});

describe('without a publication date', () => {
  test('should keep only expressions that state their year', () => {
    assert.deepEqual(found('Kerry met Putin on Thursday, last year and in April, and on March 24.', null), []);
    assert.deepEqual(found('It was signed on July 15, 2016, after sanctions in March 2014 and a war in 2014.', null), [
      ['2016-07-15', 'day', 'on July 15, 2016'],
      ['2014-03', 'month', 'in March 2014'],
      ['2014', 'year', 'in 2014'],
    ]);
  });
});

describe('inferPublicationDate', () => {
  const p = (text: string, line: number): Block => ({ type: 'paragraph', text, line });

  test('should take a fully written dateline at the top', () => {
    assert.deepEqual(inferPublicationDate([p('MOSCOW, July 15, 2016 (Reuters) - Kerry met Putin on Thursday.', 3)], null),
      { date: '2016-07-15', expression: 'July 15, 2016', line: 3 });
    assert.deepEqual(inferPublicationDate([p('By Jane Doe', 2), p('15 July 2016', 3), p('Kerry met Putin.', 5)], null),
      { date: '2016-07-15', expression: '15 July 2016', line: 3 });
  });

  test('should take a labelled date anywhere, before an unlabelled one', () => {
    const blocks = [p('Friday 8 July 2016', 2), p('Kerry met Putin.', 4), p('More text.', 6), p('Published: 2016-07-15', 9)];
    assert.deepEqual(inferPublicationDate(blocks, null), { date: '2016-07-15', expression: '2016-07-15', line: 9 });
  });

  test('should not take an update stamp for the publication date', () => {
    assert.equal(inferPublicationDate([p('Updated: July 16, 2016', 2)], null), null);
    assert.deepEqual(inferPublicationDate([p('Updated: July 16, 2016', 2), p('Posted on July 15, 2016', 3)], null),
      { date: '2016-07-15', expression: 'on July 15, 2016', line: 3 });
  });

  test('should not take a date from the middle of the body', () => {
    const blocks = [p('Kerry, who first travelled to Moscow as secretary of state on May 7, 2013, met Putin again for talks on Syria.', 3)];
    assert.equal(inferPublicationDate(blocks, null), null);
  });

  test('should not take a date that lacks its day or year', () => {
    assert.equal(inferPublicationDate([p('July 2016', 2)], null), null);
    assert.equal(inferPublicationDate([p('July 15', 2)], null), null);
    assert.equal(inferPublicationDate([p('Thursday', 2)], null), null);
  });

  test('should resolve a relative dateline only against a reference, never after it', () => {
    // 2016-07-16 is a Saturday: the Thursday before is the 14th.
    assert.deepEqual(inferPublicationDate([p('Yesterday', 2)], '2016-07-16'), { date: '2016-07-15', expression: 'Yesterday', line: 2 });
    assert.deepEqual(inferPublicationDate([p('Thursday', 2)], '2016-07-16'), { date: '2016-07-14', expression: 'Thursday', line: 2 });
    assert.equal(inferPublicationDate([p('Tomorrow', 2)], '2016-07-16'), null);
  });

  test('should find nothing in articles that do not state their date', () => {
    const blocks = [
      p('Syrian troops backed by Russian air support fought their way into the Islamic State-held city of Palmyra on March 24, their biggest offensive yet.', 3),
      p('Kerry traveled to Moscow to meet Russian president Vladimir Putin on Thursday to discuss the ongoing conflict in Syria.', 3),
    ];
    assert.equal(inferPublicationDate(blocks, null), null);
    assert.equal(inferPublicationDate(blocks, '2016-07-20'), null);
  });
});
