import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeRange } from '../../src/core/annotations/anchoring';
import { type Annotation, contentOf, createAnnotation, editAnnotation, parseCollection, parseTags, textHash, toCollection } from '../../src/core/annotations/model';
import { toMarkdown, toW3c } from '../../src/core/annotations/export';
import { AnnotationStore, type Conflict, type FileRead } from '../../src/core/annotations/store';
import { repoRoot } from './helpers';
import { MemoryFileSystem } from './memoryFileSystem';

const PATH = '/ws/.annotated-reader/annotations.json';
const text = 'Putin og Macron er enige om et møte. Stoltenberg advarer.';
let clock = Date.parse('2026-11-22T10:00:00Z');
const now = () => new Date((clock += 1000));

function note(id: string, words: string, content = 'Et notat'): Annotation {
  const start = text.indexOf(words);
  return createAnnotation({ id, now: now(), source: 'a.txt', textHash: textHash(text), selectors: describeRange(text, start, start + words.length), content: { note: content, tags: ['krig'], colour: 'Key claim' } });
}

function fileIds(fs: MemoryFileSystem): string[] {
  const parsed = parseCollection(fs.files.get(PATH) ?? '');
  assert.ok(parsed.ok);
  return parsed.annotations.map((a) => a.id).sort();
}

describe('annotations as W3C Web Annotations', () => {
  it('round-trips a collection, with note, tags and colour', () => {
    const annotation = note('urn:uuid:1', 'Putin');
    const parsed = parseCollection(JSON.stringify(toCollection([annotation])));
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.annotations, [annotation]);
    assert.deepEqual(contentOf(annotation), { note: 'Et notat', tags: ['krig'], colour: 'Key claim', replies: [] });
    assert.equal(annotation.motivation, 'commenting');
    assert.equal(editAnnotation(annotation, { note: ' ', tags: [], colour: 'Question' }, now()).motivation, 'highlighting');
  });

  it('keeps replies through an edit that does not mention them, and round-trips them', () => {
    const replies = [{ text: 'Enig.', created: '2026-01-02T00:00:00.000Z' }];
    const replied = editAnnotation(note('urn:uuid:1', 'Putin'), { note: 'Et notat', tags: ['krig'], colour: 'Key claim', replies }, now());
    const edited = editAnnotation(replied, { note: 'Nytt notat', tags: [], colour: 'Question' }, now());
    assert.deepEqual(contentOf(edited).replies, replies);
    const parsed = parseCollection(JSON.stringify(toCollection([edited])));
    assert.ok(parsed.ok && parsed.skipped.length === 0);
    assert.deepEqual(contentOf(parsed.annotations[0]), { note: 'Nytt notat', tags: [], colour: 'Question', replies });
    assert.deepEqual(contentOf(editAnnotation(edited, { note: '', tags: [], colour: '', replies: [] }, now())).replies, []);
  });

  it('reads tags typed in one box', () => {
    const cases: [string, string[]][] = [
      ['', []],
      ['krig, Ukraina', ['krig', 'Ukraina']],
      ['#krig #sanksjoner,  #krig', ['krig', 'sanksjoner']],
      ['  to   ord , ', ['to ord']],
      ['søk, æøå', ['søk', 'æøå']],
    ];
    for (const [typed, tags] of cases) assert.deepEqual(parseTags(typed), tags, typed);
  });

  it('writes what the JSON Schema in the repository requires', () => {
    const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas/annotations.schema.json'), 'utf8'));
    const written = JSON.parse(JSON.stringify(toCollection([note('urn:uuid:1', 'Putin')])));
    for (const key of schema.required) assert.ok(key in written, key);
    const annotation = schema.definitions.annotation;
    for (const key of annotation.required) assert.ok(key in written.items[0], key);
    for (const key of annotation.properties.target.required) assert.ok(key in written.items[0].target, `target.${key}`);
    const [quote, position] = annotation.properties.target.properties.selector.items;
    for (const key of quote.required) assert.ok(key in written.items[0].target.selector[0], `quote.${key}`);
    for (const key of position.required) assert.ok(key in written.items[0].target.selector[1], `position.${key}`);
  });

  it('skips a broken entry and keeps the rest', () => {
    const good = note('urn:uuid:1', 'Putin');
    const parsed = parseCollection(JSON.stringify({ type: 'AnnotationCollection', items: [good, { id: 'x', type: 'Annotation' }, good] }));
    assert.ok(parsed.ok);
    assert.equal(parsed.annotations.length, 1);
    assert.equal(parsed.skipped.length, 2);
  });
});

