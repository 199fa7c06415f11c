/**
 * Publication date from the text, for articles whose front matter has none (issue 3, item 7).
 * Never invent one: a date counts only where a page prints its own date (a dateline at the top,
 * a "Published:" label), and only when day, month and year are all written there, unless the
 * config gives a reference date to resolve a relative dateline ("Yesterday", "Thursday") against.
 */
import type { Block, CalendarDate } from '../model.js';
import { findDates, type DateMatch } from './dates.js';

/** Datelines stand in the first blocks of a page. */
const DATELINE_BLOCKS = 3;
/** A dateline date opens its block ("MOSCOW, July 15, 2016 (Reuters) -") or the block is short. */
const DATELINE_OFFSET = 40;
const SHORT_BLOCK = 100;
/** A label right before the date: the page states its own date wherever this stands. */
const LABEL = /\b(?:published|posted|first published|date|dated)(?:\s+on)?\s*[:\-–—|]?\s*$/i;
/** An update stamp dates a revision, not the publication. */
const UPDATE_LABEL = /\b(?:updated|modified|edited|revised)(?:\s+on)?\s*[:\-–—|]?\s*$/i;

/** A date found where a page prints its own date, resolved to a day. */
export interface PublicationDate {
  readonly date: CalendarDate;
  /** The expression as written. */
  readonly expression: string;
  /** 1-based source line of the block it stands in. */
  readonly line: number;
}

/** True when the match stands where a page prints its own date. */
function isDatelinePosition(text: string, match: DateMatch, blockIndex: number): boolean {
  const before = text.slice(Math.max(0, match.index - 24), match.index);
  if (UPDATE_LABEL.test(before)) return false;
  if (LABEL.test(before)) return true;
  return blockIndex < DATELINE_BLOCKS && (match.index <= DATELINE_OFFSET || text.length <= SHORT_BLOCK);
}

/** The first day-precise date in a dateline position, labelled ones first, found by `accept`. */
function firstDateline(blocks: readonly Block[], reference: CalendarDate | null, accept: (m: DateMatch) => boolean): PublicationDate | null {
  let unlabelled: PublicationDate | null = null;
  for (const [i, block] of blocks.entries()) {
    for (const m of findDates(block.text, reference)) {
      if (m.granularity !== 'day' || !accept(m) || !isDatelinePosition(block.text, m, i)) continue;
      const found = { date: m.date, expression: m.expression, line: block.line };
      if (LABEL.test(block.text.slice(Math.max(0, m.index - 24), m.index))) return found;
      unlabelled ??= found;
    }
  }
  return unlabelled;
}

/**
 * Infers an article's publication date from its blocks: a fully written date ("July 15, 2016",
 * "15 July 2016", "Published: 2016-07-15") in a dateline position; else, only when `reference`
 * is given, a relative dateline resolved against it and not after it. Otherwise null: the
 * article is listed as undated rather than given a guessed date.
 */
export function inferPublicationDate(blocks: readonly Block[], reference: CalendarDate | null): PublicationDate | null {
  const explicit = firstDateline(blocks, null, (m) => m.explicitYear);
  if (explicit || reference === null) return explicit;
  return firstDateline(blocks, reference, (m) => m.date <= reference);
}
