/** schema.org structured data (issue 5, item 4), serialised safely for an inline JSON-LD script. */
import type { Config } from '../config.js';
import type { Article } from '../model.js';
import { safeJson } from './escape.js';
import type { Link } from './view-types.js';

/** JSON for a `<script type="application/ld+json">`: `<` is escaped so no text can close the script. */
export function jsonLdScript(data: unknown): string {
  return safeJson(JSON.stringify(data));
}

/** NewsArticle for an article page. */
export function newsArticleLd(config: Readonly<Config>, a: Article, url: string, topicUrls: { name: string; url: string; kind: string }[]): object {
  const thing = (t: { name: string; url: string; kind: string }) => ({
    '@type': t.kind === 'person' ? 'Person' : t.kind === 'place' ? 'Place' : t.kind === 'organisation' ? 'Organization' : 'Thing',
    name: t.name,
    url: t.url,
  });
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.title.slice(0, 110),
    ...(a.standfirst ? { description: a.standfirst } : {}),
    ...(a.date ? { datePublished: a.date } : {}),
    ...(a.publisher ? { publisher: { '@type': 'Organization', name: a.publisher } } : {}),
    ...(a.byline ? { author: { '@type': 'Person', name: a.byline } } : {}),
    ...(a.credit ? { sourceOrganization: { '@type': 'Organization', name: a.credit } } : {}),
    isBasedOn: { '@type': 'CreativeWork', name: a.source, ...(a.publisher ? { publisher: { '@type': 'Organization', name: a.publisher } } : {}) },
    mainEntityOfPage: url,
    url,
    inLanguage: config.language,
    wordCount: a.wordCount,
    about: topicUrls.slice(0, 3).map(thing),
    mentions: topicUrls.slice(3).map(thing),
    isPartOf: { '@type': 'WebSite', name: config.title, url: config.url + config.basePath },
  };
}

/** BreadcrumbList from home to the page. */
export function breadcrumbLd(crumbs: readonly Link[], absolute: (path: string) => string): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.label, item: absolute(c.href) })),
  };
}

/** CollectionPage for a topic or list page. */
export function collectionLd(name: string, description: string, url: string, items: { url: string; name: string }[]): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'CollectionPage',
    name,
    description,
    url,
    mainEntity: { '@type': 'ItemList', itemListElement: items.map((it, i) => ({ '@type': 'ListItem', position: i + 1, url: it.url, name: it.name })) },
  };
}
