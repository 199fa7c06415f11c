/**
 * Sitemaps (issue 5, item 3): every URL of sitemap.xml resolves to a page of the output and every
 * page is listed; the Google News sitemap holds what Google requires; robots.txt points to both.
 * Parsed with the `sitemap` package's strict parser. At the domain root and under a base path.
 */
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { before, describe, it } from 'node:test';
import { ErrorLevel, validateSMIOptions, XMLToSitemapItemStream, type SitemapItem } from 'sitemap';
import { buildSite, fileExists, listFiles, readOut, SEED_CONTENT, type BuiltSite, readArticleRecords, readTopicRecords } from '../support/site.js';

const ORIGIN = 'https://archive.example.org';

/** Parses a sitemap, throwing on XML it cannot read or on an invalid entry. */
async function parse(xml: string): Promise<SitemapItem[]> {
  // The streaming parser accepts a document cut short; a whole one ends with its root's end tag.
  assert.match(xml.trimEnd(), /<\/urlset>$/, 'the sitemap is complete');
  const items: SitemapItem[] = [];
  const stream = Readable.from([xml]).pipe(new XMLToSitemapItemStream({ level: ErrorLevel.THROW, logger: false }));
  for await (const item of stream) items.push(validateSMIOptions(item as SitemapItem, ErrorLevel.THROW));
  return items;
}

for (const basePath of ['/', '/archive/']) {
  describe(`sitemaps of the seed archive built at ${basePath}`, () => {
    let site: BuiltSite;
    let articles: { slug: string; title: string; date: string | null; publisher: string | null }[];
    const toFile = (url: string) => {
      assert.ok(url.startsWith(`${ORIGIN}${basePath}`), `${url} is an absolute URL under the base path`);
      const rel = url.slice(`${ORIGIN}${basePath}`.length);
      return rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
    };

    before(async () => {
      site = await buildSite(SEED_CONTENT, { basePath });
      assert.ok(site.result.ok);
      articles = readArticleRecords(site.out);
    });

    it('should list every page once in sitemap.xml, each URL resolving to a file, with its lastmod', async () => {
      const xml = readOut(site.out, 'sitemap.xml');
      assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?><urlset xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9"/);
      const items = await parse(xml);
      const files = items.map((i) => toFile(i.url));
      for (const f of files) assert.ok(fileExists(site.out, f), `${f} exists`);
      assert.equal(new Set(files).size, files.length, 'no URL twice');
      const pages = listFiles(site.out).filter((f) => f.endsWith('.html') && f !== '404.html' && f !== 'search/index.html');
      assert.deepEqual(files.slice().sort(), pages);
      for (const i of items) assert.match(i.lastmod ?? '', /^\d{4}-\d{2}-\d{2}/, `${i.url} has a lastmod`);
      for (const a of articles.filter((x) => x.date)) {
        assert.equal(items.find((i) => i.url === `${ORIGIN}${basePath}articles/${a.slug}/`)?.lastmod?.slice(0, 10), a.date);
      }
      // A topic page changes when an article joins it: its lastmod is its newest article's date.
      const dateOf = new Map(articles.map((a) => [a.slug, a.date]));
      const topics = readTopicRecords(site.out) as { slug: string; articles: string[] }[];
      const dated = topics.map((t) => [t.slug, t.articles.map((s) => dateOf.get(s)).filter((d): d is string => !!d).sort().at(-1)] as const).filter(([, d]) => d);
      assert.ok(dated.length >= 20 && new Set(dated.map(([, d]) => d)).size > 1, 'topics of different dates');
      for (const [slug, newest] of dated) assert.equal(items.find((i) => i.url === `${ORIGIN}${basePath}topics/${slug}/`)?.lastmod?.slice(0, 10), newest, slug);
      // A month of the archive or the timeline changes when an article of its own joins it: its
      // lastmod is the newest publication date of what it lists, not the archive's newest.
      const lastmod = (rel: string) => items.find((i) => i.url === `${ORIGIN}${basePath}${rel}`)?.lastmod?.slice(0, 10);
      assert.equal(lastmod('archive/2015/12/'), '2015-12-15');
      // A period's first page, which shows its count, takes the newest date of all its pages.
      const timelineFiles = JSON.parse(readOut(site.out, 'data/timeline.json')) as { period: string; file: string }[];
      const ofPeriod = [...new Set(timelineFiles.map((p) => p.period))].map((period) => {
        const entries = timelineFiles.filter((p) => p.period === period).flatMap((p) => JSON.parse(readOut(site.out, `data/${p.file}`)) as { sources: { article: string }[] }[]);
        return [period, entries.flatMap((e) => e.sources.map((s) => dateOf.get(s.article))).filter((d): d is string => !!d).sort().at(-1)] as const;
      });
      assert.ok(new Set(ofPeriod.map(([, d]) => d)).size > 1, 'periods reported at different dates');
      for (const [period, newest] of ofPeriod) assert.equal(lastmod(`timeline/${period.replace('-', '/')}/`), newest, period);
    });

    it('should write a valid Google News sitemap of the dated articles', async () => {
      const xml = readOut(site.out, 'sitemap-news.xml');
      assert.match(xml, /xmlns:news="http:\/\/www\.google\.com\/schemas\/sitemap-news\/0\.9"/);
      const items = await parse(xml);
      const expected = articles.filter((a) => a.date && a.publisher);
      assert.ok(expected.length >= 3);
      assert.ok(items.length <= 1000, 'Google reads at most 1,000 news URLs per sitemap');
      assert.deepEqual(items.map((i) => i.url).sort(), expected.map((a) => `${ORIGIN}${basePath}articles/${a.slug}/`).sort());
      for (const i of items) {
        const a = expected.find((x) => i.url.endsWith(`/articles/${x.slug}/`))!;
        assert.ok(fileExists(site.out, toFile(i.url)));
        assert.equal(i.news?.title, a.title);
        assert.equal(i.news?.publication.name, a.publisher);
        assert.match(i.news?.publication.language ?? '', /^[a-z]{2,3}(-[a-z]+)?$/i, 'an ISO 639 language code');
        assert.match(String(i.news?.publication_date), /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/, 'a W3C date');
        assert.equal(String(i.news?.publication_date).slice(0, 10), a.date);
      }
    });

    it('should point robots.txt to both sitemaps', () => {
      const robots = readOut(site.out, 'robots.txt');
      assert.match(robots, /^User-agent: \*$/m);
      const sitemaps = [...robots.matchAll(/^Sitemap: (\S+)$/gm)].map((m) => m[1]!);
      assert.deepEqual(sitemaps, [`${ORIGIN}${basePath}sitemap.xml`, `${ORIGIN}${basePath}sitemap-news.xml`]);
      for (const s of sitemaps) assert.ok(fileExists(site.out, toFile(s)));
    });
  });
}
