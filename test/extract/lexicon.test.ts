import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { lexiconSnapshot, readSnapshot } from '../../src/extract/lexicon.js';
import { tempDir } from '../support/site.js';

const compromise = createRequire(import.meta.url)('compromise') as { model(): { one: { lexicon: Record<string, string | string[]> } } };

function tempFile(text: string): string {
  const file = path.join(tempDir('lexicon-'), 'compromise-lexicon.json');
  fs.writeFileSync(file, text);
  return file;
}

test('the lexicon snapshot gives back every word of compromise with its tags', () => {
  const lexicon = compromise.model().one.lexicon;
  const read = readSnapshot(tempFile(lexiconSnapshot()));
  assert.ok(read);
  assert.equal(Object.keys(read).length, Object.keys(lexicon).length);
  for (const [word, tags] of Object.entries(lexicon)) assert.deepEqual(read[word], tags, word);
  // Words the extraction leans on, written out so a broken snapshot cannot pass by being empty on both sides.
  assert.equal(read['france'], 'Country');
  assert.ok(Object.keys(read).length > 20_000);
});

test('a snapshot of another compromise version, or a broken one, is not used', () => {
  const snapshot = JSON.parse(lexiconSnapshot()) as { compromise: string };
  assert.equal(readSnapshot(tempFile(JSON.stringify({ ...snapshot, compromise: '0.0.1' }))), null);
  assert.equal(readSnapshot(tempFile('{"compromise": ')), null);
  assert.equal(readSnapshot(path.join(os.tmpdir(), 'no-such-folder', 'compromise-lexicon.json')), null);
});
