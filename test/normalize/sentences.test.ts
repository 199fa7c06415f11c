import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstSentence, sentenceStarts, splitSentences } from '../../src/normalize/sentences.js';

test('should split after a full stop followed by a capital', () => {
  assert.deepEqual(splitSentences('Talks ended. Kerry left. He said "yes."'), ['Talks ended.', 'Kerry left.', 'He said "yes."']);
});

test('should split after closing quotes and before opening quotes', () => {
  const text = 'to meet the challenge." He said it was "a step". "We agree," she said.';
  assert.deepEqual(splitSentences(text), ['to meet the challenge."', 'He said it was "a step".', '"We agree," she said.']);
});

test('should not split after titles, initials and initialisms followed by a name', () => {
  assert.deepEqual(sentenceStarts('Gen. Smith met Mr. Jones and John F. Kennedy Jr. Smith.'), []);
  assert.deepEqual(sentenceStarts('U.S. Secretary of State John Kerry met the U.N. Security Council.'), []);
});

test('should not split inside an elision or before a lower-case word', () => {
  assert.deepEqual(sentenceStarts('cooperated "despite differences ... in the face of this urgency'), []);
  assert.deepEqual(sentenceStarts('an Aug. 1 deadline and 1 a.m. local time'), []);
});

test('should find the last sentence start of a wrapped line', () => {
  const line = 'violence and more aid deliveries. Russia';
  const starts = sentenceStarts(line);
  assert.equal(line.slice(starts[starts.length - 1]), 'Russia');
});

test('should return the whole text as first sentence when there is no boundary', () => {
  assert.equal(firstSentence('No full stop here'), 'No full stop here');
});
