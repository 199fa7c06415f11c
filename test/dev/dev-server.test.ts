/** The dev server over a site built under a base path: pages get the client, everything else is serve.ts. */
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { CLIENT_PATH, EVENTS_PATH, startDevServer, type DevServer, type DevState } from '../../src/dev/index.js';
import { buildSite, listFiles, SEED_CONTENT } from '../support/site.js';
import { get, listen } from './project.js';
import { waitFor } from './wait.js';

describe('dev server under a base path', () => {
  let server: DevServer;
  let out: string;
  const origin = () => new URL(server.url).origin;

  before(async () => {
    const site = await buildSite(SEED_CONTENT, { basePath: '/archive/' });
    assert.ok(site.result.ok);
    out = site.out;
    server = await startDevServer({ root: site.out, basePath: site.basePath, port: 0, host: '127.0.0.1' });
  });
  after(async () => {
    await server?.close();
  });

  it('should serve pages under the base path with the client tag, and redirect outside it', async () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/archive\/$/);
    const home = await get(server.url);
    assert.equal(home.status, 200);
    assert.ok(home.body.includes(`<script src="${CLIENT_PATH}"`));
    const topics = await get(`${server.url}topics/`);
    assert.equal(topics.status, 200);
    assert.ok(topics.body.includes('data-page="topics/index.html"'));
    const outside = await get(`${origin()}/topics/`);
    assert.equal(outside.status, 302);
    assert.equal(outside.headers.location, '/archive/');
  });

  it('should answer a missing page with the 404 page and status 404', async () => {
    const missing = await get(`${server.url}articles/no-such-article/`);
    assert.equal(missing.status, 404);
    assert.ok(missing.body.includes('data-page="404.html"'));
    assert.equal((await get(`${server.url}..%2f..%2fetc/passwd`)).status, 404);
  });

  it('should serve other files as they are', async () => {
    const feed = listFiles(out).find((f) => f.endsWith('.xml'))!;
    const res = await get(`${server.url}${feed}`);
    assert.equal(res.status, 200);
    assert.ok(!res.body.includes(CLIENT_PATH));
  });

  it('should answer HEAD for a page without a body', async () => {
    const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const req = http.request(server.url, { method: 'HEAD' }, resolve);
      req.on('error', reject);
      req.end();
    });
    assert.equal(res.statusCode, 200);
    assert.ok(Number(res.headers['content-length']) > 0);
    res.resume();
  });

  it('should send the current state on connect and each published state after', async () => {
    const stream = listen(`${origin()}${EVENTS_PATH}`);
    try {
      await waitFor(() => stream.events.length === 1 && server.clients === 1, 'the hello event');
      const next: DevState = { site: 's-2', ok: false, changed: [], errors: [{ file: 'content/a.txt', line: 1, column: 1, severity: 'error', code: 'NA104', message: 'empty', hint: 'write' }] };
      server.publish(next);
      await waitFor(() => stream.events.length === 2, 'the build event');
      assert.deepEqual(stream.events[1], { event: 'build', data: next });
    } finally {
      stream.close();
    }
  });

  it('should close while a tab still holds the event stream open', async () => {
    const extra = await startDevServer({ root: out, basePath: '/archive/', port: 0, host: '127.0.0.1' });
    const stream = listen(`${new URL(extra.url).origin}${EVENTS_PATH}`);
    await waitFor(() => stream.events.length === 1, 'the hello event');
    await extra.close();
    stream.close();
  });
});
