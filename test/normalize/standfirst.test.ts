import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Unit } from '../../src/normalize/reflow.js';
import { pickStandfirst } from '../../src/normalize/standfirst.js';

const unit = (text: string, line: number, afterGap: boolean): Unit => ({ kind: 'paragraph', text, line, end: line, whole: true, afterGap });
const body = [unit('First paragraph.', 4, true), unit('Second paragraph.', 6, true)];

test('should take a short line right under the headline as standfirst', () => {
  const units = [unit('Headline text here', 1, true), unit('A one-line summary of the story for readers.', 2, false), ...body];
  assert.deepEqual(pickStandfirst(units, 0, undefined), { standfirst: { text: 'A one-line summary of the story for readers.', line: 2 }, take: 1, drop: [] });
});

test('should leave a lede set off by a blank line and ending a sentence in the body', () => {
  const units = [unit('Headline text here', 1, true), unit('A lede paragraph that ends with a full stop.', 3, true), ...body];
  assert.equal(pickStandfirst(units, 0, undefined).standfirst, null);
});

test('should take a line without final stop under the headline even after a blank line', () => {
  const units = [unit('Headline text here', 1, true), unit('A summary that does not end with a stop', 3, true), ...body];
  assert.equal(pickStandfirst(units, 0, undefined).take, 1);
});

test('should not take a long line, a line introducing a list, or one with too little after it', () => {
  const long = unit(`${'word '.repeat(36)}end.`, 2, false);
  assert.equal(pickStandfirst([unit('Headline', 1, true), long, ...body], 0, undefined).standfirst, null);
  const intro = unit('These are the main changes:', 2, false);
  assert.equal(pickStandfirst([unit('Headline', 1, true), intro, ...body], 0, undefined).standfirst, null);
  const short = unit('A one-line summary of the story.', 2, false);
  assert.equal(pickStandfirst([unit('Headline', 1, true), short, body[0]!], 0, undefined).standfirst, null);
});

test('should use a forced standfirst and drop its copy from the body', () => {
  const units = [unit('Headline', 1, true), unit('The summary', 2, false), ...body];
  assert.deepEqual(pickStandfirst(units, 0, 'The summary'), { standfirst: { text: 'The summary', line: 0 }, take: null, drop: [1] });
});

test('should find no standfirst when the headline was not at the top', () => {
  assert.equal(pickStandfirst([unit('A line.', 1, true), ...body], -1, undefined).standfirst, null);
});
