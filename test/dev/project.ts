/**
 * A throwaway project for dev-mode tests: the five seed articles and a copy of the templates (so
 * edits to the real templates by others never reach a running watcher), in a temp folder.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { resolveConfig, type Config, type UserConfig } from '../../src/config.js';
import type { DevSession, RebuildReport } from '../../src/dev/index.js';
import { SEED_CONTENT, TEMPLATES, tempDir } from '../support/site.js';

export interface Project {
  readonly dir: string;
  readonly config: Readonly<Config>;
  /** Writes a file relative to the project. */
  write(rel: string, text: string): void;
  read(rel: string): string;
}

/** Seeds, templates and a config (defaults: content/, templates/, public/) in a new temp folder. */
export function makeProject(user: UserConfig = {}): Project {
  const dir = tempDir('na-dev-');
  fs.cpSync(SEED_CONTENT, path.join(dir, 'content'), { recursive: true });
  fs.cpSync(TEMPLATES, path.join(dir, 'templates'), { recursive: true });
  const config = resolveConfig(dir, { url: 'https://archive.example.org', ...user });
  return {
    dir,
    config,
    write: (rel, text) => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    },
    read: (rel) => fs.readFileSync(path.join(dir, rel), 'utf8'),
  };
}

/** Resolves with the next rebuild's report that `match` accepts (every one by default). */
export function nextRebuild(session: DevSession, match: (r: RebuildReport) => boolean = () => true, timeoutMs = 30_000): Promise<RebuildReport> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no matching rebuild within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = session.onRebuild((r) => {
      if (!match(r)) return;
      clearTimeout(timer);
      off();
      resolve(r);
    });
  });
}

/** A GET without redirects: status, headers and body. */
export function get(url: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    http.get(url, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    }).on('error', reject);
  });
}

/** Reads Server-Sent Events from `url` until closed; `events` fills as they arrive. */
export function listen(url: string): { events: { event: string; data: unknown }[]; close(): void } {
  const events: { event: string; data: unknown }[] = [];
  let buffer = '';
  const req = http.get(url, (res) => {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(frame)?.[1];
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        if (event && data) events.push({ event, data: JSON.parse(data) });
      }
    });
  });
  req.on('error', () => undefined);
  return { events, close: () => req.destroy() };
}
