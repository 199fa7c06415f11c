/**
 * Warm builds render only what changed (issue 7) and never serve stale output: a page is reused
 * only when its view model (an article page's record and links), the templates and the config are
 * those of the live page, and the search index is rebuilt part by part, only the parts whose
 * records changed.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { memoryCache } from '../../src/article-cache.js';
import { CODES } from '../../src/diagnostics.js';
import { build, type BuildOptions } from '../../src/build.js';
import { resolveConfig, type UserConfig } from '../../src/config.js';
import { contentHash } from '../../src/write/write-in-place.js';
import { brokenInternalLinks, readArticleIndex, readOut, readTopicRecords, ROOT, TEMPLATES, tempDir, writeContent } from '../support/site.js';

const article = (title: string, date: string, place: string) =>
  `---\ndate: ${date}\npublisher: Example Post\n---\n${title}\n\nDiplomats met in ${place} on Thursday to discuss the ceasefire.\n\nNo agreement was reached.\n`;

/** One project (content, templates, output, cache) built again and again, as a user does. */
function project(files: Record<string, string>, user: UserConfig = {}) {
  const content = writeContent(files);
  const root = tempDir();
  const templates = path.join(root, 'templates');
  fs.cpSync(TEMPLATES, templates, { recursive: true });
  const out = path.join(root, 'public');
  const cache = path.join(root, '.cache');
  return {
    content, templates, out, cache,
    async build(more: UserConfig = {}, options: BuildOptions = {}) {
      const config = resolveConfig(ROOT, { url: 'https://archive.example.org', ...user, ...more }, { contentDir: content, outDir: out, templatesDir: templates, cacheDir: cache });
      // Every file recorded in the source index at once (by default, only those left alone for
      // two seconds): warm builds here do not read the files that did not change.
      const result = await build(config, { settledMs: 0, ...options });
      assert.ok(result.ok, result.diagnostics.map((d) => d.message).join('\n'));
      return result;
    },
  };
}

/** HTML pages on record after a build. */
const htmlPages = (r: { output?: { pages: ReadonlyMap<string, unknown> } }) => [...r.output!.pages.keys()].filter((p) => p.endsWith('.html')).length;

/** The same content and templates built from nothing write the same files as the project's warm build did, the search index's included. */
async function assertSameAsCold(p: ReturnType<typeof project>, user: UserConfig = {}): Promise<void> {
  const cold = project({}, user);
  fs.cpSync(p.content, cold.content, { recursive: true });
  fs.cpSync(p.templates, cold.templates, { recursive: true });
  await cold.build();
  assert.deepEqual(siteFiles(p.out), siteFiles(cold.out));
}

function siteFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rel of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const full = path.join(dir, rel);
    if (fs.statSync(full).isFile()) out.set(rel.split(path.sep).join('/'), fs.readFileSync(full).toString('base64'));
  }
  return out;
}

