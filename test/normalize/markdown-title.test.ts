import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CODES } from '../../src/diagnostics.js';
import { normalizeArticle } from '../../src/normalize/article.js';
import { parseFrontMatter } from '../../src/normalize/front-matter.js';
import { renderBody } from '../../src/render/body-html.js';

/** A Markdown file through normalize, and its body's HTML. */
function markdown(body: string, front = 'date: 2016-03-24\npublisher: Example Post') {
  const text = `---\n${front}\n---\n${body}`;
  const source = { path: '/archive/content/talks.md', relPath: 'talks.md', text, hash: 'h', diagnostics: [] };
  const article = normalizeArticle(source, parseFrontMatter(text, source.path), { furniture: { sharedLines: new Set(), patterns: [] }, dateReference: null });
  return { article, html: renderBody(article, new Set()) };
}

const BODY = 'Diplomats met in Geneva on Thursday to discuss the ceasefire.\n\nNo agreement was reached.\n';

describe('the title of a Markdown article without one in front matter', () => {
  it('should be a first line that reads as a headline, shown once (not again as the first paragraph)', () => {
    const { article, html } = markdown(`Talks in Geneva\n\n${BODY}`);
    assert.equal(article.title, 'Talks in Geneva');
    assert.equal(article.titleSource, 'first-line');
    assert.deepEqual(article.blocks.map((b) => [b.text, b.line]), [['Diplomats met in Geneva on Thursday to discuss the ceasefire.', 7], ['No agreement was reached.', 9]]);
    assert.doesNotMatch(html, /Talks in Geneva/);
    assert.match(html, /^<p id="p0">Diplomats met/);
    assert.deepEqual(article.diagnostics.map((d) => d.code), []);
  });

  it('should be a leading # heading, as before', () => {
    const { article, html } = markdown(`# Talks in Geneva\n\n${BODY}`);
    assert.equal(article.titleSource, 'markdown-heading');
    assert.doesNotMatch(html, /Talks in Geneva/);
  });

  it('should leave a first paragraph that is a sentence, or the only text, in the body', () => {
    const sentence = markdown(BODY);
    assert.equal(sentence.article.titleSource, 'first-sentence');
    assert.match(sentence.html, /^<p id="p0">Diplomats met/);
    assert.ok(sentence.article.diagnostics.some((d) => d.code === CODES.NO_HEADLINE));
    const alone = markdown('Talks in Geneva\n');
    assert.equal(alone.article.titleSource, 'first-sentence');
    assert.equal(alone.article.blocks.length, 1);
    const wrapped = markdown(`Talks in Geneva went on\ninto the night\n\n${BODY}`);
    assert.equal(wrapped.article.titleSource, 'first-sentence', 'a paragraph of two lines is text, not a headline line');
  });

  it('should leave the first line alone when front matter gives the title', () => {
    const { article, html } = markdown(`Talks in Geneva\n\n${BODY}`, 'title: Geneva talks end\ndate: 2016-03-24');
    assert.equal(article.title, 'Geneva talks end');
    assert.match(html, /^<p id="p0">Talks in Geneva<\/p>/);
  });
});
