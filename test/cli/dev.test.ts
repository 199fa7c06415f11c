/** `news-archive dev` as a user runs it: serves under the base path, rebuilds on save, prints located errors, stops on Ctrl-C. */
import assert from 'node:assert/strict';
import net from 'node:net';
import path from 'node:path';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { CLIENT_PATH } from '../../src/dev/index.js';
import { get } from '../dev/project.js';
import { waitFor } from '../dev/wait.js';
import { finished, GOOD, makeCliProject, runCli, startCli } from './run.js';

describe('news-archive dev', () => {
  it('should serve, rebuild on save, report a broken file where build would, and stop on SIGINT', async () => {
    const dir = makeCliProject({ 'good.txt': GOOD });
    const child = startCli(['--base-path', '/archive/', 'dev', '--port', '0'], dir);
    const exited = finished(child);
    try {
      await waitFor(() => /at (http:\S+)/.test(child.output.stdout), 'the dev server to start');
      const url = /at (http:\S+)/.exec(child.output.stdout)![1]!;
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/archive\/$/);
      assert.match(child.output.stdout, /^first build: built in \d+ ms; 1 of 1 articles re-read/m);
      assert.match(child.output.stdout, /watching content, templates and the config; Ctrl-C stops/);
      const home = await get(url);
      assert.equal(home.status, 200);
      assert.ok(home.body.includes(CLIENT_PATH));
      assert.equal((await get(`${url}articles/nope/`)).status, 404);
      assert.ok(!fs.readFileSync(path.join(dir, 'public/index.html'), 'utf8').includes(CLIENT_PATH));

      fs.writeFileSync(path.join(dir, 'content/good.txt'), `${GOOD}\nThey met again on Friday.\n`);
      await waitFor(() => /^content\/good\.txt changed: (article page written in \d+ ms, )?rebuilt in \d+ ms/m.test(child.output.stdout), 'the rebuild line');
      fs.writeFileSync(path.join(dir, 'content/bad.txt'), '---\ndate: yesterday\n---\nText.\n');
      await waitFor(() => /content\/bad\.txt added: build failed/.test(child.output.stderr), 'the failure line');
      assert.match(child.output.stderr, /^content\/bad\.txt:2:7: error NA204: .+\n {2}hint: .+$/m);
      assert.equal((await get(url)).status, 200);
    } finally {
      child.kill('SIGINT');
    }
    const r = await exited;
    assert.equal(r.code, 0, r.stderr);
  });

  it('should refuse a port in use with a hint, and a port that is not a number', async () => {
    const dir = makeCliProject({ 'good.txt': GOOD });
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const busy = await runCli(['dev', '--port', String(port)], dir);
      assert.equal(busy.code, 1);
      assert.match(busy.stderr, new RegExp(`port ${port} on 127\\.0\\.0\\.1 is in use\\.\\n {2}hint: `));
    } finally {
      blocker.close();
    }
    const bad = await runCli(['dev', '--port', 'eighty'], dir);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /a port is a whole number from 0 to 65535/);
  });
});
