/**
 * Golden records (house style rule 7): every `test/fixtures/normalize/<case>.txt` is normalized and
 * compared with `<case>.json`, which is written when missing or when UPDATE=1. Read a changed golden
 * file by eye before committing it: it must be right, not just stable.
 */
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { normalizePlainText } from '../../src/normalize/plain-text.js';
import { FIXTURES, fixtureCases, inputFor, readFixture } from './fixtures.js';

for (const name of fixtureCases()) {
  test(`should normalize ${name} as its golden record`, () => {
    const actual = JSON.parse(JSON.stringify(normalizePlainText(inputFor(name)))) as unknown;
    const golden = `${FIXTURES}${name}.json`;
    if (process.env['UPDATE'] === '1' || !existsSync(golden)) {
      writeFileSync(golden, `${JSON.stringify(actual, null, 2)}\n`);
    }
    assert.deepStrictEqual(actual, JSON.parse(readFixture(`${name}.json`)));
  });
}
