/**
 * Metadata (issue 5, item 4): canonical URL, description, Open Graph and Twitter tags on every page,
 * and schema.org JSON-LD read back from the pages: NewsArticle, BreadcrumbList, CollectionPage,
 * WebSite. Plus the deploy headers (`_headers`). At the domain root and under a base path.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { buildSite, fileExists, listFiles, readOut, SEED_CONTENT, writeContent, type BuiltSite, readArticleRecords, readTopicRecords } from '../support/site.js';

const ORIGIN = 'https://archive.example.org';
const SITE_TITLE = 'News Archive';
const THING_TYPES: Record<string, string> = { person: 'Person', place: 'Place', organisation: 'Organization', theme: 'Thing' };

type Json = Record<string, any>;

interface Head {
  title: string;
  canonical: string[];
  meta: Map<string, string>;
  jsonLd: Json[];
  rawJsonLd: string[];
}

function decode(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Reads what crawlers read from a page: title, canonical links, meta tags, JSON-LD blocks. */
function readHead(html: string): Head {
  const meta = new Map<string, string>();
  for (const m of html.matchAll(/<meta (?:name|property)="([^"]+)" content="([^"]*)">/g)) {
    assert.ok(!meta.has(m[1]!) || m[1] === 'article:tag', `meta ${m[1]} appears once`);
    meta.set(m[1]!, decode(m[2]!));
  }
  const rawJsonLd = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  return {
    title: decode(/<title>([^<]*)<\/title>/.exec(html)![1]!),
    canonical: [...html.matchAll(/<link rel="canonical" href="([^"]+)">/g)].map((m) => m[1]!),
    meta,
    jsonLd: rawJsonLd.map((j) => JSON.parse(j) as Json),
    rawJsonLd,
  };
}

function ofType(head: Head, type: string): Json {
  const found = head.jsonLd.filter((j) => j['@type'] === type);
  assert.equal(found.length, 1, `one ${type} block (found ${head.jsonLd.map((j) => j['@type']).join(', ')})`);
  assert.equal(found[0]!['@context'], 'https://schema.org');
  return found[0]!;
}

