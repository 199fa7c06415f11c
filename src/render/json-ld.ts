/** schema.org structured data (issue 5, item 4), serialised safely for an inline JSON-LD script. */
import type { Config } from '../config.js';
import type { Article } from '../model.js';
import { safeJson } from './escape.js';
import type { Link } from './view-types.js';

/** A topic as structured data: its schema.org type follows its kind. */
export interface TopicRef { readonly name: string; readonly url: string; readonly kind: string; readonly aliases?: readonly string[]; readonly description?: string | null }

const TYPES: Record<string, string> = { person: 'Person', place: 'Place', organisation: 'Organization' };

/** JSON for a `<script type="application/ld+json">`: `<` is escaped so no text can close the script. */
export function jsonLdScript(data: unknown): string {
  return safeJson(JSON.stringify(data));
}

/** A Person, Place, Organization or Thing for a topic. */
export function topicThing(t: TopicRef): object {
  const aliases = (t.aliases ?? []).filter((a) => a !== t.name);
  return {
    '@type': TYPES[t.kind] ?? 'Thing',
    name: t.name,
    ...(aliases.length ? { alternateName: aliases } : {}),
    ...(t.description ? { description: t.description } : {}),
    url: t.url,
  };
}

/** The archive as an Organization: publisher of last resort when an article's outlet is unknown. */
function archiveOrg(config: Readonly<Config>): object {
  return { '@type': 'Organization', name: config.title, url: config.url + config.basePath };
}

/**
 * NewsArticle for an article page. The page reproduces the outlet's report, so `publisher` is the
 * outlet (the archive itself when the outlet is unknown) and `isBasedOn` is the original report.
 */
export function newsArticleLd(config: Readonly<Config>, a: Article, url: string, topicUrls: { name: string; url: string; kind: string }[]): object {
  const outlet = a.publisher ? { '@type': 'Organization', name: a.publisher } : null;
  const citations = a.furtherReading.filter((f) => f.url).map((f) => ({ '@type': 'CreativeWork', name: f.text, url: f.url, ...(f.outlet ? { publisher: { '@type': 'Organization', name: f.outlet } } : {}) }));
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.title.slice(0, 110),
    ...(a.standfirst ? { description: a.standfirst } : {}),
    ...(a.date ? { datePublished: a.date } : {}),
    publisher: outlet ?? archiveOrg(config),
    ...(a.byline ? { author: { '@type': 'Person', name: a.byline } } : outlet ? { author: outlet } : {}),
    ...(a.credit ? { sourceOrganization: { '@type': 'Organization', name: a.credit } } : {}),
    isBasedOn: {
      '@type': 'NewsArticle',
      headline: a.title.slice(0, 110),
      ...(a.date ? { datePublished: a.date } : {}),
      ...(outlet ? { publisher: outlet } : {}),
      // The file the archive's copy was built from: where a researcher finds the source text.
      identifier: a.source,
    },
    ...(citations.length ? { citation: citations } : {}),
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    inLanguage: config.language,
    wordCount: a.wordCount,
    about: topicUrls.slice(0, 3).map(topicThing),
    mentions: topicUrls.slice(3).map(topicThing),
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

/** CollectionPage for a topic or list page; `about` is the topic when there is one. */
export function collectionLd(name: string, description: string, url: string, items: { url: string; name: string }[], about?: TopicRef): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'CollectionPage',
    name,
    description,
    url,
    ...(about ? { about: topicThing(about) } : {}),
    ...(items.length ? { mainEntity: { '@type': 'ItemList', numberOfItems: items.length, itemListElement: items.map((it, i) => ({ '@type': 'ListItem', position: i + 1, url: it.url, name: it.name })) } } : {}),
  };
}

/** WebSite for the home page, with the search page as its SearchAction. */
export function websiteLd(config: Readonly<Config>, searchUrl: string): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: config.title,
    description: config.description,
    url: config.url + config.basePath,
    inLanguage: config.language,
    potentialAction: { '@type': 'SearchAction', target: { '@type': 'EntryPoint', urlTemplate: `${searchUrl}?q={search_term_string}` }, 'query-input': 'required name=search_term_string' },
  };
}
