/**
 * Dev mode's preview of an edited article (preview.ts, issue 7): its page, rendered alone against
 * the last build's links, is the page the full rebuild writes; what it cannot answer alone it
 * leaves to the rebuild.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { build } from '../../src/build.js';
import { resolveConfig } from '../../src/config.js';
import { previewArticles } from '../../src/preview.js';
import { readOut, ROOT, TEMPLATES, tempDir, writeContent } from '../support/site.js';

const report = (title: string, date: string, extra = '') =>
  `---\ndate: ${date}\npublisher: Example Post\n---\n${title}\n\nJohn Kerry met Sergei Lavrov in Geneva on Thursday to discuss the ceasefire in Syria.\n\nNo agreement was reached.${extra}\n`;

async function project() {
  const content = writeContent({
    'a.md': report('Kerry and Lavrov meet in Geneva', '2016-03-24'),
    'b.md': report('Geneva talks end without a deal', '2016-03-25'),
    'c.txt': 'Talks resume in Vienna\n\nDiplomats gathered in Vienna on Friday to resume the talks on Syria.\n',
  });
  const out = path.join(tempDir(), 'public');
  const config = resolveConfig(ROOT, { url: 'https://archive.example.org' }, { contentDir: content, outDir: out, templatesDir: TEMPLATES, cacheDir: path.join(tempDir(), '.cache') });
  const first = await build(config);
  assert.ok(first.ok && first.preview);
  return { content, out, config, state: first.preview };
}

describe('the preview of an edited article', () => {
  it('should render the page the full rebuild writes', async () => {
    const p = await project();
    const file = path.join(p.content, 'a.md');
    fs.writeFileSync(file, report('Kerry and Lavrov meet in Geneva', '2016-03-24', '\n\nBoth sides promised to meet again in April.'));
    const pages = await previewArticles(p.state, [file]);
    assert.deepEqual([...pages!.keys()], ['articles/kerry-and-lavrov-meet-in-geneva/index.html']);
    const html = pages!.get('articles/kerry-and-lavrov-meet-in-geneva/index.html')!;
    assert.match(html, /promised to meet again in April/);
    assert.match(html, /href="\/topics\/geneva\/"/, 'its topics link to the topic pages of the last build');
    assert.ok((await build(p.config)).ok);
    assert.equal(readOut(p.out, 'articles/kerry-and-lavrov-meet-in-geneva/index.html'), html);
  });

  it('should leave to the full rebuild what it cannot answer alone', async () => {
    const p = await project();
    const a = path.join(p.content, 'a.md');
    fs.writeFileSync(a, report('A new headline moves the page', '2016-03-24'));
    assert.equal(await previewArticles(p.state, [a]), null, 'a changed headline');
    fs.writeFileSync(a, `---\nslug: geneva-meeting\n${report('Kerry and Lavrov meet in Geneva', '2016-03-24').slice(4)}`);
    assert.equal(await previewArticles(p.state, [a]), null, 'a new slug: the page moves, and the old one must go');
    fs.writeFileSync(a, '---\ndate: [2016\n---\nBroken\n\nText.\n');
    assert.equal(await previewArticles(p.state, [a]), null, 'front matter errors');
    fs.writeFileSync(a, `---\ndraft: true\n${report('Kerry and Lavrov meet in Geneva', '2016-03-24').slice(4)}`);
    assert.equal(await previewArticles(p.state, [a]), null, 'now a draft');
    const added = path.join(p.content, 'd.md');
    fs.writeFileSync(added, report('A report the last build did not have', '2016-03-26'));
    assert.equal(await previewArticles(p.state, [added]), null, 'a new file');
  });
});
