/**
 * Accessibility and the theme in real Chromium (issue 5, items 5 and 6): axe-core finds no WCAG 2.1
 * A/AA violation on any page type, light and dark, at the root and under a base path; and the
 * theme keeps its promises: keyboard use, landmarks, phone width, no layout shift, reading without
 * JavaScript, a reading measure, dark mode, print, and the weight of an article page.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/serve.js';
import { launchBrowser } from '../support/browser.js';
import { buildSite, listFiles, ROOT, SEED_CONTENT, type BuiltSite } from '../support/site.js';

const AXE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const MAX_ARTICLE_BYTES = 30 * 1024;

/** The largest article page: the hardest case for weight, measure and overflow. */
function largestArticle(out: string): string {
  const pages = listFiles(out).filter((f) => /^articles\/[^/]+\/index\.html$/.test(f));
  return pages.sort((a, b) => fs.statSync(path.join(out, b)).size - fs.statSync(path.join(out, a)).size)[0]!.replace(/index\.html$/, '');
}

/** One URL (relative to the site root) per page type. */
function pageTypes(out: string): Record<string, string> {
  return {
    home: '', article: largestArticle(out), topics: 'topics/', topic: 'topics/palmyra/', timeline: 'timeline/',
    'timeline month': 'timeline/2016/03/', archive: 'archive/', 'archive month': 'archive/2016/03/',
    search: 'search/?q=Palmyra', '404': 'no-such-page/',
  };
}

/** The pages a large archive has and the seeds only have with a small page size. */
function calendarPageTypes(out: string): Record<string, string> {
  const files = listFiles(out);
  const first = (pattern: RegExp) => files.find((f) => pattern.test(f))!.replace(/index\.html$/, '');
  return {
    'archive calendar': 'archive/', 'timeline calendar': 'timeline/', 'month, page 2': first(/^timeline\/\d{4}\/\d{2}\/page\/2\/index\.html$/),
    'topic with years': first(/^topics\/[^/]+\/\d{4}\/index\.html$/).replace(/\d{4}\/$/, ''), 'topic year': first(/^topics\/[^/]+\/\d{4}\/index\.html$/),
  };
}

/** Opens a page and waits until it is what a reader sees (search results included). */
async function visit(page: Page, url: string): Promise<void> {
  await page.goto(url);
  if (url.includes('search/?q=')) await page.waitForSelector('.search-result');
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  }, WCAG_TAGS);
}

interface Running { site: BuiltSite; server: RunningServer }

// One browser and both builds for the whole file: launching and building once keeps it fast.
let browser: Browser;
let closeBrowser: () => Promise<void>;
const sites = new Map<string, Running>();

before(async () => {
  ({ browser, close: closeBrowser } = await launchBrowser());
  for (const basePath of ['/', '/archive/']) {
    const site = await buildSite(SEED_CONTENT, { basePath });
    assert.ok(site.result.ok);
    sites.set(basePath, { site, server: await startServer({ root: site.out, basePath: site.basePath, port: 0, host: '127.0.0.1' }) });
  }
  const calendar = await buildSite(SEED_CONTENT, { pageSize: 1 });
  assert.ok(calendar.result.ok);
  sites.set('calendar', { site: calendar, server: await startServer({ root: calendar.out, basePath: calendar.basePath, port: 0, host: '127.0.0.1' }) });
});

