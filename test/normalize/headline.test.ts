import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isHeadlineLike, pickTitle } from '../../src/normalize/headline.js';
import type { Unit } from '../../src/normalize/reflow.js';

const unit = (text: string, line: number, whole = true): Unit => ({ kind: 'paragraph', text, line, end: line, whole, afterGap: true });
const never = (): boolean => false;
const always = (): boolean => true;

test('should read headline-like lines by shape, not by words', () => {
  assert.ok(isHeadlineLike('Kerry vows to work with Moscow for peace in Syria despite differences'));
  assert.ok(isHeadlineLike('Will Russia-NATO tensions ease?'));
  assert.ok(!isHeadlineLike('Secretary of'));
  assert.ok(!isHeadlineLike('Both men expressed hope for more progress.'));
  assert.ok(!isHeadlineLike('These are the main changes:'));
  assert.ok(!isHeadlineLike('- A list item here'));
});

test('should take the first line when it reads as a headline and drop its repeats', () => {
  const pick = pickTitle([unit('Airport to add third runway', 1), unit('Airport to add third runway', 2), unit('Body.', 4)], undefined, never);
  assert.deepEqual(pick.title, { text: 'Airport to add third runway', line: 1, source: 'first-line' });
  assert.equal(pick.take, 0);
  assert.deepEqual(pick.drop, [1]);
  assert.equal(pick.top, 0);
});

test('should take a headline-like last line only when end furniture follows it', () => {
  const units = [unit('Secretary of State said things.', 1, false), unit('More body text here.', 5), unit('Kerry vows to work with Moscow', 9)];
  assert.equal(pickTitle(units, undefined, always).title?.source, 'headline-line');
  assert.equal(pickTitle(units, undefined, always).take, 2);
  assert.equal(pickTitle(units, undefined, never).title?.source, 'first-sentence');
});

test('should infer the title from the first sentence, without its dateline', () => {
  const pick = pickTitle([unit('GENEVA (Reuters) - A ceasefire held on Friday. Monitors arrived.', 3)], undefined, never);
  assert.deepEqual(pick.title, { text: 'A ceasefire held on Friday.', line: 3, source: 'first-sentence' });
  assert.equal(pick.take, null);
});

test('should let a forced title win and drop the superseded first-line headline', () => {
  const pick = pickTitle([unit('Old headline of the file', 1), unit('Body.', 3)], 'New title', never);
  assert.deepEqual(pick.title, { text: 'New title', line: 0, source: 'front-matter' });
  assert.deepEqual(pick.drop, [0]);
  assert.equal(pick.top, 0);
});

test("should drop the file's own end headline when the front matter forces a title", () => {
  const units = [unit('A paragraph that ends.', 1, false), unit('Kerry vows to work with Moscow', 9)];
  const pick = pickTitle(units, 'Edited title', always);
  assert.equal(pick.title?.source, 'front-matter');
  assert.deepEqual(pick.drop, [1]);
});

test('should return no title for an empty body', () => {
  assert.equal(pickTitle([], undefined, never).title, null);
});
