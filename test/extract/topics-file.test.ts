import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseTopicsFile } from '../../src/extract/topics-file.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FILE = 'content/topics.yaml';
const parse = (text: string) => parseTopicsFile(text, FILE);
/** `line: message` of each diagnostic, for compact asserts. */
const where = (text: string) => parse(text).diagnostics.map((d) => `${d.severity} ${d.line}: ${d.message}`);

describe('parseTopicsFile', () => {
  test('should read sections as kinds, with descriptions, aliases and bare names', () => {
    const { value, diagnostics } = parse([
      'people:',
      '  - name: John Kerry',
      '    description: US Secretary of State.',
      '    aliases: [Kerry]',
      'places:',
      '  - Geneva',
      'organizations:',
      '  - name: Islamic State',
      '    aliases:',
      '      - ISIS',
      '      - Daesh',
      'themes:',
      '  - name: Ceasefire',
      'suppress: [Related, Comments]',
    ].join('\n'));
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(value, {
      topics: [
        { name: 'John Kerry', kind: 'person', description: 'US Secretary of State.', aliases: ['Kerry'] },
        { name: 'Geneva', kind: 'place', aliases: [] },
        { name: 'Islamic State', kind: 'organisation', aliases: ['ISIS', 'Daesh'] },
        { name: 'Ceasefire', kind: 'theme', aliases: [] },
      ],
      suppress: ['Related', 'Comments'],
    });
  });

  test('should accept an empty file or one with comments only', () => {
    assert.deepEqual(parse(''), { value: { topics: [], suppress: [] }, diagnostics: [] });
    assert.deepEqual(parse('# nothing yet\n'), { value: { topics: [], suppress: [] }, diagnostics: [] });
  });

  test('should report invalid YAML with its line and column', () => {
    const [d, ...rest] = parse('people:\n  - name: A\n    aliases: [x, y\n  - name: B\n').diagnostics;
    assert.equal(rest.length, 0);
    assert.equal(d!.code, 'NA401');
    assert.equal(d!.file, FILE);
    assert.equal(d!.line, 4);
    assert.equal(d!.column, 3);
    assert.match(d!.message, /not valid YAML/);
  });

  test('should report a section given twice at the second one', () => {
    assert.deepEqual(parse('places:\n  - Geneva\nplaces:\n  - Moscow\n').diagnostics.map((d) => d.line), [3]);
  });

  test('should report an unknown section with a suggestion', () => {
    const [d, ...rest] = parse('people: []\nplaecs:\n  - Geneva\n').diagnostics;
    assert.equal(rest.length, 0);
    assert.equal(d!.line, 2);
    assert.match(d!.message, /Unknown section "plaecs"/);
    assert.match(d!.hint, /did you mean "places"/);
  });

  test('should report entry problems at their own lines and keep the good entries', () => {
    const text = [
      'people:',
      '  - name: John Kerry',
      '    alias: [Kerry]', // 3: unknown key
      '  - description: no name here', // 4: missing name
      '  - name: Vladimir Putin',
      '    aliases: Putin', // 6: not a list
      '  - name: Sergei Lavrov',
      '    aliases: [Lavrov, 2016]', // 8: alias not text
      '  - 42', // 9: bare entry not text
      'suppress:',
      '  - [a, b]', // 11: not a name
    ].join('\n');
    assert.deepEqual(where(text), [
      'error 3: Unknown key "alias" in a topic entry.',
      'error 4: A topic entry needs a name (text).',
      'error 6: The aliases of "Vladimir Putin" must be a list.',
      'error 8: An alias of "Sergei Lavrov" is not a name.',
      'error 9: A topic entry must be a name or a mapping with name, description and aliases.',
      'error 11: Each suppress entry must be a name.',
    ]);
    const { value, diagnostics } = parse(text);
    assert.match(diagnostics[0]!.hint, /did you mean "aliases"/);
    assert.deepEqual(value.topics.map((t) => [t.name, t.aliases]), [['John Kerry', []], ['Vladimir Putin', []], ['Sergei Lavrov', ['Lavrov']]]);
  });

  test('should refuse a name or alias that points to two topics, naming both lines', () => {
    const text = 'places:\n  - name: United States\n    aliases: [US]\norganisations:\n  - name: United Nations\n    aliases: [UN, US]\n';
    const [d] = parse(text).diagnostics;
    assert.equal(d!.line, 5);
    assert.equal(d!.message, '"US" is used by two topics: "United States" (line 2) and "United Nations".');
    assert.deepEqual(parse(text).value.topics.map((t) => t.name), ['United States']);
  });

  test('should warn when a suppressed name is also a topic', () => {
    assert.deepEqual(where('places:\n  - Geneva\nsuppress: [geneva]\n'), [
      'warning 2: "geneva" is both suppressed and a name of the topic "Geneva" (line 2); the topic wins.',
    ]);
  });

  test('should refuse a file that is not a mapping', () => {
    const [d, ...rest] = where('- John Kerry\n');
    assert.equal(rest.length, 0);
    assert.match(d!, /^error 1: The topics file must be a mapping/);
  });

  test('should read content/topics.yaml with every topic the seeds need', () => {
    const { value, diagnostics } = parse(fs.readFileSync(path.join(root, FILE), 'utf8'));
    assert.deepEqual(diagnostics, []);
    const byName = new Map(value.topics.map((t) => [t.name, t]));
    const required: Record<string, string> = {
      'John Kerry': 'person', 'Vladimir Putin': 'person', 'Sergei Lavrov': 'person', 'Bashar al-Assad': 'person',
      'Staffan de Mistura': 'person', 'Barack Obama': 'person', Syria: 'place', Russia: 'place', 'United States': 'place',
      Ukraine: 'place', Iran: 'place', Iraq: 'place', Palmyra: 'place', Geneva: 'place', Moscow: 'place', 'Deir Ezzor': 'place',
      'Islamic State': 'organisation', 'Nusra Front': 'organisation', 'United Nations': 'organisation',
      'US State Department': 'organisation', 'Washington Post': 'organisation',
      'Syrian Observatory for Human Rights': 'organisation', 'al Qaeda': 'organisation',
    };
    for (const [name, kind] of Object.entries(required)) {
      assert.equal(byName.get(name)?.kind, kind, name);
      assert.ok(byName.get(name)?.description, `${name} has a description`);
    }
    assert.deepEqual(byName.get('Islamic State')!.aliases.slice(0, 4), ['IS', 'ISIS', 'ISIL', 'Daesh']);
  });
});