describe('warm builds', () => {
  it('should render no page when nothing changed, and write the same site', async () => {
    const p = project({ 'a.md': article('Talks in Geneva', '2016-03-24', 'Geneva'), 'b.md': article('Talks in Vienna', '2016-05-02', 'Vienna') });
    const first = await p.build();
    assert.equal(first.pagesRendered, htmlPages(first));
    const before = siteFiles(p.out);
    // The cold build recorded each file it wrote.
    assert.deepEqual(new Map([...first.output!.hashes].sort()), new Map([...before].sort().map(([rel, b64]) => [rel, contentHash(Buffer.from(b64, 'base64'))])));
    const second = await p.build();
    assert.equal(second.pagesRendered, 0);
    assert.equal(second.searchPartsIndexed, 0);
    assert.deepEqual(siteFiles(p.out), before);
  });

  it('should render the pages an edit changes, and give the bytes a cold build gives', async () => {
    const p = project({ 'a.md': article('Talks in Geneva', '2016-03-24', 'Geneva'), 'b.md': article('Talks in Vienna', '2016-05-02', 'Vienna') });
    const first = await p.build();
    fs.writeFileSync(path.join(p.content, 'b.md'), article('Talks in Vienna collapse', '2016-05-02', 'Vienna'));
    const second = await p.build();
    assert.ok(second.pagesRendered! > 0 && second.pagesRendered! < htmlPages(first), `${second.pagesRendered} of ${htmlPages(first)}`);
    assert.match(readOut(p.out, 'articles/talks-in-vienna-collapse/index.html'), /Talks in Vienna collapse/);
    assert.ok(!fs.existsSync(path.join(p.out, 'articles/talks-in-vienna')), 'the old slug is gone');
    assert.match(readOut(p.out, 'index.html'), /Talks in Vienna collapse/, 'the home page lists the new headline');
    // The reference: the same input built from nothing. Pagefind's filter and meta files are left
    // out (written in hash-map order, see determinism.test.ts).
    await assertSameAsCold(p);
  });

  it('should stage the site whole when most articles were made again, and write what a cold build writes', async () => {
    const files = { 'a.md': article('Talks in Geneva', '2016-03-24', 'Geneva'), 'b.md': article('Talks in Vienna', '2016-05-02', 'Vienna'), 'c.md': article('Talks in Paris', '2016-06-12', 'Paris') };
    const p = project(files);
    await p.build();
    // One article of three made again: the live site is updated in place.
    fs.appendFileSync(path.join(p.content, 'c.md'), '\nThe talks resume next week.\n');
    assert.ok((await p.build()).written, 'updated in place');
    // A topics file changes every article's record: the site is staged whole and swapped in.
    fs.writeFileSync(path.join(p.content, 'topics.yaml'), 'themes:\n  - name: Diplomacy\n    aliases: [talks]\n');
    const whole = await p.build();
    assert.equal(whole.written, undefined, 'staged whole');
    assert.equal(whole.pagesRendered, htmlPages(whole));
    assert.match(readOut(p.out, 'topics/diplomacy/index.html'), /Diplomacy/);
    await assertSameAsCold(p);
    assert.equal((await p.build()).pagesRendered, 0, 'and the next build is warm');
  });

  it('should render an article page again when only its body changed, and its data record with it', async () => {
    // A page's key stands for its body by the body's digest: the body itself is unpacked only for
    // the pages made this time.
    const p = project({ 'a.md': article('Talks in Geneva', '2016-03-24', 'Geneva'), 'b.md': article('Talks in Vienna', '2016-05-02', 'Vienna') });
    await p.build();
    // A word for a word: the same count, dates and names, so nothing but the body itself changes.
    const file = path.join(p.content, 'b.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('No agreement was reached.', 'No agreement was signed.'));
    const second = await p.build();
    assert.ok(second.written!.includes('articles/talks-in-vienna/index.html'), second.written!.join(', '));
    assert.ok(second.written!.includes('data/articles/talks-in-vienna.json'));
    assert.ok(!second.written!.includes('articles/talks-in-geneva/index.html'));
    assert.match(readOut(p.out, 'articles/talks-in-vienna/index.html'), /No agreement was signed\./);
    assert.match(readOut(p.out, 'data/articles/talks-in-vienna.json'), /No agreement was signed\./);
    assert.equal((await p.build()).pagesRendered, 0);
  });

  it('should make again only the feeds whose items changed', async () => {
    const p = project({ 'a.md': article('Talks in Geneva', '2016-03-24', 'Geneva'), 'b.md': article('Talks in Vienna', '2016-05-02', 'Vienna') });
    const first = await p.build();
    assert.ok(first.output!.hashes.has('topics/vienna/feed.xml') && first.output!.hashes.has('topics/geneva/atom.xml'));
    fs.writeFileSync(path.join(p.content, 'c.md'), article('More talks in Geneva', '2016-06-01', 'Geneva'));
    const second = await p.build();
    const feeds = second.written!.filter((k) => /(feed\.xml|atom\.xml|feed\.json)$/.test(k)).sort();
    assert.deepEqual(feeds, ['atom.xml', 'feed.json', 'feed.xml', 'topics/geneva/atom.xml', 'topics/geneva/feed.json', 'topics/geneva/feed.xml']);
    assert.match(readOut(p.out, 'topics/geneva/feed.xml'), /More talks in Geneva/);
    assert.match(readOut(p.out, 'topics/vienna/feed.xml'), /Talks in Vienna/, 'a feed kept is still there');
    const third = await p.build({ title: 'Another Archive' });
    assert.match(readOut(p.out, 'topics/vienna/atom.xml'), /Another Archive/, 'the config is in every feed key');
    assert.ok(third.written!.includes('topics/vienna/feed.json'));
  });

  it('should render every page again when a template or the config changes', async () => {
    const p = project({ 'a.md': article('Talks in Geneva', '2016-03-24', 'Geneva') });
    const first = await p.build();
    const all = htmlPages(first);
    fs.appendFileSync(path.join(p.templates, 'partials', 'article-card.eta'), '\n');
    assert.equal((await p.build()).pagesRendered, all, 'a partial changed');
    assert.equal((await p.build({ title: 'Another Archive' })).pagesRendered, all, 'the config changed');
    assert.match(readOut(p.out, 'index.html'), /Another Archive/);
  });

  it('should make the data export and the feeds again for a config change, not for a template edit', async () => {
    // They are made without the templates: a template edit at 10k articles made every article's
    // record, the timeline's files and every feed again, to find them the same. The sitemaps too.
    const p = project({ 'a.md': article('Talks in Geneva', '2016-03-24', 'Geneva'), 'b.md': article('Talks in Vienna', '2016-05-02', 'Vienna') });
    const keys = (r: Awaited<ReturnType<typeof p.build>>, data: boolean) => new Map([...r.output!.pages].filter(([k]) => /^data\/|(?:^|\/)(?:feed\.xml|atom\.xml|feed\.json)$|^(?:sitemap[\w-]*\.xml|robots\.txt)$/.test(k) === data).map(([k, v]) => [k, v.key]));
    const first = await p.build();
    const made = keys(first, true);
    assert.ok([...made.keys()].some((k) => k.startsWith('data/articles/')) && [...made.keys()].some((k) => k.startsWith('data/timeline/')) && made.has('topics/geneva/feed.xml') && made.has('sitemap.xml'), [...made.keys()].join(', '));
    fs.appendFileSync(path.join(p.templates, 'layout.eta'), '\n<!-- edited -->\n');
    const second = await p.build();
    assert.equal(second.pagesRendered, htmlPages(first));
    assert.deepEqual(keys(second, true), made, 'kept under the same keys: not made again');
    for (const [page, key] of keys(second, false)) assert.notEqual(key, keys(first, false).get(page), page);
    const third = await p.build({ title: 'Another Archive' });
    for (const [file, key] of keys(third, true)) assert.notEqual(key, made.get(file), file);
    assert.match(readOut(p.out, 'data/timelinejs/2016-03-page-1.json'), /Another Archive/);
  });

  it('should render every page again when the stylesheet changes, each linking the new one', async () => {
    // The layout is keyed by each page's head and the asset names (pages.ts layoutKey), not by the
    // layout itself: a new stylesheet name must still reach every page.
    const p = project({ 'a.md': article('Talks in Geneva', '2016-03-24', 'Geneva'), 'b.md': article('Talks in Vienna', '2016-05-02', 'Vienna') });
    const first = await p.build();
    fs.appendFileSync(path.join(p.templates, 'assets', 'site.css'), '\n.edited { color: red; }\n');
    const second = await p.build();
    assert.equal(second.pagesRendered, htmlPages(first));
    const css = [...second.output!.hashes.keys()].find((k) => /^assets\/site\.[0-9a-f]+\.css$/.test(k))!;
    for (const page of [...second.output!.pages.keys()].filter((k) => k.endsWith('.html'))) assert.ok(readOut(p.out, page).includes(css), page);
    assert.equal((await p.build()).pagesRendered, 0);
  });

  it('should stage every page a template changes as it is rendered, hold none, and write the bytes a cold build gives', async () => {
    // A template edit changes every page: at 100k articles, gigabytes that a warm build once held
    // until its write.
    const p = project({ 'a.md': article('Talks in Geneva', '2016-03-24', 'Geneva'), 'b.md': article('Talks in Vienna', '2016-05-02', 'Vienna') });
    const first = await p.build();
    const css = [...first.output!.hashes.keys()].find((k) => /^assets\/site\.[0-9a-f]+\.css$/.test(k))!;
    const cssInode = fs.statSync(path.join(p.out, css)).ino;
    fs.writeFileSync(path.join(p.templates, 'partials', 'article-card.eta'), fs.readFileSync(path.join(p.templates, 'partials', 'article-card.eta'), 'utf8').replace('<', '<!-- edited --><'));
    const second = await p.build();
    assert.equal(second.pagesRendered, htmlPages(first));
    const written = new Set(second.written);
    assert.ok(written.has('index.html') && written.has('archive/2016/03/index.html'), [...written].join(', '));
    assert.ok(!written.has(css), 'a file whose bytes did not change is not written');
    assert.equal(fs.statSync(path.join(p.out, css)).ino, cssInode);
    assert.deepEqual(fs.readdirSync(path.dirname(p.out)).filter((e) => e.startsWith('.news-archive-')), [], 'no staging or commit folder is left');
    assert.match(readOut(p.out, 'index.html'), /<!-- edited -->/);
    assert.deepEqual(brokenInternalLinks(p.out, '/'), []);
    await assertSameAsCold(p);
    assert.equal((await p.build()).pagesRendered, 0, 'and the next build is warm on the record this one left');
  });

  it('should leave the live site as it was when a warm build fails after staging some pages', async () => {
    const p = project({ 'a.md': article('Talks in Geneva', '2016-03-24', 'Geneva'), 'b.md': article('Talks in Vienna', '2016-05-02', 'Vienna') });
    await p.build();
    const before = siteFiles(p.out);
    // The home page and others are staged before the Vienna article's page throws.
    const template = path.join(p.templates, 'article.eta');
    fs.writeFileSync(template, fs.readFileSync(template, 'utf8').replace("<% var a = it.article %>", "<% var a = it.article %><% if (a.title.includes('Vienna')) throw new Error('boom') %><!-- edited -->"));
    const config = resolveConfig(ROOT, { url: 'https://archive.example.org' }, { contentDir: p.content, outDir: p.out, templatesDir: p.templates, cacheDir: p.cache });
    const failed = await build(config);
    assert.equal(failed.ok, false);
    assert.match(failed.diagnostics.map((d) => d.message).join('\n'), /boom/);
    assert.deepEqual(siteFiles(p.out), before);
    assert.deepEqual(fs.readdirSync(path.dirname(p.out)).filter((e) => e.startsWith('.news-archive-')), [], 'what was staged is gone');
  });

  it('should call a write that fails while pages are rendered an output problem, and leave the site as it was', async () => {
    const p = project({ 'a.md': article('Talks in Geneva', '2016-03-24', 'Geneva') });
    await p.build();
    const before = siteFiles(p.out);
    // A theme file where the pages need a folder: the whole site is staged again (the theme
    // changed), and writing the first article page into the staging folder fails.
    fs.writeFileSync(path.join(p.templates, 'static', 'articles'), 'in the way');
    // No record of the live site: the site is rendered whole, into a staging folder.
    for (const f of fs.readdirSync(p.cache)) if (f.startsWith('output-')) fs.rmSync(path.join(p.cache, f));
    const config = resolveConfig(ROOT, { url: 'https://archive.example.org' }, { contentDir: p.content, outDir: p.out, templatesDir: p.templates, cacheDir: p.cache });
    const failed = await build(config);
    assert.equal(failed.ok, false);
    const errors = failed.diagnostics.filter((d) => d.severity === 'error');
    assert.deepEqual(errors.map((d) => d.code), [CODES.OUTPUT_UNWRITABLE], errors.map((d) => d.message).join('\n'));
    assert.deepEqual(siteFiles(p.out), before);
    assert.deepEqual(fs.readdirSync(path.dirname(p.out)).filter((e) => e.startsWith('.news-archive-')), []);
  });

  it('should render nothing again when the project was moved whole, and everything when only its output folder changed', async () => {
    const p = project({ 'a.md': article('Talks in Geneva', '2016-03-24', 'Geneva') });
    await p.build();
    // content/ and the project (templates, public, .cache) under new paths, as `mv` leaves them
    const moved = (dir: string) => {
      const to = path.join(tempDir(), path.basename(dir));
      fs.renameSync(dir, to);
      return to;
    };
    const content = moved(p.content);
    const root = moved(path.dirname(p.out));
    const at = (out: string) => resolveConfig(ROOT, { url: 'https://archive.example.org' }, { contentDir: content, outDir: out, templatesDir: path.join(root, 'templates'), cacheDir: path.join(root, '.cache') });
    const again = await build(at(path.join(root, 'public')));
    assert.ok(again.ok);
    assert.equal(again.pagesRendered, 0);
    assert.equal(again.searchPartsIndexed, 0);
    assert.deepEqual(again.written, []);
    const elsewhere = await build(at(path.join(root, 'public-2')));
    assert.ok(elsewhere.ok);
    assert.equal(elsewhere.pagesRendered, htmlPages(elsewhere), 'a new output folder is built whole');
  });

  // A big site's files are looked up on another thread while the articles load (liveSizesFrom 0
  // makes this one big); a small one's as each page is considered.
  for (const liveSizesFrom of [undefined, 0]) {
    it(`should render a page again when its live file was deleted or edited by hand${liveSizesFrom === 0 ? ', its size looked up ahead' : ''}`, async () => {
      const p = project({ 'a.md': article('Talks in Geneva', '2016-03-24', 'Geneva') });
      await p.build();
      const page = 'articles/talks-in-geneva/index.html';
      const good = readOut(p.out, page);
      fs.rmSync(path.join(p.out, page));
      fs.writeFileSync(path.join(p.out, 'index.html'), 'hand-edited');
      const again = await p.build({}, { liveSizesFrom });
      // The inputs did not change: only the two pages whose live files did are rendered.
      assert.equal(again.pagesRendered, 2);
      assert.equal(readOut(p.out, page), good);
      assert.notEqual(readOut(p.out, 'index.html'), 'hand-edited');
      assert.equal((await p.build({}, { liveSizesFrom })).pagesRendered, 0);
    });
  }
});

describe('the search index in parts', () => {
  it('should re-index only the parts whose records changed', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 8; i++) files[`a${i}.md`] = article(`Talks round ${i}`, `2016-03-${String(10 + i).padStart(2, '0')}`, 'Geneva');
    // Two articles a part: 8 articles give 4 article parts (partCount in search-records.ts) and
    // one for the timeline (its events are all of one month, one of its 4 parts); the primary part
    // holds the topics.
    const p = project(files, { searchPartSize: 2 });
    const first = await p.build();
    assert.equal(first.search!.parts.size, 6);
    assert.equal(first.searchPartsIndexed, 6);
    const timeline = [...first.search!.parts.keys()].find((d) => d.startsWith('timeline-'))!;
    assert.match(timeline, /^timeline-0[0-3]\/$/);
    assert.match(readOut(p.out, 'search/index.html'), new RegExp(`data-parts="/pagefind/part-00/ /pagefind/part-01/ /pagefind/part-02/ /pagefind/part-03/ /pagefind/${timeline}"`));
    for (const dir of ['', 'part-00/', 'part-01/', 'part-02/', 'part-03/', timeline]) assert.ok(fs.existsSync(path.join(p.out, 'pagefind', dir, 'pagefind-entry.json')), dir);
    assert.ok(!fs.existsSync(path.join(p.out, 'pagefind/part-01/pagefind.js')), 'the search code comes from the primary index only');

    // An edit to the body of one article changes its part only: the topics and the timeline do not
    // change with it.
    const keys = new Map([...first.search!.parts].map(([d, part]) => [d, part.key]));
    const before = siteFiles(path.join(p.out, 'pagefind'));
    fs.appendFileSync(path.join(p.content, 'a5.md'), '\nNo statement was issued afterwards.\n');
    const second = await p.build();
    const changed = [...second.search!.parts].filter(([d, part]) => keys.get(d) !== part.key).map(([d]) => d);
    assert.equal(changed.length, 1, `changed parts: ${changed.join(', ')}`);
    assert.equal(second.searchPartsIndexed, 1);
    const after = siteFiles(path.join(p.out, 'pagefind'));
    for (const [d, part] of second.search!.parts) {
      if (changed.includes(d)) continue;
      assert.deepEqual(part.sizes, first.search!.parts.get(d)!.sizes, `${d} kept`);
      for (const f of part.sizes.keys()) assert.equal(after.get(`${d}${f}`), before.get(`${d}${f}`), `${d}${f} left as it was`);
    }
    assert.match(readOut(p.out, `pagefind/${changed[0]}pagefind-entry.json`), /"page_count":2/);
  });

  it('should keep no bytes of the index in its cache, and index a part again when its files were touched', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 4; i++) files[`a${i}.md`] = article(`Talks round ${i}`, `2016-03-${String(10 + i).padStart(2, '0')}`, 'Geneva');
    const p = project(files, { searchPartSize: 2 });
    const first = await p.build();
    // The cache lists each part's files and sizes; the live site has the bytes.
    const cached = fs.readdirSync(p.cache).find((f) => f.startsWith('search-'))!;
    const bytes = [...first.search!.parts.values()].flatMap((part) => [...part.sizes.values()]).reduce((a, b) => a + b, 0);
    assert.ok(fs.statSync(path.join(p.cache, cached)).size < bytes / 4, `${cached}: ${fs.statSync(path.join(p.cache, cached)).size} bytes for ${bytes} of index`);

    // A file of an unchanged part deleted by hand: that part, and only it, is indexed again.
    const [fragment] = [...first.search!.parts.get('part-01/')!.sizes.keys()].filter((f) => f.startsWith('fragment/'));
    const whole = readOut(p.out, `pagefind/part-01/${fragment}`);
    fs.rmSync(path.join(p.out, 'pagefind/part-01', fragment!));
    const second = await p.build();
    assert.equal(second.searchPartsIndexed, 1);
    assert.equal(readOut(p.out, `pagefind/part-01/${fragment}`), whole);
    assert.deepEqual(brokenInternalLinks(p.out, '/'), []);
  });
});

