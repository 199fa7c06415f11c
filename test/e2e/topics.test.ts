/** Issue 4's done-when on the seed archive: the topics, their exact articles, the stories and the resolved events. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { buildSite, readOut, SEED_CONTENT, readArticleRecords, readTopicRecords } from '../support/site.js';

// Which seed articles mention each topic in their body (furniture stripped), read by hand.
const EXPECTED: Record<string, string[]> = {
  'John Kerry': ['000', '001', '002', '003', '004'],
  'Vladimir Putin': ['000', '001', '002', '003', '004'],
  'Sergei Lavrov': ['001', '002', '003'],
  'Bashar al-Assad': ['000', '001', '003', '004'],
  'Staffan de Mistura': ['001', '004'],
  'Barack Obama': ['000', '003'],
  Syria: ['000', '001', '002', '003', '004'],
  Russia: ['000', '001', '003', '004'],
  'United States': ['000', '001', '002', '003', '004'],
  Ukraine: ['000', '003'],
  Iran: ['003'],
  Iraq: ['000', '003'],
  Palmyra: ['000', '001'],
  Geneva: ['000', '001', '004'],
  Moscow: ['000', '001', '002', '003', '004'],
  'Deir Ezzor': ['004'],
  'Islamic State': ['000', '001', '002', '003', '004'],
  'Nusra Front': ['002'],
  'United Nations': ['000', '001', '004'],
  'US State Department': ['002', '003', '004'],
  'Washington Post': ['002', '004'],
  'Syrian Observatory for Human Rights': ['001', '004'],
};
const NOT_TOPICS = ['Related', 'Thursday', 'Friday', 'Comments', 'Recommended Reads', 'Russian', 'Syrian', 'SLOW PROGRESS', 'Advertisement', 'VOV.VN'];

describe('topics, events and stories of the seed archive', () => {
  let articles: { slug: string; source: string; events: { date: string; granularity: string; expression: string; afterPublication: boolean }[] }[];
  let topics: { name: string; slug: string; articles: string[]; aliases: string[] }[];
  let stories: { id: string; articles: string[] }[];
  let out: string;
  const code = (slug: string) => articles.find((a) => a.slug === slug)!.source.slice(0, 3);

  before(async () => {
    const site = await buildSite(SEED_CONTENT);
    assert.ok(site.result.ok);
    out = site.out;
    articles = readArticleRecords(out);
    topics = readTopicRecords(out);
    stories = JSON.parse(readOut(out, 'data/stories.json'));
  });

  it('should list exactly the articles that mention each required topic under any alias', () => {
    for (const [name, expected] of Object.entries(EXPECTED)) {
      const t = topics.find((x) => x.name === name);
      assert.ok(t, `a topic page for ${name}`);
      assert.deepEqual(t.articles.map(code).sort(), expected, name);
      assert.ok(readOut(out, `topics/${t.slug}/index.html`).includes(`<h1>${name}</h1>`));
    }
  });

  it('should merge aliases into one topic', () => {
    const is = topics.find((t) => t.name === 'Islamic State')!;
    for (const alias of ['IS', 'ISIS', 'Daesh']) assert.ok(is.aliases.includes(alias), alias);
    assert.ok(!topics.some((t) => ['ISIS', 'Daesh', 'Kerry', 'U.N.', 'Russian Federation'].includes(t.name)));
  });

  it('should make no topic of a non-entity', () => {
    for (const name of NOT_TOPICS) assert.ok(!topics.some((t) => t.name === name), name);
  });

  it('should group 000 with 001 and 002 with 004, and leave 003 alone', () => {
    const groups = stories.map((s) => s.articles.map(code).sort().join('+')).sort();
    assert.deepEqual(groups, ['000+001', '002+004', '003']);
  });

  it('should resolve relative dates with honest granularity', () => {
    const events = (c: string) => articles.find((a) => a.source.startsWith(c))!.events;
    const has = (c: string, date: string, granularity: string, expression: RegExp) =>
      assert.ok(events(c).some((e) => e.date === date && e.granularity === granularity && expression.test(e.expression)), `${c}: ${date} ${granularity} ${expression}`);
    has('004', '2016-07-14', 'day', /on Thursday/);
    has('004', '2016-04', 'month', /in April/);
    has('004', '2016-08-01', 'day', /Aug\. 1/);
    assert.ok(events('004').find((e) => e.date === '2016-08-01')!.afterPublication);
    has('000', '2015', 'year', /last year/);
    has('000', '2016-04', 'month', /next month/);
    has('000', '2016-03-24', 'day', /on March 24/);
    has('003', '2015-12-11', 'day', /last Friday/);
    has('003', '2015-12-18', 'day', /Friday/);
    has('002', '2016-07-15', 'day', /July 15/);
    assert.ok(!articles.some((a) => a.events.some((e) => /three hours|seven months|6 months/.test(e.expression))), 'durations are not events');
  });

  it('should link every timeline event to its sentence on the article page', () => {
    const html = readOut(out, 'timeline/index.html');
    const links = [...html.matchAll(/href="\/articles\/([^/]+)\/#(p\d+s\d+)"/g)];
    assert.ok(links.length >= 15);
    for (const [, slug, anchor] of links) assert.ok(readOut(out, `articles/${slug}/index.html`).includes(`id="${anchor}"`), `${slug}#${anchor}`);
  });
});