describe('the annotations file', () => {
  it('keeps the old file whole when a write is interrupted', async () => {
    const fs = new MemoryFileSystem();
    const store = new AnnotationStore(fs, PATH, now);
    await store.load();
    await store.put(note('urn:uuid:1', 'Putin'));
    const before = fs.files.get(PATH);
    fs.failWrites = 1;
    await assert.rejects(store.put(note('urn:uuid:2', 'Macron')), /disk full/);
    assert.equal(fs.files.get(PATH), before, 'the old file survives');
    assert.deepEqual([...fs.files.keys()], [PATH], 'no temporary file left behind');
    await store.put(note('urn:uuid:3', 'Stoltenberg'));
    assert.deepEqual(fileIds(fs), ['urn:uuid:1', 'urn:uuid:2', 'urn:uuid:3'], 'the next save writes everything');
  });

  it('ends with the final model after many concurrent saves', async () => {
    const fs = new MemoryFileSystem();
    fs.delayMs = 2;
    const store = new AnnotationStore(fs, PATH, now);
    await store.load();
    const saves: Promise<unknown>[] = [];
    for (let i = 0; i < 20; i++) saves.push(store.put(note(`urn:uuid:${i}`, 'Putin', `notat ${i}`)));
    saves.push(store.delete('urn:uuid:3'), store.put(editAnnotation(note('urn:uuid:4', 'Macron'), { note: 'endret', tags: [], colour: '' }, now())));
    await Promise.all(saves);
    const parsed = parseCollection(fs.files.get(PATH) ?? '');
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.annotations, store.all());
    assert.equal(parsed.annotations.length, 19);
    assert.equal(contentOf(parsed.annotations.find((a) => a.id === 'urn:uuid:4') as Annotation).note, 'endret');
  });

  it('never overwrites a file that does not parse: it is backed up and the store is read-only', async () => {
    const fs = new MemoryFileSystem();
    fs.files.set(PATH, '{"type": "AnnotationCollection", "items": [');
    const store = new AnnotationStore(fs, PATH, now);
    await store.load();
    assert.equal(store.state.kind, 'readOnly');
    assert.match(store.state.kind === 'readOnly' ? store.state.problem : '', /annotations\.json cannot be read: it is not valid JSON/);
    const backup = store.state.kind === 'readOnly' ? store.state.backup : undefined;
    assert.ok(backup && fs.files.get(backup) === fs.files.get(PATH), 'a copy with a timestamp');
    assert.throws(() => void store.put(note('urn:uuid:1', 'Putin')), /read-only/);
    assert.equal(fs.files.get(PATH), '{"type": "AnnotationCollection", "items": [', 'untouched');
  });

  it('keeps this window’s annotations and a copy when the file is broken outside, and writes nothing', async () => {
    const fs = new MemoryFileSystem();
    const store = new AnnotationStore(fs, PATH, now);
    await store.load();
    await store.put(note('urn:uuid:1', 'Putin'));
    const broken = '{"type": "AnnotationCollection", "items": [ {"id"';
    fs.files.set(PATH, broken);
    await store.reloadFromOutside();
    assert.equal(store.state.kind, 'readOnly');
    const backup = store.state.kind === 'readOnly' ? store.state.backup : undefined;
    assert.ok(backup && fs.files.get(backup) === broken, 'a copy with a timestamp');
    assert.equal(fs.files.get(PATH), broken, 'untouched');
    assert.deepEqual(
      store.all().map((a) => a.id),
      ['urn:uuid:1'],
      'still shown here',
    );
  });

  it('finds the file broken outside when it saves, before the watcher says so: keeps a copy and writes nothing', async () => {
    const fs = new MemoryFileSystem();
    const store = new AnnotationStore(fs, PATH, now);
    await store.load();
    await store.put(note('urn:uuid:1', 'Putin'));
    const broken = 'not json';
    fs.files.set(PATH, broken);
    await assert.rejects(store.put(note('urn:uuid:2', 'Macron')), /cannot be read/);
    assert.equal(fs.files.get(PATH), broken, 'untouched');
    const backup = store.state.kind === 'readOnly' ? store.state.backup : undefined;
    assert.ok(backup && fs.files.get(backup) === broken, 'a copy with a timestamp');
  });

  it('writes back, unchanged, entries it cannot read', async () => {
    const fs = new MemoryFileSystem();
    const future = { id: 'urn:uuid:future', type: 'Annotation', created: 'x', modified: 'x', body: [{ type: 'SpecificResource', source: 'https://example.org/' }], target: {} };
    fs.files.set(PATH, JSON.stringify({ type: 'AnnotationCollection', items: [note('urn:uuid:1', 'Putin'), future] }));
    const store = new AnnotationStore(fs, PATH, now);
    const { skipped } = await store.load();
    assert.equal(skipped.length, 1);
    await store.put(note('urn:uuid:2', 'Macron'));
    const written = JSON.parse(fs.files.get(PATH) ?? '');
    assert.deepEqual(written.items[written.items.length - 1], future, 'kept as it was');
    assert.equal(written.total, 3);
  });

  it('reads a single body that is not in a list, and an empty file as no annotations', () => {
    const annotation = note('urn:uuid:1', 'Putin');
    const single = parseCollection(JSON.stringify({ type: 'AnnotationCollection', items: [{ ...annotation, body: annotation.body[0] }] }));
    assert.ok(single.ok && single.annotations.length === 1 && single.annotations[0].body.length === 1);
    const empty = parseCollection('  \n');
    assert.ok(empty.ok && empty.annotations.length === 0);
    const badId = parseCollection(JSON.stringify({ type: 'AnnotationCollection', items: [{ ...annotation, id: 'has spaces in it' }] }));
    assert.ok(badId.ok && badId.annotations.length === 0 && badId.unreadable.length === 1);
  });

  it('saves what it holds beside a file broken outside, and merges the fixed file back when it parses again', async () => {
    const fs = new MemoryFileSystem();
    const store = new AnnotationStore(fs, PATH, now);
    await store.load();
    await store.put(note('urn:uuid:1', 'Putin'));
    await store.put(note('urn:uuid:2', 'Macron'));
    fs.files.set(PATH, '');
    fs.files.set(PATH, '{ broken');
    await store.reloadFromOutside();
    const recovered = store.state.kind === 'readOnly' ? store.state.recovered : undefined;
    assert.ok(recovered, 'the annotations held here are written beside the file');
    const aside = parseCollection(fs.files.get(recovered) ?? '');
    assert.ok(aside.ok);
    assert.deepEqual(
      aside.annotations.map((a) => a.id),
      ['urn:uuid:1', 'urn:uuid:2'],
    );
    assert.equal(await store.reopen(), false, 'still broken');
    // Fixed by hand: only the first annotation is left in the file.
    fs.files.set(PATH, JSON.stringify(toCollection([note('urn:uuid:1', 'Putin')])));
    assert.equal(await store.reopen(), true);
    assert.equal(store.state.kind, 'ok');
    await store.put(note('urn:uuid:3', 'Stoltenberg'));
    assert.deepEqual(fileIds(fs), ['urn:uuid:1', 'urn:uuid:3']);
  });

  it('writes everything back when a broken file is deleted', async () => {
    const fs = new MemoryFileSystem();
    const store = new AnnotationStore(fs, PATH, now);
    await store.load();
    await store.put(note('urn:uuid:1', 'Putin'));
    fs.files.set(PATH, 'not json');
    await store.reloadFromOutside();
    assert.equal(store.state.kind, 'readOnly');
    fs.files.delete(PATH);
    assert.equal(await store.reopen(), true);
    assert.deepEqual(fileIds(fs), ['urn:uuid:1']);
  });

  it('imports many annotations with one save', async () => {
    const fs = new MemoryFileSystem();
    const store = new AnnotationStore(fs, PATH, now);
    await store.load();
    let writes = 0;
    const write = fs.write.bind(fs);
    fs.write = async (path, text) => {
      writes++;
      await write(path, text);
    };
    await store.putMany(Array.from({ length: 50 }, (_, i) => note(`urn:uuid:${i}`, 'Putin')));
    assert.equal(writes, 1);
    assert.equal(fileIds(fs).length, 50);
  });

  it('merges a change made outside: additions and deletions there, the newer edit wins, edits on both sides are conflicts', async () => {
    const fs = new MemoryFileSystem();
    const seen: Conflict[] = [];
    const store = new AnnotationStore(fs, PATH, now, (conflicts) => seen.push(...conflicts));
    await store.load();
    const a = note('urn:uuid:a', 'Putin');
    const b = note('urn:uuid:b', 'Macron');
    const c = note('urn:uuid:c', 'Stoltenberg');
    await store.put(a);
    await store.put(b);
    await store.put(c);
    // Another window edits a, deletes c and adds d.
    const theirA = editAnnotation(a, { note: 'fra et annet vindu', tags: [], colour: 'Question' }, now());
    const d = note('urn:uuid:d', 'enige');
    fs.files.set(PATH, JSON.stringify(toCollection([theirA, b, d])));
    // This window edits a too, later, before its watcher has reported the change: the save merges first.
    const mineA = editAnnotation(a, { note: 'mitt nyere', tags: [], colour: '' }, now());
    await store.put(mineA);
    assert.deepEqual(seen.map((conflict) => conflict.mine.id), ['urn:uuid:a'], 'the conflict is reported');
    assert.equal(contentOf(seen[0].theirs).note, 'fra et annet vindu', 'with the other side, so nothing is lost');
    assert.deepEqual(store.all().map((x) => x.id).sort(), ['urn:uuid:a', 'urn:uuid:b', 'urn:uuid:d']);
    assert.equal(contentOf(store.get('urn:uuid:a') as Annotation).note, 'mitt nyere', 'the newer edit wins');
    assert.deepEqual(fileIds(fs), ['urn:uuid:a', 'urn:uuid:b', 'urn:uuid:d'], 'd kept, c deleted, nothing of theirs overwritten');
    // The watcher's event comes later and finds nothing new.
    assert.deepEqual(await store.reloadFromOutside(), []);
  });

  it('takes a change outside as it is when nothing changed here', async () => {
    const fs = new MemoryFileSystem();
    const store = new AnnotationStore(fs, PATH, now);
    await store.load();
    await store.put(note('urn:uuid:a', 'Putin'));
    const before = fs.files.get(PATH);
    const outside = JSON.stringify(toCollection([note('urn:uuid:z', 'Macron')]));
    fs.files.set(PATH, outside);
    assert.notEqual(outside, before);
    assert.deepEqual(await store.reloadFromOutside(), []);
    assert.deepEqual(store.all().map((x) => x.id), ['urn:uuid:z']);
    assert.equal(fs.files.get(PATH), outside, 'left as the other window wrote it');
  });

  /**
   * The store's next save: `during` runs while it is writing (its text already built), and right after
   * its rename another window saves `theirs`. Resolves once both are done.
   */
  async function saveInterleaved(fs: MemoryFileSystem, save: () => Promise<unknown>, during: () => Promise<unknown>, theirs: readonly Annotation[]): Promise<void> {
    const write = fs.write.bind(fs);
    const rename = fs.rename.bind(fs);
    let inside: Promise<unknown> | undefined;
    fs.write = async (path, written) => {
      await write(path, written);
      inside ??= during();
    };
    let renamed = false;
    fs.rename = async (from, to) => {
      await rename(from, to);
      if (!renamed) fs.files.set(PATH, JSON.stringify(toCollection(theirs)));
      renamed = true;
    };
    await save();
    await inside;
  }

  it('keeps an annotation made while a save is writing, when another window saves before the next save', async () => {
    const fs = new MemoryFileSystem();
    const store = new AnnotationStore(fs, PATH, now);
    await store.load();
    const x = note('urn:uuid:x', 'Putin');
    const y = note('urn:uuid:y', 'Macron');
    const z = note('urn:uuid:z', 'Stoltenberg');
    // y is made while x's save is on its way to disk; right after it another window saves: it read x and adds z.
    await saveInterleaved(fs, () => store.put(x), () => store.put(y), [x, z]);
    assert.deepEqual(store.all().map((a) => a.id).sort(), ['urn:uuid:x', 'urn:uuid:y', 'urn:uuid:z'], 'y is still held here');
    assert.deepEqual(fileIds(fs), ['urn:uuid:x', 'urn:uuid:y', 'urn:uuid:z'], 'and saved with the other window’s z');
  });

  it('keeps a deletion made while a save is writing, when another window saves before the next save', async () => {
    const fs = new MemoryFileSystem();
    const store = new AnnotationStore(fs, PATH, now);
    await store.load();
    const x = note('urn:uuid:x', 'Putin');
    const y = note('urn:uuid:y', 'Macron');
    const z = note('urn:uuid:z', 'Stoltenberg');
    await store.put(y);
    await saveInterleaved(fs, () => store.put(x), () => store.delete(y.id), [x, y, z]);
    assert.deepEqual(fileIds(fs), ['urn:uuid:x', 'urn:uuid:z'], 'y stays deleted');
  });

  it('never writes more entries than a load reads back: the save fails, the file and the new annotation are kept', async () => {
    const fs = new MemoryFileSystem();
    const store = new AnnotationStore(fs, PATH, now, undefined, undefined, 2);
    await store.load();
    await store.put(note('urn:uuid:a', 'Putin'));
    await store.put(note('urn:uuid:b', 'Macron'));
    await assert.rejects(store.put(note('urn:uuid:c', 'Stoltenberg')), /would hold 3 entries, more than the 2 an annotations file may hold; nothing was saved/);
    assert.deepEqual(fileIds(fs), ['urn:uuid:a', 'urn:uuid:b'], 'the file as it was');
    assert.equal(store.state.kind, 'ok');
    // Room again: the one that could not be saved is written with the next save.
    await store.delete('urn:uuid:a');
    assert.deepEqual(fileIds(fs), ['urn:uuid:b', 'urn:uuid:c']);
  });

  it('starts empty without a file, and writes one on the first annotation', async () => {
    const fs = new MemoryFileSystem();
    const store = new AnnotationStore(fs, PATH, now);
    assert.deepEqual(await store.load(), { skipped: [] });
    assert.equal(fs.files.size, 0);
    await store.put(note('urn:uuid:1', 'Putin'));
    assert.deepEqual(fileIds(fs), ['urn:uuid:1']);
  });
});

