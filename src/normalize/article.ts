/**
 * One source file to one normalized Article: front matter decides first, then the format's
 * normalizer (Markdown passes through, scraped text is cleaned), then the date.
 */
import type { Root } from 'mdast';
import path from 'node:path';
import { CODES, diagnostic, SourceError, type Diagnostic } from '../diagnostics.js';
import { inferPublicationDate } from '../extract/publication-date.js';
import { splitSentences } from '../extract/sentences.js';
import type { Block, FullArticle, CalendarDate, SourceInfo, TitleSource } from '../model.js';
import type { ParsedFrontMatter } from './front-matter.js';
import { leadingTitle, markdownBlocks, parseMarkdown } from './markdown.js';
import { normalizePlainText, type FurnitureContext } from './plain-text.js';
import { safeSlug } from './slug.js';
import { countWords, readingMinutes } from './text-stats.js';

export interface NormalizeContext {
  readonly furniture: FurnitureContext;
  /** Reference for relative dates in undated articles (config `dateReference`). */
  readonly dateReference: CalendarDate | null;
}

interface Structure {
  title: { text: string; source: TitleSource } | null;
  standfirst: string | null;
  blocks: Block[];
  extras: Pick<FullArticle, 'removed' | 'furtherReading' | 'credit' | 'byline' | 'markdown'> & { publisherHint: string | null };
  diagnostics: Diagnostic[];
}

/** Normalizes one article. Throws SourceError when the file has nothing to publish. */
export function normalizeArticle(source: SourceInfo, fm: ParsedFrontMatter, ctx: NormalizeContext, markdownTree?: Root): FullArticle {
  const file = source.path;
  const { data } = fm;
  if (!fm.body.trim()) {
    throw new SourceError(diagnostic('error', CODES.EMPTY_FILE, fm.bodyLine > 1 ? 'the article has front matter but no text' : 'the file is empty',
      'Add the article text, or delete the file.', { file, line: fm.bodyLine }));
  }
  const ext = path.extname(source.path).toLowerCase();
  const s = ext === '.txt' ? structureText(source, fm, ctx) : structureMarkdown(fm, markdownTree ?? parseMarkdown(fm.body));
  const diagnostics = [...source.diagnostics, ...fm.diagnostics.filter((d) => d.severity === 'warning'), ...s.diagnostics];
  if (!s.blocks.some((b) => b.type === 'paragraph')) {
    throw new SourceError(diagnostic('error', CODES.NO_BODY, 'no article text is left after removing site furniture',
      'Check the build report for what was removed; keep lines with `keep: [line numbers]` in front matter, or delete the file.', { file, line: fm.bodyLine }));
  }

  let title = s.title;
  if (!title) {
    const first = s.blocks.find((b) => b.type === 'paragraph')!;
    const sentence = splitSentences(first.text)[0]?.text ?? first.text;
    title = { text: truncateWords(sentence, 14), source: 'first-sentence' };
    diagnostics.push(diagnostic('warning', CODES.NO_HEADLINE, 'no headline found; the title was made from the first sentence',
      'Add `title:` to the front matter.', { file, line: first.line }));
  }

  let date: CalendarDate | null = data.date ?? null;
  let dateSource: FullArticle['dateSource'] = date ? 'front-matter' : 'unknown';
  let dateExpression: string | null = null;
  if (!date) {
    const inferred = inferPublicationDate(s.blocks, ctx.dateReference);
    if (inferred) {
      date = inferred.date;
      dateSource = 'text';
      dateExpression = inferred.expression;
    } else {
      diagnostics.push(diagnostic('warning', CODES.UNDATED, 'the publication date is unknown; the article is listed under "Undated"',
        'Add `date: YYYY-MM-DD` to the front matter.', { file, line: 1 }));
    }
  }

  const texts = s.blocks.map((b) => b.text);
  const words = countWords(texts);
  return {
    slug: safeSlug(data.slug ?? title.text, path.basename(source.path, ext)),
    source: source.relPath,
    format: ext === '.txt' ? 'text' : 'markdown',
    title: title.text,
    titleSource: title.source,
    standfirst: s.standfirst,
    date,
    dateSource,
    dateExpression,
    publisher: data.publisher ?? s.extras.publisherHint,
    credit: data.credit ?? s.extras.credit,
    byline: data.byline ?? s.extras.byline,
    blocks: s.blocks,
    removed: s.extras.removed,
    furtherReading: s.extras.furtherReading,
    markdown: s.extras.markdown,
    bodyLine: fm.bodyLine,
    mentions: [],
    topics: [],
    events: [],
    manualTopics: data.topics ?? [],
    wordCount: words,
    readingMinutes: readingMinutes(words),
    draft: data.draft ?? false,
    diagnostics,
    bodyHtml: '',
  };
}

function structureText(source: SourceInfo, fm: ParsedFrontMatter, ctx: NormalizeContext): Structure {
  const { data } = fm;
  const out = normalizePlainText({
    file: source.path,
    body: fm.body,
    bodyLine: fm.bodyLine,
    overrides: { keep: data.keep ?? [], drop: data.drop ?? [] },
    forced: { ...(data.title ? { title: data.title } : {}), ...(data.standfirst ? { standfirst: data.standfirst } : {}) },
    furniture: ctx.furniture,
  });
  return {
    title: out.title ? { text: out.title.text, source: out.title.source } : null,
    standfirst: out.standfirst?.text ?? null,
    blocks: out.blocks,
    extras: { removed: out.removed, furtherReading: out.furtherReading, credit: out.credit, byline: out.byline, markdown: null, publisherHint: out.publisherHint },
    diagnostics: out.diagnostics,
  };
}

function structureMarkdown(fm: ParsedFrontMatter, tree: Root): Structure {
  const lead = fm.data.title ? null : leadingTitle(tree);
  const title = fm.data.title ? { text: fm.data.title, source: 'front-matter' as const } : lead;
  return {
    title,
    standfirst: fm.data.standfirst ?? null,
    blocks: markdownBlocks(tree, fm.bodyLine, lead !== null),
    extras: { removed: [], furtherReading: [], credit: null, byline: null, markdown: fm.body, publisherHint: null },
    diagnostics: [],
  };
}

function truncateWords(text: string, max: number): string {
  const words = text.split(/\s+/);
  return words.length <= max ? text : `${words.slice(0, max).join(' ')}…`;
}
