/** A parsed file is held until its article is made (issue 7): what is held must be what was parsed. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFrontMatter } from '../src/normalize/front-matter.js';
import { holdParsed } from '../src/parsed-file.js';

const source = { path: '/content/a.txt', relPath: 'a.txt', hash: 'h', diagnostics: [] };

describe('a parsed file as held', () => {
  it('should hold the front matter it was given, copied, and the body', () => {
    const text = '---\ntitle: A “quoted” title\npublisher: Example Post\ntopics: [Geneva, Syria]\nsummary: Talks went on.\nunknown: x\n---\n“Curly quotes” — café, 東京, 📰.\n';
    const fm = parseFrontMatter(text, source.path);
    assert.equal(fm.diagnostics.length, 1, 'the unknown key is warned about');
    const held = holdParsed(source, fm);
    assert.deepEqual(held.fm, fm);
    assert.notEqual(held.fm.data, fm.data, 'a copy, not the slices of the text');
    assert.equal(held.fm.body, '“Curly quotes” — café, 東京, 📰.\n');
    assert.equal(held.source, source);
  });
});
