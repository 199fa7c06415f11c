/** URL-safe, stable slugs (issue 2 contract): lowercase ASCII letters, digits and hyphens, at most 80 characters. */

/** Names a slug may never take: the site's own sections and Windows device names. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'index', 'topics', 'timeline', 'archive', 'articles', 'assets', 'data', 'search', 'feeds', 'page', '404',
  'con', 'prn', 'aux', 'nul', 'com1', 'com2', 'com3', 'com4', 'com5', 'com6', 'com7', 'com8', 'com9',
  'lpt1', 'lpt2', 'lpt3', 'lpt4', 'lpt5', 'lpt6', 'lpt7', 'lpt8', 'lpt9',
]);

export const MAX_SLUG_LENGTH = 80;

/** Makes a slug from any text: accents folded, everything else a hyphen, cut at a word boundary. */
export function slugify(text: string): string {
  const base = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’‘]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (base.length <= MAX_SLUG_LENGTH) return base;
  const cut = base.slice(0, MAX_SLUG_LENGTH + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 20 ? cut.slice(0, lastHyphen) : cut.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/, '');
}

/** True when a slug is already in canonical form and not reserved. */
export function isValidSlug(slug: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) && slug.length <= MAX_SLUG_LENGTH && !RESERVED_SLUGS.has(slug);
}

/** Turns a wanted slug into a usable one: slugified, never empty, never reserved. */
export function safeSlug(wanted: string, fallback: string): string {
  let slug = slugify(wanted) || slugify(fallback) || 'article';
  if (RESERVED_SLUGS.has(slug)) slug = `${slug}-article`;
  return slug;
}
