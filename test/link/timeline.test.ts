import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTimeline, eventsByTopic, timelineWithMemo } from '../../src/link/index.js';
import { article, event } from './articles.js';

const sources = (entry: { sources: readonly { article: string }[] }) => entry.sources.map((s) => s.article);

describe('the timeline', () => {
  test('should show a fact reported by several outlets once, with every source', () => {
    const timeline = buildTimeline([
      article('reuters', { events: [event('2013-09-14', 'Kerry and Lavrov agreed in Geneva to remove the chemical weapons.', ['John Kerry', 'Sergei Lavrov'])] }),
      article('bbc', { events: [event('2013-09-14', 'In Geneva, Lavrov and Kerry struck a deal on the weapons.', ['Sergei Lavrov', 'John Kerry'])] }),
      article('guardian', { events: [event('2013-09-14', 'Protesters marched through Damascus for a third day.', ['Damascus'])] }),
    ]);
    // Entries of a day are ordered by their first source.
    assert.deepEqual(timeline.map(sources), [['guardian'], ['reuters', 'bbc']]);
  });

  test('should keep two reports apart when they share words but not the fact', () => {
    const timeline = buildTimeline([
      article('a', { events: [event('2014', 'The ceasefire in Homs collapsed within hours of its announcement.', ['Homs'])] }),
      article('b', { events: [event('2014', 'Aid convoys reached Aleppo after weeks of negotiation.', ['Aleppo'])] }),
    ]);
    assert.equal(timeline.length, 2);
  });

  test('should take one report per article into a fact', () => {
    const sentence = 'Kerry and Lavrov met in Geneva to discuss the weapons.';
    const timeline = buildTimeline([article('a', { events: [event('2013-09-12', sentence, ['John Kerry', 'Sergei Lavrov'], 0), event('2013-09-12', sentence, ['John Kerry', 'Sergei Lavrov'], 3)] })]);
    assert.deepEqual(timeline.map((e) => e.sources.map((s) => s.event.block)), [[0], [3]]);
  });

  test('should put coarser dates before finer ones, and order by date', () => {
    const timeline = buildTimeline([
      article('a', { events: [event('2013-09-14', 'Lavrov spoke in Geneva.', ['Sergei Lavrov']), event('2013', 'Assad stayed in power.', ['Bashar al-Assad'], 1)] }),
      article('b', { events: [event('2013-09', 'Inspectors arrived in Damascus.', ['Damascus']), event('2012-12-01', 'The opposition met in Doha.', ['Doha'], 1)] }),
    ]);
    assert.deepEqual(timeline.map((e) => e.date), ['2012-12-01', '2013', '2013-09', '2013-09-14']);
  });

  test('should gather every report of a fact that hundreds of other facts of the same coarse date surround', () => {
    // A dense bucket ("last year" in a big archive): each report is compared with a bounded number
    // of groups and members, and must still find its fact through the keys it shares with it.
    // Letters only: content words are runs of letters.
    const tag = (i: number) => [...i.toString(26)].map((c) => String.fromCharCode(97 + parseInt(c, 26))).join('');
    const articles = [];
    for (let i = 0; i < 300; i++) {
      // Distinct facts: one topic and no content word in common but "Syria".
      const events = [event('2015', `Shelling${tag(i)} struck Quarter${tag(i)} of Syria, witness${tag(i)} said.`, ['Syria', `Quarter${i}`])];
      if (i % 3 === 0) events.push(event('2015', 'Assad and Putin agreed on Russian air strikes in Syria.', ['Bashar al-Assad', 'Vladimir Putin', 'Syria'], 1));
      articles.push(article(`a${String(i).padStart(3, '0')}`, { events }));
    }
    const timeline = buildTimeline(articles);
    const strikes = timeline.filter((e) => e.sources.some((s) => s.event.block === 1));
    assert.equal(strikes.length, 1);
    assert.equal(strikes[0]!.sources.length, 100);
    assert.equal(timeline.length, 301);
  });
});

