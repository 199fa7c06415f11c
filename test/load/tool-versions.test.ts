import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { articleKey } from '../../src/article-cache.js';
import { resolveConfig } from '../../src/config.js';
import { OTHER_DEPENDENCIES, PAGE_TOOLS, RECORD_TOOLS, toolVersions } from '../../src/load/tool-versions.js';
import { ROOT } from '../support/site.js';

const installed = (name: string) => (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

describe('toolVersions', () => {
  it('should place every dependency: it shapes records, pages, or nothing', () => {
    const dependencies = Object.keys((JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies);
    const placed = [...RECORD_TOOLS, ...PAGE_TOOLS, ...OTHER_DEPENDENCIES];
    assert.deepEqual([...placed].sort(), [...dependencies].sort(), 'a new dependency must be placed in tool-versions.ts');
    assert.equal(new Set(placed).size, placed.length);
  });

  it('should name each tool with its installed version, and the Unicode version for records', () => {
    const { records, pages } = toolVersions();
    for (const name of RECORD_TOOLS) assert.ok(records.split(' ').includes(`${name}@${installed(name)}`), name);
    for (const name of PAGE_TOOLS) assert.ok(pages.split(' ').includes(`${name}@${installed(name)}`), name);
    assert.ok(records.endsWith(`unicode@${process.versions.unicode}`));
    assert.doesNotMatch(`${records} ${pages}`, /@\?/);
  });

  it('should be part of each article\'s cache key', () => {
    const config = resolveConfig(ROOT, {}, {});
    const source = { path: '/x/a.md', relPath: 'a.md', hash: 'h', diagnostics: [] };
    assert.notEqual(articleKey(config, source, 'topics', 'compromise@14.17.0', []), articleKey(config, source, 'topics', 'compromise@14.17.1', []));
    assert.equal(articleKey(config, source, 'topics', 'compromise@14.17.0', []), articleKey(config, source, 'topics', 'compromise@14.17.0', []));
  });
});
