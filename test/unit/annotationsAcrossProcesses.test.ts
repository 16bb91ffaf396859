import * as assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeRange } from '../../src/core/annotations/anchoring';
import { type Annotation, createAnnotation, parseCollection, textHash, toCollection } from '../../src/core/annotations/model';
import { AnnotationStore } from '../../src/core/annotations/store';
import { nodeStoreFileSystem, temporaryPath } from '../../src/node/storeFiles';
import { repoRoot } from './helpers';

const text = 'Putin og Macron er enige om et møte. Stoltenberg advarer.';

function annotation(id: string): Annotation {
  return createAnnotation({ id, now: new Date(), source: 'a.txt', textHash: textHash(text), selectors: describeRange(text, 0, 5), content: { note: id, tags: [], colour: 'Key claim' } });
}

function idsIn(file: string): string[] {
  const parsed = parseCollection(readFileSync(file, 'utf8'));
  assert.ok(parsed.ok, `${file} parses`);
  return parsed.annotations.map((a) => a.id).sort();
}

/** Runs the built CLI; resolves with its exit code and output when it has exited. */
async function cli(args: readonly string[]): Promise<{ code: number | null; out: string; err: string }> {
  const child: ChildProcess = spawn(process.execPath, [join(repoRoot, 'dist/cli.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, out, err };
}

describe('the annotations file across processes', function () {
  // Spawning node processes on a busy machine takes a while; the tests wait for their exit events, never for a time.
  this.timeout(10 * 60_000);
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'ar-processes-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('keeps both annotations when two stores save into one file at once, 30 times over', async () => {
    const file = join(folder, 'annotations.json');
    for (let trial = 0; trial < 30; trial++) {
      rmSync(file, { force: true });
      const first = new AnnotationStore(nodeStoreFileSystem, file);
      const second = new AnnotationStore(nodeStoreFileSystem, file);
      await Promise.all([first.load(), second.load()]);
      const results = await Promise.allSettled([first.put(annotation(`urn:uuid:${trial}-a`)), second.put(annotation(`urn:uuid:${trial}-b`))]);
      assert.deepEqual(
        results.map((result) => (result.status === 'rejected' ? String(result.reason) : 'saved')),
        ['saved', 'saved'],
        `trial ${trial}: both saves succeed`,
      );
      assert.deepEqual(idsIn(file), [`urn:uuid:${trial}-a`, `urn:uuid:${trial}-b`], `trial ${trial}: both annotations are in the file`);
    }
    assert.deepEqual(
      readdirSync(folder).filter((name) => name !== 'annotations.json'),
      [],
      'no temporary file or lock left behind',
    );
  });

  it('names temporary files uniquely: the process id and random digits', () => {
    const names = new Set(Array.from({ length: 1000 }, () => temporaryPath('/ws/annotations.json')));
    assert.equal(names.size, 1000);
    for (const name of names) assert.match(name, new RegExp(`^/ws/annotations\\.json\\.${process.pid}-[0-9a-f]{16}\\.tmp$`));
  });

  it('keeps every annotation when 10 CLI imports and an open store save into one file at once, round after round', async () => {
    const target = join(folder, 'ws', '.annotated-reader', 'annotations.json');
    const processes = 10;
    const perProcess = 5;
    const rounds = 4;
    const expected: string[] = [];
    // The extension's side: a store that has the file open and saves while the imports run.
    const open = new AnnotationStore(nodeStoreFileSystem, target);
    await open.load();
    for (let round = 0; round < rounds; round++) {
      const imports: Promise<{ code: number | null; out: string; err: string }>[] = [];
      for (let p = 0; p < processes; p++) {
        const items = Array.from({ length: perProcess }, (_, n) => annotation(`urn:uuid:r${round}-p${p}-n${n}`));
        expected.push(...items.map((item) => item.id));
        const source = join(folder, `round${round}-process${p}.json`);
        writeFileSync(source, JSON.stringify(toCollection(items)));
        imports.push(cli(['annotations', 'import', source, '--into', target]));
      }
      const mine = Array.from({ length: perProcess }, (_, n) => annotation(`urn:uuid:r${round}-open-n${n}`));
      expected.push(...mine.map((item) => item.id));
      const saves = mine.map((item) => open.put(item));
      const results = await Promise.all(imports);
      await Promise.all(saves);
      for (const result of results) assert.equal(result.code, 0, `an import failed: ${result.err}`);
      for (const result of results) assert.match(result.out, new RegExp(`Imported into .*: ${perProcess} new, 0 updated, 0 duplicates skipped`));
      assert.deepEqual(idsIn(target), [...expected].sort(), `round ${round}: every annotation is in the file`);
    }
    // The open store, told of the change as the watcher would, holds them all too.
    await open.reloadFromOutside();
    assert.equal(open.all().length, expected.length);
    assert.deepEqual(readdirSync(join(folder, 'ws', '.annotated-reader')), ['annotations.json'], 'no temporary file or lock left behind');
  });

  it('takes over a lock left by a process that was killed', async () => {
    const target = join(folder, 'annotations.json');
    const items = [annotation('urn:uuid:after-a-crash')];
    const source = join(folder, 'import.json');
    writeFileSync(source, JSON.stringify(toCollection(items)));
    // A lock folder not renewed for longer than `stale` (15 s), as a killed process leaves it.
    const lock = `${target}.lock`;
    mkdirSync(lock);
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    const result = await cli(['annotations', 'import', source, '--into', target]);
    assert.equal(result.code, 0, result.err);
    assert.deepEqual(idsIn(target), ['urn:uuid:after-a-crash']);
    assert.equal(existsSync(lock), false, 'the lock is released');
  });
});
