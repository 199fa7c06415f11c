/**
 * Config: a user-facing `news-archive.config.json` where every field is optional, resolved against
 * frozen DEFAULTS into a complete, readonly Config with absolute paths (house style rule 5).
 */
import path from 'node:path';
import { CODES, diagnostic, type Diagnostic } from './diagnostics.js';
import { suggest } from './suggest.js';

/** What a user may write in news-archive.config.json. */
export interface UserConfig {
  /** Site title, shown in the header and feeds. @default "News Archive" */
  title?: string;
  /** One-sentence description for the home page, feeds and metadata. */
  description?: string;
  /** Absolute site URL, used for canonical links, feeds and sitemaps. @default "http://localhost:8080" */
  url?: string;
  /** Path the site is served under, e.g. "/archive/". @default "/" */
  basePath?: string;
  /** BCP 47 language of the archive. @default "en" */
  language?: string;
  /** Folder of articles (.md, .txt). @default "content" */
  contentDir?: string;
  /** Folder of Eta templates and assets. @default "templates" */
  templatesDir?: string;
  /** Build output. @default "public" */
  outDir?: string;
  /** Persistent build cache. @default ".cache" */
  cacheDir?: string;
  /** Curated topics file, relative to contentDir. @default "topics.yaml" */
  topicsFile?: string;
  /** Extra furniture patterns: case-insensitive regexes matched against a whole trimmed line. */
  furniturePatterns?: string[];
  /** Reference date (YYYY-MM-DD) for resolving relative dates in undated articles, e.g. the scrape date. @default null */
  dateReference?: string | null;
  /** Items per list page before pagination. @default 50 */
  pageSize?: number;
  /** Articles larger than this many bytes are refused. @default 52428800 (50 MB) */
  maxFileBytes?: number;
  /** Topics shown on an article page. @default 8 */
  articleTopics?: number;
  /** Articles per part of the search index: smaller parts re-index faster, larger ones cost readers fewer requests. @default 1000 */
  searchPartSize?: number;
}

/** The resolved config: complete, absolute paths, never undefined. */
export interface Config {
  readonly root: string;
  readonly configFile: string | null;
  readonly title: string;
  readonly description: string;
  readonly url: string;
  readonly basePath: string;
  readonly language: string;
  readonly contentDir: string;
  readonly templatesDir: string;
  readonly outDir: string;
  readonly cacheDir: string;
  readonly topicsFile: string;
  readonly furniturePatterns: readonly string[];
  readonly dateReference: string | null;
  readonly pageSize: number;
  readonly maxFileBytes: number;
  readonly articleTopics: number;
  readonly searchPartSize: number;
}

export const CONFIG_FILE = 'news-archive.config.json';

export const DEFAULTS: Readonly<Required<UserConfig>> = Object.freeze({
  title: 'News Archive',
  description: 'An archive of news reports, by topic and by time.',
  url: 'http://localhost:8080',
  basePath: '/',
  language: 'en',
  contentDir: 'content',
  templatesDir: 'templates',
  outDir: 'public',
  cacheDir: '.cache',
  topicsFile: 'topics.yaml',
  furniturePatterns: [],
  dateReference: null,
  pageSize: 50,
  maxFileBytes: 50 * 1024 * 1024,
  articleTopics: 8,
  searchPartSize: 1000,
});

const TYPES: Record<keyof UserConfig, 'string' | 'number' | 'string[]' | 'string|null'> = {
  title: 'string', description: 'string', url: 'string', basePath: 'string', language: 'string',
  contentDir: 'string', templatesDir: 'string', outDir: 'string', cacheDir: 'string', topicsFile: 'string',
  furniturePatterns: 'string[]', dateReference: 'string|null', pageSize: 'number', maxFileBytes: 'number',
  articleTopics: 'number', searchPartSize: 'number',
};

/** `/`, or `/a/b/`: always leading and trailing slash, no doubles. */
export function normalizeBasePath(input: string): string {
  const parts = input.split('/').filter(Boolean);
  return parts.length ? `/${parts.join('/')}/` : '/';
}

