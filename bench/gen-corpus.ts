/**
 * A deterministic synthetic archive for the benchmark: article i depends only on (seed, i), so the
 * 1k corpus is the first 1k of the 10k one. Half the articles are Markdown with front matter
 * (`md/YYYY/MM/*.md`, the same fields the peers' templates read: title, date, source, topics,
 * summary); half are scraped text (`scraped/YYYY/MM/*.txt`) with the mess the news layer handles:
 * hard wraps, a lost paragraph break, a run-in subhead, relative dates, share lines, a doubled
 * "Related" block and a publisher footer. Names come from pools so entity extraction has work.
 */
import fs from 'node:fs';
import path from 'node:path';

const PUBLISHERS = ['The Daily Ledger', 'Metro Courier', 'Northern Gazette', 'The Harbor Times', 'Capital Dispatch', 'Valley Herald', 'The Coastal Review', 'National Observer', 'The Morning Bulletin', 'Riverside Chronicle'];
const PEOPLE = ['Maria Alvarez', 'James Bennett', 'Li Chen', 'Claire Dubois', 'Anders Eriksen', 'Hanna Fischer', 'Omar Haddad', 'Amina Ibrahim', 'Piotr Kowalski', 'Yuki Nakamura', 'Chidi Okafor', 'Ivan Petrov', 'Giulia Rossi', 'Ana Santos', 'Kenji Tanaka', 'Eva Weber'];
const PLACES = ['Geneva', 'Moscow', 'Berlin', 'Nairobi', 'Lima', 'Jakarta', 'Toronto', 'Lisbon', 'Cairo', 'Oslo', 'Manila', 'Quito', 'Dakar', 'Hanoi', 'Tbilisi', 'Accra'];
const ORGS = ['United Nations', 'World Bank', 'Red Cross', 'European Union', 'African Union', 'World Health Organization', 'Amnesty International', 'Interpol'];
const THEMES = ['elections', 'inflation', 'housing', 'public health', 'energy', 'trade', 'climate change', 'transport', 'education', 'migration', 'water supply', 'wildfires', 'banking', 'labor', 'courts', 'diplomacy'];
const NOUNS = 'government minister council officials residents workers company market report agency committee court police union board economy region city border hospital school plan proposal budget bill law policy deal agreement talks vote campaign party leader mayor governor analyst investor bank farmer family teacher doctor scientist engineer factory port network project program fund price rate tax shortage crisis recovery growth protest strike storm flood harvest'.split(' ');
const VERBS = 'said announced warned confirmed denied approved rejected proposed delayed expanded reduced increased launched unveiled criticized defended welcomed blocked signed reviewed estimated reported predicted argued pledged promised urged expected reached extended suspended resumed'.split(' ');
const ADJS = 'new major local national regional federal public private annual early late key critical significant modest sharp steady rapid gradual uncertain stronger weaker higher lower rising falling record controversial temporary joint'.split(' ');
const FUNC = 'the a of in on for to and with by from at as after before amid over under despite while'.split(' ');
const DATES = ['on Monday', 'on Tuesday', 'on Thursday', 'last week', 'last month', 'in April', 'next month', 'last year', 'on March 3', 'in 2014', 'by the end of the year'];

function mulberry32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function sentence(r: Rand): string {
  const words: string[] = [];
  const n = int(r, 8, 18);
  for (let i = 0; i < n; i++) {
    const x = r();
    words.push(x < 0.34 ? pick(r, FUNC) : x < 0.68 ? pick(r, NOUNS) : x < 0.82 ? pick(r, ADJS) : pick(r, VERBS));
  }
  const x = r();
  if (x < 0.3) words.splice(int(r, 1, n - 1), 0, pick(r, PEOPLE));
  else if (x < 0.55) words.splice(int(r, 1, n - 1), 0, 'in', pick(r, PLACES));
  else if (x < 0.7) words.splice(int(r, 1, n - 1), 0, 'the', pick(r, ORGS));
  if (r() < 0.25) words.push(pick(r, DATES));
  return `${cap(words.join(' '))}.`;
}

function paragraph(r: Rand): string {
  return Array.from({ length: int(r, 3, 5) }, () => sentence(r)).join(' ');
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const w of text.split(' ')) {
    if (line && line.length + w.length + 1 > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines;
}

/** One article: its relative path and text. */
export function article(seed: number, i: number, markdownOnly = false): { file: string; text: string } {
  const r = mulberry32(seed ^ Math.imul(i + 1, 0x9e3779b1));
  const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(r() * 3650) * 86_400_000);
  const date = day.toISOString().slice(0, 10);
  const [y, m] = date.split('-');
  const who = pick(r, PEOPLE);
  const where = pick(r, PLACES);
  const title = `${who.split(' ')[1]} ${pick(r, VERBS)} ${pick(r, ADJS)} ${pick(r, NOUNS)} plan in ${where}`;
  const summary = `${cap(pick(r, ADJS))} ${pick(r, NOUNS)} ${pick(r, VERBS)} as ${who} visits ${where}.`;
  const publisher = pick(r, PUBLISHERS);
  const paragraphs = Array.from({ length: int(r, 5, 12) }, () => paragraph(r));
  const slug = `${date}-${i}`;
  if (markdownOnly || i % 2 === 0) {
    const topics = [...new Set([pick(r, THEMES), pick(r, THEMES), where])];
    const body = paragraphs.map((p, k) => (k === 3 ? `## ${cap(pick(r, ADJS))} ${pick(r, NOUNS)}\n\n${p}` : p)).join('\n\n');
    const fm = `---\ntitle: "${title}"\ndate: ${date}\nsource: "${publisher}"\ntopics: [${topics.map((t) => `"${t}"`).join(', ')}]\nsummary: "${summary}"\n---\n`;
    return { file: `${markdownOnly ? '' : 'md/'}${y}/${m}/${slug}.md`, text: `${fm}\n${body}\n` };
  }
  // Scraped text: headline, standfirst, hard-wrapped body with one lost paragraph break,
  // a run-in capitals subhead, then the site's furniture.
  const site = publisher.replace(/^The /, '').replace(/\s+/g, '').toUpperCase();
  const lines: string[] = [title, summary];
  paragraphs.forEach((p, k) => {
    const text = k === 4 ? `${pick(r, ADJS).toUpperCase()} ${pick(r, NOUNS).toUpperCase()} ${p}` : p;
    lines.push('', ...wrap(text, 72));
  });
  const related = `${pick(r, PEOPLE).split(' ')[1]} ${pick(r, VERBS)} ${pick(r, NOUNS)} in ${pick(r, PLACES)}`;
  lines.push('', 'Share this article', '', 'Related', '', related, related, '', `Follow ${site}.COM on social media`, '');
  return { file: `scraped/${y}/${m}/${slug}.txt`, text: `---\ndate: ${date}\npublisher: ${publisher}\n---\n${lines.join('\n')}` };
}

/** Writes articles [from, to) of the corpus under `dir`. */
export function writeCorpus(dir: string, to: number, options: { seed?: number; from?: number; markdownOnly?: boolean } = {}): void {
  const { seed = 20240601, from = 0, markdownOnly = false } = options;
  for (let i = from; i < to; i++) {
    const a = article(seed, i, markdownOnly);
    const file = path.join(dir, a.file);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, a.text);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2]);
  const out = process.argv[3];
  if (!Number.isInteger(n) || n <= 0 || !out) {
    console.error('usage: node --import tsx bench/gen-corpus.ts N OUTDIR');
    process.exit(2);
  }
  writeCorpus(out, n);
  console.log(`wrote ${n} articles to ${out}`);
}
