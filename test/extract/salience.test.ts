import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Mention } from '../../src/model.js';
import { scoreTopics } from '../../src/extract/salience.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/extract/entities');
const mention = (name: string, block: Mention['block'], kind: Mention['kind'] = 'place'): Mention =>
  ({ name, kind, text: name, block, line: 0, offset: 0 });

describe('scoreTopics', () => {
  test('should count body mentions once, standfirst twice and headline three times', () => {
    const scores = scoreTopics([
      mention('Syria', 0), mention('Syria', 3), mention('Moscow', 'standfirst'), mention('John Kerry', 'title', 'person'),
    ]);
    assert.deepEqual(scores, [
      { name: 'John Kerry', kind: 'person', score: 3 },
      { name: 'Moscow', kind: 'place', score: 2 },
      { name: 'Syria', kind: 'place', score: 2 },
    ]);
  });

  test('should break ties by name, the same on every machine', () => {
    const names = scoreTopics([mention('al Qaeda', 0), mention('Ukraine', 0), mention('Amman', 0)]).map((s) => s.name);
    assert.deepEqual(names, ['Amman', 'Ukraine', 'al Qaeda']);
  });

  test('should return nothing for no mentions', () => {
    assert.deepEqual(scoreTopics([]), []);
  });

  test('should rank what each seed article is about first', () => {
    const top = (id: string) => scoreTopics(JSON.parse(fs.readFileSync(path.join(fixtures, `${id}.json`), 'utf8')) as Mention[])
      .slice(0, 3)
      .map((s) => s.name);
    assert.deepEqual(top('002'), ['John Kerry', 'Syria', 'Islamic State']);
    assert.deepEqual(top('003'), ['Syria', 'John Kerry', 'Russia']);
    assert.deepEqual(top('004'), ['John Kerry', 'Syria', 'Moscow']);
  });
});
