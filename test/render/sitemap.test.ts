/**
 * A large site's sitemap (issue 7): an index of files cut by their pages' paths, each keyed by what
 * it lists, so that a new page changes one file and the rest are kept.
 */
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { ErrorLevel, XMLToSitemapItemStream, type SitemapItem } from 'sitemap';
import { resolveConfig } from '../../src/config.js';
import { planSitemaps, type SitemapEntry } from '../../src/render/sitemap.js';
import { createUrls } from '../../src/render/urls.js';
import { ROOT } from '../support/site.js';

const config = resolveConfig(ROOT, { url: 'https://archive.example.org' });
const urls = createUrls(config.basePath, config.url);
const entries = (n: number, from = 0): SitemapEntry[] => Array.from({ length: n }, (_, i) => ({ path: `/articles/talks-${String(from + i).padStart(5, '0')}/`, lastmod: '2016-03-24' }));
const keys = (files: ReturnType<typeof planSitemaps>) => new Map(files.map((f) => [f.path, f.key]));

async function parse(xml: string): Promise<SitemapItem[]> {
  const items: SitemapItem[] = [];
  for await (const item of Readable.from([xml]).pipe(new XMLToSitemapItemStream({ level: ErrorLevel.THROW, logger: false }))) items.push(item as SitemapItem);
  return items;
}

describe('the sitemaps of a large site', () => {
  it('should be one sitemap up to the limit, and over it an index of files that list every page once, none over the limit', async () => {
    const small = planSitemaps(config, urls, entries(40), [], 40);
    assert.deepEqual(small.map((f) => f.path), ['sitemap.xml', 'sitemap-news.xml', 'robots.txt']);
    const pages = entries(400);
    const files = planSitemaps(config, urls, pages, [], 40);
    const chunks = files.filter((f) => /^sitemap-\d+\.xml$/.test(f.path));
    assert.ok(chunks.length >= 10, `${chunks.length} files`);
    const listed: string[] = [];
    for (const f of chunks) {
      const items = await parse(await f.make());
      assert.ok(items.length <= 40, `${f.path}: ${items.length} URLs`);
      listed.push(...items.map((i) => i.url));
    }
    assert.deepEqual(listed, pages.map((p) => `https://archive.example.org${p.path}`));
    const index = await files.find((f) => f.path === 'sitemap.xml')!.make();
    assert.deepEqual([...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]), chunks.map((f) => `https://archive.example.org/${f.path}`));
  });

  it('should change the key of about one file when a page is added, and of none when nothing changed', () => {
    const pages = entries(4000);
    const before = keys(planSitemaps(config, urls, pages, [], 400));
    assert.deepEqual(keys(planSitemaps(config, urls, [...pages], [], 400)), before);
    let changed = 0;
    const trials = 50;
    for (let t = 0; t < trials; t++) {
      const at = (t * 797) % pages.length;
      const added = [...pages.slice(0, at), { path: `${pages[at]!.path.slice(0, -1)}-b/`, lastmod: '2016-03-25' }, ...pages.slice(at)];
      const after = keys(planSitemaps(config, urls, added, [], 400));
      changed += [...after].filter(([path, key]) => /^sitemap-\d+\.xml$/.test(path) && before.get(path) !== key).length;
    }
    // Counted files would shift every file after the new page: about half of 20 on average.
    assert.ok(changed / trials < 3, `${(changed / trials).toFixed(2)} files changed a page added`);
  });
});
