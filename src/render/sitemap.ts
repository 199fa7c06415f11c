/**
 * sitemap.xml with every page and its lastmod, a Google News sitemap for articles, and robots.txt
 * (issue 5, item 3), made with the `sitemap` package. Over 45,000 URLs the sitemap becomes an index.
 */
import { Readable } from 'node:stream';
import { SitemapIndexStream, SitemapStream, streamToPromise, type SitemapItemLoose } from 'sitemap';
import type { Config } from '../config.js';
import type { Article } from '../model.js';
import { keyHash } from './key-hash.js';
import { stablePages } from './paginate.js';
import { mixedHash } from '../string-hash.js';
import type { Urls } from './urls.js';

/** URLs a sitemap file holds at most (the protocol allows 50,000). */
const PER_FILE = 45_000;

/** A sitemap file as planned: its path, a key for what it lists, and how to make it. */
export interface SitemapFile {
  readonly path: string;
  /** Stands for everything the file shows but the config (the caller salts it). */
  readonly key: string;
  readonly make: () => Promise<string>;
}

/** A page for the sitemap: its site path and, when known, when it last changed. */
export interface SitemapEntry { readonly path: string; readonly lastmod: string | null }

async function toXml(items: SitemapItemLoose[], hostname: string, news = false): Promise<string> {
  // The sitemap package refuses an empty stream; an empty urlset is still a valid sitemap.
  if (items.length === 0) {
    return `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"${news ? ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' : ''}></urlset>`;
  }
  const stream = new SitemapStream({ hostname, xmlns: { news, xhtml: false, image: false, video: false } });
  return (await streamToPromise(Readable.from(items).pipe(stream))).toString();
}

/**
 * The sitemaps and robots.txt, each with a key for what it lists, made only when that changed
 * (through the package's streams, 1.1 s a build at 100k articles). Over PER_FILE URLs the sitemap
 * is an index of files cut by their paths as the calendar's pages are (stablePages, half PER_FILE
 * on average): a new page changes one file, not every file after it.
 */
export function planSitemaps(config: Readonly<Config>, urls: Urls, pages: readonly SitemapEntry[], articles: readonly Article[], perFile = PER_FILE): SitemapFile[] {
  const hostname = config.url;
  const file = (path: string, what: unknown, make: () => Promise<string>): SitemapFile => ({ path, key: keyHash(`${path}\u0000${hostname}\u0000${JSON.stringify(what)}`), make });
  const xml = (entries: readonly SitemapEntry[]) => () => toXml(entries.map((p) => ({ url: urls.absolute(p.path), ...(p.lastmod ? { lastmod: p.lastmod } : {}) })), hostname);
  const files: SitemapFile[] = [];
  if (pages.length <= perFile) {
    files.push(file('sitemap.xml', pages, xml(pages)));
  } else {
    const chunks = stablePages(pages, Math.floor(perFile / 2), (p) => mixedHash(p.path));
    const names = chunks.map((_, i) => urls.absolute(urls.feed(`sitemap-${i + 1}.xml`)));
    chunks.forEach((chunk, i) => files.push(file(`sitemap-${i + 1}.xml`, chunk, xml(chunk))));
    files.push(file('sitemap.xml', names, async () => (await streamToPromise(Readable.from(names.map((url) => ({ url }))).pipe(new SitemapIndexStream()))).toString()));
  }
  const news = articles.filter((a) => a.date && a.publisher).slice(0, 1000).map((a) => ({
    url: urls.absolute(urls.article(a.slug)),
    news: { publication: { name: a.publisher!, language: config.language }, publication_date: a.date!, title: a.title },
  }));
  files.push(file('sitemap-news.xml', news, () => toXml(news, hostname, true)));
  const robots = `User-agent: *\nAllow: /\n\nSitemap: ${urls.absolute(urls.feed('sitemap.xml'))}\nSitemap: ${urls.absolute(urls.feed('sitemap-news.xml'))}\n`;
  files.push(file('robots.txt', robots, () => Promise.resolve(robots)));
  return files;
}