describe('the timeline built again', () => {
  const geneva = (slug: string, words: string) => article(slug, { events: [event('2013-09-14', `Kerry and Lavrov ${words} in Geneva on the weapons.`, ['John Kerry', 'Sergei Lavrov'])] });
  const damascus = (slug: string) => article(slug, { events: [event('2013-09-12', 'Protesters marched through Damascus for a third day.', ['Damascus'])] });
  const shape = (t: ReturnType<typeof buildTimeline>) => t.map((e) => [e.date, ...e.sources.map((s) => s.article)]);

  test('should group again only the dates whose reports changed, and come out as if built afresh', () => {
    const first = timelineWithMemo([geneva('a', 'agreed'), geneva('b', 'struck a deal'), damascus('c')], new Map());
    const articles = [geneva('a', 'agreed'), geneva('b', 'struck a deal'), damascus('c'), damascus('d'), geneva('e', 'agreed')];
    const second = timelineWithMemo(articles, first.memo);
    assert.deepEqual(shape(second.entries), shape(buildTimeline(articles)));
    assert.deepEqual(shape(second.entries), [['2013-09-12', 'c', 'd'], ['2013-09-14', 'a', 'b', 'e']]);
    // Unchanged dates keep their remembered groups; changed ones are remembered anew.
    const third = timelineWithMemo(articles.slice(0, 4), second.memo);
    assert.equal(third.memo.get('2013-09-12|day'), second.memo.get('2013-09-12|day'));
    assert.notEqual(third.memo.get('2013-09-14|day'), second.memo.get('2013-09-14|day'));
    assert.deepEqual(shape(third.entries), [['2013-09-12', 'c', 'd'], ['2013-09-14', 'a', 'b']]);
  });

  test('should group afresh when a remembered grouping does not fit the date\'s reports', () => {
    const articles = [geneva('a', 'agreed'), geneva('b', 'agreed')];
    const { memo } = timelineWithMemo(articles, new Map());
    const key = [...memo.keys()][0]!;
    const broken = new Map([[key, { ...memo.get(key)!, groups: Int32Array.from([0, -1, 7]) }]]);
    assert.deepEqual(shape(timelineWithMemo(articles, broken).entries), shape(buildTimeline(articles)));
    // Groups that fit, with a digest missing (a memo from another version): made again too.
    const short = new Map([[key, { ...memo.get(key)!, digests: [] }]]);
    assert.deepEqual(timelineWithMemo(articles, short).entries.map((e) => e.digest), buildTimeline(articles).map((e) => e.digest));
  });

  test('should reuse a date\'s digests only while everything its entries show is the same', () => {
    // A headline or outlet is not read by the grouping, but it is by the digests (pages and data
    // files show them): a digest remembered from before the change would leave them stale.
    const articles = [geneva('a', 'agreed'), geneva('b', 'struck a deal'), damascus('c')];
    const first = timelineWithMemo(articles, new Map());
    const again = timelineWithMemo(articles, first.memo);
    assert.deepEqual(again.entries.map((e) => e.digest), first.entries.map((e) => e.digest));
    assert.equal(again.memo.get('2013-09-14|day'), first.memo.get('2013-09-14|day'));
    for (const change of [{ title: 'Another headline' }, { publisher: 'Another Outlet' }]) {
      const edited = [articles[0]!, { ...articles[1]!, ...change }, articles[2]!];
      const rebuilt = timelineWithMemo(edited, first.memo);
      assert.deepEqual(rebuilt.entries.map((e) => e.digest), buildTimeline(edited).map((e) => e.digest));
      assert.notEqual(rebuilt.entries.find((e) => e.date === '2013-09-14')!.digest, first.entries.find((e) => e.date === '2013-09-14')!.digest);
      assert.equal(rebuilt.entries.find((e) => e.date === '2013-09-12')!.digest, first.entries.find((e) => e.date === '2013-09-12')!.digest);
    }
  });

  test('should sign reports by their records\' keys when known, and make digests afresh when a key or a slug changes', () => {
    const articles = [geneva('a', 'agreed'), geneva('b', 'struck a deal'), damascus('c')];
    const keys = new Map(articles.map((a) => [a.source, `key-${a.slug}`]));
    const first = timelineWithMemo(articles, new Map(), (a) => keys.get(a.source));
    assert.deepEqual(first.entries.map((e) => e.digest), buildTimeline(articles).map((e) => e.digest));
    assert.equal(timelineWithMemo(articles, first.memo, (a) => keys.get(a.source)).memo.get('2013-09-14|day'), first.memo.get('2013-09-14|day'));
    // b's record made again (a new headline), so under a new key.
    const edited = [articles[0]!, { ...articles[1]!, title: 'Another headline' }, articles[2]!];
    const rekeyed = new Map(keys).set(articles[1]!.source, 'key-b2');
    const rebuilt = timelineWithMemo(edited, first.memo, (a) => rekeyed.get(a.source));
    assert.deepEqual(rebuilt.entries.map((e) => e.digest), buildTimeline(edited).map((e) => e.digest));
    assert.equal(rebuilt.memo.get('2013-09-12|day'), first.memo.get('2013-09-12|day'));
    assert.notEqual(rebuilt.memo.get('2013-09-14|day'), first.memo.get('2013-09-14|day'));
    // The same record under another slug (link gives slugs): its key alone does not sign it.
    const renamed = [articles[0]!, { ...articles[1]!, slug: 'b-2' }, articles[2]!];
    assert.deepEqual(timelineWithMemo(renamed, first.memo, (a) => keys.get(a.source)).entries.map((e) => e.digest), buildTimeline(renamed).map((e) => e.digest));
  });

  test('should come out in the order of one sort by date, first source and block, however the dates arrive', () => {
    // Dates are sorted and then each date's entries: the same order as one sort of them all.
    const dates = ['2013', '2013-09', '2013-09-14', '2012-12-01', '2013-09-02', '2014', '2013-10'];
    const articles = Array.from({ length: 40 }, (_, i) => article(`s${(i * 7919) % 41}`, {
      events: [0, 1, 2].map((b) => event(dates[(i * 3 + b * 5) % dates.length]!, `Report ${String.fromCharCode(97 + (i % 26))}${b} of event${String.fromCharCode(97 + ((i * 3) % 26))} in city${String.fromCharCode(97 + b)}.`, [`Topic ${i % 5}`], b)),
    }));
    const timeline = buildTimeline(articles);
    const key = (e: (typeof timeline)[number]) => [e.date, e.sources[0]!.article, e.sources[0]!.event.block] as const;
    const sorted = [...timeline].sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      return x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : x[2] - y[2];
    });
    assert.deepEqual(timeline.map(key), sorted.map(key));
    assert.equal(timeline.reduce((n, e) => n + e.sources.length, 0), 120);
  });
});

