/** A large topic's pages: its most relevant articles, and the rest by year, oldest first. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Article } from '../../src/model.js';
import { datedByTopic } from '../../src/render/pages.js';
import { buildSite, readOut, writeContent } from '../support/site.js';

const article = (slug: string, date: string | null) =>
  `---\ntitle: Talks ${slug}\nslug: ${slug}\n${date ? `date: ${date}\n` : ''}topics: [Palmyra]\n---\nThe talks went on in Geneva.\n`;

/** The slugs of the article cards on a page, in order. */
const cards = (html: string) => [...html.matchAll(/<h3 class="card-title"><a href="\/articles\/([^/]+)\/"/g)].map((m) => m[1]);

describe('topic pages by year', () => {
  it('should list a year\'s articles oldest first, a day\'s by slug, and the undated on a page of their own', async () => {
    // pageSize 1: a topic of more than two articles gets a page a year, two articles a page.
    const files = {
      'c.md': article('c-same-day', '2016-03-01'), 'a.md': article('a-same-day', '2016-03-01'), 'b.md': article('b-later', '2016-07-01'),
      'd.md': article('d-earlier', '2016-01-05'), 'e.md': article('e-other-year', '2015-05-05'), 'f.md': article('f-undated', null),
    };
    const { out, result } = await buildSite(writeContent(files), { pageSize: 1 });
    assert.ok(result.ok, result.diagnostics.map((d) => d.message).join('\n'));
    assert.deepEqual(cards(readOut(out, 'topics/palmyra/2016/index.html')), ['d-earlier', 'a-same-day']);
    assert.deepEqual(cards(readOut(out, 'topics/palmyra/2016/page/2/index.html')), ['c-same-day', 'b-later']);
    assert.deepEqual(cards(readOut(out, 'topics/palmyra/2015/index.html')), ['e-other-year']);
    assert.deepEqual(cards(readOut(out, 'topics/palmyra/undated/index.html')), ['f-undated']);
  });

  it('should deal the archive out to the named topics in date and slug order, each its own dated articles only', () => {
    const a = (slug: string, date: string | null, ...topics: string[]) => ({ slug, date, topics: topics.map((name) => ({ name })) }) as unknown as Article;
    // Newest first, as the archive is; slugs against the date order within a day.
    const archive = [a('z-late', '2016-07-01', 'Palmyra', 'Geneva'), a('m-day', '2016-03-01', 'Geneva'), a('b-day', '2016-03-01', 'Palmyra'),
      a('a-day', '2016-03-01', 'Palmyra', 'Geneva'), a('old', '2015-01-01', 'Aleppo'), a('undated', null, 'Palmyra')];
    const dealt = datedByTopic(archive, new Set(['Palmyra', 'Geneva', 'Nowhere']));
    assert.deepEqual([...dealt].map(([name, list]) => [name, list.map((x) => x.slug)]), [
      ['Palmyra', ['a-day', 'b-day', 'z-late']],
      ['Geneva', ['a-day', 'm-day', 'z-late']],
      ['Nowhere', []],
    ]);
    assert.equal(datedByTopic(archive, new Set()).size, 0);
  });
});