for (const basePath of ['/', '/archive/']) {
  describe(`metadata of the seed archive built at ${basePath}`, () => {
    let site: BuiltSite;
    let articles: { slug: string; title: string; date: string | null; publisher: string | null; standfirst: string | null }[];
    let topics: { slug: string; name: string; kind: string; aliases: string[]; articles: string[] }[];
    const pages = new Map<string, Head>();
    const abs = (rel: string) => `${ORIGIN}${basePath}${rel}`;
    /** The output file an absolute URL of the site stands for. */
    const fileOf = (url: string) => {
      assert.ok(url.startsWith(abs('')), `${url} is on the site`);
      const rel = url.slice(abs('').length).split('#')[0]!;
      return rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
    };

    before(async () => {
      site = await buildSite(SEED_CONTENT, { basePath });
      assert.ok(site.result.ok);
      articles = readArticleRecords(site.out);
      topics = readTopicRecords(site.out);
      for (const f of listFiles(site.out).filter((x) => x.endsWith('.html'))) pages.set(f, readHead(readOut(site.out, f)));
    });

    it('should give every page one canonical URL, a description, Open Graph and Twitter card tags', () => {
      const titles = new Map<string, string>();
      for (const [file, head] of pages) {
        const url = abs(file === '404.html' ? file : file.replace(/index\.html$/, ''));
        assert.deepEqual(head.canonical, [url], `${file}: canonical`);
        const description = head.meta.get('description') ?? '';
        assert.ok(description.length >= 20 && description.length <= 320, `${file}: description of ${description.length} characters`);
        assert.equal(head.meta.get('og:url'), url, `${file}: og:url`);
        assert.equal(head.meta.get('og:title'), head.title);
        assert.equal(head.meta.get('og:description'), description);
        assert.equal(head.meta.get('og:site_name'), SITE_TITLE);
        assert.equal(head.meta.get('og:type'), file.startsWith('articles/') ? 'article' : 'website', `${file}: og:type`);
        assert.equal(head.meta.get('twitter:card'), 'summary');
        assert.equal(head.meta.get('twitter:title'), head.title);
        assert.equal(head.meta.get('twitter:description'), description);
        assert.equal(head.meta.get('robots'), ['404.html', 'search/index.html'].includes(file) ? 'noindex' : undefined, `${file}: robots`);
        assert.ok(!titles.has(head.title), `${file} and ${titles.get(head.title)} share the title "${head.title}"`);
        titles.set(head.title, file);
      }
    });

    it('should describe each article as a NewsArticle based on the outlet\'s report, with its topics', () => {
      for (const a of articles) {
        const head = pages.get(`articles/${a.slug}/index.html`)!;
        const url = abs(`articles/${a.slug}/`);
        const ld = ofType(head, 'NewsArticle');
        assert.equal(ld.headline, a.title.slice(0, 110));
        assert.equal(ld.datePublished, a.date ?? undefined);
        assert.equal(head.meta.get('article:published_time'), a.date ?? undefined);
        assert.equal(ld.url, url);
        assert.equal(ld.mainEntityOfPage['@id'], url);
        assert.equal(ld.publisher['@type'], 'Organization');
        assert.equal(ld.publisher.name, a.publisher ?? SITE_TITLE, 'the outlet, or the archive when the outlet is unknown');
        assert.equal(ld.isBasedOn['@type'], 'NewsArticle');
        assert.equal(ld.isBasedOn.headline, a.title.slice(0, 110));
        if (a.publisher) assert.equal(ld.isBasedOn.publisher.name, a.publisher);
        if (a.standfirst) assert.equal(ld.description, a.standfirst);
        const things = [...ld.about, ...ld.mentions] as Json[];
        assert.ok(ld.about.length >= 1, `${a.slug}: about`);
        for (const t of things) {
          const topic = topics.find((x) => x.name === t.name);
          assert.ok(topic, `${t.name} is a topic`);
          assert.equal(t['@type'], THING_TYPES[topic.kind]);
          assert.equal(t.url, abs(`topics/${topic.slug}/`));
          assert.ok(fileExists(site.out, fileOf(t.url)));
          assert.ok(topic.articles.includes(a.slug), `${t.name} lists ${a.slug}`);
        }
        const crumbs = ofType(head, 'BreadcrumbList').itemListElement as Json[];
        assert.deepEqual(crumbs.map((c) => c.position), crumbs.map((_, i) => i + 1));
        assert.equal(crumbs.at(-1)!.item, url);
        assert.equal(crumbs.at(-1)!.name, a.title);
        for (const c of crumbs) assert.ok(fileExists(site.out, fileOf(c.item)), c.item);
      }
    });

    it('should describe each topic page as a CollectionPage about the topic, listing its articles', () => {
      const bySlug = new Map(articles.map((a) => [a.slug, a]));
      for (const t of topics) {
        const head = pages.get(`topics/${t.slug}/index.html`)!;
        const ld = ofType(head, 'CollectionPage');
        assert.equal(ld.name, t.name);
        assert.equal(ld.url, abs(`topics/${t.slug}/`));
        assert.equal(ld.about['@type'], THING_TYPES[t.kind]);
        assert.equal(ld.about.name, t.name);
        const aliases = t.aliases.filter((x) => x !== t.name);
        if (aliases.length) assert.deepEqual(ld.about.alternateName, aliases);
        const items = ld.mainEntity.itemListElement as Json[];
        assert.deepEqual(items.map((i) => i.url), t.articles.map((s) => abs(`articles/${s}/`)));
        assert.deepEqual(items.map((i) => i.name), t.articles.map((s) => bySlug.get(s)!.title));
        assert.equal(ld.mainEntity.numberOfItems, t.articles.length);
        const crumbs = ofType(head, 'BreadcrumbList').itemListElement as Json[];
        assert.deepEqual(crumbs.map((c) => c.item), [abs('topics/'), abs(`topics/${t.slug}/`)]);
      }
    });

    it('should describe the home page as a WebSite whose search action is the search page, and list pages as CollectionPages', () => {
      const home = ofType(pages.get('index.html')!, 'WebSite');
      assert.equal(home.url, abs(''));
      assert.equal(home.name, SITE_TITLE);
      assert.equal(home.potentialAction['@type'], 'SearchAction');
      assert.equal(home.potentialAction.target.urlTemplate, `${abs('search/')}?q={search_term_string}`);
      assert.equal(home.potentialAction['query-input'], 'required name=search_term_string');
      for (const file of ['topics/index.html', 'timeline/index.html', 'archive/index.html']) {
        assert.equal(ofType(pages.get(file)!, 'CollectionPage').url, abs(file.replace(/index\.html$/, '')));
      }
    });

    it('should keep every JSON-LD block free of "<", so no text can close its script', () => {
      for (const [file, head] of pages) for (const raw of head.rawJsonLd) assert.ok(!raw.includes('<'), file);
    });

    it('should ship _headers with a strict CSP and year-long caching for hashed assets only', () => {
      const headers = readOut(site.out, '_headers');
      const csp = /^\/\*\n(?:\s+.*\n)*?\s+Content-Security-Policy: (.+)$/m.exec(headers)?.[1] ?? '';
      const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));
      assert.deepEqual(directives.get('default-src'), ["'none'"]);
      assert.deepEqual(directives.get('script-src'), ["'self'", "'wasm-unsafe-eval'"]);
      assert.deepEqual(directives.get('style-src'), ["'self'"]);
      assert.deepEqual(directives.get('frame-ancestors'), ["'none'"]);
      assert.ok(!csp.includes("'unsafe-inline'") && !csp.includes("'unsafe-eval'"));
      const immutable = [...headers.matchAll(/^(\/\S*)\n\s+Cache-Control: public, max-age=31536000, immutable$/gm)].map((m) => m[1]);
      assert.ok(immutable.includes('/assets/*'));
      assert.ok(!immutable.includes('/*') && !immutable.includes('/pagefind/*'), 'unhashed files (pages, pagefind.js) are revalidated');
      for (const f of listFiles(site.out).filter((x) => x.startsWith('assets/'))) assert.match(f, /\.[0-9a-f]{8,}\.\w+$/, `${f} has a content hash`);
    });
  });
}

describe('JSON-LD with hostile text', () => {
  let html: string;
  before(async () => {
    const content = writeContent({
      'a.md': '---\ntitle: "Breaking </script><script>alert(1)</script> news"\ndate: 2020-01-02\npublisher: "A & B <Press>"\n---\n\nThe first paragraph says enough about this report to make it an article worth a page.\n\nA second paragraph follows it.\n',
    });
    const site = await buildSite(content);
    assert.ok(site.result.ok, site.result.diagnostics.map((d) => d.message).join('\n'));
    const page = listFiles(site.out).find((f) => /^articles\/[^/]+\/index\.html$/.test(f))!;
    html = readOut(site.out, page);
  });

  it('should escape "<" so the text stays data and parses back unchanged', () => {
    const head = readHead(html);
    assert.equal(head.rawJsonLd.length, 2, 'the hostile title did not close a script early');
    const ld = ofType(head, 'NewsArticle');
    assert.equal(ld.headline, 'Breaking </script><script>alert(1)</script> news');
    assert.equal(ld.publisher.name, 'A & B <Press>');
  });
});