describe('a timeline entry\'s digest', () => {
  const base = event('2013-09-14', 'Kerry and Lavrov agreed in Geneva on the weapons.', ['John Kerry', 'Sergei Lavrov'], 2);
  const digest = (a: ReturnType<typeof article>) => buildTimeline([a])[0]!.digest;
  const make = (e = base, title = 'Talks in Geneva', publisher: string | null = 'Example Post', slug = 'a') => ({ ...article(slug, { events: [e] }), title, publisher });

  test('should be the same for the same entry, and change with anything a page, a data file or a search record shows of it', () => {
    // The timeline's pages, year files and search records are keyed by it (render/pages.ts,
    // render/search-records.ts): a change it missed would leave them stale.
    const first = digest(make());
    assert.equal(digest(make()), first);
    // Every field of the event, one at a time (a field added to events is covered here too).
    const other = (v: unknown): unknown => (typeof v === 'string' ? `${v}x` : typeof v === 'number' ? v + 1 : typeof v === 'boolean' ? !v : Array.isArray(v) ? [...v, 'Damascus'] : assert.fail(`a field of type ${typeof v}`));
    const changed: [string, string][] = [
      ...Object.keys(base).map((field): [string, string] => [field, digest(make({ ...base, [field]: other(base[field as keyof typeof base]) }))]),
      ['one topic for another', digest(make({ ...base, topics: ['John Kerry', 'Bashar al-Assad'] }))],
      ['headline', digest(make(base, 'Deal in Geneva'))],
      ['outlet', digest(make(base, 'Talks in Geneva', 'Other Post'))],
      // Shown differently ("Unknown outlet", and TimelineJS falls back to the headline).
      ['no outlet', digest(make(base, 'Talks in Geneva', null))],
      ['an outlet named "null"', digest(make(base, 'Talks in Geneva', 'null'))],
      // Texts may hold any character: a field's end is never taken for the next one's start.
      ['a headline holding a separator', digest(make(base, 'Talks\u0000in Geneva', 'Example Post'))],
      ['an outlet holding it', digest(make(base, 'Talks', 'in Geneva\u0000Example Post'))],
      ['slug (the link)', digest(make(base, 'Talks in Geneva', 'Example Post', 'b'))],
    ];
    for (const [what, d] of changed) assert.notEqual(d, first, what);
    assert.equal(new Set(changed.map(([, d]) => d)).size, changed.length);
  });
});

describe('events by topic', () => {
  test('should list each entry under every topic its sentences mention, once', () => {
    const timeline = buildTimeline([
      article('a', { events: [event('2013-09-14', 'Kerry and Lavrov agreed in Geneva on the weapons.', ['John Kerry', 'Sergei Lavrov'])] }),
      article('b', { events: [event('2013-09-14', 'Lavrov and Kerry agreed in Geneva on the weapons.', ['Sergei Lavrov', 'John Kerry', 'Geneva'])] }),
    ]);
    const byTopic = eventsByTopic(timeline);
    assert.deepEqual([...byTopic.keys()].sort(), ['Geneva', 'John Kerry', 'Sergei Lavrov']);
    for (const list of byTopic.values()) assert.equal(list.length, 1);
  });
});
