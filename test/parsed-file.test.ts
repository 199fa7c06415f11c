/** A parsed file's body waits as UTF-8 bytes between load and its article (issue 7): it must come back exactly. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeText } from '../src/load/decode-text.js';
import { parseFrontMatter } from '../src/normalize/front-matter.js';
import { bodyText, frontMatterOf, holdParsed } from '../src/parsed-file.js';

const source = { path: '/content/a.txt', relPath: 'a.txt', hash: 'h', diagnostics: [] };

describe('a parsed file held as bytes', () => {
  it('should give back the body and front matter it was given, whatever the characters', () => {
    const bodies = [
      '\uFEFFA body that opens with a byte order mark',
      '“Curly quotes” — dashes, café, Ærø, 東京, Кыив, an emoji 📰 and a tab\there.',
      '',
      'Line one\n\nLine two\n',
    ];
    for (const body of bodies) {
      const fm = parseFrontMatter(`---\ntitle: A “quoted” title\npublisher: Example Post\n---\n${body}`, source.path);
      const held = holdParsed(source, fm);
      assert.ok(!('body' in held.fm), 'no text left in the front matter');
      assert.ok(held.body instanceof Uint8Array);
      assert.equal(bodyText(held), fm.body);
      assert.deepEqual(frontMatterOf(held), fm);
    }
  });

  it('should round-trip what the decoder makes of a Windows-1252 or UTF-16 file', () => {
    const files = [Uint8Array.from([0x93, 0x51, 0x75, 0x6f, 0x74, 0x65, 0x94, 0x20, 0x80]), Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x3d, 0xd8, 0xf0, 0xdc])];
    for (const bytes of files) {
      const decoded = decodeText(bytes, source.path);
      assert.ok(decoded.ok);
      const fm = parseFrontMatter(decoded.text, source.path);
      assert.equal(bodyText(holdParsed(source, fm)), decoded.text);
    }
  });
});
