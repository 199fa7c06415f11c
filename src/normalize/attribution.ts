/**
 * Who wrote it, who supplied it, who published it (issue 3, item 8):
 * - byline: a "By Jane Doe" line (or a "Reporting by ..." footer) -> `byline`;
 * - credit: a news agency named by a dateline ("MOSCOW (Reuters) -"), by the agency's own phrasing
 *   about itself ("a document seen by Reuters", "told AFP"), or by a credit line ("(AP)");
 * - publisher hint: a web site named by the furniture the site wraps around its articles ("VOV.VN").
 * Front matter wins over all of these; the caller decides that.
 */
import type { RemovedLine } from '../model.js';
import { endsWithTerminal, countWords } from './text.js';

/** Wire services, named the way they name themselves. A general list, not tied to any article. */
const AGENCIES = [
  'Reuters', 'Associated Press', 'AP', 'AFP', 'Agence France-Presse', 'Agence France Presse', 'Bloomberg',
  'dpa', 'DPA', 'EFE', 'ANSA', 'Xinhua', 'TASS', 'Tass', 'Interfax', 'RIA Novosti', 'Anadolu Agency', 'Anadolu',
  'Kyodo', 'Yonhap', 'UPI', 'United Press International', 'Press Association', 'PA Media', 'PTI',
  'Press Trust of India', 'IANS', 'AAP', 'Australian Associated Press', 'The Canadian Press', 'Canadian Press',
];
const AGENCY = `(?:the\\s+)?(${[...AGENCIES].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\p{L}\\p{N}])`;
/** The agency's phrasing about its own reporting. Third-party attribution ("Reuters reported") does not count. */
const IN_TEXT_CREDIT = new RegExp(
  `\\b(?:seen|reviewed|obtained|verified) by ${AGENCY}|\\btold ${AGENCY}|\\binterview with ${AGENCY}|(?<![\\p{L}])${AGENCY} (?:has |have )?(?:learned|learnt)\\b`,
  'u',
);
const AGENCY_ONLY = new RegExp(`^${AGENCY}$`, 'u');
/** "MOSCOW (Reuters) -", "BEIRUT/MOSCOW (Reuters) -", "WASHINGTON, March 24 (AP) —". */
const DATELINE = /^\p{Lu}[\p{Lu}\p{M}.'’ /-]{1,40}(?:,[^()]{1,30})?\s*\((\p{Lu}[^()]{1,40})\)\s*[-–—]\s/u;
/** A credit line on its own: "(Reuters)", "— AFP", "Source: Reuters". */
const CREDIT_LINE = /^(?:[-–—]\s*)?[([]?\s*([^()[\]]{2,50}?)\s*[)\]]?$/u;
const SOURCE_LINE = /^(?:source|sources|credit)\s*:\s*(\S.{0,50})$/iu;

const PARTICLES = '(?:de|da|di|del|della|van|von|der|den|du|la|le|al|el|bin|ibn|abu|dos|das)';
const NAME = `\\p{Lu}[\\p{L}\\p{M}'’.-]*(?:\\s+(?:\\p{Lu}[\\p{L}\\p{M}'’.-]*|${PARTICLES}(?=\\s)))*`;
/** "By Jane Doe", "By JANE DOE and John Roe", "By Jane Doe, Reuters", "By Jane Doe | Staff writer". */
const BYLINE = new RegExp(`^[Bb][Yy]:?\\s+(${NAME}(?:\\s*(?:,|&|\\band\\b)\\s*${NAME})*)(?:\\s*[|/–—-]\\s*(.{1,60}))?$`, 'u');
const ROLE = /\b(?:writer|correspondent|editor|reporter|staff|bureau|chief|contributor|columnist|analyst|producer|journalist)s?\b/iu;
const REPORTING = /^\(?\s*(?:additional\s+)?(?:reporting|writing|written)\s+by\s+([^;()]{2,120})/iu;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A byline line parsed: the names, and an agency named with them. Null when the line is not a byline. */
export function parseBylineLine(text: string): { byline: string; credit: string | null } | null {
  if (text.length > 160 || endsWithTerminal(text)) {
    const reporting = REPORTING.exec(text);
    return reporting ? { byline: reporting[1]!.trim(), credit: null } : null;
  }
  const reporting = REPORTING.exec(text);
  if (reporting) return { byline: reporting[1]!.trim(), credit: null };
  const m = BYLINE.exec(text);
  if (!m) return null;
  if (m[2] !== undefined && countWords(m[2]) > 5) return null;
  // "By Jane Doe, Staff Writer": a job title after the names is not a name.
  const names = m[1]!.split(/\s*(?:,|&|\band\b)\s*/u).filter((n) => n !== '' && !ROLE.test(n));
  if (names.length === 0) return null;
  let credit: string | null = null;
  if (names.length > 1 && AGENCY_ONLY.test(names[names.length - 1]!)) credit = agencyName(names.pop()!);
  if (m[2] !== undefined && AGENCY_ONLY.test(m[2].trim())) credit = agencyName(m[2].trim());
  return { byline: names.join(', ').replace(/, ([^,]+)$/u, names.length > 1 ? ' and $1' : ', $1'), credit };
}

/** The agency named by a stand-alone credit line ("(Reuters)", "Source: AFP"), or null. */
export function parseCreditLine(text: string): string | null {
  const source = SOURCE_LINE.exec(text);
  if (source) return source[1]!.replace(/[.\s]+$/u, '');
  const m = CREDIT_LINE.exec(text);
  return m && AGENCY_ONLY.test(m[1]!) ? agencyName(m[1]!) : null;
}

/** The agency credited by the opening dateline or by its own phrasing in the body, or null. */
export function findCredit(paragraphs: readonly string[]): string | null {
  for (const text of paragraphs.slice(0, 2)) {
    const m = DATELINE.exec(text);
    if (m) return m[1]!.trim();
  }
  for (const text of paragraphs) {
    const m = IN_TEXT_CREDIT.exec(text);
    if (m) return agencyName(m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');
  }
  return null;
}

function agencyName(matched: string): string {
  return matched.replace(/^the\s+/iu, '');
}

/** Furniture that belongs to the publishing site (not to links to other outlets). */
const SITE_FURNITURE = new Set([
  'call-to-action', 'other-language', 'other-script', 'shared-by-publisher', 'copyright', 'share-line',
  'related-block', 'end-furniture', 'comment-form', 'config-pattern', 'navigation', 'advertisement',
]);
/** A site name written as a domain: "VOV.VN", "reuters.com", "Politico.eu". Labels of 2+ characters, so "U.S." never matches. */
const DOMAIN = /(?<![\p{L}\p{N}@./-])((?:[A-Z0-9][A-Z0-9-]{1,62}\.)+[A-Z]{2,6}|(?:[A-Za-z0-9][a-z0-9-]{1,62}\.)(?:[a-z0-9][a-z0-9-]{1,62}\.)*[a-z]{2,6})(?![\p{L}\p{N}-]|\.[\p{L}\p{N}])/gu;
const COPYRIGHT_OWNER = /^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?([^.|]{2,60}?)(?:\.|\s*\||\s+all rights reserved|$)/iu;

/** The site named most often by the removed site furniture, as written ("VOV.VN"), or null. */
export function findPublisherHint(removed: readonly RemovedLine[]): string | null {
  const counts = new Map<string, { name: string; n: number }>();
  const add = (name: string): void => {
    const key = name.toLowerCase();
    const entry = counts.get(key);
    if (entry) entry.n++;
    else counts.set(key, { name, n: 1 });
  };
  for (const r of removed) {
    // Furniture lines are short; the length cap also keeps the domain scan linear.
    if (!SITE_FURNITURE.has(r.reason) || r.text.length > 500) continue;
    for (const m of r.text.matchAll(DOMAIN)) add(m[1]!);
    if (r.reason === 'copyright') {
      const owner = COPYRIGHT_OWNER.exec(r.text.trim());
      if (owner && !/^all rights/iu.test(owner[1]!)) add(owner[1]!.trim());
    }
  }
  let best: { name: string; n: number } | null = null;
  for (const entry of counts.values()) if (!best || entry.n > best.n) best = entry;
  return best?.name ?? null;
}
