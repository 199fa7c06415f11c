/** Theme assets with a content hash in their file name, so hosts can cache them forever. */
import crypto from 'node:crypto';
import path from 'node:path';

export interface AssetFile { readonly name: string; readonly bytes: Uint8Array }

export interface HashedAssets {
  /** Output path (under the output folder) -> bytes. */
  readonly files: Map<string, Uint8Array>;
  /** Original name ("site.css") -> hashed file name ("site.3f2a9c1d.css"). */
  readonly names: ReadonlyMap<string, string>;
}

/** Names each asset `<base>.<hash8><ext>` under `assets/`. */
export function hashAssets(assets: readonly AssetFile[]): HashedAssets {
  const files = new Map<string, Uint8Array>();
  const names = new Map<string, string>();
  for (const a of assets) {
    const hash = crypto.createHash('sha256').update(a.bytes).digest('hex').slice(0, 10);
    const ext = path.posix.extname(a.name);
    const hashed = `${a.name.slice(0, a.name.length - ext.length)}.${hash}${ext}`;
    names.set(a.name, hashed);
    files.set(`assets/${hashed}`, a.bytes);
  }
  return { files, names };
}
