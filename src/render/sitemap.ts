/**
 * sitemap.xml with every page and its lastmod, a Google News sitemap for articles, and robots.txt
 * (issue 5, item 3), made with the `sitemap` package. Over 45,000 URLs the sitemap becomes an index.
 */
import { Readable } from 'node:stream';
import { SitemapIndexStream, SitemapStream, streamToPromise, type SitemapItemLoose } from 'sitemap';
import type { Config } from '../config.js';
import type { Article } from '../model.js';
import type { Urls } from './urls.js';

const PER_FILE = 45_000;

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

/** Renders the sitemaps and robots.txt. */
export async function renderSitemaps(config: Readonly<Config>, urls: Urls, pages: readonly SitemapEntry[], articles: readonly Article[]): Promise<Map<string, string>> {
  const hostname = config.url;
  const out = new Map<string, string>();
  const items = pages.map((p) => ({ url: urls.absolute(p.path), ...(p.lastmod ? { lastmod: p.lastmod } : {}) }));
  const chunks: SitemapItemLoose[][] = [];
  for (let i = 0; i < items.length; i += PER_FILE) chunks.push(items.slice(i, i + PER_FILE));
  if (chunks.length <= 1) {
    out.set('sitemap.xml', await toXml(chunks[0] ?? [], hostname));
  } else {
    for (const [i, chunk] of chunks.entries()) out.set(`sitemap-${i + 1}.xml`, await toXml(chunk, hostname));
    const index = new SitemapIndexStream();
    const names = chunks.map((_, i) => ({ url: urls.absolute(urls.feed(`sitemap-${i + 1}.xml`)) }));
    out.set('sitemap.xml', (await streamToPromise(Readable.from(names).pipe(index))).toString());
  }
  const news = articles.filter((a) => a.date && a.publisher).slice(0, 1000).map((a) => ({
    url: urls.absolute(urls.article(a.slug)),
    news: { publication: { name: a.publisher!, language: config.language }, publication_date: a.date!, title: a.title },
  }));
  out.set('sitemap-news.xml', await toXml(news, hostname, true));
  out.set('robots.txt', `User-agent: *\nAllow: /\n\nSitemap: ${urls.absolute(urls.feed('sitemap.xml'))}\nSitemap: ${urls.absolute(urls.feed('sitemap-news.xml'))}\n`);
  return out;
}