/** Memory files shared by several stores, as by several windows: each step of a save yields, so saves interleave; `locked` gives them a lock. */
class SharedFileSystem extends MemoryFileSystem {
  private held: Promise<void> = Promise.resolve();
  constructor(readonly locked: boolean) {
    super();
    this.delayMs = 0;
    if (!locked) this.withLock = undefined;
  }
  override async read(path: string, maxBytes: number): Promise<FileRead> {
    await new Promise((resolve) => setImmediate(resolve));
    return super.read(path, maxBytes);
  }
  override async rename(from: string, to: string): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    return super.rename(from, to);
  }
  withLock?: <T>(path: string, work: () => Promise<T>) => Promise<T> = async <T>(_path: string, work: () => Promise<T>): Promise<T> => {
    const before = this.held;
    let release = () => undefined as void;
    this.held = new Promise<void>((resolve) => (release = resolve));
    await before;
    try {
      return await work();
    } finally {
      release();
    }
  };
}

describe('the annotations file shared by several stores', () => {
  it('keeps every store’s annotations, however their saves interleave, when saves hold the lock', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 2, maxLength: 24 }), async (owners) => {
        const fs = new SharedFileSystem(true);
        const stores = Array.from({ length: 4 }, () => new AnnotationStore(fs, PATH, now));
        await Promise.all(stores.map((store) => store.load()));
        // Each store saves its annotations in the order drawn, all at once.
        await Promise.all(owners.map((owner, i) => stores[owner].put(note(`urn:uuid:${i}`, 'Putin'))));
        assert.deepEqual(fileIds(fs), owners.map((_, i) => `urn:uuid:${i}`).sort());
      }),
      { numRuns: 60 },
    );
  });

  it('loses some without the lock (what the lock is for)', async () => {
    const fs = new SharedFileSystem(false);
    const stores = [new AnnotationStore(fs, PATH, now), new AnnotationStore(fs, PATH, now)];
    await Promise.all(stores.map((store) => store.load()));
    await Promise.all([stores[0].put(note('urn:uuid:a', 'Putin')), stores[1].put(note('urn:uuid:b', 'Putin'))]);
    assert.equal(fileIds(fs).length, 1, 'both read the empty file, both renamed: the second replaced the first');
  });
});

