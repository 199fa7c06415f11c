/**
 * A local preview server for the built site (sirv), honouring the base path: the site answers
 * under `basePath`, a missing page gets the site's 404.html with status 404.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import sirv from 'sirv';

export interface ServerOptions {
  readonly root: string;
  readonly basePath: string;
  readonly port: number;
  readonly host: string;
  /** Extra handler run before static files (dev mode: live reload). Return true when handled. */
  readonly intercept?: (req: http.IncomingMessage, res: http.ServerResponse) => boolean;
}

export interface RunningServer { readonly url: string; readonly server: http.Server; close(): Promise<void> }

/** Starts the server; resolves once it listens. Port 0 picks a free port. */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  // dev: no caching, and files re-read per request so a swapped-in build is served at once.
  const serveFiles = () => sirv(opts.root, { dev: true, etag: true, extensions: ['html'] });
  let handler = serveFiles();
  let servedRoot = rootIdentity(opts.root);
  const server = http.createServer((req, res) => {
    if (opts.intercept?.(req, res)) return;
    const url = req.url ?? '/';
    if (!url.startsWith(opts.basePath) && `${url}/` !== opts.basePath) {
      res.statusCode = 302;
      res.setHeader('Location', opts.basePath);
      res.end();
      return;
    }
    // The output folder is replaced by a rename on every build: re-open it when it changed.
    const identity = rootIdentity(opts.root);
    if (identity !== servedRoot) {
      servedRoot = identity;
      handler = serveFiles();
    }
    req.url = `/${url.slice(opts.basePath.length)}`.replace(/^\/+/, '/');
    handler(req, res, () => notFound(opts.root, res));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  return {
    url: `http://${opts.host}:${port}${opts.basePath}`,
    server,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function notFound(root: string, res: http.ServerResponse): void {
  res.statusCode = 404;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  try {
    res.end(fs.readFileSync(path.join(root, '404.html')));
  } catch {
    res.end('<!doctype html><title>Not found</title><h1>Not found</h1>');
  }
}

function rootIdentity(root: string): string {
  try {
    const s = fs.statSync(root);
    return `${s.ino}:${s.ctimeMs}`;
  } catch {
    return 'missing';
  }
}
