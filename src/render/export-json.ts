/**
 * The data export (issue 2, item 9): the archive as open data. Field names are a public contract
 * documented in the README; text fields hold plain text, never HTML.
 */
import type { LinkedTopic } from '../link/topics.js';
import type { Article, FullArticle, Site, TimelineEntry } from '../model.js';
import { escapeHtml, safeJson } from './escape.js';
import { formatDate } from './format.js';

/** Where an article's whole record is, under the output folder. */
export function articleRecordPath(slug: string): string {
  return `data/articles/${slug}.json`;
}

/** One article's whole record (`data/articles/<slug>.json`). */
export function exportArticle(a: FullArticle) {
  return {
    slug: a.slug,
    source: a.source,
    format: a.format,
    title: a.title,
    titleSource: a.titleSource,
    standfirst: a.standfirst,
    date: a.date,
    dateSource: a.dateSource,
    dateExpression: a.dateExpression,
    publisher: a.publisher,
    credit: a.credit,
    byline: a.byline,
    blocks: a.blocks.map((b) => ({ type: b.type, text: b.text, line: b.line })),
    removed: a.removed,
    furtherReading: a.furtherReading,
    topics: a.topics.map((t) => ({ slug: t.slug, name: t.name, kind: t.kind, score: t.score, manual: t.manual })),
    mentions: a.mentions,
    events: a.events.map((e) => ({ date: e.date, granularity: e.granularity, expression: e.expression, sentence: e.sentence, line: e.line, block: e.block, sentenceIndex: e.sentenceIndex, afterPublication: e.afterPublication, topics: e.topics })),
    wordCount: a.wordCount,
    readingMinutes: a.readingMinutes,
    warnings: a.diagnostics.map((d) => ({ code: d.code, line: d.line, message: d.message })),
  };
}

/**
 * Where a page of the timeline is, under the output folder, as JSON and as TimelineJS JSON: a
 * period as the timeline's pages have them (`YYYY-MM`, or `YYYY` for the events dated to the year
 * only), a file a page of it (`<period>-page-1.json`...). A file changes only when its page's
 * events do: a file a year was 25 MB (and its TimelineJS twin 32 MB) at 100k articles, and one
 * added article changed four or five of them. Page 1 is numbered too: a reader of the earlier
 * `<period>.json` finds no file rather than a part of the period.
 */
export function timelinePaths(period: string, page: number) {
  const name = `${period}-page-${page}`;
  return { timeline: `data/timeline/${name}.json`, timelineJs: `data/timelinejs/${name}.json` };
}

/** One entry of a timeline file. */
export function exportTimelineEntry(e: TimelineEntry) {
  return { date: e.date, granularity: e.granularity, sources: e.sources.map((s) => ({ article: s.article, expression: s.event.expression, sentence: s.event.sentence, line: s.event.line, afterPublication: s.event.afterPublication })) };
}

/** TimelineJS 3 JSON (https://timeline.knightlab.com/docs/json-format.html): one slide per entry. */
export function exportTimelineJs(title: string, timeline: readonly TimelineEntry[], articles: ReadonlyMap<string, Article>, articleUrl: (slug: string) => string) {
  return {
    title: { text: { headline: title, text: 'Events reported in the archive, each linked to its source sentence.' } },
    events: timeline.map((e) => {
      const [year, month, day] = e.date.split('-');
      const first = e.sources[0]!;
      return {
        start_date: { year, ...(month ? { month: String(Number(month)) } : {}), ...(day ? { day: String(Number(day)) } : {}), display_date: formatDate(e.date) },
        text: {
          headline: escapeHtml(first.event.expression),
          text: e.sources.map((s) => {
            const a = articles.get(s.article)!;
            return `<p>${escapeHtml(s.event.sentence)} <a href="${escapeHtml(articleUrl(a.slug))}#p${s.event.block}s${s.event.sentenceIndex}">${escapeHtml(a.publisher ?? a.title)}</a></p>`;
          }).join(''),
        },
        group: e.granularity,
      };
    }),
  };
}

/** A data file's text: stable key order, `<` escaped, trailing newline. */
export function exportJson(value: unknown): string {
  return `${safeJson(JSON.stringify(value, null, 1))}\n`;
}

/** Text gathered before it is encoded: enough to make few buffers, little enough to stay young. */
const PIECE = 1 << 16;

/**
 * The bytes of exportJson(value), made piece by piece: the outer `levels` levels (an array of
 * entries, an object of lists) are written item by item. A year of the timeline at 100k articles
 * is tens of megabytes; made as one string (three, with the escaping and the newline) each
 * outlived its write in the heap, and the years together were the build's peak of memory (issue 7).
 * An array of small entries needs one level: written field by field, the index of 10k articles
 * took 0.5 s.
 */