describe('exporting annotations', () => {
  it('writes Markdown per article: the quotes in text order with notes and tags, orphans last', () => {
    const later = note('urn:uuid:2', 'Stoltenberg', 'Se *også* dette.');
    const earlier = note('urn:uuid:1', 'Putin');
    const gone = createAnnotation({ id: 'urn:uuid:3', now: now(), source: 'a.txt', textHash: 'x', selectors: { quote: { type: 'TextQuoteSelector', exact: 'Scholz', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 0, end: 6 } }, content: { note: '', tags: [], colour: '' } });
    const markdown = toMarkdown([{ title: 'Putin og Macron [enige]', dateLabel: 'February 2022', text, annotations: [later, gone, earlier] }]);
    assert.equal(
      markdown,
      [
        '## Putin og Macron \\[enige\\]', '', '*February 2022*', '',
        '> Putin', '', 'Et notat', '', '*Key claim* `#krig`', '',
        '> Stoltenberg', '', 'Se *også* dette.', '', '*Key claim* `#krig`', '',
        '**No longer found in the article:**', '',
        '> Scholz', '',
      ].join('\n'),
    );
  });

  it('writes the W3C collection that reads back', () => {
    const parsed = parseCollection(toW3c([note('urn:uuid:1', 'Putin')]));
    assert.ok(parsed.ok);
    assert.equal(parsed.annotations[0].id, 'urn:uuid:1');
  });
});
