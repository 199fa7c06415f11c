import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  endsWithFunctionWord,
  endsWithTerminal,
  foldWhitespace,
  isAllCaps,
  isTitleCase,
  lineKey,
  startsLower,
  startsUpper,
} from '../../src/normalize/text.js';

test('should fold tabs, NBSP and runs of spaces to one space and trim', () => {
  assert.equal(foldWhitespace('\t Prices\tfor\u00a0bread   flour \r'), 'Prices for bread flour');
});

test('should key lines by NFC, folded whitespace and lower case', () => {
  assert.equal(lineKey('  Mo\u0300i  ABC '), lineKey('Mòi abc'));
});

test('should see a sentence end through closing quotes and brackets', () => {
  assert.ok(endsWithTerminal('It is not a bad result."'));
  assert.ok(endsWithTerminal('as fast as possible".'));
  assert.ok(endsWithTerminal('Will tensions ease?'));
  assert.ok(endsWithTerminal('that helps a lot.”'));
  assert.ok(!endsWithTerminal('violence and more aid deliveries. Russia'));
  assert.ok(!endsWithTerminal('These are the main changes:'));
});

test('should tell upper from lower starts behind opening quotes', () => {
  assert.ok(startsUpper('“We have made'));
  assert.ok(startsUpper('250,000 people'));
  assert.ok(startsLower('and the United States'));
  assert.ok(!startsLower('"Basic principles'));
});

test('should find lines that stop on a function word', () => {
  assert.ok(endsWithFunctionWord('Secretary of'));
  assert.ok(endsWithFunctionWord('Ahead of talks with the'));
  assert.ok(!endsWithFunctionWord('Kerry vows to work with Moscow for peace in Syria despite differences'));
});

test('should recognise Title Case and ALL CAPS headings', () => {
  assert.ok(isTitleCase('Increased Violence in Deir Ezzor Province'));
  assert.ok(isTitleCase('Clashes Break Out in the Southern Sweida Province'));
  assert.ok(!isTitleCase('Syria peace talks grind toward pivotal Assad question'));
  assert.ok(isAllCaps('BATTLE FOR PALMYRA'));
  assert.ok(!isAllCaps('NATO said'));
});
