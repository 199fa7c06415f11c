/** A reader's path through the seed archive in real headless Chromium. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/serve.js';
import { launchBrowser } from '../support/browser.js';
import { buildSite, SEED_CONTENT } from '../support/site.js';

for (const basePath of ['/', '/archive/']) {
  describe(`a reader in Chromium, site served at ${basePath}`, () => {
    let server: RunningServer;
    let browser: Browser;
    let closeBrowser: () => Promise<void>;
    const errors: string[] = [];

    before(async () => {
      const site = await buildSite(SEED_CONTENT, { basePath });
      assert.ok(site.result.ok);
      server = await startServer({ root: site.out, basePath: site.basePath, port: 0, host: '127.0.0.1' });
      ({ browser, close: closeBrowser } = await launchBrowser());
    });
    after(async () => {
      await closeBrowser?.();
      await server?.close();
    });

    async function open(width: number): Promise<Page> {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      page.on('console', (m) => { if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`); });
      page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
      // A request cancelled because the reader navigated away (net::ERR_ABORTED) is not a failure.
      page.on('requestfailed', (r) => { if (r.failure()?.errorText !== 'net::ERR_ABORTED') errors.push(`${r.url()}: ${r.failure()?.errorText}`); });
      return page;
    }

    it('should lead from the home page to an article, a topic and the timeline', async () => {
      const page = await open(1280);
      await page.goto(server.url);
      assert.equal(await page.locator('h1').first().textContent(), 'News Archive');
      const first = page.locator('.card-title a').first();
      const headline = (await first.textContent())!.trim();
      await first.click();
      await page.waitForLoadState();
      assert.equal((await page.locator('h1').textContent())!.trim(), headline);
      assert.match((await page.locator('.article-header time').textContent())!, /\d{1,2} \w+ 20\d\d/);
      assert.ok((await page.locator('.article-header .publisher').textContent())!.trim().length > 0);
      assert.ok((await page.locator('.article-body p').count()) >= 3);

      await page.locator('.topic-chips a').first().click();
      await page.waitForLoadState();
      assert.equal(await page.locator('body').getAttribute('class'), 'page-topic');
      assert.ok((await page.locator('.card').count()) >= 1);

      await page.locator('.site-nav a', { hasText: 'Timeline' }).click();
      await page.waitForLoadState();
      assert.equal((await page.locator('h1').textContent())!.trim(), 'Timeline');
      assert.ok((await page.locator('.event').count()) >= 5);
      await page.close();
    });

    it('should fit a 390 px phone screen without horizontal scrolling', async () => {
      const page = await open(390);
      for (const path of ['', 'topics/', 'timeline/', 'archive/']) {
        await page.goto(server.url + path);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.equal(overflow, 0, `${path || 'home'} overflows by ${overflow}px`);
      }
      await page.goto(server.url);
      await page.locator('.card-title a').first().click();
      await page.waitForLoadState();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, `article overflows by ${overflow}px`);
      await page.close();
    });

    it('should log no console errors or failed requests', () => {
      assert.deepEqual(errors, []);
    });
  });
}
