/**
 * Screenshots of a built site in Debian's Chromium, for looking at what readers see and for the
 * README. Usage: npx tsx scripts/screenshot.ts <site-dir> <out-dir> [path ...] [--dark] [--width=N] [--full]
 */
import fs from 'node:fs';
import path from 'node:path';
import { startServer } from '../src/serve.js';
import { launchBrowser } from '../test/support/browser.js';

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const [site, outDir, ...paths] = args.filter((a) => !a.startsWith('--'));
if (!site || !outDir) {
  console.error('usage: npx tsx scripts/screenshot.ts <site-dir> <out-dir> [path ...] [--dark] [--width=N] [--full]');
  process.exit(2);
}
const widths = [...flags].filter((f) => f.startsWith('--width=')).map((f) => Number(f.slice(8)));
fs.mkdirSync(outDir, { recursive: true });
const server = await startServer({ root: path.resolve(site), basePath: '/', port: 0, host: '127.0.0.1' });
const { browser, close } = await launchBrowser();
try {
  for (const width of widths.length ? widths : [390, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: width < 600 ? 844 : 900 }, colorScheme: flags.has('--dark') ? 'dark' : 'light' });
    for (const p of paths.length ? paths : ['']) {
      await page.goto(server.url + p);
      // Search results arrive after the index loads: wait for them, as a reader does.
      if (p.includes('search/?')) await page.waitForFunction(() => /result|Nothing found/.test(document.querySelector('.search-status')?.textContent ?? ''), undefined, { timeout: 10_000 });
      const name = `${(p || 'home').replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home'}-${width}${flags.has('--dark') ? '-dark' : ''}.png`;
      await page.screenshot({ path: path.join(outDir, name), fullPage: flags.has('--full') });
      console.log(path.join(outDir, name));
    }
    await page.close();
  }
} finally {
  await close();
  await server.close();
}
