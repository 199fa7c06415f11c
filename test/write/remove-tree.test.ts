/** Retired sites and given-up staging folders are removed one entry at a time (issue 7: fs.rm took 400 MB at 100k articles). */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { removeTree } from '../../src/write/remove-tree.js';
import { tempDir } from '../support/site.js';

describe('removeTree', () => {
  it('should remove a folder and everything in it, removing links without following them', async () => {
    const root = tempDir();
    const outside = path.join(root, 'outside');
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'keep.txt'), 'keep');
    const site = path.join(root, 'site');
    for (let i = 0; i < 300; i++) {
      fs.mkdirSync(path.join(site, 'articles', `a-${i}`), { recursive: true });
      fs.writeFileSync(path.join(site, 'articles', `a-${i}`, 'index.html'), `page ${i}`);
    }
    fs.mkdirSync(path.join(site, 'empty', 'deeper'), { recursive: true });
    fs.writeFileSync(path.join(site, 'index.html'), 'home');
    fs.symlinkSync(outside, path.join(site, 'linked-folder'));
    fs.symlinkSync(path.join(outside, 'keep.txt'), path.join(site, 'linked-file'));
    await removeTree(site);
    assert.deepEqual(fs.readdirSync(root), ['outside']);
    assert.equal(fs.readFileSync(path.join(outside, 'keep.txt'), 'utf8'), 'keep', 'what a link points at stays');
  });

  it('should remove a file given in place of a folder, and do nothing for a path that is not there', async () => {
    const root = tempDir();
    fs.writeFileSync(path.join(root, 'file'), 'x');
    await removeTree(path.join(root, 'file'));
    await removeTree(path.join(root, 'missing'));
    assert.deepEqual(fs.readdirSync(root), []);
  });
});
