import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CODES } from '../../src/diagnostics.js';
import { normalizePlainText, type NormalizedText, type PlainTextInput } from '../../src/normalize/plain-text.js';
import { fixtureCases, inputFor, readFixture } from './fixtures.js';

const input = (body: string, extra: Partial<PlainTextInput> = {}): PlainTextInput => ({
  file: 'content/x.txt',
  body,
  bodyLine: 1,
  overrides: { keep: [], drop: [] },
  forced: {},
  furniture: { sharedLines: new Set(), patterns: [] },
  ...extra,
});

/** Non-whitespace characters with their counts: what "no word changes, none is lost" means in bulk. */
function characters(texts: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) for (const ch of text.normalize('NFC').replace(/[\s\ufeff]/gu, '')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return counts;
}

function fromBody(r: NormalizedText): string[] {
  const out = [...r.blocks.map((b) => b.text), ...r.removed.map((x) => x.text)];
  if (r.title && r.title.line > 0 && r.title.source !== 'first-sentence') out.push(r.title.text);
  if (r.standfirst && r.standfirst.line > 0) out.push(r.standfirst.text);
  return out;
}

for (const name of fixtureCases()) {
  test(`should account for every character of ${name} and change none`, () => {
    const given = inputFor(name);
    const r = normalizePlainText(given);
    assert.deepStrictEqual(characters(fromBody(r)), characters([given.body]));
    const rawLines = given.body.replace(/^\ufeff/u, '').split(/\r\n|\r|\n/);
    for (const x of r.removed) assert.equal(x.text, rawLines[x.line - given.bodyLine], `removed line ${x.line}`);
    // Blocks are spans of the body once removed lines are taken out (a paragraph may be joined
    // across an ad line); a two-column paste is read column by column, so it is exempt.
    const gone = new Set(r.removed.map((x) => x.line));
    const kept = rawLines.filter((_, i) => !gone.has(i + given.bodyLine)).join('').normalize('NFC').replace(/\s+/gu, '');
    if (name !== 'two-column') {
      for (const b of r.blocks) assert.ok(kept.includes(b.text.replace(/\s+/gu, '')), `block at line ${b.line} is not a span of the body`);
    }
  });
}

test('should give the same record for CRLF, lone CR, BOM and LF bodies', () => {
  const lf = readFixture('clean.txt');
  const expected = normalizePlainText(input(lf));
  assert.deepStrictEqual(normalizePlainText(input(lf.replace(/\n/g, '\r\n'))), expected);
  assert.deepStrictEqual(normalizePlainText(input(lf.replace(/\n/g, '\r'))), expected);
  assert.deepStrictEqual(normalizePlainText(input(`\ufeff${lf}`)), expected);
  const crlf = normalizePlainText(inputFor('crlf'));
  assert.deepStrictEqual(crlf, normalizePlainText({ ...inputFor('crlf'), body: readFixture('crlf.txt').replace(/\r\n/g, '\n') }));
});

test('should pass a clean article through as one paragraph per blank-line-separated block', () => {
  const body = readFixture('clean.txt');
  const r = normalizePlainText(input(body));
  const chunks = body.trim().split(/\n\s*\n/u);
  assert.equal(r.title?.text, chunks[0]);
  assert.deepEqual(r.blocks.map((b) => b.text), chunks.slice(1));
  assert.deepEqual(r.removed, []);
  assert.deepEqual(r.diagnostics, []);
});

test('should number lines from bodyLine', () => {
  const r = normalizePlainText(input('Headline of the story\n\nBody paragraph.\n\nAdvertisement\n\nMore body.', { bodyLine: 5 }));
  assert.equal(r.title?.line, 5);
  assert.deepEqual(r.blocks.map((b) => b.line), [7, 11]);
  assert.deepEqual(r.removed, [{ line: 9, text: 'Advertisement', reason: 'advertisement' }]);
});

test('should keep and drop lines by file line or text, drop winning over keep', () => {
  const body = 'Headline of the story\n\nBody paragraph.\n\nAdvertisement\n\nMore body.\n\nLast line.';
  const r = normalizePlainText(input(body, { bodyLine: 3, overrides: { keep: [7, 'Last line.'], drop: ['More  body.', 11] } }));
  assert.deepEqual(r.blocks.map((b) => b.text), ['Body paragraph.', 'Advertisement']);
  assert.deepEqual(r.removed.map((x) => [x.line, x.reason]), [
    [9, 'editor-drop'],
    [11, 'editor-drop'],
  ]);
});

test('should warn when the title had to come from the first sentence', () => {
  const r = normalizePlainText(input(readFixture('headline-less.txt')));
  assert.equal(r.title?.source, 'first-sentence');
  assert.deepEqual(
    r.diagnostics.map((d) => [d.code, d.severity, d.file, d.line]),
    [[CODES.NO_HEADLINE, 'warning', 'content/x.txt', 1]],
  );
});

test('should warn when nothing but furniture is left', () => {
  const r = normalizePlainText(input('Advertisement\nShare this article\n'));
  assert.equal(r.title, null);
  assert.deepEqual(r.blocks, []);
  assert.equal(r.removed.length, 2);
  assert.deepEqual(r.diagnostics.map((d) => d.code), [CODES.NO_BODY]);
});

test('should not change words: quotes, ellipses and typos stay as written', () => {
  const text = '“Let’s see ... what happens,” he said of the capture of Palmrya… “It’s not a bad result.”';
  const r = normalizePlainText(input(`Headline of the story\n\n${text}\n\nAnother paragraph.`));
  assert.equal(r.blocks[0]?.text, text);
});
