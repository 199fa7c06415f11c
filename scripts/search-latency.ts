/**
 * A reader's first search on a built site, in Debian's Chromium with an empty browser cache: the
 * time from opening the search page with a query to its results, the requests and the bytes, on
 * the local server and on a link with 60 ms of latency. Used for BENCHMARKS.md (session 12).
 * Usage: npx tsx scripts/search-latency.ts <site-dir> <query> [query ...]
 */
import path from 'node:path';
import { startServer } from '../src/serve.js';
import { launchBrowser } from '../test/support/browser.js';

const [site, ...queries] = process.argv.slice(2);
if (!site || !queries.length) {
  console.error('usage: npx tsx scripts/search-latency.ts <site-dir> <query> [query ...]');
  process.exit(2);
}
const server = await startServer({ root: path.resolve(site), basePath: '/', port: 0, host: '127.0.0.1' });
const { browser, close } = await launchBrowser();
try {
  for (const latency of [0, 60]) {
    for (const q of queries) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      // 20 Mbit/s down, 5 up: a fair home or office line.
      if (latency) await cdp.send('Network.emulateNetworkConditions', { offline: false, latency, downloadThroughput: 20e6 / 8, uploadThroughput: 5e6 / 8 });
      let requests = 0;
      let bytes = 0;
      page.on('requestfinished', (r) => {
        requests++;
        r.sizes().then((s) => { bytes += s.responseBodySize; }, () => undefined);
      });
      const start = Date.now();
      await page.goto(`${server.url}search/?q=${encodeURIComponent(q)}`);
      await page.waitForFunction(() => /result|Nothing found/.test(document.querySelector('.search-status')?.textContent ?? ''), undefined, { timeout: 120_000 });
      const ms = Date.now() - start;
      const status = (await page.textContent('.search-status'))?.trim();
      console.log(`latency ${latency} ms, "${q}": ${ms} ms to results, ${requests} requests, ${(bytes / 1024).toFixed(0)} KiB (${status})`);
      await context.close();
    }
  }
} finally {
  await close();
  await server.close();
}
