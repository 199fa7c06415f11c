/**
 * Feeds (issue 5, item 2): a real feed parser (feedsmith) reads the archive's RSS 2.0, Atom and JSON
 * Feed and every topic's, each with the right items, newest first, with absolute URLs from the
 * config; every page's head links to its feeds. At the domain root and under a base path.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { buildSite, fileExists, listFiles, readOut, SEED_CONTENT, type BuiltSite, readArticleRecords, readTopicRecords } from '../support/site.js';

const ORIGIN = 'https://archive.example.org';

interface ArticleRecord { slug: string; title: string; date: string | null; standfirst: string | null }
interface TopicRecord { slug: string; name: string; articles: string[] }

/** Feed titles are HTML (Atom `type="html"`, RSS by convention): what a reader shows is the decoded text. */
function decodeHtml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** The items a feed of these articles must hold: dated ones, newest first, as title, link and date. */
function expectedItems(list: readonly ArticleRecord[], link: (slug: string) => string): { title: string; link: string; date: string }[] {
  return list.filter((a) => a.date).sort((a, b) => b.date!.localeCompare(a.date!) || a.slug.localeCompare(b.slug))
    .map((a) => ({ title: a.title, link: link(a.slug), date: a.date! }));
}

for (const basePath of ['/', '/archive/']) {
  describe(`feeds of the seed archive built at ${basePath}`, () => {
    let site: BuiltSite;
    let articles: ArticleRecord[];
    let topics: TopicRecord[];
    const url = (rel: string) => `${ORIGIN}${basePath}${rel}`;
    const articleUrl = (slug: string) => url(`articles/${slug}/`);

    /** Reads the three feeds in `dir` and checks them against the articles they must list. */
    function checkFeeds(dir: string, list: readonly ArticleRecord[], pageUrl: string): void {
      const want = expectedItems(list, articleUrl);
      assert.ok(want.length > 0, `${dir || 'the archive'} has dated articles`);

      const rss = parseRssFeed(readOut(site.out, `${dir}feed.xml`));
      assert.equal(rss.link, pageUrl);
      assert.deepEqual((rss.items ?? []).map((i) => ({ title: decodeHtml(i.title!), link: i.link, date: new Date(i.pubDate!).toISOString().slice(0, 10) })), want, `${dir}feed.xml`);
      assert.equal(rss.atom?.links?.find((l) => l.rel === 'self')?.href, url(`${dir}feed.xml`));

      const atom = parseAtomFeed(readOut(site.out, `${dir}atom.xml`));
      assert.equal(atom.links?.find((l) => l.rel === 'self')?.href, url(`${dir}atom.xml`));
      assert.equal(atom.links?.find((l) => l.rel === 'alternate')?.href, pageUrl);
      assert.deepEqual((atom.entries ?? []).map((e) => ({ title: decodeHtml(e.title!.value ?? ''), link: e.links![0]!.href, date: e.published!.slice(0, 10) })), want, `${dir}atom.xml`);
      assert.equal(atom.updated?.slice(0, 10), want[0]!.date, 'updated is the newest item, not the build time');

      const json = parseJsonFeed(JSON.parse(readOut(site.out, `${dir}feed.json`)));
      assert.equal(json.feed_url, url(`${dir}feed.json`));
      assert.equal(json.home_page_url, pageUrl);
      assert.deepEqual((json.items ?? []).map((i) => ({ title: i.title, link: i.url, date: i.date_published!.slice(0, 10) })), want, `${dir}feed.json`);
      for (const i of json.items ?? []) assert.ok(i.content_text !== undefined && i.content_html === undefined, 'summaries are plain text');
    }

    before(async () => {
      site = await buildSite(SEED_CONTENT, { basePath });
      assert.ok(site.result.ok);
      articles = readArticleRecords(site.out);
      topics = readTopicRecords(site.out);
    });

    it('should publish the archive as RSS 2.0, Atom and JSON Feed, newest first', () => {
      checkFeeds('', articles, url(''));
    });

    it('should publish each topic as RSS 2.0, Atom and JSON Feed with exactly its articles', () => {
      const bySlug = new Map(articles.map((a) => [a.slug, a]));
      assert.ok(topics.length >= 10);
      for (const t of topics) checkFeeds(`topics/${t.slug}/`, t.articles.map((s) => bySlug.get(s)!), url(`topics/${t.slug}/`));
    });

    it('should give feed items the article standfirst as their summary', () => {
      const rss = parseRssFeed(readOut(site.out, 'feed.xml'));
      for (const item of rss.items ?? []) {
        const a = articles.find((x) => articleUrl(x.slug) === item.link)!;
        if (a.standfirst) assert.equal(decodeHtml(item.description!), a.standfirst);
        else assert.ok(item.description!.length > 20);
      }
    });

    it('should link every page to the archive feeds, and topic pages to their own', () => {
      for (const page of listFiles(site.out).filter((f) => f.endsWith('.html'))) {
        const html = readOut(site.out, page);
        const alternates = [...html.matchAll(/<link rel="alternate" type="([^"]+)" href="([^"]+)"/g)].map((m) => ({ type: m[1]!, href: m[2]! }));
        for (const file of ['feed.xml', 'atom.xml', 'feed.json']) assert.ok(alternates.some((l) => l.href === `${basePath}${file}`), `${page} links ${file}`);
        for (const l of alternates) assert.ok(fileExists(site.out, l.href.slice(basePath.length)), `${page}: ${l.href} exists`);
        const topic = /^topics\/([^/]+)\/index\.html$/.exec(page)?.[1];
        if (topic) {
          for (const [type, file] of [['application/rss+xml', 'feed.xml'], ['application/atom+xml', 'atom.xml'], ['application/feed+json', 'feed.json']]) {
            assert.ok(alternates.some((l) => l.type === type && l.href === `${basePath}topics/${topic}/${file}`), `${page} links its ${file}`);
          }
        }
      }
    });
  });
}
