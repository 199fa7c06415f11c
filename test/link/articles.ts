/** Articles as the link stage receives them, built from the few fields these tests are about. */
import { packBody } from '../../src/article-body.js';
import type { Article, ArticleEvent, Granularity } from '../../src/model.js';

export interface Sketch {
  readonly date?: string | null;
  /** [name, salience], best first. */
  readonly topics?: readonly (readonly [string, number])[];
  readonly events?: readonly ArticleEvent[];
}

export function article(slug: string, sketch: Sketch = {}): Article {
  const date = sketch.date ?? null;
  return packBody({
    slug, source: `${slug}.md`, format: 'markdown', title: slug, titleSource: 'front-matter', standfirst: null,
    date, dateSource: date ? 'front-matter' : 'unknown', dateExpression: null, publisher: null, credit: null, byline: null,
    blocks: [], removed: [], furtherReading: [], markdown: '', bodyLine: 1, mentions: [],
    topics: (sketch.topics ?? []).map(([name, score]) => ({ slug: name.toLowerCase().replace(/\W+/g, '-'), name, kind: 'theme', score, manual: false })),
    events: sketch.events ?? [], manualTopics: [], wordCount: 100, readingMinutes: 1, draft: false, diagnostics: [], bodyHtml: '',
  });
}

/** A dated sentence of an article, with the topics it mentions. */
export function event(date: string, sentence: string, topics: readonly string[], block = 0): ArticleEvent {
  const granularity: Granularity = date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day';
  return { date, granularity, expression: date, sentence, line: block + 1, block, sentenceIndex: 0, afterPublication: false, topics };
}
