import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { parseFlatYaml } from '../../src/normalize/flat-yaml.js';

// Values the fast path must read exactly as the yaml package does, or hand over (null).
const VALUES = [
  '2016-03-24', '2016-03-24T10:00:00+03:00', 'VOV.VN', 'Reuters', '"Quoted: with colon"', "'It''s single'", 'true', 'False', 'TRUE',
  'null', '~', '', '42', '-7', '3.14', '1e3', '.5', '0x1F', '0o17', '.inf', '.NaN', '[Syria, John Kerry]', '[]', '["a, b", c]',
  '[1, two, true]', '[a: b]', 'yesterday', 'no', 'yes', '12:30', 'a # comment', 'a#b', '@at', '`tick`', '*alias', '&anchor x',
  '[unclosed', '{ flow: map }', '"esc\\"aped"', 'Kerry: says', 'http://example.org/a?b=c', '- item', '|', '>', 'x, y', 'Café ☕',
  'Read more:', 'a:b', '[more:]', 'Note:\ttab',
];

describe('parseFlatYaml', () => {
  it('should read every value as the yaml package does, or leave it to the yaml package', () => {
    let fast = 0;
    for (const v of VALUES) {
      const text = `\ntitle: ${v}\n`;
      const flat = parseFlatYaml(text);
      if (flat === null) continue;
      fast++;
      let expected: unknown;
      try {
        expected = (parse(text) as Record<string, unknown> | null)?.title ?? null;
      } catch {
        assert.fail(`fast path accepted ${JSON.stringify(v)}, which is invalid YAML`);
      }
      assert.deepEqual(flat[0]?.value, expected, `value ${JSON.stringify(v)}`);
    }
    assert.ok(fast >= 25, `the fast path should take the common forms (took ${fast})`);
  });

  it('should hand nested, duplicate and multi-line front matter to the yaml package', () => {
    assert.equal(parseFlatYaml('\ntopics:\n  - Syria\n'), null);
    assert.equal(parseFlatYaml('\ntitle: a\ntitle: b\n'), null);
    assert.equal(parseFlatYaml('\ntitle: >\n  folded\n'), null);
  });

  it('should give each entry its line and the columns of key and value', () => {
    assert.deepEqual(parseFlatYaml('\n# comment\ndate: 2016-03-24\ntopics:   [a]\n'), [
      { key: 'date', value: '2016-03-24', line: 3, keyColumn: 1, valueLine: 3, valueColumn: 7 },
      { key: 'topics', value: ['a'], line: 4, keyColumn: 1, valueLine: 4, valueColumn: 11 },
    ]);
  });
});
