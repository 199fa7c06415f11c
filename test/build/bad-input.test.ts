/** Bad input gets a located error and loses nothing (issue 2 contract, issue 6 item 3). */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { CODES, type Diagnostic } from '../../src/diagnostics.js';
import { buildSite, listFiles, readOut, TEMPLATES, tempDir, writeContent, readArticleRecords } from '../support/site.js';

const GOOD = '---\ndate: 2016-03-24\npublisher: Example Post\n---\nKerry meets Putin in Moscow\n\nJohn Kerry met Vladimir Putin in Moscow on Thursday to discuss the war in Syria.\n\nThe talks lasted three hours.\n';

const codes = (ds: readonly Diagnostic[]) => ds.map((d) => d.code);
const find = (ds: readonly Diagnostic[], code: string) => ds.find((d) => d.code === code);

describe('bad input', () => {
  it('should fail on broken front matter with file and line, and leave the previous site untouched', async () => {
    const content = writeContent({ 'good.txt': GOOD, 'broken.txt': '---\ndate: 2016-03-24\ntitle: [oops\n---\nBody text here.\n' });
    const out = path.join(tempDir(), 'public');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'index.html'), 'previous site');
    const { result } = await buildSite(content, { outDir: out });
    assert.equal(result.ok, false);
    const d = find(result.diagnostics, CODES.YAML_SYNTAX)!;
    assert.equal(d.file, path.join(content, 'broken.txt'));
    assert.equal(d.line, 3);
    assert.ok(d.hint.length > 0);
    assert.deepEqual(fs.readdirSync(out), ['index.html']);
    assert.equal(fs.readFileSync(path.join(out, 'index.html'), 'utf8'), 'previous site');
    assert.deepEqual(fs.readdirSync(path.dirname(out)), ['public']);
  });

  it('should report every bad file of the run, not just the first', async () => {
    const content = writeContent({
      'a.txt': '---\ndate: yesterday\n---\nText of a.\n',
      'b.md': '---\ntopics: 42\n---\nText of b.\n',
      'c.txt': '',
      'd.txt': GOOD,
    });
    const { result } = await buildSite(content);
    assert.equal(result.ok, false);
    assert.deepEqual(codes(result.diagnostics.filter((d) => d.severity === 'error')).sort(), [CODES.INVALID_DATE, CODES.FRONT_MATTER_TYPE, CODES.EMPTY_FILE].sort());
  });

  it('should build the good files and name the bad ones with --keep-going', async () => {
    const content = writeContent({ 'a.txt': '---\ndate: yesterday\n---\nText of a.\n', 'good.txt': GOOD });
    const { result, out } = await buildSite(content, {}, { keepGoing: true });
    assert.equal(result.ok, true);
    assert.equal(result.articles.length, 1);
    assert.ok(find(result.diagnostics, CODES.INVALID_DATE));
    assert.equal(readArticleRecords(out).length, 1);
  });

  it('should warn about an unknown key and still build', async () => {
    const content = writeContent({ 'good.txt': GOOD.replace('publisher:', 'publsher: x\npublisher:') });
    const { result } = await buildSite(content);
    assert.equal(result.ok, true);
    const d = find(result.diagnostics, CODES.UNKNOWN_KEY)!;
    assert.equal(d.line, 3);
    assert.match(d.hint, /publisher/);
  });

  it('should skip a binary file with a warning naming it', async () => {
    const content = writeContent({ 'good.txt': GOOD, 'photo.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]) });
    const { result } = await buildSite(content);
    assert.equal(result.ok, true);
    assert.equal(find(result.diagnostics, CODES.BINARY_FILE)?.file, path.join(content, 'photo.txt'));
  });

  it('should refuse an article over the size limit, stating the limit', async () => {
    const content = writeContent({ 'good.txt': GOOD, 'huge.txt': `Headline\n\n${'word '.repeat(3000)}\n` });
    const { result } = await buildSite(content, { maxFileBytes: 10_000 });
    assert.equal(result.ok, false);
    assert.match(find(result.diagnostics, CODES.FILE_TOO_LARGE)!.message, /limit/);
  });

  it('should give two articles that want the same slug a deterministic suffix and name both', async () => {
    const content = writeContent({ 'b.txt': GOOD, 'a.txt': GOOD });
    const first = await buildSite(content);
    const second = await buildSite(content);
    const slugs = (r: typeof first) => (readArticleRecords(r.out) as { slug: string; source: string }[]).map((a) => `${a.source}=${a.slug}`).sort();
    assert.deepEqual(slugs(first), ['a.txt=kerry-meets-putin-in-moscow', 'b.txt=kerry-meets-putin-in-moscow-2']);
    assert.deepEqual(slugs(first), slugs(second));
    assert.match(find(first.result.diagnostics, CODES.DUPLICATE_SLUG)!.message, /a\.txt/);
  });

  it('should never let a slug or title leave its folder or take a reserved name', async () => {
    const content = writeContent({
      'a.md': '---\nslug: ../../etc/passwd\n---\nBody text of a.\n',
      'b.md': '---\ntitle: ../../../tmp/evil\n---\nBody text of b.\n',
      'c.md': '---\nslug: topics\n---\nBody text of c.\n',
    });
    const { result, out } = await buildSite(content);
    assert.equal(result.ok, true);
    const files = listFiles(out);
    assert.ok(files.includes('articles/etc-passwd/index.html'));
    assert.ok(files.includes('articles/tmp-evil/index.html'));
    assert.ok(files.includes('articles/topics-article/index.html'));
    assert.ok(!fs.existsSync(path.join(path.dirname(out), 'etc')));
  });

  it('should give a friendly message for a missing or empty content folder', async () => {
    const missing = await buildSite(path.join(tempDir(), 'nope'));
    assert.deepEqual(codes(missing.result.diagnostics), [CODES.CONTENT_MISSING]);
    const empty = await buildSite(writeContent({ 'notes.yaml': 'x: 1\n' }));
    assert.deepEqual(codes(empty.result.diagnostics), [CODES.CONTENT_EMPTY]);
  });

  it('should report a symlink loop once and skip it', async () => {
    const content = writeContent({ 'good.txt': GOOD });
    fs.symlinkSync(content, path.join(content, 'loop'));
    const { result } = await buildSite(content);
    assert.equal(result.ok, true);
    assert.equal(result.diagnostics.filter((d) => d.code === CODES.SYMLINK_LOOP).length, 1);
  });

  it('should name the template file and line of a template error', async () => {
    const templates = path.join(tempDir(), 'templates');
    fs.cpSync(TEMPLATES, templates, { recursive: true });
    fs.writeFileSync(path.join(templates, 'archive.eta'), "<% layout('layout') %>\n<p>\n<%= it.nonexistent.field %>\n");
    const { result, out } = await buildSite(writeContent({ 'good.txt': GOOD }), { templatesDir: templates });
    assert.equal(result.ok, false);
    const d = find(result.diagnostics, CODES.TEMPLATE_RUNTIME)!;
    assert.equal(d.file, path.join(templates, 'archive.eta'));
    assert.equal(d.line, 3);
    assert.match(d.message, /it\.nonexistent/);
    // A cold build writes its pages to a staging folder as they are rendered: a failure removes it.
    assert.deepEqual(fs.readdirSync(path.dirname(out)).filter((e) => e !== '.cache'), []);
  });

  it('should name the template file of a template syntax error', async () => {
    const templates = path.join(tempDir(), 'templates');
    fs.cpSync(TEMPLATES, templates, { recursive: true });
    fs.writeFileSync(path.join(templates, 'topic.eta'), "<% layout('layout') %>\n<% if (it.topic { %>\n");
    const { result } = await buildSite(writeContent({ 'good.txt': GOOD }), { templatesDir: templates });
    assert.equal(result.ok, false);
    assert.equal(find(result.diagnostics, CODES.TEMPLATE_SYNTAX)?.file, path.join(templates, 'topic.eta'));
  });
});

