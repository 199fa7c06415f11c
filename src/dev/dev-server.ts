/**
 * The dev server: the project's preview server (serve.ts: sirv, base path, 404 page) plus three
 * dev-only things handled in its `intercept` hook: the Server-Sent Events stream, the client script
 * file, and HTML pages read from the output folder with the client tag added on the way out. The
 * files on disk are never changed, so nothing of dev mode can leak into a deploy.
 */
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { startServer, type RunningServer } from '../serve.js';
import { CLIENT_PATH, devClientScript, EVENTS_PATH, type DevState } from './client-script.js';
import { clientTag, injectClientTag, pageCandidates } from './inject.js';

/** Where the dev server serves from and listens. */
export interface DevServerOptions {
  /** The output folder (swapped by every build; re-read on each request). */
  readonly root: string;
  readonly basePath: string;
  readonly port: number;
  readonly host: string;
}

/** A running dev server. */
export interface DevServer {
  readonly url: string;
  /** Tabs currently connected to the event stream. */
  readonly clients: number;
  /** Records the new state and sends it to every connected tab. */
  publish(state: DevState): void;
  /** Ends the event streams and stops listening. */
  close(): Promise<void>;
}

/** Starts the dev server; port 0 picks a free port. */
export async function startDevServer(opts: DevServerOptions): Promise<DevServer> {
  let state: DevState = { site: '', ok: true, changed: [], errors: [] };
  const clients = new Set<http.ServerResponse>();
  const script = devClientScript(opts.basePath);

  const intercept = (req: http.IncomingMessage, res: http.ServerResponse): boolean => {
    const url = req.url ?? '/';
    const pathname = url.split('?', 1)[0];
    if (pathname === EVENTS_PATH) {
      res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      // A tab that lost the stream (dev server restarted) retries every second.
      res.write(`retry: 1000\n\n${frame('hello', state)}`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return true;
    }
    if (pathname === CLIENT_PATH) {
      send(res, req, 200, 'text/javascript; charset=utf-8', script);
      return true;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const page = findPage(opts.root, opts.basePath, url);
    if (!page) return false;
    send(res, req, page.status, 'text/html; charset=utf-8', injectClientTag(page.html, clientTag(state.site, page.rel)));
    return true;
  };

  const server: RunningServer = await startServer({ ...opts, intercept });
  return {
    url: server.url,
    get clients() {
      return clients.size;
    },
    publish(next) {
      state = next;
      const message = frame('build', next);
      for (const res of clients) res.write(message);
    },
    async close() {
      for (const res of clients) res.end();
      clients.clear();
      // Browsers keep idle keep-alive connections open; they would hold close() up.
      server.server.closeAllConnections();
      await server.close();
    },
  };
}

function frame(event: string, state: DevState): string {
  return `event: ${event}\ndata: ${JSON.stringify(state)}\n\n`;
}

function send(res: http.ServerResponse, req: http.IncomingMessage, status: number, type: string, body: string): void {
  const bytes = Buffer.from(body);
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': bytes.length, 'Cache-Control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

/**
 * The HTML page a URL resolves to, read at once (the folder may be swapped by the next build), or
 * the site's 404 page with status 404. Null for anything else: serve.ts answers it as usual.
 */
function findPage(root: string, basePath: string, url: string): { rel: string; html: string; status: number } | null {
  const candidates = pageCandidates(basePath, url);
  if (!candidates) return null;
  for (const rel of candidates) {
    const file = path.join(root, rel);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      continue;
    }
    if (!stat.isFile()) continue;
    if (!rel.endsWith('.html')) return null;
    const html = readText(file);
    return html === null ? null : { rel, html, status: 200 };
  }
  const notFound = readText(path.join(root, '404.html'));
  return notFound === null ? null : { rel: '404.html', html: notFound, status: 404 };
}

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
