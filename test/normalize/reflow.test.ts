import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Row } from '../../src/normalize/columns.js';
import { reflowRows } from '../../src/normalize/reflow.js';
import { toSourceLines } from '../../src/normalize/source-lines.js';

const rows = (body: string): Row[] => toSourceLines(body, 1);
const texts = (body: string): string[] => reflowRows(rows(body)).map((u) => u.text);

test('should keep one paragraph per line when lines end sentences', () => {
  assert.deepEqual(texts('Headline here today\nFirst paragraph ends.\nSecond one too.'), [
    'Headline here today',
    'First paragraph ends.',
    'Second one too.',
  ]);
});

test('should join hard-wrapped lines and end a paragraph at a short line that ends a sentence', () => {
  const body = [
    'The national rail operator on Wednesday unveiled a plan to replace',
    'most of its ageing fleet by 2030, promising faster services.',
    'The plan, which still needs government approval, would cost about',
    'six billion euros and create two thousand new jobs in maintenance',
    'depots across the country.',
  ].join('\n');
  assert.deepEqual(texts(body), [
    'The national rail operator on Wednesday unveiled a plan to replace most of its ageing fleet by 2030, promising faster services.',
    'The plan, which still needs government approval, would cost about six billion euros and create two thousand new jobs in maintenance depots across the country.',
  ]);
});

test('should restore a paragraph break lost after a sentence end on a short line', () => {
  const body = [
    'Secretary of',
    'State Jane Roe said the two countries must work together to end the',
    'war and called for more aid deliveries. Both',
    'countries have emerged as the two outside powers with a decisive say in',
    'what happens next in the conflict. Ahead of talks, she',
    'said a fragile truce had cut violence, but she wanted to see a further',
    'reduction. The',
    'envoy said he hoped to announce a deal on the principles next week.',
  ].join('\n');
  assert.deepEqual(
    reflowRows(rows(body)).map((u) => [u.line, u.text.split(' ').slice(0, 3).join(' ')]),
    [
      [1, 'Secretary of State'],
      [3, 'Both countries have'],
      [5, 'Ahead of talks,'],
      [7, 'The envoy said'],
    ],
  );
});

test('should in merged mode also split a one-word tail off a full line, but not a longer tail', () => {
  const body = [
    'Officials said the talks would resume in the spring. The',
    'envoy said both sides had agreed on a set of basic principles for the',
    'transition and would announce them at the next round of the talks. Kerry',
    'said it was encouraging. He',
    'said the city, which fell to militants last year, was now surrounded by',
    'the army and its allies after a rapid advance in recent days. The city,',
    'located at a crossroads in the centre of the country, is mostly desert.',
  ].join('\n');
  assert.deepEqual(
    texts(body).map((t) => t.split(' ').slice(0, 2).join(' ')),
    ['Officials said', 'The envoy', 'Kerry said', 'He said'],
  );
});

test('should not split full lines with a one-word tail in ordinary wrapped text', () => {
  const body = [
    'The central bank kept its main interest rate unchanged on Wednesday. It',
    'said inflation remained close to its target while growth had slowed in',
    'the first quarter, and most economists now expect a cut later this year.',
  ].join('\n');
  assert.equal(texts(body).length, 1);
});

test('should start a paragraph at an indented line and keep a line-end hyphen joined', () => {
  const body = '\tFarmers expect the smallest harvest in a long-\nterm record, the ministry said\non Thursday.\n\tYields could fall by a fifth.';
  assert.deepEqual(texts(body), [
    'Farmers expect the smallest harvest in a long-term record, the ministry said on Thursday.',
    'Yields could fall by a fifth.',
  ]);
});

test('should keep a heading line inside a wrapped run on its own', () => {
  const body = [
    'Opposition lawmakers questioned how the plan would be paid for and',
    'when it would start.',
    'Questions Over Funding',
    'The operator said it would borrow against future ticket revenue from',
    'next year onwards.',
  ].join('\n');
  assert.deepEqual(texts(body), [
    'Opposition lawmakers questioned how the plan would be paid for and when it would start.',
    'Questions Over Funding',
    'The operator said it would borrow against future ticket revenue from next year onwards.',
  ]);
});

test('should keep a headline-like last line apart from the paragraph that ends before it', () => {
  const body = [
    'The capture of the city and further advances would mark the biggest',
    'gain against the militants since the start of the intervention last year.',
    'Kerry vows to work with Moscow for peace in Syria despite differences',
  ].join('\n');
  assert.equal(texts(body).length, 2);
});

test('should keep a Title Case first line apart even when it is as wide as the wrap', () => {
  const body = [
    'Kerry Meets Putin in Moscow to Discuss the Syrian Conflict and Ukraine',
    'Secretary of State John Kerry met President Vladimir Putin on Thursday in',
    'Moscow, where the two discussed the war in Syria and the Ukraine crisis.',
  ].join('\n');
  assert.deepEqual(texts(body).map((t) => t.slice(0, 20)), ['Kerry Meets Putin in', 'Secretary of State J']);
});

test('should split a run of capitals off a paragraph as a subhead', () => {
  const units = reflowRows(rows('SLOW PROGRESS The Geneva talks are part of a diplomatic push.'));
  assert.deepEqual(
    units.map((u) => [u.kind, u.text, u.line]),
    [
      ['subhead', 'SLOW PROGRESS', 1],
      ['paragraph', 'The Geneva talks are part of a diplomatic push.', 1],
    ],
  );
});

test('should mark whole-line units and units after a blank line', () => {
  const units = reflowRows(rows('Title line here\nA summary line.\n\nBody text.'));
  assert.deepEqual(
    units.map((u) => [u.whole, u.afterGap]),
    [
      [true, true],
      [true, false],
      [true, true],
    ],
  );
});
