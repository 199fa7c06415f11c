/** Every page passes the Nu Html Checker (vnu-jar, run on the machine's Java), at the root and under a base path. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { buildSite, SEED_CONTENT } from '../support/site.js';

const vnu = String(createRequire(import.meta.url)('vnu-jar'));

describe('HTML validity', () => {
  it('should find no errors in any page of the seed archive', async () => {
    const dirs: string[] = [];
    // pageSize 1 turns the archive and timeline indexes into calendars, pages months and gives
    // topics their year pages: every template branch of a large archive.
    for (const config of [{ basePath: '/' }, { basePath: '/archive/' }, { basePath: '/', pageSize: 1 }]) {
      const site = await buildSite(SEED_CONTENT, config);
      assert.ok(site.result.ok);
      dirs.push(site.out);
    }
    let output = '';
    try {
      execFileSync('java', ['-jar', vnu, '--errors-only', '--skip-non-html', '--format', 'json', ...dirs], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
      output = (err as { stderr?: string }).stderr ?? String(err);
    }
    const messages = output ? (JSON.parse(output) as { messages: { url: string; message: string; lastLine?: number }[] }).messages : [];
    assert.deepEqual(messages.map((m) => `${m.url.replace(/^.*\/public\//, '')}:${m.lastLine ?? ''} ${m.message}`), []);
  });
});
