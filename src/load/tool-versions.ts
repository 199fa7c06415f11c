/**
 * The installed versions of the libraries that shape what a build makes, for its cache keys: an
 * upgrade of one (`npm update`, no new version of this package) makes the records or pages it
 * shapes again, rather than keeping what the older library made. A record is keyed by what it
 * was made from (article-cache.ts), and since issue 7 an article page by its record's key: a
 * record made again by a newer parser under the same key would otherwise leave its page as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Libraries that make an article's record: front matter, Markdown and HTML, entities, dates. */
export const RECORD_TOOLS = ['chrono-node', 'compromise', 'gray-matter', 'hast-util-to-html', 'mdast-util-to-string', 'rehype-sanitize', 'rehype-stringify', 'remark-parse', 'remark-rehype', 'unified', 'yaml'] as const;

/** Libraries that make pages and data files from the records: templates, feeds, sitemaps. */
export const PAGE_TOOLS = ['eta', 'feed', 'sitemap'] as const;

/**
 * Dependencies that shape no output: the command line, the watcher, the server, the worker pool.
 * Pagefind names its version in the search index parts' keys (render/search-index.ts).
 */
export const OTHER_DEPENDENCIES = ['chokidar', 'commander', 'pagefind', 'piscina', 'sirv'] as const;

export interface ToolVersions {
  /** For the records' keys: the record tools' versions and the Unicode version (the regular expressions' classes). */
  readonly records: string;
  /** For the pages' keys: the page tools' versions. */
  readonly pages: string;
}

let read: ToolVersions | undefined;

/** The versions, read once a process from the installed packages (`?` for one not found). */
export function toolVersions(): ToolVersions {
  if (!read) {
    const from = packageRoot(path.dirname(fileURLToPath(import.meta.url)));
    const list = (names: readonly string[]) => names.map((n) => `${n}@${from ? installedVersion(from, n) : '?'}`).join(' ');
    read = { records: `${list(RECORD_TOOLS)} unicode@${process.versions.unicode ?? '?'}`, pages: list(PAGE_TOOLS) };
  }
  return read;
}

/** This package's folder (dist/, dist/bundle/ or src/ are below it), or null. */
function packageRoot(dir: string): string | null {
  for (const d of upwards(dir)) if (readJson(path.join(d, 'package.json'))?.name === 'news-archive') return d;
  return null;
}

/** The version of `name` as Node would find it from `root`: in the nearest node_modules up from there. */
function installedVersion(root: string, name: string): string {
  for (const d of upwards(root)) {
    const version = readJson(path.join(d, 'node_modules', name, 'package.json'))?.version;
    if (typeof version === 'string') return version;
  }
  return '?';
}

/** `dir` and each folder above it, up to the root. */
function* upwards(dir: string): Generator<string> {
  for (let d = dir; ; d = path.dirname(d)) {
    yield d;
    if (path.dirname(d) === d) return;
  }
}

function readJson(file: string): { name?: unknown; version?: unknown } | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
  } catch {
    return null;
  }
}
