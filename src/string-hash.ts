/**
 * 32-bit hashes of short strings (slugs, ids) that place things: the same on every machine and in
 * every run, so an archive's search parts and page cuts stay where they were.
 */

/** FNV-1a of a string's UTF-16 code units. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * FNV-1a with its bits mixed as MurmurHash3 finishes (see mix32): strings that differ in a letter
 * differ in every bit, so its low bits are as good as its high ones.
 */
export function mixedHash(text: string): number {
  return mix32(fnv1a(text));
}

/** MurmurHash3's finalizer: every bit of the result depends on every bit of `h`. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