describe('axe-core on the pages of a large archive (the seeds with a page size of 1)', () => {
  it('should find no WCAG 2.1 A/AA violation, and fit a phone screen', async () => {
    const run = sites.get('calendar')!;
    const found: string[] = [];
    for (const width of [1280, 390]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      for (const [kind, url] of Object.entries(calendarPageTypes(run.site.out))) {
        await visit(page, run.server.url + url);
        if (width === 1280) for (const v of await axeViolations(page)) found.push(`${kind}: ${v}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow) found.push(`${kind} overflows a ${width} px screen by ${overflow}px`);
      }
      await page.close();
    }
    assert.deepEqual(found, []);
  });
});
after(async () => {
  await closeBrowser?.();
  for (const { server } of sites.values()) await server.close();
});

// The color scheme changes colors, the base path changes URLs: both schemes at the root, and the
// base path in the light one, cover every combination that can differ.
for (const [basePath, schemes] of [['/', ['light', 'dark']], ['/archive/', ['light']]] as const) {
  describe(`axe-core on every page type, site served at ${basePath}`, () => {
    for (const colorScheme of schemes) {
      it(`should find no WCAG 2.1 A/AA violation in the ${colorScheme} color scheme`, async () => {
        const run = sites.get(basePath)!;
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme });
        const found: string[] = [];
        for (const [kind, url] of Object.entries(pageTypes(run.site.out))) {
          await visit(page, run.server.url + url);
          for (const v of await axeViolations(page)) found.push(`${kind}: ${v}`);
        }
        await page.close();
        assert.deepEqual(found, []);
      });
    }

    it('should fit a 390 px phone screen on every page type without horizontal scrolling', async () => {
      const run = sites.get(basePath)!;
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      for (const [kind, url] of Object.entries(pageTypes(run.site.out))) {
        await visit(page, run.server.url + url);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.equal(overflow, 0, `${kind} overflows by ${overflow}px`);
      }
      await page.close();
    });
  });
}

describe('the theme in Chromium', () => {
  let run: Running;
  let types: Record<string, string>;
  before(() => {
    run = sites.get('/')!;
    types = pageTypes(run.site.out);
  });

  async function open(options: BrowserContextOptions = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
    return context.newPage();
  }

  it('should offer a skip link as the first stop of the keyboard, leading to the main content', async () => {
    const page = await open();
    await page.goto(run.server.url + types.article);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
    const box = (await page.locator('.skip-link').boundingBox())!;
    assert.ok(box.y >= 0 && box.height > 0, 'the focused skip link is on screen');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    await page.context().close();
  });

  it('should show a visible focus ring on everything the keyboard reaches', async () => {
    const page = await open();
    await page.goto(run.server.url + types.article);
    const seen = new Set<string>();
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      const ring = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const s = getComputedStyle(el);
        return { what: `${el.tagName.toLowerCase()}.${el.className}:${el.textContent?.trim().slice(0, 20)}`, style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
      });
      seen.add(ring.what.split(':')[0]!);
      assert.ok(ring.style !== 'none' && ring.width >= 2, `${ring.what} has no visible focus (${ring.style} ${ring.width}px)`);
    }
    assert.ok(seen.size >= 4, `the tab order reaches several kinds of control: ${[...seen].join(', ')}`);
    await page.context().close();
  });

  it('should mark up every page with one h1 and the landmarks: banner, navigation, main, contentinfo', async () => {
    const page = await open();
    for (const [kind, url] of Object.entries(types)) {
      await visit(page, run.server.url + url);
      const counts = await page.evaluate(() => ({
        h1: document.querySelectorAll('h1').length,
        main: document.querySelectorAll('main').length,
        banner: document.querySelectorAll('body > header').length,
        contentinfo: document.querySelectorAll('body > footer').length,
        unlabelledNav: [...document.querySelectorAll('nav')].filter((n) => !n.getAttribute('aria-label')).length,
        search: document.querySelectorAll('[role="search"]').length,
      }));
      assert.deepEqual(counts, { h1: 1, main: 1, banner: 1, contentinfo: 1, unlabelledNav: 0, search: kind === 'search' ? 2 : 1 }, kind);
    }
    await page.context().close();
  });

  it('should not shift the layout while a page loads', async () => {
    const page = await open();
    for (const [kind, url] of Object.entries(types)) {
      await visit(page, run.server.url + url);
      const shift = await page.evaluate(() => new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!e.hadRecentInput) total += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(total), 250);
      }));
      assert.equal(shift, 0, `${kind}: cumulative layout shift ${shift}`);
    }
    await page.context().close();
  });

  it('should be readable without JavaScript', async () => {
    const page = await open({ javaScriptEnabled: false });
    await page.goto(run.server.url + types.article);
    assert.ok((await page.locator('.article-body p').count()) >= 3);
    assert.ok((await page.locator('h1').textContent())!.trim().length > 0);
    await page.goto(run.server.url + types.timeline);
    assert.ok((await page.locator('.event').count()) >= 5);
    await page.goto(run.server.url + 'search/');
    assert.equal(await page.locator('.search-ui .notice a').first().getAttribute('href'), '/topics/', 'the search page points to the topics index');
    await page.context().close();
  });

  it('should set article text at a measure of about 65 characters', async () => {
    const page = await open();
    await page.goto(run.server.url + types.article);
    const perLine = await page.evaluate(() => {
      const samples: number[] = [];
      for (const p of document.querySelectorAll<HTMLElement>('.article-body p')) {
        const lines = Math.round(p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight));
        if (lines >= 3) samples.push(p.textContent!.length / lines);
      }
      return samples.reduce((a, b) => a + b, 0) / samples.length;
    });
    assert.ok(perLine >= 55 && perLine <= 75, `${perLine.toFixed(1)} characters per line`);
    await page.context().close();
  });

  it('should follow the reader\'s dark color scheme', async () => {
    const luminance = async (colorScheme: 'light' | 'dark') => {
      const page = await open({ colorScheme });
      await page.goto(run.server.url + types.article);
      const rgb = await page.evaluate(() => getComputedStyle(document.body).backgroundColor.match(/\d+/g)!.map(Number));
      await page.context().close();
      return (0.2126 * rgb[0]! + 0.7152 * rgb[1]! + 0.0722 * rgb[2]!) / 255;
    };
    assert.ok((await luminance('light')) > 0.9);
    assert.ok((await luminance('dark')) < 0.15);
  });

  it('should print an article without the site chrome', async () => {
    const page = await open();
    await page.goto(run.server.url + types.article);
    await page.emulateMedia({ media: 'print' });
    const display = (sel: string) => page.locator(sel).first().evaluate((el) => getComputedStyle(el).display);
    for (const sel of ['.site-header', '.site-footer', '.breadcrumbs', '.topic-chips']) assert.equal(await display(sel), 'none', sel);
    assert.notEqual(await display('.article-body'), 'none');
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).color), 'rgb(0, 0, 0)');
    await page.context().close();
  });

  it(`should keep an article page under ${MAX_ARTICLE_BYTES / 1024} KB of HTML and CSS, and load no search assets`, async () => {
    const page = await open();
    const bytes = new Map<string, number>();
    page.on('response', async (r) => { bytes.set(r.url(), (await r.body().catch(() => Buffer.alloc(0))).length); });
    await page.goto(run.server.url + types.article, { waitUntil: 'networkidle' });
    const urls = [...bytes.keys()];
    assert.deepEqual(urls.filter((u) => u.includes('/pagefind/')), [], 'search assets load only on the search page');
    const weight = urls.filter((u) => u.endsWith('/') || u.endsWith('.css')).reduce((sum, u) => sum + bytes.get(u)!, 0);
    assert.ok(weight < MAX_ARTICLE_BYTES, `${types.article}: ${weight} bytes of HTML and CSS`);
    await page.context().close();
  });
});
