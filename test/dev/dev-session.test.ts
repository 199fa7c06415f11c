/** Dev mode end to end, in process: serve, edit, add, delete, break, fix, change templates and config. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/load/read-config.js';
import { CLIENT_PATH, EVENTS_PATH, startDev, type DevSession, type DevState, type RebuildReport } from '../../src/dev/index.js';
import { listFiles } from '../support/site.js';
import { get, listen, makeProject, nextRebuild, type Project } from './project.js';

const ARTICLE = 'content/003_9f8f684735608aea.txt';
/** A rebuild whose changes include `rel` (a rebuild of an earlier step may still be under way). */
const touching = (rel: string) => (r: RebuildReport) => r.changes.some((c) => c.file.endsWith(rel));

describe('news-archive dev', () => {
  let project: Project;
  let session: DevSession;
  let articlePage: string;
  const out: string[] = [];
  const err: string[] = [];
  const origin = () => new URL(session.url).origin;

  before(async () => {
    project = makeProject();
    session = await startDev(project.config, {
      port: 0, cwd: project.dir, log: (l) => out.push(l), logError: (l) => err.push(l),
      reloadConfig: () => loadConfig(project.dir),
    });
  });
  after(async () => {
    await session?.close();
  });

  it('should build, then serve pages with the dev client and answer a missing page with 404', async () => {
    assert.equal(session.first.ok, true);
    assert.equal(session.first.reprocessed, 5);
    assert.match(out[0]!, /^first build: built in \d+ ms; 5 of 5 articles re-read/);
    const home = await get(session.url);
    assert.equal(home.status, 200);
    assert.match(home.body, new RegExp(`<script src="${CLIENT_PATH}" data-site="[^"]+" data-page="index.html" defer></script>\n</head>`));
    assert.equal(home.headers['cache-control'], 'no-store');
    const missing = await get(`${session.url}no/such/page/`);
    assert.equal(missing.status, 404);
    assert.ok(missing.body.includes(CLIENT_PATH));
    const client = await get(`${origin()}${CLIENT_PATH}`);
    assert.match(String(client.headers['content-type']), /^text\/javascript/);
    assert.match(client.body, /new EventSource\("\/__news-archive\/events"\)/);
    const css = listFiles(project.config.outDir).find((f) => f.endsWith('.css'))!;
    const asset = await get(`${session.url}${css}`);
    assert.equal(asset.status, 200);
    assert.ok(!asset.body.includes(CLIENT_PATH));
  });

  it('should keep dev code out of the built files', () => {
    for (const f of listFiles(project.config.outDir)) {
      if (!/\.(html|js|json|xml)$/.test(f)) continue;
      const text = fs.readFileSync(path.join(project.config.outDir, f), 'utf8');
      assert.ok(!text.includes('__news-archive'), `${f} holds dev code`);
    }
  });

  it('should rebuild an edited article from the cache for the others, and tell the open tabs', async () => {
    const stream = listen(`${origin()}${EVENTS_PATH}`);
    try {
      const rebuilt = nextRebuild(session, touching(ARTICLE));
      project.write(ARTICLE, `${project.read(ARTICLE)}\nEditors added this sentence about zebra crossings in Moscow.\n`);
      const r = await rebuilt;
      assert.equal(r.ok, true);
      assert.equal(r.reprocessed, 1);
      assert.equal(r.articles, 5);
      assert.deepEqual(r.changes.map((c) => `${c.kind} ${c.event} ${path.relative(project.dir, c.file)}`), [`content change ${ARTICLE}`]);
      articlePage = r.diff.changed.find((f) => /^articles\/[^/]+\/index\.html$/.test(f))!;
      assert.ok(fs.readFileSync(path.join(project.config.outDir, articlePage), 'utf8').includes('zebra crossings'));
      // The article's own page first (preview.ts), then the whole site.
      assert.match(out.at(-1)!, new RegExp(`^${ARTICLE} changed: article page written in \\d+ ms, rebuilt in \\d+ ms, \\d+ ms after the save; 1 of 5 articles re-read \\(4 from cache\\)`));
      assert.equal(r.preview?.pages, 1);
      const served = await get(`${session.url}${articlePage.replace(/index\.html$/, '')}`);
      assert.ok(served.body.includes('zebra crossings'));
      await waitForEvents(stream.events, 3);
      const [hello, preview, build] = stream.events as { event: string; data: DevState }[];
      assert.equal(hello!.event, 'hello');
      // The preview tells the tab showing the article at once; the rebuild wrote that page as it
      // was previewed, so it does not send that tab a second reload.
      assert.equal(preview!.event, 'build');
      assert.deepEqual(preview!.data.changed, [articlePage]);
      assert.notEqual(preview!.data.site, hello!.data.site);
      assert.equal(build!.event, 'build');
      assert.equal(build!.data.ok, true);
      assert.ok(!build!.data.changed.includes(articlePage), build!.data.changed.join(', '));
      assert.ok(build!.data.changed.length > 0, 'the rebuild changed other pages (topic lists, feeds)');
      assert.notEqual(build!.data.site, preview!.data.site);
    } finally {
      stream.close();
    }
  });

  it('should add a new article and remove a deleted one with its page', async () => {
    const added = nextRebuild(session, touching('new-report.md'));
    project.write('content/2016/new-report.md', '---\ndate: 2016-04-01\ntitle: Aid convoy reaches Palmyra\n---\nAn aid convoy reached Palmyra on Friday, officials said.\n\nThe convoy carried food and medicine.\n');
    const r1 = await added;
    assert.ok(r1.diff.added.includes('articles/aid-convoy-reaches-palmyra/index.html'), r1.diff.added.join(' '));
    assert.equal((await get(`${session.url}articles/aid-convoy-reaches-palmyra/`)).status, 200);
    await session.idle();
    const removed = nextRebuild(session, touching('2016'));
    fs.rmSync(path.join(project.dir, 'content/2016'), { recursive: true });
    const r2 = await removed;
    assert.ok(r2.diff.removed.includes('articles/aid-convoy-reaches-palmyra/index.html'));
    assert.equal(r2.articles, 5);
    assert.ok(!fs.existsSync(path.join(project.config.outDir, 'articles/aid-convoy-reaches-palmyra')));
    assert.equal((await get(`${session.url}articles/aid-convoy-reaches-palmyra/`)).status, 404);
  });

  it('should keep serving the last good site when a file breaks, and say where in the terminal and the stream', async () => {
    const stream = listen(`${origin()}${EVENTS_PATH}`);
    try {
      await session.idle();
      const failed = nextRebuild(session, touching('broken.txt'));
      err.length = 0;
      project.write('content/broken.txt', '---\ndate: 2016-03-24\ntitle: [oops\n---\nBody text.\n');
      const r = await failed;
      assert.equal(r.ok, false);
      assert.match(err.join('\n'), /^content\/broken\.txt:3:\d+: error NA201: invalid YAML in front matter.*\n  hint: /m);
      assert.match(err.at(-1)!, /content\/broken\.txt added: build failed with 1 error; still serving the last good site/);
      const page = await get(`${session.url}${articlePage.replace(/index\.html$/, '')}`);
      assert.equal(page.status, 200);
      assert.ok(page.body.includes('zebra crossings'));
      await waitForEvents(stream.events, 2);
      const state = stream.events[1]!.data as DevState;
      assert.equal(state.ok, false);
      assert.deepEqual(state.errors.map((e) => [e.file, e.line, e.code]), [['content/broken.txt', 3, 'NA201']]);
      // A tab opened now learns of the failure at once.
      const late = listen(`${origin()}${EVENTS_PATH}`);
      await waitForEvents(late.events, 1);
      late.close();
      assert.equal((late.events[0]!.data as DevState).ok, false);
    } finally {
      stream.close();
    }
  });

  it('should recover when the file is fixed, with no restart', async () => {
    const fixed = nextRebuild(session, touching('broken.txt'));
    project.write('content/broken.txt', '---\ndate: 2016-03-24\ntitle: Fixed report from Moscow\n---\nThe fixed report says the talks went on in Moscow.\n');
    const r = await fixed;
    assert.equal(r.ok, true);
    assert.equal(r.articles, 6);
    assert.ok(r.diff.added.includes('articles/fixed-report-from-moscow/index.html'));
  });

  it('should rebuild every page from cached articles when a template changes', async () => {
    await session.idle();
    const rebuilt = nextRebuild(session, touching('404.eta'));
    project.write('templates/404.eta', project.read('templates/404.eta').replace('</', '<!-- edited -->\n</'));
    const r = await rebuilt;
    assert.equal(r.ok, true);
    assert.equal(r.reprocessed, 0);
    assert.deepEqual(r.changes.map((c) => c.kind), ['templates']);
    assert.ok(r.diff.changed.includes('404.html'));
  });

  it('should apply a changed config, and ask for a restart for settings that move folders', async () => {
    await session.idle();
    const rebuilt = nextRebuild(session, touching('news-archive.config.json'));
    project.write('news-archive.config.json', JSON.stringify({ title: 'Renamed Archive', url: 'https://archive.example.org', basePath: '/moved/' }));
    const r = await rebuilt;
    assert.equal(r.ok, true);
    assert.deepEqual(r.changes.map((c) => c.kind), ['config']);
    assert.ok(err.some((l) => /the config changed basePath; restart news-archive dev/.test(l)));
    assert.match((await get(session.url)).body, /Renamed Archive/);
  });

  it('should report a broken config until it is fixed, even when other files change meanwhile', async () => {
    await session.idle();
    const broken = nextRebuild(session, touching('news-archive.config.json'));
    project.write('news-archive.config.json', '{ "title": "Broken", }');
    const r1 = await broken;
    assert.equal(r1.ok, false);
    assert.deepEqual(r1.diagnostics.map((d) => [path.relative(project.dir, d.file!), d.code]), [['news-archive.config.json', 'NA701']]);
    const still = nextRebuild(session, touching(ARTICLE));
    project.write(ARTICLE, `${project.read(ARTICLE)}\nOne more line.\n`);
    assert.equal((await still).ok, false);
    const fixed = nextRebuild(session, touching('news-archive.config.json'));
    project.write('news-archive.config.json', JSON.stringify({ title: 'Fixed Archive', url: 'https://archive.example.org' }));
    assert.equal((await fixed).ok, true);
    assert.match((await get(session.url)).body, /Fixed Archive/);
  });
});

async function waitForEvents(events: unknown[], n: number): Promise<void> {
  const end = Date.now() + 10_000;
  while (events.length < n) {
    if (Date.now() > end) throw new Error(`expected ${n} events, got ${events.length}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
