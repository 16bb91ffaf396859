import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readArticleFromDisk, readArticleFromDiskSync, readEntryFromDisk, readEntryFromDiskSync, readFromDisk, readFromDiskSync } from '../../src/node/articleFromDisk';

describe('articleFromDisk: blocking reads (the worker thread) and asynchronous ones (the host) agree', () => {
  let folder: string;
  const article = ' date 2022-02 \n\nOverskrift om Oslo\n\nIngress med Jens Stoltenberg.\n\nBrødtekst, æ ø å.\n';
  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'annotated-reader-disk-'));
    writeFileSync(join(folder, 'article.txt'), article);
    writeFileSync(join(folder, 'empty.txt'), '');
    writeFileSync(join(folder, 'large.txt'), 'x'.repeat(2048));
    writeFileSync(join(folder, 'binary.txt'), Buffer.from([0, 1, 2, 0xff, 0, 0]));
    writeFileSync(join(folder, 'locked.txt'), article);
    chmodSync(join(folder, 'locked.txt'), 0);
    mkdirSync(join(folder, 'folder.txt'));
    // A named pipe with a corpus file's name: opening it must not wait for a writer.
    if (process.platform !== 'win32') execFileSync('mkfifo', [join(folder, 'pipe.txt')]);
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  const names = ['article.txt', 'empty.txt', 'large.txt', 'binary.txt', 'locked.txt', 'folder.txt', 'missing.txt', ...(process.platform === 'win32' ? [] : ['pipe.txt'])];
  for (const name of names) {
    it(`reads ${name} the same way`, async () => {
      const path = join(folder, name);
      const [async, sync] = [await readFromDisk(path, 1024), readFromDiskSync(path, 1024)];
      assert.deepEqual(sync, async);
      assert.deepEqual(readEntryFromDiskSync(path, `file://${path}`, name, 'folder', 1024), await readEntryFromDisk(path, `file://${path}`, name, 'folder', 1024));
      assert.deepEqual(readArticleFromDiskSync(path, 1024), await readArticleFromDisk(path, 1024));
    });
  }

  it('gives the bytes and the stamp of a readable file, and its parts as an article', () => {
    const read = readFromDiskSync(join(folder, 'article.txt'), 1024);
    assert.equal(read.kind, 'bytes');
    if (read.kind === 'bytes') assert.equal(Buffer.from(read.bytes).toString('utf8'), article);
    const parts = readArticleFromDiskSync(join(folder, 'article.txt'), 1024);
    assert.ok(!('failed' in parts), 'an article');
    if (!('failed' in parts)) assert.equal(parts.date.year, 2022);
    assert.deepEqual(readFromDiskSync(join(folder, 'large.txt'), 1024), { kind: 'tooLarge', size: 2048 });
    assert.deepEqual(readFromDiskSync(join(folder, 'missing.txt'), 1024), { kind: 'missing' });
    assert.deepEqual(readFromDiskSync(join(folder, 'folder.txt'), 1024), { kind: 'folder' });
  });

  it('refuses a named pipe without waiting for a writer', async function () {
    if (process.platform === 'win32') this.skip();
    const expected = { kind: 'error', message: 'not a regular file.' };
    assert.deepEqual(readFromDiskSync(join(folder, 'pipe.txt'), 1024), expected);
    assert.deepEqual(await readFromDisk(join(folder, 'pipe.txt'), 1024), expected);
  });

  it('says permission denied for a file it may not read', async function () {
    // Root reads it all the same: nothing to see there.
    if (process.platform === 'win32' || process.getuid?.() === 0) this.skip();
    const expected = { kind: 'error', message: 'permission denied.' };
    assert.deepEqual(readFromDiskSync(join(folder, 'locked.txt'), 1024), expected);
    assert.deepEqual(await readFromDisk(join(folder, 'locked.txt'), 1024), expected);
  });
});
