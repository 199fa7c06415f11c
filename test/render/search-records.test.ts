/** The search records as planned per part: made on demand, the same each time, and keyed by what they hold. */
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { build, type BuildResult } from '../../src/build.js';
import { resolveConfig } from '../../src/config.js';
import { eventsByTopic } from '../../src/link/index.js';
import type { Article } from '../../src/model.js';
import { timelineMonths, timelinePages } from '../../src/render/pages.js';
import { planSearch, type SearchInput, type SearchRecord } from '../../src/render/search-records.js';
import { createUrls } from '../../src/render/urls.js';
import { ROOT, SEED_CONTENT, TEMPLATES, tempDir } from '../support/site.js';

describe('the search records of the seed archive', () => {
  let result: BuildResult;
  let input: SearchInput;
  const records = (i: SearchInput) => planSearch(i).flatMap((p) => [...p.records()]);

  before(async () => {
    const config = resolveConfig(ROOT, { searchPartSize: 2 }, { contentDir: SEED_CONTENT, templatesDir: TEMPLATES, outDir: path.join(tempDir(), 'public'), cacheDir: path.join(tempDir(), '.cache') });
    result = await build(config, { write: false });
    assert.ok(result.ok);
    assert.equal(result.searchPartsIndexed, 0, 'a build that writes nothing (check) indexes nothing');
    const site = result.site!;
    input = { config, urls: createUrls(config.basePath, config.url), articles: site.articles, topics: result.topics, timelinePages: timelinePages(timelineMonths(site.timeline), config.pageSize), bySlug: new Map(site.articles.map((a) => [a.slug, a])) };
  });

  it('should hold every article, topic and timeline page once, made the same each time', () => {
    const first = records(input);
    assert.deepEqual(records(input), first);
    assert.equal(first.filter((r) => r.meta.kind === 'Article').length, result.articles.length);
    assert.equal(first.filter((r) => r.meta.kind?.startsWith('Topic')).length, result.topics.length);
    assert.ok(first.filter((r) => r.meta.kind === 'Timeline event').length > 0);
    assert.equal(new Set(first.map((r) => r.url)).size, first.length);
    const article = first.find((r) => r.meta.kind === 'Article')!;
    assert.ok(article.content.length > 500, 'an article is found by its text');
  });

  it('should give a timeline page the topics its events are listed under on topic pages', () => {
    const byTopic = eventsByTopic(result.site!.timeline);
    const months = records(input).filter((r) => r.meta.kind === 'Timeline event');
    const withTopics = months.filter((r) => r.filters.topic!.length > 0);
    assert.ok(withTopics.length > 0);
    // A page's events are those whose sentences its text holds.
    for (const r of months) {
      const expected = [...byTopic].filter(([, entries]) => entries.some((e) => e.sources.some((s) => r.content.includes(s.event.sentence)))).map(([n]) => n).sort();
      assert.deepEqual(r.filters.topic, expected, r.url);
    }
  });

  it('should keep the topics in the primary part, the articles and the timeline in parts of their own', () => {
    // The timeline's sentences in the primary part took Pagefind's process for it to 2 GB at 100k
    // articles, and were indexed again for every new article.
    const plan = planSearch(input);
    const kinds = (dir: string) => new Set([...plan.find((p) => p.dir === dir)!.records()].map((r) => r.meta.kind!.split(' ')[0]));
    assert.deepEqual(plan.map((p) => p.dir), ['', 'part-00/', 'part-01/', 'timeline-00/', 'timeline-01/']);
    assert.deepEqual(kinds(''), new Set(['Topic']));
    assert.deepEqual(kinds('part-00/'), new Set(['Article']));
    assert.deepEqual(kinds('part-01/'), new Set(['Article']));
    assert.deepEqual(kinds('timeline-00/'), new Set(['Timeline']));
    assert.deepEqual(kinds('timeline-01/'), new Set(['Timeline']));
    assert.equal(plan.reduce((n, p) => n + p.size, 0), records(input).length, 'each record in one part');
    // A small archive keeps one index.
    const one = planSearch({ ...input, config: { ...input.config, searchPartSize: 1000 } });
    assert.deepEqual(one.map((p) => p.dir), ['']);
    assert.deepEqual(new Set([...one[0]!.records()].map((r) => r.meta.kind!.split(' ')[0])), new Set(['Article', 'Topic', 'Timeline']));
  });

  it('should keep all the pages of a calendar group in one timeline part', () => {
    // Eight article parts, eight timeline parts: a year's pages shift together when an event joins it.
    const plan = planSearch({ ...input, articles: Array.from({ length: 24 }, (_, i) => ({ ...input.articles[i % input.articles.length]!, slug: `copy-${i}` })) });
    const timeline = plan.filter((p) => p.dir.startsWith('timeline-'));
    assert.ok(timeline.length > 1 && timeline.every((p) => /^timeline-0[0-7]\/$/.test(p.dir)), timeline.map((p) => p.dir).join(' '));
    const partOfGroup = new Map<string, string>();
    for (const p of timeline) {
      for (const r of p.records()) {
        const group = /^\/timeline\/([^/]+(?:\/\d\d)?)\//.exec(r.url)![1]!;
        assert.equal(partOfGroup.get(group) ?? p.dir, p.dir, r.url);
        partOfGroup.set(group, p.dir);
      }
    }
  });

  it('should split a large archive into no more than 32 article parts and 32 timeline parts', () => {
    // Each part costs a reader's first search a few requests (97 parts at 100k articles: 6.2 s on a
    // 60 ms link). 400 copies at one article a part stand for a large archive.
    const articles = Array.from({ length: 400 }, (_, i) => ({ ...input.articles[i % input.articles.length]!, slug: `copy-${i}` }));
    const plan = planSearch({ ...input, config: { ...input.config, searchPartSize: 1 }, articles });
    const count = (prefix: string) => plan.filter((p) => p.dir.startsWith(prefix)).length;
    assert.equal(count('part-'), 32);
    assert.ok(count('timeline-') <= 32);
    assert.equal(plan.reduce((n, p) => n + [...p.records()].filter((r) => r.meta.kind === 'Article').length, 0), 400);
  });

  it('should key each part by what its records hold: an article changed changes its part alone', () => {
    const keys = planSearch(input).map((p) => p.key);
    assert.deepEqual(planSearch(input).map((p) => p.key), keys);
    assert.ok(keys.length > 1, 'a split index');
    const [first, ...rest] = input.articles as Article[];
    const changed = { ...input, articles: [{ ...first!, standfirst: 'Another standfirst.' }, ...rest] };
    const after = planSearch(changed).map((p) => p.key);
    assert.equal(after.filter((k, i) => k !== keys[i]).length, 1);
    const record = (i: SearchInput) => records(i).find((r: SearchRecord) => r.url.endsWith(`/${first!.slug}/`))!;
    assert.match(record(changed).content, /^Another standfirst\./);
  });
});
