/**
 * The source index (load/source-index.ts): a warm build does not read a file that is as the last
 * build found it, and never takes an edited file for the old one.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { build, type BuildOptions } from '../../src/build.js';
import { resolveConfig, type UserConfig } from '../../src/config.js';
import { isSettled, readSourceIndex, type FileStat } from '../../src/load/source-index.js';
import { ROOT, TEMPLATES, readArticleRecords, tempDir, writeContent } from '../support/site.js';

const FOOTER = 'Subscribe to the Example Post newsletter for the morning briefing.';
const article = (day: number, text: string) => `---\ndate: 2016-03-${String(day).padStart(2, '0')}\npublisher: Example Post\n---\nHeadline ${day}\n\n${text}\n\n${FOOTER}\n`;
const A = article(24, 'John Kerry met Vladimir Putin in Moscow on Thursday to discuss the ceasefire.');
const B = article(25, 'Diplomats gathered in Geneva on Friday to resume the talks about Syria.\n\nThe talks lasted three hours.');

/** A project whose builds share one cache folder; every file read is recorded at once (settledMs 0). */
function project(files: Record<string, string>) {
  const content = writeContent(files);
  const dir = tempDir();
  const config = (user: UserConfig = {}) => resolveConfig(ROOT, user, { contentDir: content, outDir: path.join(dir, 'public'), templatesDir: TEMPLATES, cacheDir: path.join(dir, '.cache') });
  const run = async (user: UserConfig = {}, options: BuildOptions = { settledMs: 0 }) => {
    const result = await build(config(user), options);
    assert.ok(result.ok, result.diagnostics.map((d) => d.message).join('\n'));
    const records = readArticleRecords(path.join(dir, 'public')) as { source: string; blocks: { text: string }[]; removed: { text: string; reason: string }[] }[];
    return { read: result.sourcesRead, records: new Map(records.map((r) => [r.source, r])) };
  };
  return { content, cacheDir: path.join(dir, '.cache'), run };
}

const text = (r: { blocks: { text: string }[] } | undefined) => r?.blocks.map((b) => b.text).join('\n') ?? '';

describe('the source index', () => {
  it('should read no file when nothing changed, and only the edited one after an edit', async () => {
    const p = project({ 'a.txt': A, 'b.md': B });
    assert.equal((await p.run()).read, 2);
    assert.equal(readSourceIndex(p.cacheDir).size, 2);
    const warm = await p.run();
    assert.equal(warm.read, 0);
    assert.match(text(warm.records.get('a.txt')), /Kerry met Vladimir Putin/);
    fs.writeFileSync(path.join(p.content, 'b.md'), B.replace('Geneva', 'Vienna'));
    const edited = await p.run();
    assert.equal(edited.read, 1);
    assert.match(text(edited.records.get('b.md')), /in Vienna on Friday/);
  });

  it('should read again a file edited to the same size with its modification time set back', async () => {
    const p = project({ 'a.txt': A, 'b.txt': B });
    const file = path.join(p.content, 'a.txt');
    // Whole seconds, which utimes sets exactly.
    fs.utimesSync(file, 1_600_000_000, 1_600_000_000);
    await p.run();
    const before = fs.statSync(file);
    const same = A.replace('Thursday', 'Saturday'); // same length
    assert.equal(same.length, A.length);
    fs.writeFileSync(file, same);
    fs.utimesSync(file, 1_600_000_000, 1_600_000_000);
    assert.equal(fs.statSync(file).mtimeMs, before.mtimeMs);
    const after = await p.run();
    assert.equal(after.read, 1);
    assert.match(text(after.records.get('a.txt')), /Moscow on Saturday/);
  });

  it('should read the unchanged files again when their articles must be made again', async () => {
    const p = project({ 'a.txt': A, 'b.txt': B });
    await p.run();
    const patterns = await p.run({ furniturePatterns: ['The talks lasted.*'] });
    assert.equal(patterns.read, 2);
    assert.doesNotMatch(text(patterns.records.get('b.txt')), /talks lasted/);
    assert.match(text(patterns.records.get('a.txt')), /Kerry met/);
  });

  it('should find a publisher\'s furniture shared with files it did not read again', async () => {
    const p = project({ 'a.txt': A, 'b.txt': B });
    const first = await p.run();
    assert.ok(first.records.get('a.txt')!.removed.some((r) => r.text.includes('Subscribe to the Example Post')));
    fs.writeFileSync(path.join(p.content, 'c.txt'), article(26, 'The foreign ministers met again in Geneva on Saturday.'));
    const added = await p.run();
    assert.equal(added.read, 1);
    const c = added.records.get('c.txt')!;
    assert.doesNotMatch(text(c), /Subscribe to the Example Post/);
    assert.ok(c.removed.some((r) => r.text.includes('Subscribe to the Example Post')));
  });

  it('should not record a file changed just before it was read', async () => {
    const p = project({ 'a.txt': A });
    // By default a file must have been left alone for two seconds: these were written just now.
    await p.run({}, {});
    assert.equal(readSourceIndex(p.cacheDir).size, 0);
    assert.equal((await p.run({}, {})).read, 1);
    const stat: FileStat = { size: 1, mtimeMs: 10_000, ctimeMs: 10_000, ino: 1, dev: 1 };
    assert.equal(isSettled(stat, 11_000), false);
    assert.equal(isSettled(stat, 12_001), true);
    assert.equal(isSettled({ ...stat, ctimeMs: 11_500 }, 12_001), false);
  });
});