describe('what a new article touches', () => {
  it('should leave alone the pages of articles that only share a topic with it', async () => {
    // Five reports on Geneva talks about Syria, and a later one that names Geneva only: the five
    // keep their related articles (they share two topics with each other, one with the new one),
    // and their topic chips carry no article counts, so their pages are not rendered again.
    const talks = (day: number) => `---\ndate: 2016-03-${day}\npublisher: Example Post\n---\nSyria talks, day ${day}\n\nDiplomats met in Geneva on Thursday to discuss the war in Syria.\n\nNo agreement on Syria was reached in Geneva.\n`;
    const files: Record<string, string> = {};
    for (const day of [10, 14, 18, 22, 26]) files[`talks-${day}.md`] = talks(day);
    const p = project(files);
    const first = await p.build();
    assert.ok(first.topics.some((t) => t.name === 'Geneva') && first.topics.some((t) => t.name === 'Syria'), first.topics.map((t) => t.name).join(', '));
    fs.writeFileSync(path.join(p.content, 'motor-show.md'), `---\ndate: 2016-09-01\npublisher: Example Post\n---\nMotor show opens\n\nThe motor show opened in Geneva on Thursday.\n`);
    const second = await p.build();
    const pages = second.written!.filter((k) => k.endsWith('.html'));
    assert.ok(pages.includes('articles/motor-show-opens/index.html'), pages.join(', '));
    assert.ok(pages.includes('topics/geneva/index.html'), 'the topic page lists the new article');
    for (const day of [10, 14, 18, 22, 26]) assert.ok(!pages.includes(`articles/syria-talks-day-${day}/index.html`), `day ${day} was rendered again`);
    assert.match(readOut(p.out, 'articles/syria-talks-day-10/index.html'), /href="\/topics\/geneva\/"/);
    // The data export: the new article's record and its year of the index are written, no other record.
    const data = second.written!.filter((k) => /^data\/(articles|archive)/.test(k)).sort();
    assert.deepEqual(data, ['data/archive/2016.json', 'data/articles.json', 'data/articles/motor-show-opens.json']);
    const index = readArticleIndex(p.out) as { slug: string; record: string; topics: string[] }[];
    const entry = index.find((e) => e.slug === 'motor-show-opens')!;
    assert.deepEqual(entry.topics, ['geneva']);
    const record = JSON.parse(readOut(p.out, `data/${entry.record}`)) as { slug: string; blocks: { text: string }[]; mentions: { name: string }[] };
    assert.equal(record.slug, 'motor-show-opens');
    assert.ok(record.blocks.some((b) => b.text === 'The motor show opened in Geneva on Thursday.'));
    assert.ok(record.mentions.some((m) => m.name === 'Geneva'));
    assert.equal(index.length, 6);
  });

  it('should render again the pages that show an edited card, and write what a cold build writes', async () => {
    // An article page is keyed by its record and its links (the cards and chips it shows of other
    // articles and topics), a topic page by its cards' hashes, not by their whole views: a new
    // standfirst on one article (shown on the cards, in nothing else of those pages) must still
    // reach them.
    const talks = (day: number, standfirst = '') => `---\ndate: 2016-03-${day}\npublisher: Example Post\n${standfirst ? `standfirst: ${standfirst}\n` : ''}---\nSyria talks, day ${day}\n\nDiplomats met in Geneva on Thursday to discuss the war in Syria.\n\nNo agreement on Syria was reached in Geneva.\n`;
    const files: Record<string, string> = {};
    for (const day of [10, 14, 18]) files[`talks-${day}.md`] = talks(day);
    files['motor-show.md'] = `---\ndate: 2016-09-01\npublisher: Example Post\n---\nMotor show opens\n\nThe motor show opened in Detroit on Thursday.\n`;
    const p = project(files);
    await p.build();
    assert.match(readOut(p.out, 'articles/syria-talks-day-10/index.html'), /Syria talks, day 18/, 'day 18 is shown on day 10');
    fs.writeFileSync(path.join(p.content, 'talks-18.md'), talks(18, 'A third round ends without a deal.'));
    const second = await p.build();
    const pages = second.written!.filter((k) => k.endsWith('.html'));
    for (const day of [10, 14]) assert.ok(pages.includes(`articles/syria-talks-day-${day}/index.html`), `day ${day}: ${pages.join(', ')}`);
    assert.ok(pages.includes('topics/geneva/index.html'), pages.join(', '));
    assert.ok(!pages.includes('articles/motor-show-opens/index.html'), 'the page that shows nothing of it is left alone');
    for (const page of ['articles/syria-talks-day-10/index.html', 'topics/geneva/index.html']) assert.match(readOut(p.out, page), /A third round ends without a deal\./, page);
    await assertSameAsCold(p);
  });

  it('should render again the timeline page that shows an article whose headline alone changed', async () => {
    // The timeline is keyed by its entries' digests, not by its views (TimelineEntry.digest): a
    // headline is shown beside each of the article's events, and its slug is pinned here, so
    // nothing but the headline changes.
    const pinned = (title: string) => article(title, '2016-03-24', 'Geneva').replace('publisher:', 'slug: geneva-talks\npublisher:');
    const p = project({ 'a.md': pinned('Talks in Geneva'), 'b.md': article('Talks in Vienna', '2016-05-02', 'Vienna') });
    await p.build();
    const month = 'timeline/2016/03/index.html';
    assert.match(readOut(p.out, month), /<cite>Talks in Geneva<\/cite>/);
    fs.writeFileSync(path.join(p.content, 'a.md'), pinned('Geneva talks end'));
    const second = await p.build();
    assert.ok(second.written!.includes(month), second.written!.join(', '));
    assert.match(readOut(p.out, month), /<cite>Geneva talks end<\/cite>/);
    assert.ok(!second.written!.includes('timeline/2016/05/index.html'), 'the month that shows nothing of it is left alone');
    await assertSameAsCold(p);
  });

  it('should make a year of the articles\' index again only when a record it lists changed', async () => {
    const p = project({ 'a.md': article('Talks in Geneva', '2015-03-24', 'Geneva'), 'b.md': article('Talks in Vienna', '2016-05-02', 'Vienna') });
    const first = await p.build();
    const years = ['data/archive/2016.json', 'data/archive/2015.json'];
    const keys = years.map((f) => first.output!.pages.get(f)?.key);
    assert.ok(keys.every(Boolean), 'each year has a record, with a key');
    assert.deepEqual(JSON.parse(readOut(p.out, 'data/articles.json')), [{ year: '2016', articles: 1, file: 'archive/2016.json' }, { year: '2015', articles: 1, file: 'archive/2015.json' }]);
    const again = await p.build();
    assert.deepEqual(years.map((f) => again.output!.pages.get(f)?.key), keys);
    assert.deepEqual(again.written!.filter((f) => f.startsWith('data/archive/')), []);
    // An outlet is shown in the index and nowhere in the first article's record.
    fs.writeFileSync(path.join(p.content, 'b.md'), article('Talks in Vienna', '2016-05-02', 'Vienna').replace('publisher: Example Post', 'publisher: Other Post'));
    const second = await p.build();
    assert.notEqual(second.output!.pages.get(years[0]!)?.key, keys[0]);
    assert.deepEqual(second.written!.filter((f) => f.startsWith('data/archive/')), ['data/archive/2016.json'], 'the other year is left alone');
    const index = readArticleIndex(p.out) as { slug: string; publisher: string }[];
    assert.deepEqual(index.map((e) => [e.slug, e.publisher]), [['talks-in-vienna', 'Other Post'], ['talks-in-geneva', 'Example Post']]);
    await assertSameAsCold(p);
  });

  it('should make the topics\', stories\' and sitemap\'s files again only when what they list changed', async () => {
    const files = ['data/topics.json', 'data/stories.json', 'data/topics/geneva.json', 'sitemap.xml', 'sitemap-news.xml'];
    const p = project({ 'a.md': article('Talks in Geneva', '2016-03-24', 'Geneva'), 'b.md': article('Talks in Vienna', '2016-05-02', 'Vienna') });
    const first = await p.build();
    const keys = files.map((f) => first.output!.pages.get(f)?.key);
    assert.ok(keys.every(Boolean), 'each has a record, with a key');
    const again = await p.build();
    assert.deepEqual(files.map((f) => again.output!.pages.get(f)?.key), keys);
    assert.deepEqual(again.written!.filter((f) => files.includes(f)), []);
    // A third article: it joins the Geneva topic and tells a story of its own.
    fs.writeFileSync(path.join(p.content, 'c.md'), article('Geneva talks resume', '2016-06-02', 'Geneva'));
    const second = await p.build();
    for (const [i, f] of files.entries()) {
      assert.notEqual(second.output!.pages.get(f)?.key, keys[i], f);
      assert.ok(second.written!.includes(f), f);
    }
    const topics = readTopicRecords(p.out) as { name: string; articles: string[] }[];
    assert.deepEqual(topics.find((t) => t.name === 'Geneva')?.articles.sort(), ['geneva-talks-resume', 'talks-in-geneva']);
    // A topic's record changes when an article joins it, and no other topic's does.
    const records = second.written!.filter((f) => f.startsWith('data/topics/'));
    assert.ok(records.includes('data/topics/geneva.json'), records.join(', '));
    assert.ok(!records.includes('data/topics/vienna.json'), records.join(', '));
    await assertSameAsCold(p);
  });

  it('should export the timeline a page a file, as its pages, and write again only the periods whose events changed', async () => {
    const p = project({ 'a.md': article('Talks in Geneva', '2015-03-26', 'Geneva'), 'b.md': article('Talks in Vienna', '2016-05-05', 'Vienna') });
    const first = await p.build();
    const index = JSON.parse(readOut(p.out, 'data/timeline.json')) as { period: string; page: number; entries: number; file: string; timelinejs: string }[];
    assert.deepEqual(index.map((y) => [y.period, y.page, y.file, y.timelinejs]), [['2015-03', 1, 'timeline/2015-03-page-1.json', 'timelinejs/2015-03-page-1.json'], ['2016-05', 1, 'timeline/2016-05-page-1.json', 'timelinejs/2016-05-page-1.json']]);
    let total = 0;
    for (const y of index) {
      const entries = JSON.parse(readOut(p.out, `data/${y.file}`)) as { date: string; sources: { article: string; sentence: string }[] }[];
      assert.equal(entries.length, y.entries);
      assert.ok(entries.every((e) => e.date.startsWith(y.period)), JSON.stringify(entries));
      const slides = JSON.parse(readOut(p.out, `data/${y.timelinejs}`)) as { title: { text: { headline: string } }; events: unknown[] };
      assert.equal(slides.events.length, y.entries);
      assert.match(slides.title.text.headline, /: (March 2015|May 2016)$/);
      total += entries.length;
    }
    assert.equal(total, first.site!.timeline.length);
    assert.match(readOut(p.out, 'data/timeline/2016-05-page-1.json'), /Diplomats met in Vienna on Thursday/);
    // Another article of 2016, in another month: its month's files are written, not May's.
    fs.writeFileSync(path.join(p.content, 'c.md'), article('Talks in Ankara', '2016-07-07', 'Ankara'));
    const second = await p.build();
    assert.deepEqual(second.written!.filter((k) => k.startsWith('data/timeline')).sort(), ['data/timeline.json', 'data/timeline/2016-07-page-1.json', 'data/timelinejs/2016-07-page-1.json']);
  });

  it('should export a busy period a file a page, and write again only the pages whose events changed', async () => {
    // Twelve facts of one day, no two alike (their words differ but for the date): at pageSize 1,
    // pages of two events on average.
    const names = ['bor', 'cal', 'dun', 'fel', 'gar', 'hok', 'jil', 'kem', 'lor', 'mun', 'nix', 'pav', 'quo', 'rul'];
    const report = (n: string) => `---\ndate: 2016-04-20\npublisher: Example Post\n---\nReport from ${n}\n\n${n[0]!.toUpperCase()}${n.slice(1)}ville's ${n}ers ${n}ed the ${n}ons on 3 March 2016.\n`;
    const p = project(Object.fromEntries(names.slice(0, 12).map((n) => [`${n}.md`, report(n)])), { pageSize: 1 });
    type Index = { period: string; page: number; entries: number; file: string; timelinejs: string }[];
    const read = () => {
      const index = (JSON.parse(readOut(p.out, 'data/timeline.json')) as Index).filter((y) => y.period === '2016-03');
      return index.map((y) => ({ ...y, entries: JSON.parse(readOut(p.out, `data/${y.file}`)) as { sources: { article: string }[] }[], title: (JSON.parse(readOut(p.out, `data/${y.timelinejs}`)) as { title: { text: { headline: string } } }).title.text.headline, count: y.entries }));
    };
    await p.build();
    const pages = read();
    assert.ok(pages.length >= 3, JSON.stringify(pages.map((y) => y.file)));
    assert.deepEqual(pages.map((y) => [y.page, y.file]), pages.map((_, i) => [i + 1, `timeline/2016-03-page-${i + 1}.json`]));
    for (const y of pages) {
      assert.equal(y.entries.length, y.count);
      assert.match(y.title, y.page > 1 ? new RegExp(`: March 2016, page ${y.page}$`) : /: March 2016$/);
    }
    assert.deepEqual(pages.flatMap((y) => y.entries.flatMap((e) => e.sources.map((s) => s.article))).sort(), names.slice(0, 12).map((n) => `report-from-${n}`).sort());
    // Two more facts of the day: the pages they join are written, with the index, and no other.
    for (const n of names.slice(12)) {
      const before = new Map(read().map((y) => [y.file, JSON.stringify(y.entries)]));
      fs.writeFileSync(path.join(p.content, `${n}.md`), report(n));
      const next = await p.build();
      const written = next.written!.filter((k) => k.startsWith('data/timeline/'));
      const after = read();
      assert.ok(written.length >= 1 && written.length < after.length, written.join(', '));
      for (const y of after) assert.equal(written.includes(`data/${y.file}`), before.get(y.file) !== JSON.stringify(y.entries), y.file);
      assert.ok(next.written!.includes('data/timeline.json'));
      await assertSameAsCold(p, { pageSize: 1 });
    }
  });

  it('should write only the month\'s pages an added article changes, its first page and its own, and what a cold build writes', async () => {
    // pageSize 1: a month of more than two articles gets pages of two on average.
    const files: Record<string, string> = {};
    for (let d = 1; d <= 16; d++) files[`m${d}.md`] = article(`Talks round ${d}`, `2016-03-${String(d).padStart(2, '0')}`, 'Geneva');
    const p = project(files, { pageSize: 1 });
    const cardsOf = (rel: string) => [...readOut(p.out, rel).matchAll(/<h3 class="card-title"><a href="([^"]+)"/g)].map((m) => m[1]).join(' ');
    const month = (r: Awaited<ReturnType<typeof p.build>>) => [...r.output!.pages.keys()].filter((k) => k.startsWith('archive/2016/03/'));
    const first = await p.build();
    const before = new Map(month(first).map((k) => [k, cardsOf(k)]));
    assert.ok(before.size >= 4, [...before.keys()].join(', '));
    for (const [title, day] of [['Talks resume', '08'], ['Talks stall', '13'], ['Talks end', '02']] as const) {
      const last = new Map(month(await p.build()).map((k) => [k, cardsOf(k)]));
      fs.writeFileSync(path.join(p.content, `${day}.md`), article(title, `2016-03-${day}`, 'Geneva'));
      const next = await p.build();
      const written = next.written!.filter((k) => k.startsWith('archive/2016/03/'));
      assert.ok(written.includes('archive/2016/03/index.html'), 'the first page, with the month\'s count');
      // Every other page written shows other articles than it did; the rest are kept.
      for (const k of written.filter((w) => w !== 'archive/2016/03/index.html')) assert.notEqual(cardsOf(k), last.get(k), k);
      assert.ok(written.length < month(next).length, `${title}: ${written.join(', ')}`);
      await assertSameAsCold(p, { pageSize: 1 });
    }
  });

  it('should render its own month of the archive and the timeline, and the indexes, but no other month', async () => {
    const p = project({
      'a.md': article('Talks in Geneva', '2016-03-24', 'Geneva'),
      'b.md': article('Talks in Vienna', '2016-05-02', 'Vienna'),
      'c.md': article('Talks in Moscow', '2016-07-15', 'Moscow'),
    });
    await p.build();
    assert.match(readOut(p.out, 'archive/index.html'), /href="\/archive\/2016\/05\/"/, 'the index links every month');
    assert.match(readOut(p.out, 'archive/2016/05/index.html'), /Talks in Vienna/);
    fs.writeFileSync(path.join(p.content, 'd.md'), article('Talks in Ankara', '2016-03-01', 'Ankara'));
    const second = await p.build();
    const pages = second.written!.filter((k) => /^(archive|timeline)\//.test(k)).sort();
    // March gains an article; its "on Thursday" event (25 February) opens a new month on the
    // timeline, and March's page there links back to it. May and July are left alone; the
    // indexes count one more.
    assert.deepEqual(pages, ['archive/2016/03/index.html', 'archive/index.html', 'timeline/2016/02/index.html', 'timeline/2016/03/index.html', 'timeline/index.html']);
  });
});

describe('a site changed by dev mode, then built again', () => {
  it('should not trust a record of the folder that dev mode changed since', async () => {
    // build, then dev adds an article (dev keeps its record in memory), then the article is
    // deleted and build runs: the deleted article's page must go.
    const p = project({ 'a.md': article('Talks in Geneva', '2016-03-24', 'Geneva') });
    const first = await p.build();
    fs.writeFileSync(path.join(p.content, 'b.md'), article('Talks in Ankara', '2016-07-02', 'Ankara'));
    const config = resolveConfig(ROOT, { url: 'https://archive.example.org' }, { contentDir: p.content, outDir: p.out, templatesDir: p.templates, cacheDir: path.join(path.dirname(p.out), '.cache') });
    const dev = await build(config, { cache: memoryCache(), previousOutput: first.output! });
    assert.ok(dev.ok);
    assert.ok(fs.existsSync(path.join(p.out, 'articles/talks-in-ankara/index.html')));
    fs.rmSync(path.join(p.content, 'b.md'));
    await p.build();
    assert.ok(!fs.existsSync(path.join(p.out, 'articles/talks-in-ankara')), 'the page dev mode added is gone');
    assert.ok(!fs.existsSync(path.join(p.out, 'archive/2016/07')), 'and its month');
  });

  it('should not trust its own record once another build wrote the folder', async () => {
    // dev mode keeps its record in memory; a CLI build run beside it adds a page; dev's next
    // rebuild must not update the folder in place against a record that lacks that page.
    const p = project({ 'a.md': article('Talks in Geneva', '2016-03-24', 'Geneva') });
    await p.build();
    const config = resolveConfig(ROOT, { url: 'https://archive.example.org' }, { contentDir: p.content, outDir: p.out, templatesDir: p.templates, cacheDir: path.join(path.dirname(p.out), '.cache') });
    const cache = memoryCache();
    const dev = await build(config, { cache, previousOutput: { hashes: new Map(), pages: new Map() } });
    fs.writeFileSync(path.join(p.content, 'b.md'), article('Talks in Ankara', '2016-07-02', 'Ankara'));
    await p.build();
    assert.ok(fs.existsSync(path.join(p.out, 'articles/talks-in-ankara/index.html')));
    fs.rmSync(path.join(p.content, 'b.md'));
    const again = await build(config, { cache, previousOutput: dev.output! });
    assert.ok(again.ok);
    assert.ok(!fs.existsSync(path.join(p.out, 'articles/talks-in-ankara')), 'the page the other build added is gone');
    // The pages it found unchanged were not kept against the stale record: all rendered again.
    assert.equal(again.pagesRendered, htmlPages(again));
    assert.match(readOut(p.out, 'articles/talks-in-geneva/index.html'), /Diplomats met in Geneva/);
    // Every link holds, the timeline's to a Markdown article's sentence too.
    assert.deepEqual(brokenInternalLinks(p.out, '/'), []);
  });
});

describe('a split search index with no topics and no events', () => {
  it('should still give the search page a primary index with articles in it', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 8; i++) files[`a${i}.md`] = `---\ndate: 2016-03-1${i}\n---\nrain report ${i}\n\nit rained all day and the roads were wet.\n`;
    const p = project(files, { searchPartSize: 2 });
    const r = await p.build();
    assert.equal(r.topics.length, 0);
    assert.equal(r.site!.timeline.length, 0);
    const entry = JSON.parse(readOut(p.out, 'pagefind/pagefind-entry.json')) as { languages: Record<string, { page_count: number }> };
    assert.ok(Object.values(entry.languages)[0]!.page_count > 0, JSON.stringify(entry));
    for (const part of [...r.search!.parts.keys()].filter((d) => d !== '')) assert.notEqual(part, 'part-00/', 'part 0 is in the primary index');
    // Two articles in parts of one, both hashed to part 1 (rain-report-0 and -2): part 0 is empty,
    // and the primary index takes part 1's articles.
    const two = project({ 'a0.md': files['a0.md']!, 'a2.md': files['a2.md']! }, { searchPartSize: 1 });
    const r2 = await two.build();
    assert.deepEqual([...r2.search!.parts.keys()], [''], 'one index: the primary, with both articles');
    const entry2 = JSON.parse(readOut(two.out, 'pagefind/pagefind-entry.json')) as { languages: Record<string, { page_count: number }> };
    assert.ok(Object.values(entry2.languages)[0]!.page_count > 0, JSON.stringify(entry2));
  });
});

