import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CODES } from '../../src/diagnostics.js';
import { decodeText } from '../../src/load/decode-text.js';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('decodeText', () => {
  it('should strip a UTF-8 BOM and normalise CRLF', () => {
    const r = decodeText(bytes([0xef, 0xbb, 0xbf], 'Title\r\nBody\r\n'), 'a.txt');
    assert.ok(r.ok);
    assert.equal(r.text, 'Title\nBody\n');
    assert.deepEqual(r.diagnostics, []);
  });

  it('should decode UTF-16 with a BOM', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Café\n', 'utf16le')]);
    const r = decodeText(utf16, 'a.txt');
    assert.ok(r.ok);
    assert.equal(r.text, 'Café\n');
  });

  it('should read Windows-1252 with a warning at the line of the first bad byte', () => {
    const r = decodeText(bytes('line one\nCaf', [0xe9], ' au lait\n'), 'a.txt');
    assert.ok(r.ok);
    assert.equal(r.text, 'line one\nCafé au lait\n');
    assert.equal(r.diagnostics[0]?.code, CODES.NOT_UTF8);
    assert.equal(r.diagnostics[0]?.line, 2);
    assert.equal(r.diagnostics[0]?.column, 4);
  });

  it('should map Windows-1252 curly quotes and the euro sign, which Latin-1 would lose', () => {
    const r = decodeText(bytes([0x93], 'Quoted', [0x94], ' costs 5', [0x80], ' ', [0xe9]), 'a.txt');
    assert.ok(r.ok);
    assert.equal(r.text, '“Quoted” costs 5€ é');
  });

  it('should refuse binary files: NUL bytes and image magic numbers', () => {
    const png = decodeText(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), 'x.txt');
    assert.ok(!png.ok);
    assert.equal(png.diagnostic.code, CODES.BINARY_FILE);
    assert.match(png.diagnostic.message, /PNG/);
    const nul = decodeText(bytes('abc', [0], 'def'), 'x.txt');
    assert.ok(!nul.ok);
  });

  it('should compose decomposed accents to NFC', () => {
    const r = decodeText(bytes('Cafe\u0301'), 'a.txt');
    assert.ok(r.ok);
    assert.equal(r.text, 'Café');
  });
});
