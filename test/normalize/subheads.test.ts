import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Unit } from '../../src/normalize/reflow.js';
import { isSubheadLike, markSubheads, splitCapsRun } from '../../src/normalize/subheads.js';

const unit = (text: string, whole = true): Unit => ({ kind: 'paragraph', text, line: 1, end: 1, whole, afterGap: true });

test('should take short Title Case and ALL CAPS lines without final stop as subhead-like', () => {
  assert.ok(isSubheadLike('Increased Violence in Deir Ezzor Province'));
  assert.ok(isSubheadLike('WHAT PASSENGERS CAN EXPECT'));
  assert.ok(isSubheadLike('What Comes Next?'));
  assert.ok(!isSubheadLike('Syria peace talks grind toward pivotal Assad question'));
  assert.ok(!isSubheadLike('The Talks Ended.'));
  assert.ok(!isSubheadLike('Secretary of'));
  assert.ok(!isSubheadLike('- Fuel Duty Frozen'));
});

test('should split a capitals run that opens a paragraph, as written', () => {
  assert.deepEqual(splitCapsRun('BATTLE FOR PALMYRA On the battlefield, the battle was raging.'), {
    subhead: 'BATTLE FOR PALMYRA',
    rest: 'On the battlefield, the battle was raging.',
  });
});

test('should not split datelines, single acronyms or all-caps text', () => {
  assert.equal(splitCapsRun('MOSCOW (Reuters) - Talks began on Monday in the capital.'), null);
  assert.equal(splitCapsRun('NEW YORK — Talks began on Monday in the city.'), null);
  assert.equal(splitCapsRun('NATO Secretary General Jens Stoltenberg said on Monday.'), null);
  assert.equal(splitCapsRun('US UN Envoy met the president on Monday afternoon.'), null);
  assert.equal(splitCapsRun('ALL OF THIS IS SHOUTED TEXT.'), null);
});

test('should make a subhead only of a whole line standing between paragraphs', () => {
  const units = [unit('First paragraph.'), unit('Questions Over Funding'), unit('Second paragraph.'), unit('Trailing Title Case Line')];
  assert.deepEqual(
    markSubheads(units).map((u) => u.kind),
    ['paragraph', 'subhead', 'paragraph', 'paragraph'],
  );
  assert.deepEqual(
    markSubheads([unit('Opening Title Case Line'), unit('Paragraph.')]).map((u) => u.kind),
    ['paragraph', 'paragraph'],
  );
});
