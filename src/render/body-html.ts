/**
 * Article bodies to HTML. Markdown goes through unified (remark-parse -> remark-rehype ->
 * rehype-sanitize -> rehype-stringify): raw HTML, `on*` attributes and `javascript:`/`data:` URLs
 * never reach a page. Scraped text is text: built as hast text nodes, so it is escaped, never parsed.
 * Block `i` gets `id="p{i}"`; a sentence that carries an event gets `id="p{i}s{j}"`, the timeline's anchor.
 */
import type { Element, ElementContent, Root as HastRoot, Text } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Root as MdastRoot } from 'mdast';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { splitSentences } from '../extract/sentences.js';
import type { FullArticle } from '../model.js';
import { blockNodes, parseMarkdown } from '../normalize/markdown.js';

// Our own ids (p3, p3s1) are kept as they are: Markdown cannot set ids, and raw HTML is dropped
// before sanitizing, so every id and span class on the page comes from this module.
const schema: SanitizeSchema = {
  ...defaultSchema,
  clobber: (defaultSchema.clobber ?? []).filter((name) => name !== 'id'),
  attributes: {
    ...defaultSchema.attributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'id'],
    // The event sentences' spans (anchorSentences): only this class, which Markdown cannot write.
    span: [...(defaultSchema.attributes?.['span'] ?? []), ['className', 'event-sentence']],
  },
};

const markdownToHtml = unified()
  .use(() => (tree: HastRoot) => demoteH1(tree))
  .use(rehypeSanitize, schema)
  .use(rehypeStringify);

const mdToHast = unified().use(remarkRehype);

/** Renders an article body. `anchors` are the `p{i}s{j}` sentence ids to mark (event sentences). */
export function renderBody(article: FullArticle, anchors: ReadonlySet<string>, markdownTree?: MdastRoot): string {
  return article.format === 'markdown' && article.markdown !== null
    ? renderMarkdown(markdownTree ?? parseMarkdown(article.markdown), article.titleSource === 'markdown-heading' || article.titleSource === 'first-line', article, anchors)
    : renderTextBlocks(article, anchors);
}

/**
 * Renders a Markdown tree; its block nodes get their `p{i}` ids and its event sentences their
 * `p{i}s{j}` anchors (the tree is the caller's to give up).
 */
function renderMarkdown(tree: MdastRoot, skipLeadingTitle: boolean, article: FullArticle, anchors: ReadonlySet<string>): string {
  const nodes = blockNodes(tree, skipLeadingTitle);
  nodes.forEach((node, i) => {
    node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), id: `p${i}` } };
  });
  const hast = mdToHast.runSync({ ...tree, children: skipLeadingTitle ? tree.children.slice(1) : tree.children }) as HastRoot;
  if (anchors.size) {
    const byId = new Map<string, Element>();
    const visit = (node: HastRoot | Element) => {
      for (const child of node.children) {
        if (child.type !== 'element') continue;
        if (typeof child.properties['id'] === 'string') byId.set(child.properties['id'], child);
        visit(child);
      }
    };
    visit(hast);
    article.blocks.forEach((block, i) => {
      const element = byId.get(`p${i}`);
      const sentences = splitSentences(block.text).map((s, j) => ({ id: `p${i}s${j}`, text: block.text.slice(s.start, s.end) })).filter((s) => anchors.has(s.id));
      if (element && sentences.length) anchorSentences(element, sentences);
    });
  }
  return markdownToHtml.stringify(markdownToHtml.runSync(hast) as HastRoot);
}

/**
 * Marks event sentences inside a rendered Markdown block. The block's text is its Markdown text with
 * white space collapsed, so each sentence is found in the element's text nodes the same way: a
 * sentence inside one text node is wrapped in a span; one across inline markup (a link, emphasis)
 * gets an empty anchor where it starts. A sentence not found (an image's alt text before it) is
 * left unmarked rather than anchored in the wrong place.
 */
function anchorSentences(element: Element, sentences: readonly { id: string; text: string }[]): void {
  const texts: { parent: Element; node: Text }[] = [];
  const collect = (parent: Element) => {
    for (const child of parent.children) {
      if (child.type === 'text') texts.push({ parent, node: child });
      else if (child.type === 'element') collect(child);
    }
  };
  collect(element);
  // The collapsed text, and for each of its characters the text node and offset it came from.
  let flat = '';
  const origin: { text: number; offset: number }[] = [];
  texts.forEach(({ node }, t) => {
    for (let k = 0; k < node.value.length; k++) {
      const space = /\s/.test(node.value[k]!);
      if (space && (flat === '' || flat.endsWith(' '))) continue;
      flat += space ? ' ' : node.value[k];
      origin.push({ text: t, offset: k });
    }
  });
  const found: { id: string; start: { text: number; offset: number }; end: { text: number; offset: number } }[] = [];
  let from = 0;
  for (const s of sentences) {
    const at = flat.indexOf(s.text, from);
    if (at < 0) continue;
    found.push({ id: s.id, start: origin[at]!, end: origin[at + s.text.length - 1]! });
    from = at + s.text.length;
  }
  // Last first: splitting a text node keeps the offsets of the sentences before it valid.
  for (const f of found.reverse()) {
    const { parent, node } = texts[f.start.text]!;
    const index = parent.children.indexOf(node);
    const before = node.value.slice(0, f.start.offset);
    if (f.start.text === f.end.text) {
      const sentence = node.value.slice(f.start.offset, f.end.offset + 1);
      const after = node.value.slice(f.end.offset + 1);
      node.value = before;
      parent.children.splice(index + 1, 0, el('span', { id: f.id, className: ['event-sentence'] }, [{ type: 'text', value: sentence }]), ...(after ? [{ type: 'text' as const, value: after }] : []));
    } else {
      const rest = node.value.slice(f.start.offset);
      node.value = before;
      parent.children.splice(index + 1, 0, el('span', { id: f.id, className: ['event-sentence'] }, []), { type: 'text', value: rest });
    }
  }
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
