/**
 * Markdown articles pass through as their authors wrote them (issue 3, item 10): the body is kept
 * verbatim for the renderer, and blocks are derived from the mdast for search, entities and events.
 */
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Block, TitleSource } from '../model.js';
import { isHeadlineLike } from './headline.js';

const parser = unified().use(remarkParse);

/**
 * Parses a Markdown body to mdast. Parsing is most of a Markdown article's cost (issue 7), so
 * processArticle parses once and hands the tree to normalize and then to the body renderer.
 */
export function parseMarkdown(markdown: string): Root {
  return parser.parse(markdown);
}

/** Top-level nodes that become body blocks; everything else (raw HTML, rules, definitions) carries no text. */
export function isBlockNode(node: RootContent): boolean {
  return node.type === 'paragraph' || node.type === 'heading' || node.type === 'blockquote' || node.type === 'list' || node.type === 'code' || node.type === 'table';
}

/**
 * The title a Markdown body starts with, used when front matter has none: a leading `# Heading`,
 * or a first paragraph of one line that reads as a headline ("Talks in Geneva") with text after
 * it, as scraped text has (headline.ts). Either leaves the body: kept, it showed twice on the page.
 */
export function leadingTitle(tree: Root): { text: string; source: Extract<TitleSource, 'markdown-heading' | 'first-line'> } | null {
  const [first, ...rest] = tree.children;
  if (first?.type === 'heading' && first.depth === 1) {
    const text = toString(first, { includeHtml: false }).trim();
    return text ? { text, source: 'markdown-heading' } : null;
  }
  if (first?.type !== 'paragraph' || first.position?.start.line !== first.position?.end.line) return null;
  const text = toString(first, { includeHtml: false }).trim();
  return isHeadlineLike(text) && rest.some((n) => n.type === 'paragraph') ? { text, source: 'first-line' } : null;
}

/**
 * Body blocks in document order. The renderer numbers the same nodes with the same function, so
 * block `i` is the element with id `p{i}` on the page.
 */
export function markdownBlocks(tree: Root, bodyLine: number, skipLeadingTitle: boolean): Block[] {
  return blockNodes(tree, skipLeadingTitle).map((node) => ({
    type: node.type === 'heading' ? ('subhead' as const) : ('paragraph' as const),
    text: toString(node, { includeHtml: false }).replace(/\s+/g, ' ').trim(),
    line: (node.position?.start.line ?? 1) + bodyLine - 1,
  }));
}

/**
 * The nodes behind `markdownBlocks`, in the same order. `skipLeadingTitle` is what `leadingTitle`
 * found for this tree (the article's title source says so): not worked out again here.
 */
export function blockNodes(tree: Root, skipLeadingTitle: boolean): RootContent[] {
  const nodes = skipLeadingTitle ? tree.children.slice(1) : tree.children;
  return nodes.filter(isBlockNode);
}
