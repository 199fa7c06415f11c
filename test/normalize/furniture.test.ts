import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyFurniture } from '../../src/normalize/furniture.js';
import { toSourceLines } from '../../src/normalize/source-lines.js';
import { lineKey } from '../../src/normalize/text.js';

const classify = (body: string, shared: string[] = [], patterns: RegExp[] = []): (string | null)[] =>
  classifyFurniture(toSourceLines(body, 1), { sharedLines: new Set(shared.map(lineKey)), patterns }).reasons;

test('should keep the first copy of a repeated body line and mark later ones', () => {
  const body = 'Headline of the story\n\nA paragraph that the scraper doubled.\n\nA paragraph that the scraper doubled.\n\nLast one.';
  assert.deepEqual(classify(body), [null, null, null, null, 'duplicate-line', null, null]);
});

test('should remove a block of repeated headlines and teasers opened by end furniture', () => {
  const body = [
    'Real paragraph one.',
    'Real paragraph two.',
    'Follow us on Twitter',
    'Other story headline',
    'Other story headline',
    'Other story teaser sentence here.',
    'Other story headline',
    'Other story teaser sentence here.',
  ].join('\n');
  assert.deepEqual(classify(body), [null, null, 'share-line', 'related-block', 'related-block', 'related-block', 'related-block', 'related-block']);
});

test('should keep a paragraph doubled at the very end once when no furniture opens the run', () => {
  const body = 'Headline line here\n\nFirst paragraph.\n\nLast paragraph repeated.\n\nLast paragraph repeated.';
  assert.deepEqual(classify(body), [null, null, null, null, null, null, 'duplicate-line']);
});

test('should not count fragments of wrapped lines as repeats', () => {
  const body = 'The talks began on Monday and the\nUnited States and Russia agreed on a plan. Then the\nUnited States and Russia agreed on a plan. Later.';
  assert.deepEqual(classify(body), [null, null, null]);
});

test('should take only the headings of a related widget in the middle of the text', () => {
  const body = [
    'Headline of the story',
    'First paragraph of the story.',
    'Related',
    'Another story headline',
    'Second paragraph of the story.',
    'Third paragraph of the story.',
  ].join('\n');
  assert.deepEqual(classify(body), [null, null, 'related-block', 'related-block', null, null]);
});

test('should keep a comment heading that neither precedes a form nor ends the article', () => {
  const body = ['Headline of the story', 'First paragraph.', "Putin's Comments", 'Second paragraph.', 'Third.', 'Fourth.', 'Fifth.'].join('\n');
  assert.deepEqual(classify(body), [null, null, null, null, null, null, null]);
});

test('should remove shared non-sentences anywhere but shared sentences only at the end', () => {
  const body = ['Gazette - your local news', 'Headline of the story', 'Background sentence we reuse.', 'Real paragraph.', 'Another one.', 'And a third.', 'About the Gazette sentence.'].join('\n');
  const shared = ['Gazette - your local news', 'Background sentence we reuse.', 'About the Gazette sentence.'];
  assert.deepEqual(classify(body, shared), ['shared-by-publisher', null, null, null, null, null, 'shared-by-publisher']);
});

test('should ignore shared lines in an article that is mostly shared (a republished copy)', () => {
  const body = ['Headline of the story', 'Paragraph one.', 'Paragraph two.'].join('\n');
  assert.deepEqual(classify(body, body.split('\n')), [null, null, null]);
});

test('should match config patterns against the whole line, case-insensitively', () => {
  const body = 'Listen to this article 4 min\nHe said: listen to this article 4 min later.';
  assert.deepEqual(classify(body, [], [/listen to this article \d+ min/]), ['config-pattern', null]);
});

test('should collect the reading list at the end', () => {
  const lines = toSourceLines('Body paragraph.\nRecommended Reads:\n- The Guardian: A story\n- CNBC: Another: with colon', 1);
  const found = classifyFurniture(lines, { sharedLines: new Set(), patterns: [] });
  assert.deepEqual(found.reasons, [null, 'further-reading', 'further-reading', 'further-reading']);
  assert.deepEqual(
    found.furtherReading.map((f) => f.item),
    [
      { text: 'A story', outlet: 'The Guardian', url: null, line: 3 },
      { text: 'Another: with colon', outlet: 'CNBC', url: null, line: 4 },
    ],
  );
});

test('should read bylines and credit lines only near either end', () => {
  const lines = toSourceLines(['Headline of the story', 'By Jane Doe, Reuters', 'Body.', 'B.', 'C.', 'D.', 'E.', 'F.', 'By John Roe', 'G.', 'H.', 'I.', 'J.', 'K.'].join('\n'), 1);
  const found = classifyFurniture(lines, { sharedLines: new Set(), patterns: [] });
  assert.equal(found.reasons[1], 'byline');
  assert.equal(found.reasons[8], null);
  assert.equal(found.byline, 'Jane Doe');
  assert.equal(found.credit, 'Reuters');
});

test('should take a section label over the headline, but never the start of a hard-wrapped sentence', () => {
  assert.deepEqual(classify('World\nKerry meets Putin in Moscow\nJohn Kerry met Vladimir Putin on Thursday.'), ['section-label', null, null]);
  // Two words without a stop over a headline-like line, as a label is; but "of" runs on into the
  // next line, so it is the first line of the paragraph.
  assert.deepEqual(classify('Secretary of\nState John Kerry Met Sergei Lavrov In Moscow\nOn Tuesday the talks began.'), [null, null, null]);
});
