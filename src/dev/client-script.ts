/**
 * The browser side of dev mode: live reload over Server-Sent Events and the error overlay. It is
 * served as a file by the dev server only and never written into the site, so built pages keep
 * their strict Content-Security-Policy (no inline script) and carry no dev code.
 *
 * Kept as plain JavaScript in a string rather than a TypeScript function turned into source with
 * `fn.toString()`: tsx compiles with esbuild's keepNames, which inserts `__name()` calls that do
 * not exist in the browser.
 */

/** Where the dev server answers: outside any base path, so it can never clash with a page. */
export const DEV_PREFIX = '/__news-archive/';
/** The Server-Sent Events stream. */
export const EVENTS_PATH = `${DEV_PREFIX}events`;
/** The client script. */
export const CLIENT_PATH = `${DEV_PREFIX}client.js`;

/** One located problem as the overlay shows it: the `check --json` shape, file relative to the project. */
export interface OverlayItem {
  readonly file: string | null;
  readonly line: number | null;
  readonly column: number | null;
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly message: string;
  readonly hint: string;
}

/** State sent to every tab: on connect (`hello`) and after each rebuild (`build`). */
export interface DevState {
  /** Id of the site on disk: changes whenever a build is written. */
  readonly site: string;
  /** True when the last build succeeded. */
  readonly ok: boolean;
  /** Output files (relative paths) that changed, were added or removed by the last build. */
  readonly changed: readonly string[];
  /** The errors of the last build, when it failed. */
  readonly errors: readonly OverlayItem[];
}

/**
 * The client script for a site under `basePath`. A tab reloads when the build changed its own page
 * (or added the missing page it shows), when it shows the overlay and a build succeeded, or when it
 * reconnects and finds a newer site than the one it shows.
 */
export function devClientScript(basePath: string): string {
  return `// news-archive dev client: live reload and error overlay (dev server only, never built into the site)
(function () {
  'use strict';
  var BASE = ${JSON.stringify(basePath)};
  var script = document.currentScript;
  var site = script ? script.getAttribute('data-site') : null;
  var served = script ? script.getAttribute('data-page') : null;
  var overlay = null;

  function pageFiles() {
    var files = served ? [served] : [];
    var p;
    try { p = decodeURIComponent(location.pathname); } catch (e) { return files; }
    if (p.indexOf(BASE) !== 0) return files;
    p = p.slice(BASE.length);
    if (p === '' || p.charAt(p.length - 1) === '/') files.push(p + 'index.html');
    else files.push(p, p + '.html', p + '/index.html');
    return files;
  }

  function el(tag, text, style) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (style) for (var k in style) node.style[k] = style[k];
    return node;
  }

  function where(d) {
    if (!d.file) return '';
    var w = d.file;
    if (d.line != null) w += ':' + d.line;
    if (d.line != null && d.column != null) w += ':' + d.column;
    return w + ': ';
  }

  function hideOverlay() {
    if (overlay) overlay.remove();
    overlay = null;
  }

  function showOverlay(errors) {
    hideOverlay();
    overlay = el('div', null, {
      position: 'fixed', top: '0', right: '0', bottom: '0', left: '0', zIndex: '2147483647', overflow: 'auto',
      background: 'rgba(24, 24, 27, 0.96)', color: '#fafafa', padding: '2rem', boxSizing: 'border-box',
      font: '14px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', textAlign: 'left'
    });
    overlay.id = 'news-archive-dev-overlay';
    overlay.setAttribute('role', 'alert');
    var n = errors.length;
    overlay.appendChild(el('h2', 'news-archive: the build failed with ' + n + ' error' + (n === 1 ? '' : 's'), { font: 'bold 18px/1.4 sans-serif', margin: '0 0 .5rem', color: '#fca5a5' }));
    overlay.appendChild(el('p', 'This page is the last good build. Fix the file and save: the page reloads by itself.', { margin: '0 0 1.5rem', font: '14px/1.4 sans-serif' }));
    var list = el('ol', null, { listStyle: 'none', margin: '0', padding: '0' });
    errors.forEach(function (d) {
      var item = el('li', null, { margin: '0 0 1.25rem', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' });
      item.className = 'news-archive-dev-error';
      item.appendChild(el('div', where(d) + d.severity + ' ' + d.code + ': ' + d.message, { color: '#fecaca' }));
      item.appendChild(el('div', '  hint: ' + d.hint, { color: '#d4d4d8' }));
      list.appendChild(item);
    });
    overlay.appendChild(list);
    var close = el('button', 'Dismiss (Esc)', { font: '14px sans-serif', padding: '.4rem .8rem', cursor: 'pointer' });
    close.type = 'button';
    close.addEventListener('click', hideOverlay);
    overlay.appendChild(close);
    (document.body || document.documentElement).appendChild(overlay);
  }

  document.addEventListener('keydown', function (e) { if (e.key === 'Escape') hideOverlay(); });

  var source = new EventSource(${JSON.stringify(EVENTS_PATH)});
  source.addEventListener('hello', function (e) {
    var state = JSON.parse(e.data);
    // A build finished between this page's load and this (re)connection: the page is stale.
    if (site !== null && state.site !== site) { location.reload(); return; }
    site = state.site;
    if (!state.ok) showOverlay(state.errors);
  });
  source.addEventListener('build', function (e) {
    var state = JSON.parse(e.data);
    if (!state.ok) { showOverlay(state.errors); return; }
    var hadOverlay = overlay !== null;
    site = state.site;
    var mine = pageFiles();
    if (hadOverlay || state.changed.some(function (f) { return mine.indexOf(f) !== -1; })) location.reload();
  });
})();
`;
}
