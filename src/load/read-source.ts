/** Reads one article file into a SourceFile, or a located diagnostic saying why it cannot be read. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CODES, diagnostic, type Diagnostic } from '../diagnostics.js';
import type { SourceFile } from '../model.js';
import { decodeText } from './decode-text.js';
import { fileStat, type FileStat } from './source-index.js';

export type ReadResult = { ok: true; source: SourceFile; stat: FileStat } | { ok: false; diagnostic: Diagnostic };

/**
 * Reads `file`; `contentDir` gives the record's relative path. Size is checked before reading.
 * Synchronous: as fast as reads in flight on this kind of disk, and 100k files are never open at
 * once (which failed with EMFILE).
 */
export function readSource(file: string, contentDir: string, maxBytes: number): ReadResult {
  let bytes: Buffer;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
    if (stat.size > maxBytes) {
      return { ok: false, diagnostic: diagnostic('error', CODES.FILE_TOO_LARGE,
        `the file is ${(stat.size / 1048576).toFixed(1)} MB, over the ${(maxBytes / 1048576).toFixed(0)} MB limit for one article`,
        'Split it into several articles, or raise maxFileBytes in news-archive.config.json.', { file }) };
    }
    bytes = fs.readFileSync(file);
  } catch (err) {
    return { ok: false, diagnostic: diagnostic('error', CODES.FILE_UNREADABLE, `cannot read the file: ${(err as Error).message}`,
      'Check that the file exists and is readable.', { file }) };
  }
  const decoded = decodeText(bytes, file);
  if (!decoded.ok) return decoded;
  const relPath = path.relative(contentDir, file).split(path.sep).join('/');
  const hash = crypto.createHash('sha1').update(bytes).digest('hex');
  return { ok: true, source: { path: file, relPath, text: decoded.text, hash, diagnostics: decoded.diagnostics }, stat: fileStat(stat) };
}
