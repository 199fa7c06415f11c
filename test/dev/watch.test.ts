/** Watch mode: changes are classified, and rebuilds are serialized and coalesced (house style rule 8). */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { resolveConfig } from '../../src/config.js';
import { classifyChange, createRebuildQueue, watchProject, type Change } from '../../src/watch.js';
import { tempDir } from '../support/site.js';
import { deferred, waitFor } from './wait.js';

const root = '/project';
const paths = resolveConfig(root, {});

describe('classifyChange', () => {
  const kind = (rel: string, event: Change['event'] = 'change') => classifyChange(path.join(root, rel), event, paths);

  it('should sort articles, the topics file, templates, assets and the config into their kinds', () => {
    assert.equal(kind('content/a.txt'), 'content');
    assert.equal(kind('content/2016/b.md', 'add'), 'content');
    assert.equal(kind('content/old', 'unlinkDir'), 'content');
    assert.equal(kind('content/topics.yaml'), 'topics');
    assert.equal(kind('templates/article.eta'), 'templates');
    assert.equal(kind('templates/partials/card.eta', 'unlink'), 'templates');
    assert.equal(kind('templates/assets/site.css'), 'assets');
    assert.equal(kind('templates/static/_headers'), 'assets');
    assert.equal(kind('news-archive.config.json'), 'config');
  });

  it('should ignore what no build reads: editor debris, hidden folders, other files, the output', () => {
    for (const rel of ['content/a.txt~', 'content/.a.txt.swp', 'content/.#a.txt', 'content/4913', 'content/a.txt.tmp',
      'content/photo.jpg', 'content/.git/HEAD.txt', 'content/node_modules/x.md', 'templates/notes.md',
      'templates/assets/site.css~', 'public/index.html', '.news-archive-staging-public-1-abc/index.html', 'README.md']) {
      assert.equal(kind(rel), null, rel);
    }
  });

  it('should follow a config file given with --config', () => {
    const custom = resolveConfig(root, {}, {}, '/elsewhere/site.json');
    assert.equal(classifyChange('/elsewhere/site.json', 'change', custom), 'config');
    assert.equal(classifyChange(path.join(root, 'news-archive.config.json'), 'change', custom), null);
  });
});

const change = (file: string, event: Change['event'] = 'change'): Change => ({ kind: 'content', event, file });

describe('createRebuildQueue', () => {
  it('should run exactly one rebuild after the current one, however many changes arrive meanwhile', async () => {
    const batches: string[][] = [];
    const gate = deferred();
    const queue = createRebuildQueue(async (changes) => {
      batches.push(changes.map((c) => c.file));
      if (batches.length === 1) await gate.promise;
    }, { quietMs: 0 });
    queue.push(change('a'));
    await waitFor(() => batches.length === 1, 'the first rebuild to start');
    for (let i = 0; i < 20; i++) queue.push(change(`f${i % 7}`));
    assert.equal(queue.pending, 7);
    gate.resolve();
    await queue.idle();
    assert.deepEqual(batches, [['a'], ['f0', 'f1', 'f2', 'f3', 'f4', 'f5', 'f6']]);
  });

  it('should never run two rebuilds at once', async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    const queue = createRebuildQueue(async () => {
      running++;
      most = Math.max(most, running);
      runs++;
      await new Promise((r) => setTimeout(r, 5));
      running--;
    }, { quietMs: 0 });
    for (let i = 0; i < 5; i++) {
      queue.push(change(`f${i}`));
      await new Promise((r) => setTimeout(r, 2));
    }
    await queue.idle();
    assert.equal(most, 1);
    assert.ok(runs >= 1 && runs <= 5);
  });

  it('should batch changes pushed in the same tick into one rebuild', async () => {
    const batches: number[] = [];
    const queue = createRebuildQueue(async (changes) => void batches.push(changes.length), { quietMs: 0 });
    for (let i = 0; i < 10; i++) queue.push(change(`f${i}`));
    await queue.idle();
    assert.deepEqual(batches, [10]);
  });

  it('should merge the events of one file: added then changed is added, added then removed is nothing', async () => {
    const batches: Change[][] = [];
    const queue = createRebuildQueue(async (changes) => void batches.push(changes), { quietMs: 0, structuralQuietMs: 0 });
    queue.push(change('new', 'add'));
    queue.push(change('new', 'change'));
    queue.push(change('gone', 'add'));
    queue.push(change('gone', 'unlink'));
    queue.push(change('back', 'unlink'));
    queue.push(change('back', 'add'));
    await queue.idle();
    assert.deepEqual(batches.map((b) => b.map((c) => `${c.file}:${c.event}`)), [['new:add', 'back:change']]);
  });

  it('should keep going after a rebuild throws', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const queue = createRebuildQueue(async () => {
      runs++;
      if (runs === 1) throw new Error('boom');
    }, { quietMs: 0, onError: (e) => errors.push(e) });
    queue.push(change('a'));
    await queue.idle();
    queue.push(change('b'));
    await queue.idle();
    assert.equal(runs, 2);
    assert.equal(errors.length, 1);
  });
});

