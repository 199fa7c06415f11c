/**
 * Static search in real Chromium (issue 5, item 1), served with the HTTP headers of the site's own
 * `_headers` file, so Pagefind is proven to run under the strict Content-Security-Policy a host sends.
 * At the domain root and under a base path.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/serve.js';
import { launchBrowser } from '../support/browser.js';
import { buildSite, fileExists, listFiles, readOut, SEED_CONTENT, type BuiltSite, readArticleRecords, readTopicRecords } from '../support/site.js';

interface HeaderRule { readonly pattern: string; readonly headers: Record<string, string> }

/** Parses a Netlify/Cloudflare `_headers` file: a path pattern, then indented `Name: value` lines. */
function parseHeadersFile(text: string): HeaderRule[] {
  const rules: { pattern: string; headers: Record<string, string> }[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: {} });
      continue;
    }
    const m = /^\s+([A-Za-z-]+):\s*(.+)$/.exec(line);
    assert.ok(m && rules.length, `_headers: cannot read "${line}"`);
    rules.at(-1)!.headers[m[1]!.toLowerCase()] = m[2]!.trim();
  }
  return rules;
}

/**
 * The headers a host applies to a path under the published folder, as Netlify and Cloudflare Pages
 * match: a final `*` matches the rest of the path, a `:name` segment any one segment.
 */
function headersFor(rules: readonly HeaderRule[], sitePath: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rules) {
    const pattern = r.pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:\w+/g, '[^/]+').replace(/\*$/, '.*');
    if (new RegExp(`^${pattern}$`).test(sitePath)) Object.assign(out, r.headers);
  }
  return out;
}

interface Result { kind: string; title: string; href: string; meta: string; excerpt: string }

