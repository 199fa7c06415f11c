/**
 * The view models templates receive (house style rule 2): plain data, already formatted, every
 * URL final. Templates print these fields and nothing else; README "Templates" lists them.
 */

export interface Link { readonly label: string; readonly href: string }

export interface DateView {
  /** Machine-readable value for `<time datetime>`. */
  readonly iso: string;
  /** "24 March 2016". */
  readonly label: string;
}

export interface FeedLink { readonly type: string; readonly href: string; readonly title: string }

/** A `<meta property>` tag beyond the ones every page has (Open Graph article fields). */
export interface MetaTag { readonly property: string; readonly content: string }

/** Shared by every page: site chrome and head metadata. */
export interface LayoutView {
  readonly site: {
    readonly title: string;
    readonly description: string;
    readonly language: string;
    readonly homeHref: string;
    readonly searchHref: string;
    readonly topicsHref: string;
    readonly timelineHref: string;
    readonly archiveHref: string;
    /** The open-data export (`data/articles.json`). */
    readonly dataHref: string;
    /** The archive's own feeds, for the footer. */
    readonly feeds: { readonly rss: string; readonly atom: string; readonly json: string };
  };
  readonly page: {
    /** `noindex` for pages search engines should skip (search, 404), else null. */
    readonly robots: string | null;
    /** Extra Open Graph tags, e.g. `article:published_time`. */
    readonly meta: readonly MetaTag[];
    /** The document title (`<title>`). */
    readonly title: string;
    readonly description: string;
    readonly canonical: string;
    /** `home`, `article`, `topics`, `topic`, `timeline`, `archive`, `search`, `404`. */
    readonly kind: string;
    /** Open Graph type. */
    readonly ogType: string;
    /** JSON-LD blocks, serialised with `<` escaped. Printed raw inside `<script type="application/ld+json">`. */
    readonly jsonLd: readonly string[];
    readonly feeds: readonly FeedLink[];
    readonly breadcrumbs: readonly Link[];
  };
  readonly nav: readonly (Link & { readonly current: boolean })[];
  readonly assets: { readonly css: string; readonly js: string; readonly icon: string };
}

/**
 * A topic named on a page about something else (an article's chips, a topic's related topics).
 * No article count: one new article would otherwise change every page that names its topics.
 */
export interface TopicChip extends Link { readonly kind: string }

/** A topic in a list of topics (topics index, home), with how many articles it has. */
export interface TopicLink extends TopicChip { readonly count: number }

export interface ArticleCard {
  readonly href: string;
  readonly title: string;
  readonly standfirst: string | null;
  readonly date: DateView | null;
  readonly publisher: string;
}

export interface Pagination {
  readonly current: number;
  /**
   * Pages in all, on the first page only (null on the others): a page shows only what changes
   * with its own items, so an added item does not change every page of its month (issue 7).
   */
  readonly total: number | null;
  readonly prev: string | null;
  readonly next: string | null;
}

export interface EventSourceView {
  readonly sentence: string;
  readonly expression: string;
  readonly publisher: string;
  readonly articleTitle: string;
  /** Link to the exact sentence on the article page. */
  readonly href: string;
}

export interface EventView {
  readonly date: DateView;
  /** `day`, `month` or `year`. */
  readonly granularity: string;
  /** Resolved after the publication of its first source (a deadline, a plan). */
  readonly ahead: boolean;
  readonly sources: readonly EventSourceView[];
}

export interface MonthGroup<T> { readonly id: string; readonly label: string; readonly items: readonly T[] }

export interface ArticleView {
  readonly title: string;
  readonly standfirst: string | null;
  readonly date: DateView | null;
  /** How the date was found, for readers: "" or "date inferred from the text". */
  readonly dateNote: string;
  readonly publisher: string;
  readonly credit: string | null;
  readonly byline: string | null;
  readonly readingMinutes: number;
  readonly wordCount: number;
  /** Sanitised body HTML (printed raw). */
  readonly bodyHtml: string;
  readonly topics: readonly TopicChip[];
  readonly events: readonly { readonly date: DateView; readonly expression: string; readonly href: string }[];
  readonly alsoReportedBy: readonly ArticleCard[];
  readonly related: readonly ArticleCard[];
  readonly furtherReading: readonly { readonly text: string; readonly outlet: string | null; readonly url: string | null }[];
  readonly source: string;
  readonly removedCount: number;
}
