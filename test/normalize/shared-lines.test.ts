import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_SHARED_LINE, findSharedHashes, findSharedLines, hashLineKey, lineHashes, lineKeys } from '../../src/normalize/shared-lines.js';

test('should find lines shared by two articles of the same publisher', () => {
  const shared = findSharedLines([
    { publisher: 'Gazette', body: 'Headline one\n\nFollow the Gazette on  our app\nBody one.' },
    { publisher: ' gazette ', body: 'Headline two\r\nFollow the Gazette on our app\r\nBody two.' },
  ]);
  assert.deepEqual([...shared], ['follow the gazette on our app']);
});

test('should not share lines across publishers or count a line twice in one article', () => {
  const shared = findSharedLines([
    { publisher: 'A', body: 'Same line\nSame line' },
    { publisher: 'B', body: 'Same line' },
  ]);
  assert.equal(shared.size, 0);
});

test('should leave articles without a publisher out of the comparison', () => {
  const shared = findSharedLines([
    { publisher: null, body: 'Agency copy paragraph.' },
    { publisher: null, body: 'Agency copy paragraph.' },
  ]);
  assert.equal(shared.size, 0);
});

test('should not count lines longer than the furniture limit', () => {
  const long = 'word '.repeat(MAX_SHARED_LINE);
  const shared = findSharedLines([
    { publisher: 'A', body: long },
    { publisher: 'A', body: long },
  ]);
  assert.equal(shared.size, 0);
});

test('should find the same shared lines by hash as by text', () => {
  const docs = [
    { publisher: 'Gazette', body: 'Headline one\n\nFollow the Gazette on  our app\nBody one.' },
    { publisher: 'gazette', body: 'Headline two\r\nFollow the Gazette on our app\r\nBody two.\nBody two.' },
    { publisher: 'Other', body: 'Body one.' },
    // Three of one publisher, a line in all three and one in two; a line two publishers have once each.
    { publisher: 'Post', body: 'Sign up to the Post\nShare this\nBody one.' },
    { publisher: 'Post', body: 'Sign up to the Post\nBody three.' },
    { publisher: 'post ', body: 'Share this\nSign up to the Post\nBody four.' },
    { publisher: null, body: 'Share this\nBody one.' },
    { publisher: null, body: 'Share this' },
  ];
  const byText = findSharedLines(docs);
  const byHash = findSharedHashes(docs.map((d) => ({ publisher: d.publisher, lines: lineHashes(d.body) })));
  const sorted = (hashes: Iterable<number>) => [...hashes].sort((a, b) => a - b);
  assert.deepEqual(sorted(byHash), sorted([...byText].map(hashLineKey)));
  assert.deepEqual(new Set(byText), new Set(['follow the gazette on our app', 'sign up to the post', 'share this']));
  // Each line once, in order, so a repeated line does not count as shared with itself.
  assert.deepEqual(lineKeys('A\nb\n a \n\nB'), ['a', 'b']);
});

test('should hash different line keys apart', () => {
  const keys = ['follow us', 'follow us ', 'follow ud', 'a', 'b', ''];
  assert.equal(new Set(keys.map(hashLineKey)).size, keys.length);
  assert.ok(keys.map(hashLineKey).every((h) => Number.isSafeInteger(h) && h >= 0));
});
