/** Test helpers: build real mini-archives into temp folders and inspect the output (Zola's file_exists!/file_contains!). */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build, type BuildOptions, type BuildResult } from '../../src/build.js';
import { resolveConfig, type UserConfig } from '../../src/config.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SEED_CONTENT = path.join(ROOT, 'content');
export const TEMPLATES = path.join(ROOT, 'templates');

/** Temp folders to remove when the process exits: one listener for all (one each passed Node's limit of 10). */
const tempDirs: string[] = [];
process.on('exit', () => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh temp folder, removed when the process exits. */
export function tempDir(prefix = 'na-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** Writes `files` (relative path -> text or bytes) under a new content folder. */
export function writeContent(files: Record<string, string | Uint8Array>): string {
  const dir = path.join(tempDir(), 'content');
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

export interface BuiltSite { readonly out: string; readonly result: BuildResult; readonly basePath: string }

/** Builds a content folder with the project's templates into a temp output folder. */
export async function buildSite(contentDir: string, user: UserConfig = {}, options: BuildOptions = {}): Promise<BuiltSite> {
  const out = path.join(tempDir(), 'public');
  const config = resolveConfig(ROOT, { url: 'https://archive.example.org', ...user }, { contentDir, outDir: out, templatesDir: user.templatesDir ?? TEMPLATES, cacheDir: path.join(path.dirname(out), '.cache') });
  const result = await build(config, options);
  return { out, result, basePath: config.basePath };
}

export function fileExists(out: string, rel: string): boolean {
  return fs.existsSync(path.join(out, rel));
}

export function readOut(out: string, rel: string): string {
  return fs.readFileSync(path.join(out, rel), 'utf8');
}

export function assertFileContains(out: string, rel: string, needle: string): void {
  assert.ok(fileExists(out, rel), `${rel} should exist`);
  const text = readOut(out, rel);
  assert.ok(text.includes(needle), `${rel} should contain ${JSON.stringify(needle)}`);
}

/** Every file under a folder, relative, `/`-separated, sorted. */
export function listFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .sort();
}

/** Internal href/src targets of every HTML page that do not resolve to a file. */
export function brokenInternalLinks(out: string, basePath: string): string[] {
  const broken: string[] = [];
  for (const page of listFiles(out).filter((f) => f.endsWith('.html'))) {
    const html = readOut(out, page);
    for (const m of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
      const raw = m[1]!.replace(/&amp;/g, '&');
      if (/^(?:[a-z]+:|\/\/|#)/i.test(raw)) continue;
      const [pathPart, fragment] = raw.split('#') as [string, string | undefined];
      if (!pathPart.startsWith(basePath)) {
        broken.push(`${page}: ${raw} (outside the base path ${basePath})`);
        continue;
      }
      let rel = decodeURIComponent(pathPart.slice(basePath.length));
      if (rel === '' || rel.endsWith('/')) rel += 'index.html';
      if (!fileExists(out, rel)) {
        broken.push(`${page}: ${raw}`);
        continue;
      }
      if (fragment && rel.endsWith('.html') && !new RegExp(`id="${fragment}"`).test(readOut(out, rel))) broken.push(`${page}: ${raw} (no #${fragment})`);
    }
  }
  return broken;
}

/** The articles' index of the data export, every year's entries (`data/archive/<year>.json`) in the archive's order. */
export function readArticleIndex(out: string): any[] {
  const years = JSON.parse(readOut(out, 'data/articles.json')) as { file: string }[];
  return years.flatMap((y) => JSON.parse(readOut(out, `data/${y.file}`)) as unknown[]);
}

/** Every article's whole record in the data export (`data/articles/<slug>.json`), in the index's order. */
export function readArticleRecords(out: string): any[] {
  return readArticleIndex(out).map((e: { record: string }) => JSON.parse(readOut(out, `data/${e.record}`)) as unknown);
}

/** Every topic's whole record in the data export (`data/topics/<slug>.json`), in the index's order. */
export function readTopicRecords(out: string): any[] {
  const index = JSON.parse(readOut(out, 'data/topics.json')) as { record: string }[];
  return index.map((e) => JSON.parse(readOut(out, `data/${e.record}`)) as unknown);
}
