/** Normalize stage: source text to clean records. Pure functions only. */
export { parseFrontMatter, parseCalendarDate, type ParsedFrontMatter } from './front-matter.js';
export { normalizeArticle, type NormalizeContext } from './article.js';
export { findSharedLines, type FurnitureContext } from './plain-text.js';
export { findSharedHashes, hashLineKey, lineHashes, lineKeys } from './shared-lines.js';
export { slugify, safeSlug, isValidSlug, RESERVED_SLUGS } from './slug.js';
export { parseMarkdown, blockNodes, leadingTitle } from './markdown.js';
export { lineKey } from './text.js';
export { normalizePlainText, type NormalizedText, type PlainTextInput } from './plain-text.js';