// Under the base path, the index is also split into parts (one article each, about), so the
// search page's merging of parts is proven with the same assertions.
for (const [basePath, searchPartSize] of [['/', 1000], ['/archive/', 1]] as const) {
  describe(`search in Chromium under the site's CSP, served at ${basePath}, ${searchPartSize === 1 ? 'index in parts' : 'one index'}`, () => {
    let site: BuiltSite;
    let server: RunningServer;
    let browser: Browser;
    let closeBrowser: () => Promise<void>;
    let rules: HeaderRule[];
    let articles: { slug: string; title: string; date: string | null; publisher: string | null; blocks: { text: string }[] }[];
    const errors: string[] = [];
    const headed = new Set<string>();

    before(async () => {
      site = await buildSite(SEED_CONTENT, { basePath, searchPartSize });
      assert.ok(site.result.ok);
      const parts = (/data-parts="([^"]*)"/.exec(readOut(site.out, 'search/index.html'))?.[1] ?? '').split(' ').filter(Boolean);
      // Five articles hashed into four parts: the parts no article landed in are left out.
      assert.ok(searchPartSize === 1 ? parts.length >= 2 && parts.length <= 8 : parts.length === 0, `merged index parts: ${parts.join(' ')}`);
      for (const p of parts) assert.ok(fileExists(site.out, `${p.slice(basePath.length)}pagefind-entry.json`), `${p} is an index`);
      rules = parseHeadersFile(readOut(site.out, '_headers'));
      articles = readArticleRecords(site.out);
      server = await startServer({ root: site.out, basePath: site.basePath, port: 0, host: '127.0.0.1' });
      ({ browser, close: closeBrowser } = await launchBrowser());
    });
    after(async () => {
      await closeBrowser?.();
      await server?.close();
    });

    /** A fresh context whose every response carries the headers `_headers` gives its path. */
    async function open(options: BrowserContextOptions = {}): Promise<Page> {
      const context: BrowserContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
      await context.route('**/*', async (route) => {
        const sitePath = `/${new URL(route.request().url()).pathname.slice(basePath.length)}`;
        const extra = headersFor(rules, sitePath);
        try {
          const response = await route.fetch();
          if (extra['content-security-policy']) headed.add(sitePath);
          await route.fulfill({ response, headers: { ...response.headers(), ...extra } });
        } catch {
          // The context closed while a late request (the favicon) was in flight: nothing to serve.
        }
      });
      const page = await context.newPage();
      page.on('console', (m) => {
        // The 404 page is served with status 404 on purpose; Chromium logs that as an error.
        if (m.type() === 'error' && !(page.url().includes('/no-such-page/') && m.text().includes('404'))) errors.push(`${page.url()}: ${m.text()}`);
        if (m.type() === 'warning' && /pagefind|content security policy/i.test(m.text())) errors.push(`${page.url()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
      // ERR_ABORTED is a request cut short by the next navigation (the favicon), not a failure.
      page.on('requestfailed', (r) => { if (r.failure()?.errorText !== 'net::ERR_ABORTED') errors.push(`${r.url()}: ${r.failure()?.errorText}`); });
      return page;
    }

    async function results(page: Page): Promise<Result[]> {
      await page.waitForFunction(() => {
        const s = document.querySelector('.search-status')?.textContent ?? '';
        return /result|Nothing found/.test(s);
      });
      return page.locator('.search-result').evaluateAll((items) => items.map((li) => ({
        kind: li.querySelector('.result-kind')?.textContent ?? '',
        title: li.querySelector('h2 a')!.textContent!,
        href: li.querySelector('h2 a')!.getAttribute('href')!,
        meta: li.querySelector('.meta')?.textContent ?? '',
        excerpt: li.querySelector('.excerpt')!.innerHTML,
      })));
    }

    /** Waits for a new set of results after a change of query or filter. */
    async function resultsAfter(page: Page, change: () => Promise<unknown>): Promise<Result[]> {
      await page.evaluate(() => { document.querySelector('.search-status')!.textContent = ''; });
      await change();
      return results(page);
    }

    function sitePathOf(href: string): string {
      assert.ok(href.startsWith(basePath), `${href} is under ${basePath}`);
      const rel = href.slice(basePath.length).split('#')[0]!;
      return rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
    }

    it('should return the articles that report Palmyra, with headline, date, outlet and a highlighted excerpt', async () => {
      const page = await open();
      await page.goto(`${server.url}search/`);
      await page.locator('#search-q').fill('Palmyra');
      const found = await resultsAfter(page, () => page.locator('#search-q').press('Enter'));

      const reporting = articles.filter((a) => a.blocks.some((b) => /\bPalmyra\b/i.test(b.text)));
      assert.ok(reporting.length >= 2);
      const articleResults = found.filter((r) => r.kind === 'Article');
      assert.deepEqual(articleResults.map((r) => r.href).sort(), reporting.map((a) => `${basePath}articles/${a.slug}/`).sort());
      for (const r of articleResults) {
        const a = reporting.find((x) => r.href.includes(`/articles/${x.slug}/`))!;
        assert.equal(r.title, a.title);
        assert.ok(r.meta.includes(a.publisher ?? 'Unknown outlet'), `outlet in "${r.meta}"`);
        assert.match(r.meta, /\d{1,2} \w+ \d{4}/, 'date');
        assert.match(r.excerpt, /<mark>Palmyra/i);
      }
      assert.ok(found.some((r) => r.kind.startsWith('Topic') && r.href === `${basePath}topics/palmyra/`), 'the Palmyra topic');
      assert.ok(found.some((r) => r.kind === 'Timeline event'), 'a dated event');
      for (const r of found) assert.ok(fileExists(site.out, sitePathOf(r.href)), `${r.href} resolves to a file`);
      await page.context().close();
    });

    it('should narrow the results by what, topic, outlet and year', async () => {
      const page = await open();
      await page.goto(`${server.url}search/?q=Palmyra`);
      await results(page);
      const onlyArticles = await resultsAfter(page, () => page.selectOption('select[name="type"]', 'Article'));
      assert.ok(onlyArticles.length >= 2 && onlyArticles.every((r) => r.kind === 'Article'));
      const reuters = await resultsAfter(page, () => page.selectOption('select[name="outlet"]', 'Reuters'));
      assert.ok(reuters.length >= 1 && reuters.every((r) => r.meta.includes('Reuters')), JSON.stringify(reuters));
      assert.match(page.url(), /outlet=Reuters/, 'filters are kept in the address, so a search can be shared');

      await page.goto(`${server.url}search/?type=Article&topic=${encodeURIComponent('Sergei Lavrov')}`);
      const lavrov = await results(page);
      const withLavrov = articles.filter((a) => (readTopicRecords(site.out) as { name: string; articles: string[] }[])
        .find((t) => t.name === 'Sergei Lavrov')!.articles.includes(a.slug));
      assert.deepEqual(lavrov.map((r) => r.title).sort(), withLavrov.map((a) => a.title).sort());

      await page.goto(`${server.url}search/?q=Kerry&year=2015`);
      const in2015 = await results(page);
      assert.ok(in2015.length >= 1);
      for (const r of in2015) assert.match(`${r.title} ${r.meta}`, /2015/, `${r.title} is from 2015`);
      await page.context().close();
    });

    it('should show the first results without fetching a filter file, and fill the filters after them', async () => {
      // Four filter files a part: at 100k articles (97 parts) they were 384 of the first search's
      // 740 requests, and a search without filters needs none of them.
      const page = await open();
      // When the results were shown, by the page's own clock (the same machine's as this one's).
      await page.addInitScript(() => {
        new MutationObserver(() => {
          const w = window as unknown as { shownAt?: number };
          if (w.shownAt === undefined && /result/.test(document.querySelector('.search-status')?.textContent ?? '')) w.shownAt = Date.now();
        }).observe(document, { subtree: true, childList: true, characterData: true });
      });
      const filterFiles: { url: string; at: number }[] = [];
      page.on('request', (r) => { if (/\/pagefind\/.*filter\//.test(r.url())) filterFiles.push({ url: r.url(), at: Date.now() }); });
      await page.goto(`${server.url}search/?q=Palmyra`);
      const found = await results(page);
      assert.ok(found.length >= 3);
      const shownAt = await page.evaluate(() => (window as unknown as { shownAt: number }).shownAt);
      assert.deepEqual(filterFiles.filter((f) => f.at < shownAt).map((f) => f.url), []);
      await page.waitForFunction(() => document.querySelectorAll('select[name="outlet"] option').length > 1);
      const options = await page.locator('select[name="type"] option').allTextContents();
      assert.deepEqual(options.map((o) => o.replace(/ \(\d+\)$/, '')).sort(), ['Anything', 'Articles', 'Timeline events', 'Topics']);
      assert.match(options.find((o) => o.startsWith('Articles'))!, /^Articles \(5\)$/, 'with how many records each');
      await page.context().close();
    });

    it('should send the header search box to the search page, or to the topics index without JavaScript', async () => {
      const page = await open();
      await page.goto(server.url);
      await page.locator('#site-search-q').fill('Palmyra');
      await page.locator('#site-search-q').press('Enter');
      await page.waitForURL(/\/search\/\?q=Palmyra/);
      assert.ok((await results(page)).length >= 3);
      await page.context().close();

      const noJs = await open({ javaScriptEnabled: false });
      await noJs.goto(server.url);
      await noJs.locator('#site-search-q').fill('Palmyra');
      await noJs.locator('#site-search-q').press('Enter');
      await noJs.waitForURL(/\/topics\/\?q=Palmyra/);
      assert.equal(new URL(noJs.url()).pathname, `${basePath}topics/`);
      assert.equal((await noJs.locator('h1').textContent())!.trim(), 'Topics');
      await noJs.context().close();
    });

    it('should load every page type under the Content-Security-Policy', async () => {
      const page = await open();
      const slug = articles[0]!.slug;
      for (const url of ['', `articles/${slug}/`, 'topics/', 'topics/palmyra/', 'timeline/', 'archive/', 'no-such-page/']) await page.goto(server.url + url);
      assert.ok(headed.has('/') && headed.has(`/articles/${slug}/`), 'pages were served with the CSP');
      assert.ok(headed.has('/pagefind/pagefind.js'), 'and so was the search bundle');
      await page.context().close();
    });

    it('should let hosts cache every index chunk of every part for a year, and revalidate the entry points', () => {
      const files = listFiles(site.out).filter((f) => f.startsWith('pagefind/'));
      const chunks = files.filter((f) => /\/(index|fragment|filter)\/[^/]+$/.test(f));
      assert.ok(chunks.some((f) => /^pagefind\/(part|timeline)-\d+\//.test(f)) === (searchPartSize === 1), 'chunks in parts, when split');
      for (const f of chunks) assert.equal(headersFor(rules, `/${f}`)['cache-control'], 'public, max-age=31536000, immutable', f);
      for (const f of files.filter((x) => /(pagefind\.js|pagefind-entry\.json)$/.test(x))) assert.equal(headersFor(rules, `/${f}`)['cache-control'], undefined, f);
    });

    it('should log no console errors, CSP violations or failed requests', () => {
      assert.deepEqual(errors, []);
    });
  });
}
