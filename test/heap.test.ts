import assert from 'node:assert/strict';
import { test } from 'node:test';
import { userSetGrowing } from '../src/heap.js';

test('the heap growing factor is left to the user who set one on the node command line', () => {
  assert.equal(userSetGrowing([]), false);
  assert.equal(userSetGrowing(['--max-old-space-size=4096', '--enable-source-maps']), false);
  assert.equal(userSetGrowing(['--heap-growing-percent=100']), true);
  assert.equal(userSetGrowing(['--max-old-space-size=4096', '--heap_growing_percent=30']), true);
});
