/** Editors overrule the build from front matter and the topics file (issues 3 and 4). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSite, writeContent, readArticleRecords } from '../support/site.js';

const TEXT = [
  'Talks resume in Geneva',
  '',
  'Diplomats gathered in Geneva on Friday to resume the talks on a ceasefire.',
  '',
  'Share this article',
  '',
  'Officials said the next round would follow.',
  '',
].join('\n');

interface Record { title: string; standfirst: string | null; blocks: { text: string; line: number }[]; removed: { line: number; reason: string }[]; topics: { name: string; manual: boolean }[] }
const only = (out: string) => (readArticleRecords(out) as Record[])[0]!;

describe('editorial overrides', () => {
  it('should let front matter force the title and standfirst, keep a removed line and drop a body line', async () => {
    const plain = await buildSite(writeContent({ 'a.txt': `---\ndate: 2016-07-15\n---\n${TEXT}` }));
    const before = only(plain.out);
    const share = before.removed.find((r) => r.reason === 'share-line');
    assert.ok(share, 'the share line is furniture by default');

    const fm = `---\ndate: 2016-07-15\ntitle: A forced headline\nstandfirst: A forced summary.\nkeep: [${share.line + 4}]\ndrop: ["Officials said the next round would follow."]\n---\n`;
    const edited = await buildSite(writeContent({ 'a.txt': fm + TEXT }));
    const after = only(edited.out);
    assert.equal(after.title, 'A forced headline');
    assert.equal(after.standfirst, 'A forced summary.');
    assert.ok(after.blocks.some((b) => b.text === 'Share this article'), 'kept line is back in the body');
    assert.ok(!after.blocks.some((b) => b.text.startsWith('Officials said')), 'dropped line left the body');
    assert.ok(after.removed.some((r) => r.reason === 'editor-drop'));
  });

  it('should add hand-written topics, resolved through aliases, and suppress names from the topics file', async () => {
    const topicsYaml = 'people:\n  - name: John Kerry\n    aliases: [Kerry]\nsuppress:\n  - Geneva\n';
    const { out } = await buildSite(writeContent({ 'topics.yaml': topicsYaml, 'a.txt': `---\ndate: 2016-07-15\ntopics: [Kerry, Nuclear talks]\n---\n${TEXT}` }));
    const topics = only(out).topics;
    assert.deepEqual(topics.filter((t) => t.manual).map((t) => t.name).sort(), ['John Kerry', 'Nuclear talks']);
    assert.ok(!topics.some((t) => t.name === 'Geneva'), 'suppressed');
  });
});
