/**
 * The records that flow through the pipeline: load -> normalize -> extract -> link -> render -> write.
 * Every derived thing keeps the file line it came from, so errors, events and audits can point back
 * to the source (house style rule 3).
 */
import type { Diagnostic } from './diagnostics.js';

/** A calendar date, `YYYY-MM-DD`. Never a JS Date: no time zone may move it to the day before. */
export type CalendarDate = string;

/** A file found under the content folder, decoded to text. */
export interface SourceFile {
  /** Absolute path on disk. */
  readonly path: string;
  /** Path relative to the content folder, with `/` separators: the record's `source`. */
  readonly relPath: string;
  /** Decoded text: BOM removed, line endings normalised to `\n`, Unicode NFC. */
  readonly text: string;
  /** Content hash of the raw bytes (cache key material). */
  readonly hash: string;
  /** Warnings raised while reading (encoding fallbacks). */
  readonly diagnostics: readonly Diagnostic[];
}

/** A source file once its text is parsed (front matter and body): what later steps need of it. */
export type SourceInfo = Omit<SourceFile, 'text'>;

/** Per-article editorial overrides read from front matter (issue 3, item 6). */
export interface Overrides {
  /** Lines to keep in the body even if the build calls them furniture: file line numbers or exact texts. */
  readonly keep: readonly (number | string)[];
  /** Lines to drop from the body: file line numbers or exact texts. */
  readonly drop: readonly (number | string)[];
}

/** Validated front matter: every key optional, each typed. */
export interface FrontMatter {
  title?: string;
  slug?: string;
  /** Publication date, calendar day in the publisher's time zone. */
  date?: CalendarDate;
  publisher?: string;
  standfirst?: string;
  byline?: string;
  credit?: string;
  /** Topics added by hand (names; matched against the topics file and aliases). */
  topics?: string[];
  draft?: boolean;
  keep?: (number | string)[];
  drop?: (number | string)[];
}

/** One unit of an article body, in reading order. */
export interface Block {
  /** `paragraph` for running text, `subhead` for a crosshead (rendered as `h2`). */
  readonly type: 'paragraph' | 'subhead';
  /** Plain text of the block, words exactly as in the source (whitespace folded). */
  readonly text: string;
  /** 1-based line in the source file where the block starts. */
  readonly line: number;
}

/** A line the normalizer removed from the body, kept for the audit (issue 3, item 6). */
export interface RemovedLine {
  /** 1-based line in the source file. */
  readonly line: number;
  /** The text removed, exactly as it stood. */
  readonly text: string;
  /** Machine-readable reason code, e.g. `duplicate-line`, `call-to-action`, `other-script`. */
  readonly reason: string;
}

/** An item of the outlet's own link list ("Recommended Reads"), shown apart from the body. */
export interface FurtherReading {
  readonly text: string;
  /** The outlet named before a colon, if any ("The Guardian: ..."). */
  readonly outlet: string | null;
  readonly url: string | null;
  readonly line: number;
}

export type TopicKind = 'person' | 'place' | 'organisation' | 'theme';

/** One occurrence of a topic in an article. */
export interface Mention {
  /** Canonical topic name after alias merging ("John Kerry" for "Kerry"). */
  readonly name: string;
  readonly kind: TopicKind;
  /** The words as they stand in the text ("Secretary of State John Kerry" -> "John Kerry"). */
  readonly text: string;
  /** Where: `title`, `standfirst`, or the index of the body block. */
  readonly block: number | 'title' | 'standfirst';
  /** 1-based source line of the block. */
  readonly line: number;
  /** 0-based character offset of `text` inside the block text. */
  readonly offset: number;
}

/** A topic of one article, ranked (issue 4, item 2). */
export interface ArticleTopic {
  readonly slug: string;
  readonly name: string;
  readonly kind: TopicKind;
  /** Salience score: mentions, with headline and standfirst weighted higher. */
  readonly score: number;
  /** Added by hand in front matter rather than found in the text. */
  readonly manual: boolean;
}

export type Granularity = 'day' | 'month' | 'year';

/** A dated statement in an article: a sentence that carries a date expression (issue 4, item 4). */
export interface ArticleEvent {
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as precise as the expression and no more. */
  readonly date: string;
  readonly granularity: Granularity;
  /** The date expression as written ("on Thursday", "in April", "an Aug. 1 deadline"). */
  readonly expression: string;
  /** The whole sentence that carries it. */
  readonly sentence: string;
  /** 1-based source line of the block holding the sentence. */
  readonly line: number;
  /** Index of the body block. */
  readonly block: number;
  /** Index of the sentence inside the block (the anchor `#p{block}s{sentenceIndex}`). */
  readonly sentenceIndex: number;
  /** Resolved to a date after the article's publication (a deadline, a plan). */
  readonly afterPublication: boolean;
  /** Canonical names of the topics mentioned inside the sentence (the timeline groups by them). */
  readonly topics: readonly string[];
}

