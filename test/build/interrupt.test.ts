/**
 * Interrupt safety (issue 6, item 6): real builds of a 200-article archive, killed with SIGINT and
 * SIGKILL at several points, never damage the previous site; a later build removes what they left.
 *
 * Between the first build and the killed ones an article is edited and one added, so a build that
 * finished instead of being killed would change the site and fail the check.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { build as runBuild } from '../../src/build.js';
import { loadConfig } from '../../src/load/read-config.js';
import { finished, startCli } from '../cli/run.js';
import { waitFor } from '../dev/wait.js';
import { recoverInterruptedSwap } from '../../src/write/write-site.js';
import { listFiles, ROOT, TEMPLATES, tempDir } from '../support/site.js';

const ARTICLES = 200;
const PLACES = ['Moscow', 'Palmyra', 'Geneva', 'Damascus', 'Aleppo', 'Ankara', 'Washington', 'Vienna', 'Beirut', 'Amman'];
const PEOPLE = ['John Kerry', 'Vladimir Putin', 'Sergei Lavrov', 'Bashar al-Assad', 'Staffan de Mistura', 'Ban Ki-moon'];

/** A generated Markdown article; `i` picks its people, places and date. */
function article(i: number): string {
  const place = PLACES[i % PLACES.length]!;
  const who = PEOPLE[i % PEOPLE.length]!;
  const other = PEOPLE[(i * 7 + 3) % PEOPLE.length]!;
  const date = new Date(Date.UTC(2015, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
  const paragraphs = Array.from({ length: 6 }, (_, k) =>
    `${who} met ${other} in ${place} on day ${i + k} of the talks, officials said. The meeting covered aid, the ceasefire ` +
    `and the road to ${PLACES[(i + k) % PLACES.length]}. Report ${i}, paragraph ${k}, adds detail that only this article has.`);
  return `---\ndate: ${date}\npublisher: Wire ${i % 4}\n---\n# Report ${i}: ${who} in ${place}\n\n${paragraphs.join('\n\n')}\n`;
}

/** Relative path -> sha1 of every file: the whole site, bytes included. */
function snapshot(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((f) => [f, crypto.createHash('sha1').update(fs.readFileSync(path.join(dir, f))).digest('hex')]));
}

function assertSameSite(actual: Map<string, string>, expected: Map<string, string>, when: string): void {
  assert.deepEqual([...actual.keys()], [...expected.keys()], `${when}: the file list changed`);
  const changed = [...expected].filter(([f, h]) => actual.get(f) !== h).map(([f]) => f);
  assert.deepEqual(changed, [], `${when}: files changed`);
}

describe('a killed build', () => {
  let project: string;
  let out: string;
  let config: string;
  const leftovers = () => fs.readdirSync(project).filter((e) => e.startsWith('.news-archive-')).sort();
  // The CLI runs in the repository (tsx and the worker pool resolve from there); every path comes from the config.
  const build = () => startCli(['--config', config, 'build', '--quiet'], ROOT);

  before(async () => {
    project = tempDir('na-interrupt-');
    out = path.join(project, 'public');
    config = path.join(project, 'news-archive.config.json');
    for (let i = 0; i < ARTICLES; i++) {
      fs.mkdirSync(path.join(project, 'content'), { recursive: true });
      fs.writeFileSync(path.join(project, 'content', `a${String(i).padStart(3, '0')}.md`), article(i));
    }
    fs.cpSync(TEMPLATES, path.join(project, 'templates'), { recursive: true });
    fs.writeFileSync(config, JSON.stringify({ url: 'https://archive.example.org', cacheDir: '.cache' }));
    // The first build runs in process: it only has to exist, and this saves a process start.
    const first = await runBuild((await loadConfig(project, {}, config)).config);
    assert.equal(first.ok, true, first.diagnostics.map((d) => d.message).join('\n'));
    assert.ok(snapshot(out).size > ARTICLES);
    fs.appendFileSync(path.join(project, 'content/a007.md'), '\nA late paragraph changes this article.\n');
    fs.writeFileSync(path.join(project, 'content/new.md'), article(ARTICLES));
  });

  for (const signal of ['SIGINT', 'SIGKILL'] as const) {
    it(`should leave the previous site whole when ${signal} lands during the write stage, or let the next build finish it`, async () => {
      // Its own change, so this build has files to write whatever the build before it did.
      fs.appendFileSync(path.join(project, 'content/a011.md'), `\nA paragraph added before the ${signal} test.\n`);
      const before = snapshot(out);
      const child = build();
      const exited = finished(child);
      const staging = `.news-archive-staging-public-${child.pid}-`;
      // Kill as soon as the staging folder holds files: the changed files are being written.
      await waitFor(() => {
        const dir = fs.readdirSync(project).find((e) => e.startsWith(staging));
        return dir !== undefined && fs.readdirSync(path.join(project, dir)).length > 0;
      }, 'the write stage', 60_000);
      child.kill(signal);
      const r = await exited;
      assert.equal(r.signal, signal, `the build was not killed: ${r.stderr}`);
      if (leftovers().some((e) => e.startsWith(staging))) {
        // Killed before the commit point (write-in-place.ts): not one file of the site changed.
        assertSameSite(snapshot(out), before, `${signal} during the write stage`);
        return;
      }
      // Killed after it: the next build rolls the commit forward first, and then has nothing left
      // to change, so the site it leaves is the one the killed build was writing, whole.
      await recoverInterruptedSwap(out);
      assert.deepEqual(leftovers(), []);
      const recovered = snapshot(out);
      const again = await finished(build());
      assert.equal(again.code, 0, again.stderr);
      assertSameSite(snapshot(out), recovered, `${signal} after the commit point`);
    });
  }

  it('should leave the previous site whole when killed 50, 200, 400, 800 and 2000 ms after start', async () => {
    // A cold build (no cache) takes several seconds, so every kill lands before the write ends.
    const previous = snapshot(out);
    const cache = path.join(project, '.cache');
    const saved = path.join(tempDir(), 'cache');
    fs.renameSync(cache, saved);
    try {
      for (const ms of [50, 200, 400, 800, 2000]) {
        for (const signal of ['SIGINT', 'SIGKILL'] as const) {
          const child = build();
          const exited = finished(child);
          await new Promise((r) => setTimeout(r, ms));
          child.kill(signal);
          const r = await exited;
          assert.equal(r.signal, signal, `the build finished before the kill at ${ms} ms: use a bigger archive`);
          assertSameSite(snapshot(out), previous, `${signal} after ${ms} ms`);
        }
      }
    } finally {
      fs.rmSync(cache, { recursive: true, force: true });
      fs.renameSync(saved, cache);
    }
  });

  it('should let a later build put back a site left under its retired name and remove every leftover', async () => {
    // A kill between the two renames of the swap leaves the old site under its retired name only.
    fs.renameSync(out, path.join(project, '.news-archive-retired-public-4194303'));
    const r = await finished(build());
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(leftovers(), []);
    const now = snapshot(out);
    assert.ok(now.has('articles/report-200-sergei-lavrov-in-moscow/index.html'), 'the article added after the first build');
  });
});
