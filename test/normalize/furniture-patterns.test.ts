import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isCommentMarker, isShareLine, matchEndMarker, matchLinePattern } from '../../src/normalize/furniture-patterns.js';

test('should name web boilerplate lines by their reason', () => {
  const cases: [string, string][] = [
    ['Advertisement', 'advertisement'],
    ['- ADVERTISEMENT -', 'advertisement'],
    ['Story continues below advertisement', 'advertisement'],
    ['We use cookies to improve your experience. Read our cookie policy.', 'cookie-notice'],
    ['Share on Facebook | Share on Twitter | Email', 'share-line'],
    ['Follow us on Twitter and Facebook for the latest updates', 'share-line'],
    ['Sign up for our daily newsletter', 'call-to-action'],
    ['Read more: Heatwave breaks June records', 'read-more'],
    ['© 2016 Coastal Herald. All rights reserved.', 'copyright'],
    ['Home > World > Middle East', 'navigation'],
    ['Photo: Reuters', 'photo-credit'],
    ['Tags: Syria, Russia, diplomacy', 'tag-list'],
    ['Your email address will not be published. Required fields are marked *', 'comment-form'],
    ['Please fill the fields below.', 'comment-form'],
  ];
  for (const [line, reason] of cases) assert.equal(matchLinePattern(line), reason, line);
});

test('should leave ordinary sentences alone', () => {
  for (const line of [
    'He declined to comment.',
    'Follow the money, investigators said on Tuesday.',
    'Share prices fell sharply in early trading on Monday.',
    'The talks will be broadcast on Facebook and Twitter, officials said.',
    'Read the statement and you will see why, she said.',
    'Subscribers to the service rose by 10 percent.',
    'The cookie factory closed in 2014 after the owners retired.',
  ]) {
    assert.equal(matchLinePattern(line), null, line);
  }
});

test('should see share bars only when made of social words', () => {
  assert.ok(isShareLine('Share this article'));
  assert.ok(isShareLine('Tweet'));
  assert.ok(!isShareLine('Share this'.padEnd(12) + ' story with your whole family tonight please now ok'));
  assert.ok(!isShareLine('This article'));
});

test('should know comment headings and end-of-article link headings', () => {
  assert.ok(isCommentMarker('Comments About This Article'));
  assert.ok(isCommentMarker('3 Comments'));
  assert.ok(!isCommentMarker('He declined to comment on the report.'));
  assert.equal(matchEndMarker('Related'), 'related-block');
  assert.equal(matchEndMarker('You may also like'), 'related-block');
  assert.equal(matchEndMarker('Tags:'), 'tag-list');
  assert.equal(matchEndMarker('Related talks will follow'), null);
});
