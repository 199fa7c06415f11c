/** End to end: the five seed articles built into a temp folder, at the domain root and under a base path. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { assertFileContains, brokenInternalLinks, buildSite, fileExists, listFiles, readOut, SEED_CONTENT, type BuiltSite, readArticleRecords } from '../support/site.js';

for (const basePath of ['/', '/archive/']) {
  describe(`the seed archive built at ${basePath}`, () => {
    let site: BuiltSite;
    let articles: Array<Record<string, any>>;
    before(async () => {
      site = await buildSite(SEED_CONTENT, { basePath });
      assert.ok(site.result.ok, site.result.diagnostics.map((d) => `${d.file}:${d.line} ${d.message}`).join('\n'));
      articles = readArticleRecords(site.out);
    });

    it('should write a home page, five article pages, topics, a timeline, an archive and a 404 page', () => {
      for (const f of ['index.html', 'topics/index.html', 'timeline/index.html', 'archive/index.html', '404.html', 'search/index.html', 'data/articles.json']) {
        assert.ok(fileExists(site.out, f), `${f} should exist`);
      }
      const pages = listFiles(site.out).filter((f) => /^articles\/[^/]+\/index\.html$/.test(f));
      assert.equal(pages.length, 5);
      assert.ok(listFiles(site.out).filter((f) => /^topics\/[^/]+\/index\.html$/.test(f)).length >= 10);
    });

    it('should export every record with the documented fields', () => {
      assert.equal(articles.length, 5);
      for (const a of articles) {
        for (const key of ['slug', 'source', 'title', 'standfirst', 'date', 'dateSource', 'publisher', 'blocks', 'topics', 'wordCount', 'removed', 'furtherReading', 'credit', 'byline', 'mentions', 'events']) {
          assert.ok(key in a, `${a.source} should have ${key}`);
        }
        assert.match(a.slug, /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
        assert.equal(a.dateSource, 'front-matter');
        assert.ok(a.blocks.every((b: any) => ['paragraph', 'subhead'].includes(b.type) && typeof b.text === 'string' && b.line > 0));
      }
      const bySource = Object.fromEntries(articles.map((a) => [a.source.slice(0, 3), a]));
      assert.equal(bySource['000'].date, '2016-03-24');
      assert.equal(bySource['003'].date, '2015-12-15');
      assert.equal(bySource['000'].publisher, 'VOV.VN');
    });

    it('should list the newest articles first on the home page with headline, date and publisher', () => {
      const home = readOut(site.out, 'index.html');
      const order = ['2016-07-15', '2016-03-24', '2015-12-15'].map((d) => home.indexOf(`datetime="${d}"`));
      assert.ok(order[0]! < order[1]! && order[1]! < order[2]!, 'dates in newest-first order');
      assert.ok(home.includes('VOV.VN'));
      for (const a of articles) assert.ok(home.includes(escapeHtml(a.title)), `home lists ${a.title}`);
    });

    it('should give topic pages to the people and places of the story', () => {
      const topics = JSON.parse(readOut(site.out, 'data/topics.json')) as { name: string; slug: string }[];
      const names = new Set(topics.map((t) => t.name));
      for (const n of ['Syria', 'Russia', 'John Kerry', 'Vladimir Putin', 'Palmyra']) assert.ok(names.has(n), `topic ${n}`);
      const kerry = topics.find((t) => t.name === 'John Kerry')!;
      assertFileContains(site.out, `topics/${kerry.slug}/index.html`, '<h1>John Kerry</h1>');
    });

    it('should resolve every internal link and anchor to a file in the output', () => {
      assert.deepEqual(brokenInternalLinks(site.out, site.basePath), []);
    });

    it('should use absolute URLs from the config in feeds and canonical links', () => {
      assertFileContains(site.out, 'feed.xml', `https://archive.example.org${basePath}articles/`);
      assertFileContains(site.out, 'index.html', `<link rel="canonical" href="https://archive.example.org${basePath}">`);
    });

    it('should keep inline script out of pages except JSON-LD', () => {
      for (const page of listFiles(site.out).filter((f) => f.endsWith('.html'))) {
        for (const m of readOut(site.out, page).matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
          const attrs = m[1]!;
          assert.ok(/type="application\/ld\+json"/.test(attrs) || (/\ssrc="/.test(attrs) && m[2]!.trim() === ''), `${page}: inline script ${attrs}`);
        }
      }
    });
  });
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
