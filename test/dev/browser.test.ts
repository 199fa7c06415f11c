/**
 * Dev mode in real Chromium (issue 6, "Done when"): an edit reloads the open tab, a broken edit
 * shows the overlay over the last good page, and fixing the file removes it with no restart.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { EVENTS_PATH, startDev, type DevSession, type RebuildReport } from '../../src/dev/index.js';
import { launchBrowser } from '../support/browser.js';
import { listFiles } from '../support/site.js';
import { makeProject, nextRebuild, type Project } from './project.js';
import { waitFor } from './wait.js';

const ARTICLE = 'content/003_9f8f684735608aea.txt';
const WAIT = { timeout: 30_000 };

describe('dev mode in Chromium, site under /archive/', () => {
  let project: Project;
  let session: DevSession;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let page: Page;
  const errors: string[] = [];
  const original = () => project.read(ARTICLE);
  let text: string;

  before(async () => {
    project = makeProject({ basePath: '/archive/' });
    text = original();
    session = await startDev(project.config, { port: 0, cwd: project.dir, log: () => undefined, logError: () => undefined });
    ({ browser, close: closeBrowser } = await launchBrowser());
    page = await browser.newPage();
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    const rel = listFiles(project.config.outDir).find((f) => /^articles\/[^/]+\/index\.html$/.test(f) &&
      fs.readFileSync(path.join(project.config.outDir, f), 'utf8').includes('Kerry, Lavrov begin Syria talks'))!;
    await page.goto(`${session.url}${rel.replace(/index\.html$/, '')}`);
    await waitFor(() => session.clients === 1, 'the tab to connect');
  });
  after(async () => {
    await closeBrowser?.();
    await session?.close();
  });

  const mark = () => page.evaluate('window.__notReloaded = true');
  const reloaded = () => page.evaluate('window.__notReloaded !== true');
  const rebuildOf = (rel: string) => nextRebuild(session, (r: RebuildReport) => r.changes.some((c) => c.file.endsWith(rel)));

  it('should reload the open article after an edit', async () => {
    await mark();
    const rebuilt = rebuildOf(ARTICLE);
    project.write(ARTICLE, `${text}\nEditors added this sentence about zebra crossings in Moscow.\n`);
    assert.equal((await rebuilt).ok, true);
    await page.waitForFunction('document.body.textContent.includes("zebra crossings")', undefined, WAIT);
    assert.equal(await reloaded(), true);
  });

  it('should show the located errors in an overlay over the last good page after a broken edit', async () => {
    await mark();
    const rebuilt = rebuildOf(ARTICLE);
    project.write(ARTICLE, `${text.replace('date: 2015-12-15', 'date: "<b>yesterday</b>"')}\nEditors added this sentence about zebra crossings in Moscow.\n`);
    assert.equal((await rebuilt).ok, false);
    const overlay = page.locator('#news-archive-dev-overlay');
    await overlay.waitFor(WAIT);
    const shown = (await overlay.textContent())!;
    assert.match(shown, /the build failed with 1 error/);
    assert.ok(shown.includes(`${ARTICLE}:2:7: error NA204: front matter "date" "<b>yesterday</b>" is not a date`), shown);
    assert.ok(shown.includes('hint: Write the publication date as YYYY-MM-DD'));
    // The message's markup is text, never parsed: no <b> element inside the overlay.
    assert.equal(await overlay.locator('b').count(), 0);
    assert.equal(await reloaded(), false);
    assert.ok((await page.locator('main').textContent())!.includes('zebra crossings'));
    assert.equal(await page.getAttribute('#news-archive-dev-overlay', 'role'), 'alert');
  });

  it('should show the overlay again in a tab loaded while the build is broken', async () => {
    await page.reload();
    await page.locator('#news-archive-dev-overlay').waitFor(WAIT);
    await waitFor(() => session.clients === 1, 'the tab to reconnect');
  });

  it('should remove the overlay and reload when the file is fixed', async () => {
    await mark();
    const rebuilt = rebuildOf(ARTICLE);
    project.write(ARTICLE, `${text}\nEditors fixed the date and wrote about bicycle lanes.\n`);
    assert.equal((await rebuilt).ok, true);
    await page.waitForFunction('document.body.textContent.includes("bicycle lanes")', undefined, WAIT);
    assert.equal(await reloaded(), true);
    assert.equal(await page.locator('#news-archive-dev-overlay').count(), 0);
    assert.deepEqual(errors.filter((e) => !e.includes(EVENTS_PATH)), []);
  });
});
