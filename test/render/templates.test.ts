import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { CODES, SourceError } from '../../src/diagnostics.js';
import { createTemplateEngine, strictView, UndefinedVariableError } from '../../src/render/templates.js';
import { tempDir } from '../support/site.js';

function engineWith(files: Record<string, string>) {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return { dir, engine: createTemplateEngine(dir) };
}

describe('templates', () => {
  it('should escape interpolations', () => {
    const { engine } = engineWith({ 'a.eta': '<p><%= it.text %></p>' });
    assert.equal(engine.render('a', { text: '<script>alert(1)</script>' }), '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });

  it('should report an undefined variable with the template file and line', () => {
    const { dir, engine } = engineWith({ 'a.eta': 'line one\n<%= it.missing %>\n' });
    assert.throws(() => engine.render('a', { present: 1 }), (err: unknown) => {
      assert.ok(err instanceof SourceError);
      assert.equal(err.diagnostic.code, CODES.TEMPLATE_RUNTIME);
      assert.equal(err.diagnostic.file, path.join(dir, 'a.eta'));
      assert.equal(err.diagnostic.line, 2);
      assert.match(err.diagnostic.message, /it\.missing/);
      return true;
    });
  });

  it('should give partials and layouts the page data, strict, and name the partial in an error', () => {
    const { dir, engine } = engineWith({
      'page.eta': `<% layout('frame', { heading: 'H' }) %><%~ include('card', { card: it.cards[0] }) %>`,
      'frame.eta': '<main><h1><%= it.heading %> <%= it.site %></h1><%~ it.body %></main>',
      'card.eta': '<p><%= it.card.title %> in <%= it.site %></p>',
      'broken.eta': `<%~ include('bad-card', { card: it.cards[0] }) %>`,
      'bad-card.eta': 'first\n<%= it.card.missing %>',
    });
    const view = { site: 'Archive', cards: [{ title: 'One & two' }] };
    assert.equal(engine.render('page', view), '<main><h1>H Archive</h1><p>One &amp; two in Archive</p></main>');
    assert.throws(() => engine.render('broken', view), (err: unknown) => {
      assert.ok(err instanceof SourceError);
      assert.equal(err.diagnostic.file, path.join(dir, 'bad-card.eta'));
      assert.equal(err.diagnostic.line, 2);
      assert.match(err.diagnostic.message, /\.missing, which is not defined/);
      return true;
    });
    // The page's own data is not changed by what a partial is given.
    assert.deepEqual(view, { site: 'Archive', cards: [{ title: 'One & two' }] });
  });

  it('should report a syntax error with the template file', () => {
    const { dir, engine } = engineWith({ 'bad.eta': '<p>\n<% if (it.x) { %>\n' });
    const text = fs.readFileSync(path.join(dir, 'bad.eta'), 'utf8');
    const problems = engine.check([{ path: path.join(dir, 'bad.eta'), text }, { path: 'ok.eta', text: '<%= it.x %>' }]);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.file, path.join(dir, 'bad.eta'));
  });

  it('should report an unclosed tag at its line', () => {
    const { dir, engine } = engineWith({ 'bad.eta': 'one\ntwo <%= it.x \nthree' });
    const problems = engine.check([{ path: path.join(dir, 'bad.eta'), text: fs.readFileSync(path.join(dir, 'bad.eta'), 'utf8') }]);
    assert.equal(problems[0]?.code, CODES.TEMPLATE_SYNTAX);
    assert.equal(problems[0]?.line, 2);
  });
});

describe('strictView', () => {
  it('should throw on unknown fields, nested and in arrays, and pass known ones', () => {
    const v = strictView({ a: { b: [{ c: 1 }] }, n: null });
    assert.equal(v.a.b[0]!.c, 1);
    assert.equal(v.n, null);
    assert.throws(() => (v.a as Record<string, unknown>).zz, UndefinedVariableError);
    assert.throws(() => (v.a.b[0] as Record<string, unknown>).d, /it\.a\.b\[0\]\.d/);
  });

  it('should pass a field that is there with no value, and what JS machinery probes', () => {
    const v = strictView({ gone: undefined as string | undefined, list: [1, 2], zero: 0, empty: '' });
    assert.equal(v.gone, undefined);
    assert.equal(v.zero, 0);
    assert.equal(v.empty, '');
    assert.deepEqual([...v.list], [1, 2]);
    assert.equal((v as Record<string, unknown>).then, undefined);
    assert.equal(JSON.stringify(v), '{"list":[1,2],"zero":0,"empty":""}');
    assert.throws(() => (v.list as unknown as Record<string, unknown>).size, /it\.list\.size/);
  });
});
