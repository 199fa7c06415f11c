/** Pure helpers of the dev server: which file a URL asks for, and the client tag put into served pages. */
import { escapeHtml } from '../render/escape.js';
import { CLIENT_PATH } from './client-script.js';

/**
 * The output files (relative, `/`-separated) a URL may mean, in the order sirv tries them
 * (`extensions: ['html']`), or null when the URL is outside the base path or cannot be decoded.
 * Never returns a path that leaves the output folder.
 */
export function pageCandidates(basePath: string, url: string): string[] | null {
  const pathname = url.split(/[?#]/, 1)[0]!;
  if (!pathname.startsWith(basePath)) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(pathname.slice(basePath.length));
  } catch {
    return null;
  }
  if (rel.includes('\0') || rel.includes('\\') || rel.split('/').some((p) => p === '..')) return null;
  rel = rel.replace(/^\/+/, '');
  if (rel === '' || rel.endsWith('/')) return [`${rel}index.html`];
  return [rel, `${rel}.html`, `${rel}/index.html`];
}

/** The tag that loads the dev client; `site` and `page` tell it which build and file it shows. */
export function clientTag(site: string, page: string): string {
  return `<script src="${CLIENT_PATH}" data-site="${escapeHtml(site)}" data-page="${escapeHtml(page)}" defer></script>`;
}

/** Puts `tag` at the end of `<head>` (or of the page, for a page without one). */
export function injectClientTag(html: string, tag: string): string {
  const head = html.search(/<\/head\s*>/i);
  if (head !== -1) return `${html.slice(0, head)}${tag}\n${html.slice(head)}`;
  const body = html.search(/<\/body\s*>/i);
  if (body !== -1) return `${html.slice(0, body)}${tag}\n${html.slice(body)}`;
  return `${html}\n${tag}\n`;
}
