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
  it('should list a year\'s articles oldest first, a day\'s by slug, over pages that only the first counts, and the undated on a page of their own', async () => {
    // pageSize 1: a topic of more than two articles gets a page a year, two articles a page on average.
    const files: Record<string, string> = {
      'c.md': article('c-same-day', '2016-03-01'), 'a.md': article('a-same-day', '2016-03-01'), 'b.md': article('b-later', '2016-07-01'),
      'd.md': article('d-earlier', '2016-01-05'), 'e.md': article('e-other-year', '2015-05-05'), 'f.md': article('f-undated', null),
    };
    const months = ['08', '09', '10', '11', '12'];
    for (const m of months) files[`${m}.md`] = article(`month-${m}`, `2016-${m}-10`);
    const { out, result } = await buildSite(writeContent(files), { pageSize: 1 });
    assert.ok(result.ok, result.diagnostics.map((d) => d.message).join('\n'));
    // Page by page through 2016, as a reader does.
    const pages: string[] = [];
    for (let rel: string | undefined = 'topics/palmyra/2016/index.html'; rel;) {
      const html = readOut(out, rel);
      pages.push(html);
      rel = /<a rel="next" href="\/([^"]+)"/.exec(html)?.[1]?.concat('index.html');
    }
    assert.deepEqual(pages.flatMap(cards), ['d-earlier', 'a-same-day', 'c-same-day', 'b-later', ...months.map((m) => `month-${m}`)]);
    assert.ok(pages.length >= 3, `${pages.length} pages`);
    // The count of articles and of pages on the first page only: the others change with their own articles alone.
    assert.match(pages[0]!, /9 articles, oldest first/);
    assert.match(pages[0]!, new RegExp(`Page 1 of ${pages.length}<`));
    pages.slice(1).forEach((html, i) => {
      assert.match(html, new RegExp(`Page ${i + 2}, oldest first`));
      assert.match(html, new RegExp(`<span>Page ${i + 2}</span>`));
      assert.doesNotMatch(html, /\d+ articles, oldest first| of \d+</);
      // The year's crumb leads back to its first page; the page is the current crumb.
      assert.match(html, /<li><a href="\/topics\/palmyra\/2016\/">2016<\/a><\/li>\s*<li><span aria-current="page">Page \d+<\/span><\/li>/);
    });
    assert.match(pages[0]!, /<li><span aria-current="page">2016<\/span><\/li>/);
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
