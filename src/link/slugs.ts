/** Unique article slugs, decided the same way every build (issue 2 contract). */
import path from 'node:path';
import { CODES, diagnostic } from '../diagnostics.js';
import { slugify } from '../normalize/slug.js';
import type { Article } from '../model.js';

/**
 * Gives every article a unique slug. Articles are taken in source-path order, so the outcome does
 * not depend on file system order: the first keeps the slug, later ones get `-2`, `-3`, ... and a
 * warning that names both files.
 */
export function assignUniqueSlugs(articles: Article[], contentDir: string): void {
  const owner = new Map<string, Article>();
  const sorted = [...articles].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  for (const a of sorted) {
    const wanted = a.slug;
    let slug = wanted;
    for (let n = 2; owner.has(slug); n++) slug = `${wanted.slice(0, 76)}-${n}`;
    const first = owner.get(wanted);
    if (first && slug !== wanted) {
      a.diagnostics.push(diagnostic('warning', CODES.DUPLICATE_SLUG,
        `slug "${wanted}" is already taken by ${first.source}; this article is published as "${slug}"`,
        'Give one of the two articles its own `slug:` in front matter.', { file: path.join(contentDir, a.source), line: 1 }));
    }
    a.slug = slug;
    owner.set(slug, a);
  }
}

/**
 * Gives every topic name one unique slug across the archive and rewrites the articles' topic
 * references. Names are taken in sorted order so the outcome is stable.
 */
export function assignTopicSlugs(articles: Article[]): void {
  const names = new Map<string, string>();
  for (const a of articles) for (const t of a.topics) if (!names.has(t.name)) names.set(t.name, t.kind);
  const slugOf = new Map<string, string>();
  const taken = new Set<string>();
  for (const [name, kind] of [...names].sort((x, y) => x[0].localeCompare(y[0]))) {
    const base = slugify(name) || `topic-${hashName(name)}`;
    let slug = taken.has(base) ? `${base}-${kind}` : base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    slugOf.set(name, slug);
  }
  for (const a of articles) a.topics = a.topics.map((t) => (t.slug === slugOf.get(t.name) ? t : { ...t, slug: slugOf.get(t.name)! }));
}

function hashName(name: string): string {
  let h = 0;
  for (const ch of name) h = (Math.imul(h, 31) + ch.codePointAt(0)!) >>> 0;
  return h.toString(36);
}