export function exportJsonBytes(value: unknown, levels = 2): Buffer {
  const buffers: Buffer[] = [];
  let pending = '';
  const put = (s: string) => {
    pending += s;
    if (pending.length < PIECE) return;
    buffers.push(Buffer.from(safeJson(pending)));
    pending = '';
  };
  const write = (v: unknown, indent: string, levels: number): void => {
    if (levels === 0 || v === null || typeof v !== 'object' || typeof (v as { toJSON?: unknown }).toJSON === 'function') {
      const json = JSON.stringify(v, null, 1) ?? 'null';
      put(indent ? json.replaceAll('\n', `\n${indent}`) : json);
      return;
    }
    const inner = `${indent} `;
    // As JSON.stringify does: an array's holes and functions are null, an object's are left out.
    const items: [string, unknown][] = Array.isArray(v)
      ? v.map((x) => ['', x === undefined || typeof x === 'function' ? null : x])
      : Object.entries(v).filter(([, x]) => x !== undefined && typeof x !== 'function' && typeof x !== 'symbol').map(([k, x]) => [`${JSON.stringify(k)}: `, x]);
    const [open, close] = Array.isArray(v) ? ['[', ']'] : ['{', '}'];
    if (!items.length) return put(open + close);
    put(`${open}\n`);
    items.forEach(([key, x], i) => {
      put(inner + key);
      write(x, inner, levels - 1);
      put(i < items.length - 1 ? ',\n' : '\n');
    });
    put(indent + close);
  };
  write(value, '', levels);
  put('\n');
  buffers.push(Buffer.from(safeJson(pending)));
  return Buffer.concat(buffers);
}

/**
 * An article's entry in the index (`data/archive/<year>.json`): what a list shows of it, and where
 * its whole record is (relative to `data/`).
 */
export function articleIndexEntry(a: Article) {
  return {
    slug: a.slug, source: a.source, title: a.title, standfirst: a.standfirst, date: a.date, publisher: a.publisher,
    topics: a.topics.map((t) => t.slug), wordCount: a.wordCount, record: articleRecordPath(a.slug).slice('data/'.length),
  };
}

/** Where the index of the articles is, under the output folder: a year an entry (see articleIndexYears). */
export const ARTICLE_INDEX = 'data/articles.json';

/** The year an article is listed under in the index: of its publication, or `undated`. */
export function indexYear(a: Article): string {
  return a.date?.slice(0, 4) ?? 'undated';
}

/** Where a year of the articles' index is, under the output folder. */
export function articleIndexPath(year: string): string {
  return `data/archive/${year}.json`;
}

/**
 * The articles' index a year a file, in the archive's order (newest first, the undated last): a
 * new article changes its year's file, where one index of every article was 73 MB at 100k
 * articles, made and written again for each one added (issue 7).
 */
export function articleIndexYears(articles: readonly Article[]): { year: string; articles: Article[] }[] {
  const years: { year: string; articles: Article[] }[] = [];
  for (const a of articles) {
    const year = indexYear(a);
    if (years.at(-1)?.year !== year) years.push({ year, articles: [] });
    years.at(-1)!.articles.push(a);
  }
  return years;
}

/** The index of the index: `[{year, articles, file}]`, `file` relative to `data/`. */
export function exportArticleIndex(years: readonly { year: string; articles: readonly Article[] }[]) {
  return years.map(({ year, articles }) => ({ year, articles: articles.length, file: articleIndexPath(year).slice('data/'.length) }));
}

/** Where a topic's whole record is, under the output folder. */
export function topicRecordPath(slug: string): string {
  return `data/topics/${slug}.json`;
}

/** One topic's whole record (`data/topics/<slug>.json`): its articles by salience. */
export function exportTopic(t: LinkedTopic) {
  return { slug: t.slug, name: t.name, kind: t.kind, description: t.description, aliases: t.aliases, related: t.related, articles: t.articles };
}

/**
 * The JSON files under data/ made from the whole archive but the articles' index and the timeline
 * (pages.ts, site.ts): output path and value, made into bytes only when it changed (site.ts). The
 * topics' index lists no articles, each topic's record does: in one file they were 100 MB at 100k
 * articles, made again for every article added (issue 7); an added article changes its topics' records.
 */
export function exportIndexes(site: Site, topics: readonly LinkedTopic[]): { path: string; value: readonly unknown[] }[] {
  return [
    {
      path: 'data/topics.json',
      value: topics.map((t) => ({ slug: t.slug, name: t.name, kind: t.kind, description: t.description, aliases: t.aliases, related: t.related, articles: t.articles.length, record: topicRecordPath(t.slug).slice('data/'.length) })),
    },
    { path: 'data/stories.json', value: site.stories },
  ];
}
