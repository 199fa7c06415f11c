import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unfoldColumns } from '../../src/normalize/columns.js';
import { toSourceLines } from '../../src/normalize/source-lines.js';

const col = (left: string, right: string): string => `${left.padEnd(40)}${right}`;

test('should read a two-column region down the left column, then the right one', () => {
  const body = [col('Left one starts here', 'Right one starts here'), col('and goes on.', 'and goes on too.'), col('Left two.', 'Right two.')].join('\n');
  const rows = unfoldColumns(toSourceLines(body, 1));
  assert.deepEqual(
    rows.map((r) => [r.line, r.text]),
    [
      [1, 'Left one starts here'],
      [2, 'and goes on.'],
      [3, 'Left two.'],
      [1, ''],
      [1, 'Right one starts here'],
      [2, 'and goes on too.'],
      [3, 'Right two.'],
    ],
  );
});

test('should treat tabs as column separators after expanding them', () => {
  const body = ['Left one starts here\t\t\tRight one', 'and goes on here too\t\t\tand on', 'end of left column.\t\t\tend.'].join('\n');
  assert.deepEqual(
    unfoldColumns(toSourceLines(body, 1)).map((r) => r.text),
    ['Left one starts here', 'and goes on here too', 'end of left column.', '', 'Right one', 'and on', 'end.'],
  );
});

test('should leave text with stray wide spaces alone', () => {
  const body = 'A line with   three spaces inside it.\nAnother line   with a gap elsewhere entirely here.\nAnd one more.';
  const lines = toSourceLines(body, 1);
  assert.deepEqual(unfoldColumns(lines), lines);
});
