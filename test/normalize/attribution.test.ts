import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findCredit, findPublisherHint, parseBylineLine, parseCreditLine } from '../../src/normalize/attribution.js';

test('should parse byline lines', () => {
  assert.deepEqual(parseBylineLine('By Jane Doe'), { byline: 'Jane Doe', credit: null });
  assert.deepEqual(parseBylineLine('By JANE DOE and John Roe'), { byline: 'JANE DOE and John Roe', credit: null });
  assert.deepEqual(parseBylineLine('By Jane Doe | Reuters'), { byline: 'Jane Doe', credit: 'Reuters' });
  assert.deepEqual(parseBylineLine('By Staffan de Mistura, Staff Writer'), { byline: 'Staffan de Mistura', credit: null });
  assert.deepEqual(parseBylineLine('(Reporting by Maria Lopez; Editing by Sam Hill)'), { byline: 'Maria Lopez', credit: null });
});

test('should not take sentences that start with "By" for bylines', () => {
  assert.equal(parseBylineLine('By the time he arrived, the talks were over'), null);
  assert.equal(parseBylineLine('By Tuesday, officials said the talks would resume.'), null);
});

test('should parse stand-alone credit lines', () => {
  assert.equal(parseCreditLine('(AFP)'), 'AFP');
  assert.equal(parseCreditLine('— Reuters'), 'Reuters');
  assert.equal(parseCreditLine('Source: Associated Press'), 'Associated Press');
  assert.equal(parseCreditLine('(Unrelated words)'), null);
});

test('should find the credited agency from a dateline or its own phrasing', () => {
  assert.equal(findCredit(['MOSCOW (Reuters) - Talks began.']), 'Reuters');
  assert.equal(findCredit(['WASHINGTON, March 24 (AP) — Talks began.']), 'AP');
  assert.equal(findCredit(['Intro.', 'A summary of the document seen by Reuters lists points.']), 'Reuters');
  assert.equal(findCredit(['The minister told the Associated Press on Monday.']), 'Associated Press');
});

test('should not credit an agency that is only cited', () => {
  assert.equal(findCredit(['The leaders did not meet, Reuters reported.', 'It said so, according to the Associated Press.']), null);
});

test('should name the site from removed site furniture, not from reading lists', () => {
  const removed = [
    { line: 9, text: 'Mời quý độc giả theo dõi VOV.VN trên', reason: 'other-language' },
    { line: 12, text: 'VOV.VN - On June 27, a teaser.', reason: 'related-block' },
    { line: 20, text: '- Read it at news.example.com', reason: 'further-reading' },
    { line: 21, text: 'U.S. and U.N. officials, 1 a.m.', reason: 'end-furniture' },
  ];
  assert.equal(findPublisherHint(removed), 'VOV.VN');
  assert.equal(findPublisherHint([removed[2]!, removed[3]!]), null);
  assert.equal(findPublisherHint([{ line: 3, text: '© 2016 Coastal Herald. All rights reserved.', reason: 'copyright' }]), 'Coastal Herald');
});
