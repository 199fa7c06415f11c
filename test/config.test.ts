import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { normalizeBasePath, resolveConfig, validateUserConfig } from '../src/config.js';

describe('config', () => {
  it('should resolve defaults to absolute paths under the project root', () => {
    const c = resolveConfig('/project', {});
    assert.equal(c.contentDir, path.resolve('/project/content'));
    assert.equal(c.outDir, path.resolve('/project/public'));
    assert.equal(c.topicsFile, path.resolve('/project/content/topics.yaml'));
    assert.equal(c.basePath, '/');
    assert.ok(Object.isFrozen(c));
  });

  it('should let command-line flags win over the file', () => {
    const c = resolveConfig('/project', { outDir: 'site', basePath: '/a/' }, { outDir: '/tmp/x', basePath: 'archive' });
    assert.equal(c.outDir, '/tmp/x');
    assert.equal(c.basePath, '/archive/');
  });

  it('should normalise base paths', () => {
    assert.equal(normalizeBasePath(''), '/');
    assert.equal(normalizeBasePath('archive'), '/archive/');
    assert.equal(normalizeBasePath('//a//b/'), '/a/b/');
  });

  it('should warn about unknown keys with a suggestion and refuse wrong types', () => {
    const r = validateUserConfig({ titel: 'x', pageSize: 'ten', furniturePatterns: ['(['] }, 'news-archive.config.json');
    assert.deepEqual(r.diagnostics.map((d) => d.severity), ['warning', 'error', 'error']);
    assert.match(r.diagnostics[0]!.hint, /"title"/);
  });

  it('should refuse a page size under one, which would make pages that never end', () => {
    const r = validateUserConfig({ pageSize: 0.5 }, 'news-archive.config.json');
    assert.deepEqual(r.diagnostics.map((d) => [d.severity, d.message]), [['error', 'config key "pageSize" must be at least 1 (it is 0.5)']]);
    assert.equal(r.value.pageSize, undefined);
  });
});
