/**
 * Byte-identical search indexes (issue 6, item 7). Pagefind 1.5 writes its filter indexes, and the
 * list of them in its metadata file, in hash-map order (Pagefind/pagefind#638), so two builds of
 * the same records differ in a few files and a deploy uploads them again. This puts those lists in
 * order and renames the files by their new content, as Pagefind names them: a content hash behind
 * the language. Everything else Pagefind wrote is already deterministic and is left as it is.
 *
 * The layout read here is Pagefind 1.5's (CBOR behind a signature, gzipped); for any other version
 * the files are returned unchanged, so an upgrade can cost determinism but never break search.
 */
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { decode, encode } from 'cbor2';
import { byCodeUnit } from '../code-order.js';

const SIGNATURE = Buffer.from('pagefind_dcd');
const KNOWN_VERSION = /^1\.5\./;

type Files = Map<string, Uint8Array>;

/** Returns the part's files with filter indexes in order and named by content (path under the part's folder). */
export function canonicalSearchFiles(files: ReadonlyMap<string, Uint8Array>): Files {
  const out: Files = new Map(files);
  const entryBytes = files.get('pagefind-entry.json');
  if (!entryBytes) return out;
  const entry = JSON.parse(Buffer.from(entryBytes).toString('utf8')) as { version: string; languages: Record<string, { hash: string }> };
  if (!KNOWN_VERSION.test(entry.version)) return out;
  for (const language of Object.values(entry.languages)) {
    const metaPath = `pagefind.${language.hash}.pf_meta`;
    const metaBytes = files.get(metaPath);
    if (!metaBytes) continue;
    const meta = unpack(metaBytes) as unknown[];
    // [version, index chunks, fragments, filters: [name, file hash][], sorts, meta fields]
    const filters = meta[3];
    if (!Array.isArray(filters)) continue;
    const renamed = (filters as [string, string][]).map(([name, hash]): [string, string] => {
      const path = `filter/${hash}.pf_filter`;
      const bytes = files.get(path);
      if (!bytes) return [name, hash];
      const [filterName, values] = unpack(bytes) as [string, [string, number[]][]];
      const canonical = [filterName, [...values].sort((a, b) => byCodeUnit(a[0], b[0]))];
      const packed = pack(canonical);
      const next = `${prefixOf(hash)}${contentHash(packed).slice(0, 7)}`;
      out.delete(path);
      out.set(`filter/${next}.pf_filter`, packed);
      return [name, next];
    });
    meta[3] = renamed.sort((a, b) => byCodeUnit(a[0], b[0]));
    const packedMeta = pack(meta);
    const nextHash = `${prefixOf(language.hash)}${contentHash(packedMeta).slice(0, 10)}`;
    out.delete(metaPath);
    out.set(`pagefind.${nextHash}.pf_meta`, packedMeta);
    language.hash = nextHash;
  }
  out.set('pagefind-entry.json', Buffer.from(JSON.stringify(entry)));
  return out;
}

function unpack(bytes: Uint8Array): unknown {
  const raw = zlib.gunzipSync(bytes);
  if (!raw.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error('search index: unexpected Pagefind file layout');
  return decode(raw.subarray(SIGNATURE.length));
}

function pack(value: unknown): Uint8Array {
  // Node's gzip has no timestamp in its header: the same input gives the same bytes.
  return zlib.gzipSync(Buffer.concat([SIGNATURE, encode(value)]));
}

/** `en_` of `en_37db2f8096`: the language part of a Pagefind file hash. */
function prefixOf(hash: string): string {
  return hash.slice(0, hash.lastIndexOf('_') + 1);
}

function contentHash(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}