/** Validates parsed JSON against UserConfig; unknown keys and wrong types are diagnostics. */
export function validateUserConfig(raw: unknown, file: string): { value: UserConfig; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    diagnostics.push(diagnostic('error', CODES.CONFIG_INVALID, 'the config must be a JSON object',
      'Write the settings as { "title": "...", ... }.', { file, line: 1, column: 1 }));
    return { value: {}, diagnostics };
  }
  const value: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(raw)) {
    if (key === '$schema') continue;
    const type = TYPES[key as keyof UserConfig];
    if (!type) {
      const near = suggest(key, Object.keys(TYPES));
      diagnostics.push(diagnostic('warning', CODES.CONFIG_INVALID, `unknown config key "${key}"`,
        near ? `Did you mean "${near}"?` : `Known keys: ${Object.keys(TYPES).join(', ')}.`, { file }));
      continue;
    }
    const ok =
      type === 'string' ? typeof v === 'string' :
      type === 'number' ? typeof v === 'number' && Number.isFinite(v) && v > 0 :
      type === 'string|null' ? v === null || typeof v === 'string' :
      Array.isArray(v) && v.every((x) => typeof x === 'string');
    if (!ok) {
      diagnostics.push(diagnostic('error', CODES.CONFIG_INVALID, `config key "${key}" must be ${type.replace('[]', ' list')}`,
        `Fix "${key}" in ${path.basename(file)}.`, { file }));
      continue;
    }
    value[key] = v;
  }
  for (const p of (value.furniturePatterns as string[] | undefined) ?? []) {
    try { new RegExp(p, 'iu'); } catch (err) {
      diagnostics.push(diagnostic('error', CODES.CONFIG_INVALID, `furniture pattern /${p}/ is not a valid regex: ${(err as Error).message}`,
        'Fix or remove the pattern in furniturePatterns.', { file }));
    }
  }
  // A page of no item: the pages of a month would never end.
  if (typeof value.pageSize === 'number' && value.pageSize < 1) {
    diagnostics.push(diagnostic('error', CODES.CONFIG_INVALID, `config key "pageSize" must be at least 1 (it is ${value.pageSize})`,
      `Fix "pageSize" in ${path.basename(file)}: the number of articles on a list page, e.g. 50.`, { file }));
    delete value.pageSize;
  }
  if (typeof value.dateReference === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(value.dateReference)) {
    diagnostics.push(diagnostic('error', CODES.CONFIG_INVALID, `dateReference "${value.dateReference}" is not YYYY-MM-DD`,
      'Write the reference date as e.g. "2016-07-15", or null.', { file }));
  }
  return { value: value as UserConfig, diagnostics };
}

/** Overrides from the command line, applied over the config file. */
export type CliOverrides = Partial<Pick<UserConfig, 'contentDir' | 'outDir' | 'basePath' | 'url' | 'templatesDir' | 'cacheDir'>>;

/** Merges DEFAULTS < file < CLI and makes paths absolute (relative to the project root; CLI paths to cwd). */
export function resolveConfig(root: string, user: UserConfig, cli: CliOverrides = {}, configFile: string | null = null): Readonly<Config> {
  const merged = { ...DEFAULTS, ...user };
  const fromRoot = (p: string) => path.resolve(root, p);
  const contentDir = cli.contentDir ? path.resolve(cli.contentDir) : fromRoot(merged.contentDir);
  return Object.freeze({
    root,
    configFile,
    title: merged.title,
    description: merged.description,
    url: (cli.url ?? merged.url).replace(/\/+$/, ''),
    basePath: normalizeBasePath(cli.basePath ?? merged.basePath),
    language: merged.language,
    contentDir,
    templatesDir: cli.templatesDir ? path.resolve(cli.templatesDir) : fromRoot(merged.templatesDir),
    outDir: cli.outDir ? path.resolve(cli.outDir) : fromRoot(merged.outDir),
    cacheDir: cli.cacheDir ? path.resolve(cli.cacheDir) : fromRoot(merged.cacheDir),
    topicsFile: path.resolve(contentDir, merged.topicsFile),
    furniturePatterns: Object.freeze([...merged.furniturePatterns]),
    dateReference: merged.dateReference,
    pageSize: Math.max(1, Math.floor(merged.pageSize)),
    maxFileBytes: Math.floor(merged.maxFileBytes),
    articleTopics: Math.floor(merged.articleTopics),
    searchPartSize: Math.max(1, Math.floor(merged.searchPartSize)),
  });
}
