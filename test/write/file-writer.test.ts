/** The writer thread a big archive's site is staged with (issue 7): every file as given, and a failed write reported. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { startFileWriter } from '../../src/write/file-writer.js';
import { closeSpool, openSpool } from '../../src/write/spool.js';
import { tempDir } from '../support/site.js';

function started() {
  const writer = startFileWriter();
  assert.ok(writer, 'a thread started');
  return writer;
}

describe('the file writer thread', () => {
  it('should write every file, text and bytes, in folders it makes, by the time it is flushed', async () => {
    const root = tempDir();
    const writer = started();
    const expected = new Map<string, Buffer>();
    for (let i = 0; i < 500; i++) {
      const file = path.join(root, 'articles', `a-${i % 37}`, `page-${i}.html`);
      const content = i % 3 === 0 ? new Uint8Array([i % 256, 0, 255, 10]) : `<p>Report ${i} from Palmyra — “quoted”.</p>\n`;
      writer.write(file, content);
      expected.set(file, Buffer.from(content));
    }
    await writer.flush();
    for (const [file, bytes] of expected) assert.ok(fs.readFileSync(file).equals(bytes), file);
    await writer.close();
  });

  it('should hold no more than its ring: a render ahead of the disk writes the next file itself', async () => {
    const root = tempDir();
    const writer = started();
    // 48 MB of 1 MB pages at once through an 8 MB ring, wrapping around its end, some written by
    // this thread; then files larger than the ring takes, between small ones.
    const page = 'é'.repeat(512 * 1024);
    const expected = new Map<string, string | Uint8Array>();
    for (let i = 0; i < 48; i++) expected.set(path.join(root, `big-${i}.html`), `${i}${page}`);
    expected.set(path.join(root, 'huge.json'), `[${'"Palmyra",'.repeat(500_000)}0]`);
    expected.set(path.join(root, 'small.html'), '<p>small</p>');
    expected.set(path.join(root, 'huge.bin'), new Uint8Array(3 * 1024 * 1024).fill(7));
    for (const [file, content] of expected) writer.write(file, content);
    await writer.flush();
    assert.equal(fs.readdirSync(root).length, expected.size);
    for (const [file, content] of expected) assert.ok(fs.readFileSync(file).equals(Buffer.from(content)), file);
    await writer.close();
  });

  it('should not let a file given again be overtaken by its first version, still queued', async () => {
    const root = tempDir();
    const writer = started();
    const file = path.join(root, 'page.html');
    for (let round = 0; round < 20; round++) {
      writer.write(file, `first ${round} ${'x'.repeat(64 * 1024)}`);
      for (let i = 0; i < 100; i++) writer.write(path.join(root, `filler-${i}.html`), 'x'.repeat(100 * 1024));
      writer.write(file, `again ${round}`, true);
      await writer.flush();
      assert.equal(fs.readFileSync(file, 'utf8'), `again ${round}`);
    }
    await writer.close();
  });

  it('should report the first write that failed, with its path, at the next file or the flush', async () => {
    const root = tempDir();
    fs.writeFileSync(path.join(root, 'taken'), 'a file where a folder is wanted');
    const writer = started();
    writer.write(path.join(root, 'taken', 'index.html'), 'cannot be written');
    // mkdir says EEXIST for the file in its way.
    const failed = (err: NodeJS.ErrnoException) => err.code === 'EEXIST' && err.path === path.join(root, 'taken') && /file already exists/.test(err.message);
    await assert.rejects(writer.flush(), failed);
    assert.throws(() => writer.write(path.join(root, 'later.html'), 'not written after a failure'), failed);
    await writer.close();
    assert.equal(fs.existsSync(path.join(root, 'later.html')), false);
  });

  it('should stage a spool through the thread, with the same hashes as without it', async () => {
    const files = Array.from({ length: 200 }, (_, i) => [`articles/a-${i}/index.html`, `<h1>Article ${i}</h1>`] as const);
    const staged = async (thread: boolean) => {
      const out = path.join(tempDir(), 'public');
      const spool = await openSpool(out, { thread });
      for (const [rel, content] of files) spool.put(rel, content);
      await spool.settle();
      const written = files.map(([rel]) => fs.readFileSync(path.join(spool.dir, rel), 'utf8'));
      await closeSpool(spool);
      assert.equal(fs.existsSync(spool.dir), false, 'the staging folder is removed');
      return { hashes: spool.hashes, written };
    };
    const [threaded, direct] = [await staged(true), await staged(false)];
    assert.deepEqual(threaded, direct);
    assert.deepEqual(threaded.written, files.map(([, c]) => c));
  });
});
