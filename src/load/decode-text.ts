/**
 * Bytes to text without silent mojibake (issue 6 contract): UTF-8 with or without BOM, UTF-16 with
 * a BOM, else Windows-1252 with a warning at the first bad byte. Binary files are refused.
 */
import { CODES, diagnostic, type Diagnostic } from '../diagnostics.js';

export type Decoded =
  | { ok: true; text: string; diagnostics: Diagnostic[] }
  | { ok: false; diagnostic: Diagnostic };

const MAGIC: readonly [string, number[]][] = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['ZIP archive', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip archive', [0x1f, 0x8b]],
];

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes a file's bytes; `file` names it in diagnostics. Line endings become `\n`, text NFC. */
export function decodeText(bytes: Uint8Array, file: string): Decoded {
  for (const [kind, magic] of MAGIC) {
    if (magic.every((b, i) => bytes[i] === b)) return { ok: false, diagnostic: binary(file, `a ${kind}`) };
  }
  let text: string;
  const diagnostics: Diagnostic[] = [];
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    // A NUL byte never occurs in text, and UTF-16 without a BOM is not supported.
    if (bytes.indexOf(0) !== -1) return { ok: false, diagnostic: binary(file, 'binary data (it contains NUL bytes)') };
    const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    try {
      text = utf8.decode(body);
    } catch {
      const bad = firstInvalidUtf8(body);
      const line = countLines(body, bad);
      text = decodeWindows1252(body);
      diagnostics.push(diagnostic('warning', CODES.NOT_UTF8, 'the file is not valid UTF-8; it was read as Windows-1252',
        'Check the accented characters on this line; re-save the file as UTF-8 to silence this.', { file, line, column: bad - lineStart(body, bad) + 1 }));
    }
  }
  return { ok: true, text: text.replace(/\r\n?/g, '\n').normalize('NFC'), diagnostics };
}

// Windows-1252's 0x80-0x9F (the WHATWG table; 0 marks the five unassigned bytes, kept as C1
// controls). Node 20.18.3+ decodes 'windows-1252' as Latin-1 (nodejs/node#60888), which would turn
// curly quotes and the euro sign into invisible control characters, so the table is ours.
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/** Windows-1252 bytes to text. */
function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    const codes = Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] || b : b));
    out += String.fromCharCode(...codes);
  }
  return out;
}

function binary(file: string, what: string): Diagnostic {
  return diagnostic('warning', CODES.BINARY_FILE, `skipped: the file is ${what}, not an article`,
    'Move it out of the content folder, or give it the right extension.', { file });
}

/** Offset of the first byte that breaks UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return bytes.length;
}

function countLines(bytes: Uint8Array, end: number): number {
  let n = 1;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) n++;
  return n;
}

function lineStart(bytes: Uint8Array, end: number): number {
  let i = end;
  while (i > 0 && bytes[i - 1] !== 0x0a) i--;
  return i;
}
