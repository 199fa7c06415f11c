/** Every internal URL of the site, in one place, so pages and links cannot disagree. */

/** Builds site-relative URLs under a base path (`/` or `/archive/`), and the output file for each. */
export interface Urls {
  home(): string;
  article(slug: string): string;
  topics(): string;
  topic(slug: string): string;
  /** A topic's articles of one year (`YYYY`), or `undated`. */
  topicYear(slug: string, key: string, page?: number): string;
  /** The timeline's index: every month with its number of events. */
  timeline(): string;
  /** The events of one month (`YYYY-MM`) or of a year-only group (`YYYY`). */
  timelineMonth(key: string, page?: number): string;
  /** The archive's index: every month with its number of articles. */
  archive(): string;
  /** The articles of one month (`YYYY-MM`), or `undated`. */
  archiveMonth(key: string, page?: number): string;
  search(): string;
  asset(file: string): string;
  data(file: string): string;
  feed(file: string): string;
  /** Absolute URL on the public site (config `url` + path). */
  absolute(sitePath: string): string;
}

/** URL builder for a base path and public origin. */
export function createUrls(basePath: string, siteUrl: string): Urls {
  const paged = (dir: string, page = 1) => (page > 1 ? `${basePath}${dir}page/${page}/` : `${basePath}${dir}`);
  const origin = siteUrl.replace(/\/+$/, '');
  return {
    home: () => basePath,
    article: (slug) => `${basePath}articles/${slug}/`,
    topics: () => `${basePath}topics/`,
    topic: (slug) => `${basePath}topics/${slug}/`,
    topicYear: (slug, key, page) => paged(`topics/${slug}/${key}/`, page),
    timeline: () => `${basePath}timeline/`,
    timelineMonth: (key, page) => paged(`timeline/${key.replace('-', '/')}/`, page),
    archive: () => `${basePath}archive/`,
    archiveMonth: (key, page) => paged(`archive/${key.replace('-', '/')}/`, page),
    search: () => `${basePath}search/`,
    asset: (file) => `${basePath}assets/${file}`,
    data: (file) => `${basePath}data/${file}`,
    feed: (file) => `${basePath}${file}`,
    absolute: (sitePath) => `${origin}${sitePath}`,
  };
}

/** The output file for a site URL: `/a/b/` -> `a/b/index.html`, with the base path removed. */
export function outputPathFor(url: string, basePath: string): string {
  const rel = url.startsWith(basePath) ? url.slice(basePath.length) : url.replace(/^\//, '');
  return rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
}
