#!/usr/bin/env node
/**
 * Lighthouse scores of a built site (issue 5, item 5): accessibility, best practices and SEO for the
 * home page, an article, a topic and the timeline, in Debian's Chromium, offline. The site is served
 * the way a host would serve it: under its base path, with the headers of its `_headers` file.
 *
 *   npm run build && node scripts/lighthouse.mjs [site-dir=public] [--base-path=/archive/] [--desktop] [path ...]
 *
 * Needs lighthouse, installed on demand and not saved (`npm install --no-save lighthouse@12`): its own
 * dependency on a "latest" tag would make the lock file unreproducible. Not part of `npm test`:
 * each page takes several seconds.
 * Exits 1 when a score is below 100, listing the audits that failed.
 */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { chromium } from 'playwright-core';
import sirv from 'sirv';

const CATEGORIES = ['accessibility', 'best-practices', 'seo'];
const args = process.argv.slice(2);
const flag = (name) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const [dir = 'public', ...wanted] = args.filter((a) => !a.startsWith('--'));
const site = path.resolve(dir);
const basePath = `/${(flag('base-path') ?? '/').split('/').filter(Boolean).join('/')}/`.replace('//', '/');
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
if (!fs.existsSync(path.join(site, 'index.html'))) {
  console.error(`${site} holds no built site: run \`npm run build\` first, or name the output folder.`);
  process.exit(2);
}

/** The pages the issue names: home, an article, the most covered topic, the timeline. */
function defaultPaths() {
  const read = (f) => JSON.parse(fs.readFileSync(path.join(site, 'data', f), 'utf8'));
  // The index lists years, newest first; topics.json lists each topic's number of articles.
  const article = read(read('articles.json')[0].file)[0];
  const topic = read('topics.json').sort((a, b) => b.articles - a.articles)[0];
  return ['', `articles/${article.slug}/`, `topics/${topic.slug}/`, 'timeline/'];
}

/** `_headers` rules (a path pattern, then indented `Name: value` lines), as Netlify and Cloudflare read them. */
function readHeaders() {
  const file = path.join(site, '_headers');
  const rules = [];
  if (!fs.existsSync(file)) return rules;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const text = line.trim();
    if (!/^\s/.test(line)) rules.push({ pattern: text, headers: [] });
    else rules.at(-1)?.headers.push([text.slice(0, text.indexOf(':')), text.slice(text.indexOf(':') + 1).trim()]);
  }
  return rules;
}

/** Serves the site under its base path; anything else is a 404, as on a host. */
function serve() {
  const files = sirv(site, { dev: true, extensions: ['html'] });
  const rules = readHeaders();
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (!url.startsWith(basePath)) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    req.url = `/${url.slice(basePath.length)}`;
    const sitePath = req.url.split('?')[0];
    for (const r of rules) {
      const match = r.pattern.endsWith('*') ? sitePath.startsWith(r.pattern.slice(0, -1)) : sitePath === r.pattern;
      if (match) for (const [name, value] of r.headers) res.setHeader(name, value);
    }
    files(req, res, () => {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(fs.readFileSync(path.join(site, '404.html')));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const lighthouse = await import('lighthouse').then((m) => m.default, () => {
  console.error('Lighthouse is not installed: npm install --no-save lighthouse@12');
  process.exit(2);
});
const server = await serve();
const origin = `http://127.0.0.1:${server.address().port}`;
const port = await freePort();
const browser = await chromium.launch({
  executablePath: chromePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--remote-debugging-port=${port}`],
});
let failed = false;
try {
  const rows = [];
  for (const p of wanted.length ? wanted : defaultPaths()) {
    const url = `${origin}${basePath}${p}`;
    const { lhr } = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES, ...(args.includes('--desktop') ? { preset: 'desktop', formFactor: 'desktop', screenEmulation: { disabled: true } } : {}) });
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
    rows.push({ page: `${basePath}${p}`, ...scores });
    for (const c of CATEGORIES) {
      for (const ref of lhr.categories[c]?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
          failed = true;
          console.log(`  ${basePath}${p} ${c}: ${audit.id}: ${audit.title}`);
        }
      }
    }
  }
  console.table(rows);
} finally {
  await browser.close();
  server.close();
}
process.exit(failed ? 1 : 0);
