import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences } from '../../src/extract/sentences.js';

const texts = (text: string): string[] => splitSentences(text).map((s) => s.text);

test('should split plain sentences and keep offsets into the text', () => {
  const text = '  Kerry met Putin. Lavrov was there!  Was it useful?  ';
  const spans = splitSentences(text);
  assert.deepEqual(spans.map((s) => s.text), ['Kerry met Putin.', 'Lavrov was there!', 'Was it useful?']);
  for (const s of spans) assert.equal(text.slice(s.start, s.end), s.text);
});

test('should return nothing for empty or blank text', () => {
  assert.deepEqual(splitSentences(''), []);
  assert.deepEqual(splitSentences('   '), []);
});

test('should not split after initialisms followed by a name', () => {
  assert.deepEqual(texts('U.S. Secretary of State John Kerry met U.N. envoy Staffan de Mistura. They spoke.'), [
    'U.S. Secretary of State John Kerry met U.N. envoy Staffan de Mistura.',
    'They spoke.',
  ]);
});

test('should split after an initialism when a sentence opener follows', () => {
  assert.deepEqual(texts('The plan was backed by the U.S. The Russians objected.'), [
    'The plan was backed by the U.S.',
    'The Russians objected.',
  ]);
});

test('should not split after titles or before a day number', () => {
  assert.deepEqual(texts('Mr. Lavrov and Dr. Smith set an Aug. 1 deadline. Mr Kerry agreed.'), [
    'Mr. Lavrov and Dr. Smith set an Aug. 1 deadline.',
    'Mr Kerry agreed.',
  ]);
});

test('should keep a.m. and p.m. inside the sentence', () => {
  assert.deepEqual(texts('Talks lasted until 1 a.m. local time on July 15. The State Department said so.'), [
    'Talks lasted until 1 a.m. local time on July 15.',
    'The State Department said so.',
  ]);
});

test('should keep a closing quote with the sentence it ends', () => {
  assert.deepEqual(texts('"It\'s a baby step, but a necessary step. It\'s not a bad result." A summary was seen.'), [
    '"It\'s a baby step, but a necessary step.',
    'It\'s not a bad result."',
    'A summary was seen.',
  ]);
  assert.deepEqual(texts('He said: “We agree.” Lavrov nodded.'), ['He said: “We agree.”', 'Lavrov nodded.']);
});

test('should split before an opening quote', () => {
  assert.deepEqual(texts('He said so. "Basic principles have been laid out."'), ['He said so.', '"Basic principles have been laid out."']);
});

test('should not split when a lowercase word follows', () => {
  assert.deepEqual(texts('"Why now?" he asked. Cooperation "despite differences ... in the face of this urgency" helped.'), [
    '"Why now?" he asked.',
    'Cooperation "despite differences ... in the face of this urgency" helped.',
  ]);
});

test('should split after an ellipsis when a capital follows', () => {
  assert.deepEqual(texts('We waited… Then the talks began. And so on... It ended.'), [
    'We waited…',
    'Then the talks began.',
    'And so on...',
    'It ended.',
  ]);
});

test('should keep hyphenated and dotted words whole', () => {
  assert.deepEqual(texts('The U.K-based Syrian Observatory reported it. VOV.VN carried the story.'), [
    'The U.K-based Syrian Observatory reported it.',
    'VOV.VN carried the story.',
  ]);
});

test('should be deterministic', () => {
  const text = 'Kerry met Putin on Thursday. "Let\'s see what happens in Moscow." U.N. envoy de Mistura said so.';
  assert.deepEqual(splitSentences(text), splitSentences(text));
});
