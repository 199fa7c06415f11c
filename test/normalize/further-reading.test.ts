import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isListHeading, isReadingList, parseFurtherReadingItem } from '../../src/normalize/further-reading.js';

test('should split an item into outlet, title and URL, words as written', () => {
  assert.deepEqual(parseFurtherReadingItem('- The Associated Press: Syria’s Assad Says He Doesn’t Know', 22), {
    text: 'Syria’s Assad Says He Doesn’t Know',
    outlet: 'The Associated Press',
    url: null,
    line: 22,
  });
  assert.deepEqual(parseFurtherReadingItem('* Who wins and who loses https://news.example.com/a', 3), {
    text: 'Who wins and who loses',
    outlet: null,
    url: 'https://news.example.com/a',
    line: 3,
  });
});

test('should accept a list as reading matter by its heading or its items', () => {
  assert.ok(isListHeading('Recommended Reads:'));
  assert.ok(!isListHeading('These are the changes the government announced today:'));
  assert.ok(isReadingList('Recommended Reads:', ['- Anything at all']));
  assert.ok(isReadingList('Elsewhere today:', ['- CNBC: A story', '- BBC: Another']));
  assert.ok(!isReadingList('Key points:', ['- Taxes rise next year.', '- Fuel duty is frozen.']));
});