describe('hostile HTML in articles', () => {
  const HOSTILE_MD = [
    '---', 'date: 2016-03-24', 'title: Hostile <script>alert(1)</script> title', 'standfirst: \'<img src=x onerror="alert(2)">\'', '---',
    'A paragraph with <script>alert(3)</script> and <b onclick="alert(4)">bold</b> text.', '',
    '[click](javascript:alert(5)) and [data](data:text/html;base64,PHNjcmlwdD4=) and ![img](javascript:alert(6))', '',
    '<iframe src="https://evil.example"></iframe>', '',
  ].join('\n');
  const HOSTILE_TXT = 'Headline with <script>alert(7)</script>\n\nBody <img src=x onerror=alert(8)> with javascript:alert(9) text that stays text.\n';

  it('should let no script, handler or dangerous URL survive to any page, feed or JSON', async () => {
    const { result, out } = await buildSite(writeContent({ 'h.md': HOSTILE_MD, 'h.txt': HOSTILE_TXT }));
    assert.equal(result.ok, true, result.diagnostics.map((d) => d.message).join('\n'));
    for (const f of listFiles(out).filter((f) => /\.(html|xml|json)$/.test(f))) {
      const text = readOut(out, f);
      // Attribute values are escaped text: blank them so only real attributes are checked.
      const tags = text.replace(/="[^"]*"/g, '=""');
      assert.ok(!/<script(?![^>]*(application\/ld\+json|src=))/i.test(text), `${f}: script tag`);
      assert.ok(!/<[a-z][^>]*\son[a-z]+=/i.test(tags), `${f}: event handler attribute`);
      assert.ok(!/(href|src)="\s*(javascript|data):/i.test(text), `${f}: dangerous URL`);
      assert.ok(!/<iframe/i.test(text), `${f}: iframe`);
    }
    const articles = readArticleRecords(out) as { blocks: { text: string }[] }[];
    for (const a of articles) for (const b of a.blocks) assert.ok(!/<script|<iframe/i.test(b.text), `export block holds markup: ${b.text}`);
  });
});
