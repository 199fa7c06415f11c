/**
 * Events: sentences of the body that carry a date expression, each resolved against the
 * publication date and kept with its position, so the timeline can link back to the exact
 * sentence (issue 4, item 4).
 */
import type { ArticleEvent, Block, CalendarDate, Mention } from '../model.js';
import { findDates, mayContainDate } from './dates.js';
import { splitSentences } from './sentences.js';

/**
 * True when `date` (at its own granularity) lies after `published`: a month is after only
 * when it is a later month, so "this month" is never after publication.
 */
function isAfterPublication(date: string, published: CalendarDate | null): boolean {
  // ISO dates of equal length compare as strings; with no publication date nothing is "after".
  return published !== null && date > published.slice(0, date.length);
}

/**
 * Finds the dated statements of an article body. Only paragraph blocks carry events (a subhead
 * is a label, not a statement); a sentence with two date expressions yields two events, and
 * dates inside quotations count (reported speech is still a dated claim).
 */
export function extractEvents(blocks: readonly Block[], published: CalendarDate | null, mentions: readonly Mention[] = []): ArticleEvent[] {
  const events: ArticleEvent[] = [];
  blocks.forEach((block, blockIndex) => {
    if (block.type !== 'paragraph' || !mayContainDate(block.text)) return;
    // Indices come from the whole block's split, the same one the renderer anchors.
    splitSentences(block.text).forEach((sentence, sentenceIndex) => {
      let topics: string[] | undefined;
      for (const match of findDates(sentence.text, published)) {
        topics ??= topicsInSpan(mentions, blockIndex, sentence.start, sentence.end);
        events.push({
          date: match.date,
          granularity: match.granularity,
          expression: match.expression,
          sentence: sentence.text,
          line: block.line,
          block: blockIndex,
          sentenceIndex,
          afterPublication: isAfterPublication(match.date, published),
          topics,
        });
      }
    });
  });
  return events;
}

/** Canonical names of the topics mentioned inside a span of a block (an event's sentence), once each. */
function topicsInSpan(mentions: readonly Mention[], block: number, start: number, end: number): string[] {
  const names = new Set<string>();
  for (const m of mentions) if (m.block === block && m.offset >= start && m.offset < end) names.add(m.name);
  return [...names];
}