describe('watchProject', () => {
  it('should turn a burst of real saves during a rebuild into exactly one more rebuild', async () => {
    const dir = tempDir();
    const config = resolveConfig(dir, {});
    fs.mkdirSync(config.contentDir);
    fs.mkdirSync(path.join(config.templatesDir, 'assets'), { recursive: true });
    const batches: string[][] = [];
    const gate = deferred();
    const queue = createRebuildQueue(async (changes) => {
      batches.push(changes.map((c) => path.relative(dir, c.file)).sort());
      if (batches.length === 1) await gate.promise;
    }, { quietMs: 10 });
    const watcher = await watchProject(config, (c) => queue.push(c), { stabilityThreshold: 50 });
    try {
      fs.writeFileSync(path.join(config.contentDir, 'first.txt'), 'one');
      await waitFor(() => batches.length === 1, 'the first rebuild');
      // Five saves of one article (as an editor's autosave does), new articles, a template, an asset, swap files.
      for (let i = 0; i < 5; i++) fs.writeFileSync(path.join(config.contentDir, 'a.txt'), `version ${i}`);
      for (const name of ['b.md', 'c.txt', '.c.txt.swp', 'c.txt~']) fs.writeFileSync(path.join(config.contentDir, name), 'x');
      fs.writeFileSync(path.join(config.templatesDir, 'article.eta'), '<p>x</p>');
      fs.writeFileSync(path.join(config.templatesDir, 'assets', 'site.css'), 'body{}');
      fs.writeFileSync(path.join(dir, 'news-archive.config.json'), '{}');
      await waitFor(() => queue.pending >= 6, 'every save to be seen');
      gate.resolve();
      await queue.idle();
      assert.deepEqual(batches, [
        ['content/first.txt'],
        ['content/a.txt', 'content/b.md', 'content/c.txt', 'news-archive.config.json', 'templates/article.eta', 'templates/assets/site.css'],
      ]);
    } finally {
      gate.resolve();
      await watcher.close();
    }
  });

  it('should see a deleted article and a removed folder, and survive a symlink loop', async () => {
    const dir = tempDir();
    const config = resolveConfig(dir, {});
    fs.mkdirSync(path.join(config.contentDir, 'old'), { recursive: true });
    fs.mkdirSync(config.templatesDir);
    fs.writeFileSync(path.join(config.contentDir, 'a.txt'), 'a');
    fs.writeFileSync(path.join(config.contentDir, 'old', 'b.txt'), 'b');
    fs.symlinkSync(config.contentDir, path.join(config.contentDir, 'loop'));
    const seen: string[] = [];
    const watcher = await watchProject(config, (c) => seen.push(`${c.event} ${path.relative(dir, c.file)}`), { stabilityThreshold: 50 });
    try {
      fs.rmSync(path.join(config.contentDir, 'a.txt'));
      fs.rmSync(path.join(config.contentDir, 'old'), { recursive: true });
      fs.writeFileSync(path.join(config.contentDir, 'new.txt'), 'n');
      const expected = ['add content/new.txt', 'unlink content/a.txt', 'unlinkDir content/old'];
      await waitFor(() => expected.every((e) => seen.includes(e)), 'the three changes');
      // The loop is not followed: each change is reported once, under its real path.
      assert.equal(seen.filter((s) => s.endsWith('new.txt')).length, 1, seen.join('\n'));
    } finally {
      await watcher.close();
    }
  });
});
