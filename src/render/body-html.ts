/**
 * Article bodies to HTML. Markdown goes through unified (remark-parse -> remark-rehype ->
 * rehype-sanitize -> rehype-stringify): raw HTML, `on*` attributes and `javascript:`/`data:` URLs
 * never reach a page. Scraped text is text: built as hast text nodes, so it is escaped, never parsed.
 * Block `i` gets `id="p{i}"`; a sentence that carries an event gets `id="p{i}s{j}"`, the timeline's anchor.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Root as MdastRoot } from 'mdast';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { splitSentences } from '../extract/sentences.js';
import type { FullArticle } from '../model.js';
import { blockNodes, parseMarkdown } from '../normalize/markdown.js';

// Our own ids (p3, p3s1) are kept as they are: Markdown cannot set ids, and raw HTML is dropped
// before sanitizing, so every id on the page comes from this module.
const schema = {
  ...defaultSchema,
  clobber: (defaultSchema.clobber ?? []).filter((name) => name !== 'id'),
  attributes: { ...defaultSchema.attributes, '*': [...(defaultSchema.attributes?.['*'] ?? []), 'id'] },
};

const markdownToHtml = unified()
  .use(() => (tree: HastRoot) => demoteH1(tree))
  .use(rehypeSanitize, schema)
  .use(rehypeStringify);

const mdToHast = unified().use(remarkRehype);

/** Renders an article body. `anchors` are the `p{i}s{j}` sentence ids to mark (event sentences). */
export function renderBody(article: FullArticle, anchors: ReadonlySet<string>, markdownTree?: MdastRoot): string {
  return article.format === 'markdown' && article.markdown !== null
    ? renderMarkdown(markdownTree ?? parseMarkdown(article.markdown), article.titleSource === 'markdown-heading')
    : renderTextBlocks(article, anchors);
}

/** Renders a Markdown tree; its block nodes get their `p{i}` ids (the tree is the caller's to give up). */
function renderMarkdown(tree: MdastRoot, skipLeadingHeading: boolean): string {
  const nodes = blockNodes(tree, skipLeadingHeading);
  nodes.forEach((node, i) => {
    node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), id: `p${i}` } };
  });
  const hast = mdToHast.runSync({ ...tree, children: skipLeadingHeading ? tree.children.slice(1) : tree.children }) as HastRoot;
  return markdownToHtml.stringify(markdownToHtml.runSync(hast) as HastRoot);
}

function renderTextBlocks(article: FullArticle, anchors: ReadonlySet<string>): string {
  const children: ElementContent[] = [];
  article.blocks.forEach((block, i) => {
    const id = `p${i}`;
    if (block.type === 'subhead') {
      children.push(el('h2', { id }, [{ type: 'text', value: block.text }]), nl());
      return;
    }
    const content: ElementContent[] = [];
    const spans = splitSentences(block.text);
    let cursor = 0;
    spans.forEach((s, j) => {
      const sid = `${id}s${j}`;
      if (!anchors.has(sid)) return;
      if (s.start > cursor) content.push({ type: 'text', value: block.text.slice(cursor, s.start) });
      content.push(el('span', { id: sid, className: ['event-sentence'] }, [{ type: 'text', value: block.text.slice(s.start, s.end) }]));
      cursor = s.end;
    });
    if (cursor < block.text.length) content.push({ type: 'text', value: block.text.slice(cursor) });
    children.push(el('p', { id }, content), nl());
  });
  return toHtml({ type: 'root', children });
}

function demoteH1(tree: HastRoot): void {
  const visit = (node: HastRoot | Element) => {
    for (const child of node.children) {
      if (child.type === 'element') {
        if (child.tagName === 'h1') child.tagName = 'h2';
        visit(child);
      }
    }
  };
  visit(tree);
}

function el(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

function nl(): ElementContent {
  return { type: 'text', value: '\n' };
}
