/** The search bundle: which parts a build keeps, and the index files Pagefind writes for them. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSearchIndex, pagefindVersion, type SearchBundle } from '../../src/render/search-index.js';
import type { SearchPart, SearchRecord } from '../../src/render/search-records.js';

function part(dir: string, key: string, records: SearchRecord[]): SearchPart {
  return { dir, size: records.length, weight: records.length, records: () => records, key };
}

const record = (n: number): SearchRecord => ({
  url: `/articles/a${n}/`, content: `Palmyra was retaken, report number ${n} says.`,
  meta: { title: `Report ${n}`, kind: 'Article' }, filters: { type: ['Article'] },
});

describe('the search bundle across builds', () => {
  const plan = [part('', 'primary-key', [record(1), record(2)]), part('part-01/', 'part-key', [record(3)])];

  it('should keep a part whose key matches and whose files are live, and index the others', async () => {
    const written = new Map<string, Uint8Array>();
    const first = await buildSearchIndex(plan, 'en', null, () => false, (p, bytes) => written.set(p, bytes));
    assert.equal(first.indexed, 2);
    assert.ok(written.has('pagefind/pagefind-entry.json') && written.has('pagefind/part-01/pagefind-entry.json'));
    const live = (p: string, size: number) => written.get(p)?.byteLength === size;
    const again = await buildSearchIndex(plan, 'en', first.bundle, live, () => assert.fail('nothing to write'));
    assert.equal(again.indexed, 0);
    assert.deepEqual(new Set(again.kept), new Set(written.keys()));
  });

  it('should index again a part that another version of Pagefind built', async () => {
    // The search page runs the primary index's code on every part: one built by an older Pagefind
    // must not be merged into a newer one's bundle (an upgrade of the pagefind package).
    const first = await buildSearchIndex(plan, 'en', null, () => false, () => undefined);
    const older: SearchBundle = { parts: new Map([...first.bundle.parts].map(([dir, p]) => [dir, { ...p, key: p.key.replace(`@${pagefindVersion()}`, '@1.5.2') }])) };
    assert.notDeepEqual(older, first.bundle);
    const again = await buildSearchIndex(plan, 'en', older, () => true, () => undefined);
    assert.equal(again.indexed, 2);
    assert.deepEqual(again.bundle, first.bundle);
  });
});
