/** Render stage: records to files in memory. The only I/O is Eta reading template files it caches. */
export { renderArticlePages, renderSite, type RenderInput, type RenderedSite } from './site.js';
export type { SearchBundle } from './search-index.js';
export { createTemplateEngine, strictView, type TemplateEngine } from './templates.js';
export { createUrls, outputPathFor } from './urls.js';
export { exportArticle } from './export-json.js';
export type { PageMemo, PageRecord } from './pages.js';
