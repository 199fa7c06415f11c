/** The dev server's pure helpers: URL -> page file, client tag injection, and what a rebuild reports. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLIENT_PATH, devClientScript } from '../../src/dev/client-script.js';
import { clientTag, injectClientTag, pageCandidates } from '../../src/dev/inject.js';
import { describeChanges, diffOutputs, formatRebuild, toOverlayItems } from '../../src/dev/rebuild-report.js';
import { hashFiles as hashOutputs } from '../../src/write/write-in-place.js';
import { diagnostic } from '../../src/diagnostics.js';

describe('pageCandidates', () => {
  it('should resolve clean URLs under the base path as sirv does', () => {
    assert.deepEqual(pageCandidates('/', '/'), ['index.html']);
    assert.deepEqual(pageCandidates('/', '/articles/a/?q=1#x'), ['articles/a/index.html']);
    assert.deepEqual(pageCandidates('/archive/', '/archive/topics'), ['topics', 'topics.html', 'topics/index.html']);
    assert.deepEqual(pageCandidates('/archive/', '/archive/caf%C3%A9/'), ['café/index.html']);
  });

  it('should refuse URLs outside the base path, undecodable ones and traversal', () => {
    assert.equal(pageCandidates('/archive/', '/other/'), null);
    assert.equal(pageCandidates('/', '/%E0%A4%A'), null);
    assert.equal(pageCandidates('/', '/a/%2e%2e/%2e%2e/etc/passwd'), null);
    assert.equal(pageCandidates('/', '/a/..%5c..%5cx'), null);
    assert.equal(pageCandidates('/', '/a%00.html'), null);
  });
});

describe('injectClientTag', () => {
  it('should put the client tag at the end of head, or of the page without one', () => {
    const tag = clientTag('s-1', 'articles/a/index.html');
    assert.equal(tag, `<script src="${CLIENT_PATH}" data-site="s-1" data-page="articles/a/index.html" defer></script>`);
    assert.equal(injectClientTag('<html><head><title>x</title></HEAD><body></body></html>', tag),
      `<html><head><title>x</title>${tag}\n</HEAD><body></body></html>`);
    assert.equal(injectClientTag('<p>bare</p></body>', tag), `<p>bare</p>${tag}\n</body>`);
    assert.equal(injectClientTag('<p>bare</p>', tag), `<p>bare</p>\n${tag}\n`);
  });

  it('should escape what goes into the tag attributes', () => {
    assert.match(clientTag('s', 'a"b<c&.html'), /data-page="a&quot;b&lt;c&amp;\.html"/);
  });

  it('should build the overlay with textContent, never innerHTML', () => {
    const script = devClientScript('/archive/');
    assert.ok(!/innerHTML|outerHTML|insertAdjacentHTML|document\.write/.test(script));
    assert.match(script, /textContent/);
    assert.match(script, /var BASE = "\/archive\/";/);
  });
});

describe('rebuild report', () => {
  it('should tell added, changed and removed output files apart', () => {
    const before = hashOutputs(new Map([['index.html', 'a'], ['articles/x/index.html', 'x'], ['gone.html', 'g']]));
    const after = hashOutputs(new Map<string, string | Uint8Array>([['index.html', 'b'], ['articles/x/index.html', 'x'], ['new.html', Buffer.from('n')]]));
    assert.deepEqual(diffOutputs(before, after), { added: ['new.html'], changed: ['index.html'], removed: ['gone.html'] });
  });

  it('should say what triggered a rebuild, what it redid and how long it took', () => {
    const changes = [{ kind: 'content' as const, event: 'change' as const, file: '/p/content/a.txt' }];
    assert.equal(describeChanges([], '/p'), 'first build');
    assert.equal(describeChanges([...changes, ...changes, ...changes, ...changes], '/p'), 'content/a.txt changed, content/a.txt changed, content/a.txt changed and 1 more');
    const line = formatRebuild({
      changes, ok: true, diagnostics: [], reprocessed: 1, articles: 5, ms: 123.4, sinceSave: 300,
      diff: { added: [], changed: ['index.html', 'articles/a/index.html', 'feed.xml'], removed: [] },
      timings: { load: 1, normalize: 2, extract: 3, link: 4, render: 5, write: 6 },
    }, '/p');
    assert.equal(line, 'content/a.txt changed: rebuilt in 123 ms, 300 ms after the save; 1 of 5 articles re-read (4 from cache); ' +
      'pages: 2 changed, 0 added, 0 removed (load 1, normalize 2, extract 3, link 4, render 5, write 6)');
    assert.match(formatRebuild({
      changes, ok: true, diagnostics: [], reprocessed: 1, articles: 5, ms: 1, sinceSave: null, diff: { added: [], changed: [], removed: [] },
      timings: { load: 0, normalize: 0, extract: 0, link: 0, render: 0, write: 0 }, rendered: { pages: 3, searchParts: 1 },
    }, '/p'), /removed \(3 rendered, 1 search index part re-indexed\) \(load/);
  });

  it('should give the overlay the check --json shape with paths relative to the project', () => {
    const d = diagnostic('error', 'NA201', 'bad <b>yaml</b>', 'fix it', { file: '/p/content/a.txt', line: 3, column: 7 });
    assert.deepEqual(toOverlayItems([d], '/p'), [{ file: 'content/a.txt', line: 3, column: 7, severity: 'error', code: 'NA201', message: 'bad <b>yaml</b>', hint: 'fix it' }]);
  });
});
