import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { renderBody } from '../../src/render/body-html.js';
import type { Block, FullArticle } from '../../src/model.js';

const markdownArticle = (markdown: string, blocks: Block[]) => ({ format: 'markdown', markdown, titleSource: 'front-matter', blocks }) as unknown as FullArticle;

describe('event anchors in a Markdown body', () => {
  const markdown = 'Diplomats met in *Geneva* on Thursday to discuss the ceasefire. Talks went on\ninto the night on Friday.\n\nNo agreement was reached [on Sunday](https://example.org/), said one. Another line.\n';
  const blocks: Block[] = [
    { type: 'paragraph', text: 'Diplomats met in Geneva on Thursday to discuss the ceasefire. Talks went on into the night on Friday.', line: 1 },
    { type: 'paragraph', text: 'No agreement was reached on Sunday, said one. Another line.', line: 4 },
  ];

  test('should wrap a sentence inside one text node, across its line break', () => {
    const html = renderBody(markdownArticle(markdown, blocks), new Set(['p0s1']));
    assert.match(html, /<p id="p0">Diplomats met in <em>Geneva<\/em> on Thursday to discuss the ceasefire\. <span id="p0s1" class="event-sentence">Talks went on\ninto the night on Friday\.<\/span><\/p>/);
  });

  test('should put an anchor where a sentence across inline markup starts', () => {
    const html = renderBody(markdownArticle(markdown, blocks), new Set(['p0s0', 'p1s0']));
    assert.match(html, /<p id="p0"><span id="p0s0" class="event-sentence"><\/span>Diplomats met in <em>Geneva<\/em>/);
    assert.match(html, /<p id="p1"><span id="p1s0" class="event-sentence"><\/span>No agreement was reached <a href="https:\/\/example.org\/">on Sunday<\/a>, said one\. Another line\.<\/p>/);
  });

  test('should mark nothing it cannot find, and no sentence that is not an event', () => {
    const html = renderBody(markdownArticle(markdown, [{ type: 'paragraph', text: 'Text that is not in the body. At all.', line: 1 }, blocks[1]!]), new Set(['p0s0', 'p0s1']));
    assert.doesNotMatch(html, /<span/);
  });

  test('should keep a class that Markdown writes off the page', () => {
    const html = renderBody(markdownArticle('Text <span class="event-sentence" id="p0s0">fake</span> here.\n', [{ type: 'paragraph', text: 'Text fake here.', line: 1 }]), new Set());
    assert.doesNotMatch(html, /event-sentence|p0s0/);
  });
});