/** How the title was found. */
export type TitleSource = 'front-matter' | 'first-line' | 'headline-line' | 'first-sentence' | 'markdown-heading';
/** How the date was found. */
export type DateSource = 'front-matter' | 'text' | 'unknown';

/** The normalized article, whole: one record per content file (issue 2, item 3). */
export interface FullArticle {
  /** Stable, URL-safe, unique: the page lives at `articles/<slug>/`. */
  slug: string;
  /** Path of the source file relative to the content folder. */
  readonly source: string;
  /** `markdown` for `.md` (rendered through remark), `text` for scraped `.txt`. */
  readonly format: 'markdown' | 'text';
  readonly title: string;
  readonly titleSource: TitleSource;
  /** One-line summary shown under the headline, or null. */
  readonly standfirst: string | null;
  readonly date: CalendarDate | null;
  readonly dateSource: DateSource;
  /** For a date found in the text: the expression it came from. */
  readonly dateExpression: string | null;
  /** The outlet that published the article. */
  readonly publisher: string | null;
  /** Agency or source credited inside the text ("Reuters"), not the publisher. */
  readonly credit: string | null;
  readonly byline: string | null;
  readonly blocks: readonly Block[];
  readonly removed: readonly RemovedLine[];
  readonly furtherReading: readonly FurtherReading[];
  /** Markdown body (front matter stripped) for `.md` articles; rendered by the render stage. */
  readonly markdown: string | null;
  /** File line of the first body line (front matter offset). */
  readonly bodyLine: number;
  readonly mentions: readonly Mention[];
  /** Ranked topics, best first. */
  topics: ArticleTopic[];
  readonly events: readonly ArticleEvent[];
  /** Hand-added topic names from front matter, resolved in the link stage. */
  readonly manualTopics: readonly string[];
  readonly wordCount: number;
  readonly readingMinutes: number;
  readonly draft: boolean;
  /** Warnings about this article (not fatal). */
  readonly diagnostics: Diagnostic[];
  /** Sanitised body HTML, rendered once per article (and cached with it); empty until rendered. */
  readonly bodyHtml: string;
}

/** The parts of an article that only its own page, search entry, feed entry and data export read. */
export type ArticleBody = Pick<FullArticle, 'blocks' | 'markdown' | 'mentions' | 'bodyHtml'>;

/** An article's body, compressed (article-body.ts): three quarters of a record, a sixth of the bytes. */
export type PackedBytes = Uint8Array & { readonly __packed: unique symbol };

/** A packed body moved out of memory to the build's body file (body-store.ts), read back when needed. */
export interface SpilledBody {
  /** Byte offset in the body file. */
  readonly spilledAt: number;
  readonly length: number;
  /** Digest of the packed bytes: stands for them in cache keys without reading them. */
  readonly digest: string;
}

export type PackedBody = PackedBytes | SpilledBody;

/**
 * The article as the build holds it from extraction on, and as the cache stores it: every field
 * but the body, which is packed (issue 7: 100k articles in memory at once). `unpackBody` gives the
 * whole record back to the few steps that read the body.
 */
export type Article = Omit<FullArticle, keyof ArticleBody> & { readonly body: PackedBody };

/** A topic page: one per person, place, organisation or theme, aliases merged (issue 4). */
export interface Topic {
  readonly slug: string;
  readonly name: string;
  readonly kind: TopicKind;
  readonly description: string | null;
  readonly aliases: readonly string[];
  /** Slugs of its articles, most salient first. */
  readonly articles: readonly string[];
}

/** A group of articles that report the same event (issue 4, item 6). */
export interface Story {
  readonly id: string;
  readonly articles: readonly string[];
}

/** One entry of the event timeline; the same dated fact from several outlets shows once. */
export interface TimelineEntry {
  readonly date: string;
  readonly granularity: Granularity;
  /** The sentences reporting it, one per article. */
  readonly sources: readonly { article: string; event: ArticleEvent }[];
  /**
   * Hash of all that any output shows of it: its date, and each report's event whole and its
   * article's slug, headline and outlet. The timeline's pages, year files and search records, and
   * the topic pages' events, are keyed by it rather than by their own views of the same sentences.
   */
  readonly digest: string;
}

/** Everything the render stage needs: the linked archive. */
export interface Site {
  /** Articles, newest first; undated ones last. */
  readonly articles: readonly Article[];
  readonly topics: readonly Topic[];
  readonly stories: readonly Story[];
  readonly timeline: readonly TimelineEntry[];
}
