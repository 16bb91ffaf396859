import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ArticleSummary, CorpusEntry } from '../../src/core/corpus';
import { EntityIndex } from '../../src/core/entities/entityIndex';
import type { EntityMention, EntityType } from '../../src/core/entities/types';
import { INDEX_SNAPSHOT_FORMAT, type IndexSnapshot, decodeIndexSnapshot, encodeIndexSnapshot } from '../../src/core/persist/indexSnapshot';
import { SnapshotError, decodeSnapshot, encodeSnapshot } from '../../src/core/persist/snapshotFile';
import { parseQuery } from '../../src/core/search/query';
import { SearchIndex } from '../../src/core/search/searchIndex';
import { checkSearchIndexState } from '../../src/core/search/searchIndexState';

const WORDS = ['Oslo', 'Bergen', 'regjeringen', 'Støre', 'kommunen', 'skole', 'Ålesund', 'fotball', 'Brann', 'valg', 'Trondheim', 'sykehus', 'Stoltenberg', 'Putin', 'Nato'];

const documentArb = fc.record({
  title: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')),
  text: fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 30 }).map((w) => w.join(' ')),
  year: fc.integer({ min: 2018, max: 2024 }),
  month: fc.integer({ min: 1, max: 12 }),
  entityIds: fc.array(fc.constantFrom('oslo', 'putin', 'nato'), { maxLength: 3 }),
});

/** Adds, replaces and removes documents: `[key, document | undefined]`. */
const operationsArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 19 }).map((n) => `doc-${n}`), fc.option(documentArb, { nil: undefined })), { minLength: 1, maxLength: 60 });

type Op = [string, { title: string; text: string; year: number; month: number; entityIds: string[] } | undefined];

function apply(index: SearchIndex, ops: readonly Op[]): void {
  for (const [key, doc] of ops) {
    if (doc) index.add(key, { title: doc.title, text: doc.text, date: { year: doc.year, month: doc.month }, entityIds: doc.entityIds });
    else index.remove(key);
  }
}

const QUERIES = ['oslo', 'støre', 'stoere', 'skol', 'trondhjem', 'brann valg', '"regjeringen støre"', '@oslo', '2021', 'Stoltenbrg'];

function answers(index: SearchIndex): unknown[] {
  return QUERIES.map((q) => {
    const result = index.search(parseQuery(q), { resolveEntity: (name) => [name.toLowerCase()] });
    return { keys: result.hits.map((h) => h.key), scores: result.hits.map((h) => h.score.toFixed(4)), total: result.total, terms: [...result.terms].sort() };
  });
}

describe('saved indexes', () => {
  describe('the snapshot file', () => {
    const sections = { numbers: new Int32Array([1, -2, 3]), small: new Int8Array([-1, 2]), bytes: new Uint8Array([7]), words: ['a', '', 'ø æ å', '🙂'], wide: new Float64Array([0.5]) };

    it('gives back every section as written, with the meta', () => {
      const decoded = decodeSnapshot(encodeSnapshot(3, { who: 'test' }, sections), 3);
      assert.ok(decoded.ok);
      assert.deepEqual(decoded.meta, { who: 'test' });
      assert.deepEqual([...decoded.sections.i32('numbers')], [1, -2, 3]);
      assert.deepEqual([...decoded.sections.i8('small')], [-1, 2]);
      assert.deepEqual([...decoded.sections.u8('bytes')], [7]);
      assert.deepEqual([...decoded.sections.f64('wide')], [0.5]);
      assert.deepEqual(decoded.sections.strings('words'), ['a', '', 'ø æ å', '🙂']);
    });

    it('reads a file whose bytes do not start on an aligned offset (a pooled buffer)', () => {
      const bytes = encodeSnapshot(1, {}, sections);
      const shifted = new Uint8Array(bytes.length + 3);
      shifted.set(bytes, 3);
      const decoded = decodeSnapshot(shifted.subarray(3), 1);
      assert.ok(decoded.ok);
      assert.deepEqual([...decoded.sections.i32('numbers')], [1, -2, 3]);
    });

    // [what is wrong, the bytes, the reason given]
    const bad: [string, (bytes: Uint8Array) => Uint8Array, RegExp][] = [
      ['empty', () => new Uint8Array(0), /too short/],
      ['not ours', (b) => new TextEncoder().encode(`{"json": true}${' '.repeat(b.length)}`), /not a saved index/],
      ['another format', (b) => { const c = b.slice(); new DataView(c.buffer).setUint32(4, 9, true); return c; }, /format 9/],
      ['cut short', (b) => b.subarray(0, b.length - 8), /checksum|length/],
      ['a header cut short', (b) => b.subarray(0, 20), /header/],
      ['a flipped payload byte', (b) => { const c = b.slice(); c[c.length - 9] ^= 0x10; return c; }, /checksum/],
    ];
    for (const [what, damage, reason] of bad) {
      it(`refuses a file that is ${what}`, () => {
        const decoded = decodeSnapshot(damage(encodeSnapshot(1, {}, sections)), 1);
        assert.equal(decoded.ok, false);
        assert.match((decoded as { reason: string }).reason, reason);
      });
    }

    it('refuses any file with one payload byte changed', () => {
      const bytes = encodeSnapshot(1, { a: 1 }, sections);
      const payloadStart = bytes.length - 64;
      fc.assert(
        fc.property(fc.integer({ min: payloadStart, max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, xor) => {
          const damaged = bytes.slice();
          damaged[at] ^= xor;
          return !decodeSnapshot(damaged, 1).ok;
        }),
      );
    });

    it('never throws on a truncated or garbled file, and refuses it', () => {
      const bytes = encodeSnapshot(1, { a: 1 }, sections);
      fc.assert(
        fc.property(fc.integer({ min: 0, max: bytes.length - 1 }), (length) => !decodeSnapshot(bytes.subarray(0, length), 1).ok),
      );
      fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (garbage) => !decodeSnapshot(garbage, 1).ok));
    });

    it('throws a snapshot error for a section that is missing or of another kind', () => {
      const decoded = decodeSnapshot(encodeSnapshot(1, {}, sections), 1);
      assert.ok(decoded.ok);
      assert.throws(() => decoded.sections.i32('nothing'), SnapshotError);
      assert.throws(() => decoded.sections.i32('words'), SnapshotError);
    });
  });

  describe('the search index', () => {
    it('answers every query the same after a save and a restore, and goes on the same after more changes', () => {
      fc.assert(
        fc.property(operationsArb, operationsArb, (before, after) => {
          const original = new SearchIndex();
          apply(original, before);
          const restored = new SearchIndex();
          restored.restoreState(original.exportState());
          assert.deepEqual(answers(restored), answers(original));
          assert.equal(restored.size, original.size);
          apply(original, after);
          apply(restored, after);
          assert.deepEqual(answers(restored), answers(original));
        }),
        { numRuns: 60 },
      );
    });

    it('refuses a state whose postings do not fit its documents or terms', () => {
      const index = new SearchIndex();
      index.add('a', { title: 'Oslo', text: 'Oslo kommune', date: { year: 2020, month: 1 } });
      const state = index.exportState();
      assert.doesNotThrow(() => checkSearchIndexState(state));
      const postingCounts = state.postingCounts.slice();
      postingCounts[0] += 5;
      assert.throws(() => checkSearchIndexState({ ...state, postingCounts }), SnapshotError);
      const postingLast = state.postingLast.slice();
      postingLast[0] = 5;
      assert.throws(() => checkSearchIndexState({ ...state, postingLast }), SnapshotError);
      assert.throws(() => checkSearchIndexState({ ...state, postingLast: state.postingLast.subarray(1) }), SnapshotError);
      assert.throws(() => checkSearchIndexState({ ...state, keys: ['a', 'a'] }), SnapshotError);
      assert.throws(() => checkSearchIndexState({ ...state, postingStarts: state.postingStarts.subarray(1) }), SnapshotError);
    });

    it('answers only with its own documents, and never throws, whatever bytes its postings hold (property)', () => {
      // A saved file's checksum covers every byte; this is what a file written wrong could do.
      const index = new SearchIndex();
      const texts = ['Oslo kommune og Bergen', 'Bergen kommune', 'Stoltenberg i Oslo', 'Nato og Oslo'];
      texts.forEach((text, i) => index.add(`doc${i}`, { title: text.split(' ')[0], text, date: { year: 2020, month: 1 + i } }));
      const state = index.exportState();
      fc.assert(
        fc.property(fc.uint8Array({ minLength: state.postings.length, maxLength: state.postings.length }), fc.constantFrom('oslo', 'kommune', 'berg', 'stoltenberg', 'nato og'), (bytes, query) => {
          const restored = new SearchIndex();
          const changed = { ...state, postings: bytes };
          checkSearchIndexState(changed);
          restored.restoreState(changed);
          for (const hit of restored.search(parseQuery(query)).hits) assert.ok(state.keys.includes(hit.key), hit.key);
        }),
        { numRuns: 300 },
      );
    });
  });

  describe('the entity index', () => {
    const types: EntityType[] = ['person', 'place', 'organization', 'other'];
    const mentionArb = fc.record({
      entity: fc.integer({ min: 0, max: 7 }),
      type: fc.constantFrom(...types),
      rule: fc.boolean(),
      strong: fc.boolean(),
      start: fc.integer({ min: 0, max: 500 }),
    });
    const articleOpsArb: fc.Arbitrary<[number, { entity: number; type: EntityType; rule: boolean; strong: boolean; start: number }[] | undefined][]> = fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.option(fc.array(mentionArb, { maxLength: 8 }), { nil: undefined })), { minLength: 1, maxLength: 40 });
    const toMention = (m: { entity: number; type: EntityType; rule: boolean; strong: boolean; start: number }): EntityMention => ({
      start: m.start,
      end: m.start + 4,
      text: 'Navn',
      type: m.type,
      entityId: `e-${m.entity}`,
      canonical: `Entity ${m.entity}`,
      source: m.rule ? 'rule' : 'knowledgeBase',
      ...(m.strong ? { strong: true as const } : {}),
    });
    const infoOf = (n: number) => ({ order: n % 3, uri: `a-${n}` });
    const applyOps = (index: EntityIndex<{ order: number; uri: string }>, ops: [number, { entity: number; type: EntityType; rule: boolean; strong: boolean; start: number }[] | undefined][]) => {
      for (const [n, mentions] of ops) {
        if (mentions) index.set(`a-${n}`, mentions.map(toMention), infoOf(n));
        else index.delete(`a-${n}`);
      }
    };
    const describeIndex = (index: EntityIndex<{ order: number; uri: string }>) => {
      const ids = index.entities().map((e) => e.id);
      return {
        entities: index.entities(),
        perArticle: [...index.articleUris()].sort().map((uri) => [uri, index.entitiesIn(uri)]),
        mentions: ids.map((id) => [...index.articleUris()].sort().map((uri) => index.mentionsIn(uri, id))),
        first: ids.map((id) => index.firstMentioning(id, undefined, 3)),
        strong: ids.map((id) => index.strongTypeOf(id)),
      };
    };

    it('holds the same entities, types, mentions and first articles after a save and a restore, and goes on the same', () => {
      fc.assert(
        fc.property(articleOpsArb, articleOpsArb, (before, after) => {
          const compare = (a: { order: number; uri: string }, b: { order: number; uri: string }) => a.order - b.order || a.uri.localeCompare(b.uri);
          const original = new EntityIndex<{ order: number; uri: string }>({ compare });
          applyOps(original, before);
          const restored = new EntityIndex<{ order: number; uri: string }>({ compare });
          restored.restoreState(original.exportState(), (uri) => infoOf(Number(uri.slice(2))));
          assert.deepEqual(describeIndex(restored), describeIndex(original));
          applyOps(original, after);
          applyOps(restored, after);
          assert.deepEqual(describeIndex(restored), describeIndex(original));
        }),
        { numRuns: 80 },
      );
    });

    it('restores in steps as it does at once, pausing between them', () => {
      const original = new EntityIndex<{ order: number; uri: string }>();
      for (let n = 0; n < 9; n++) original.set(`a-${n}`, [toMention({ entity: n % 4, type: 'place', rule: n % 2 === 0, strong: false, start: n })], infoOf(n));
      const state = original.exportState();
      const inSteps = new EntityIndex<{ order: number; uri: string }>();
      let pauses = 0;
      for (const _ of inSteps.restoreInSteps(state, (uri) => infoOf(Number(uri.slice(2))), 2)) pauses++;
      // After each 2 articles (4 of 9) and each 4 entities (1 of 4).
      assert.equal(pauses, 5);
      const atOnce = new EntityIndex<{ order: number; uri: string }>();
      atOnce.restoreState(state, (uri) => infoOf(Number(uri.slice(2))));
      assert.deepEqual(describeIndex(inSteps), describeIndex(atOnce));
      assert.deepEqual(describeIndex(inSteps), describeIndex(original));
    });

    it('refuses a state that does not add up, and is left empty', () => {
      const index = new EntityIndex();
      index.set('a', [toMention({ entity: 1, type: 'person', rule: false, strong: false, start: 0 })]);
      const state = index.exportState();
      const packs = state.packs.slice();
      // The entity number of the article's first group (after its paragraph table, empty).
      packs[1] = 9;
      const restored = new EntityIndex();
      assert.throws(() => restored.restoreState({ ...state, packs }, () => undefined), SnapshotError);
      assert.equal(restored.size, 0);
      // Paragraphs that do not add up: a group in none (no table), a table longer than the article's mentions, one
      // starting before the text, a group with a set of paragraphs beside a table.
      const set = state.packs.slice();
      set[5] = 0;
      assert.throws(() => restored.restoreState({ ...state, packs: set }, () => undefined), /mentions of a do not add up/);
      const long = new EntityIndex();
      const starts = Array.from({ length: 40 }, (_, p) => p * 10);
      long.set('a', starts.map((start, p) => toMention({ entity: p % 2, type: 'person', rule: false, strong: false, start })), undefined, starts);
      const withTable = long.exportState();
      assert.deepEqual([...withTable.packs.subarray(0, 3)], [39, 10, 20]);
      for (const [at, value, reason] of [[0, 99, /paragraphs of a/], [1, -5, /paragraphs of a/], [44, 1, /mentions of a/]] as const) {
        const bad = withTable.packs.slice();
        bad[at] = value;
        assert.throws(() => restored.restoreState({ ...withTable, packs: bad }, () => undefined), reason);
        assert.equal(restored.size, 0);
      }
      assert.throws(() => restored.restoreState({ ...state, ids: ['x', 'y'], names: ['x', 'y'], known: new Uint8Array(2) }, () => undefined), /in no article/);
    });
  });

  describe('the whole snapshot', () => {
    // As `summarize` makes them: every field there, some undefined.
    const summary = (uri: string): ArticleSummary => ({ uri, fileName: uri, origin: 'workspace', date: { year: 2022, month: 2 }, month: '2022-02', title: `Title ${uri}`, byline: undefined, source: undefined, lead: undefined, warnings: [] });
    const build = (): IndexSnapshot => {
      const search = new SearchIndex();
      const entities = new EntityIndex();
      for (const uri of ['file:///a.txt', 'file:///b.txt']) {
        search.add(uri, { title: 'Oslo', text: 'Oslo og Bergen', date: { year: 2022, month: 2 } });
        entities.set(uri, [{ start: 0, end: 4, text: 'Oslo', type: 'place', entityId: 'oslo', canonical: 'Oslo', source: 'knowledgeBase' }]);
      }
      const files: { entry: CorpusEntry; stamp: string }[] = [
        { entry: { kind: 'article', summary: summary('file:///a.txt') }, stamp: '1:10' },
        {
          entry: {
            kind: 'article',
            summary: { ...summary('file:///b.txt'), origin: 'sample', date: { year: 2021, month: 12, day: 24 }, month: '2021-12', byline: 'Kari Nordmann', source: 'NTB', lead: 'Ingressen – med «sitat».', warnings: ['The file is Windows-1252.', 'ø æ å'] },
          },
          stamp: '2:20',
        },
        { entry: { kind: 'problem', problem: { uri: 'file:///c.txt', fileName: 'c.txt', origin: 'folder', reason: 'No date line.' } }, stamp: '3:30' },
        { entry: { kind: 'problem', problem: { uri: 'file:///d', fileName: 'd', origin: 'workspace', reason: 'Cannot be read.', folder: true } }, stamp: '4:40' },
      ];
      return { meta: { extensionVersion: '1.2.3', recognizerKey: 'k', savedAt: '2026-12-02T00:00:00Z' }, files, search: search.exportState(), entities: entities.exportState() };
    };

    it('gives back the files, stamps and indexes', () => {
      const decoded = decodeIndexSnapshot(encodeIndexSnapshot(build()), '1.2.3');
      assert.ok(decoded.ok);
      assert.deepEqual(decoded.snapshot.files, build().files);
      assert.equal(decoded.snapshot.meta.recognizerKey, 'k');
      const search = new SearchIndex();
      search.restoreState(decoded.snapshot.search);
      assert.deepEqual(search.search(parseQuery('bergen')).hits.map((h) => h.key), ['file:///a.txt', 'file:///b.txt']);
    });

    it('refuses one saved by another version, or whose indexes name articles it does not have', () => {
      const other = decodeIndexSnapshot(encodeIndexSnapshot(build()), '1.2.4');
      assert.equal(other.ok, false);
      assert.match((other as { reason: string }).reason, /version 1\.2\.3/);
      const snapshot = build();
      const missing = decodeIndexSnapshot(encodeIndexSnapshot({ ...snapshot, files: snapshot.files.slice(1) }), '1.2.3');
      assert.equal(missing.ok, false);
    });

    for (const format of [1, 2]) {
      it(`refuses one in an older format (${format}: ${format === 1 ? 'before the paragraph tables' : 'before the quotes'}), so that the corpus is indexed again rather than misread`, () => {
        assert.equal(INDEX_SNAPSHOT_FORMAT, 3);
        const old = encodeIndexSnapshot(build());
        // The format number, as an older build wrote it (the bytes after it are the same shape).
        new DataView(old.buffer, old.byteOffset, old.byteLength).setUint32(4, format, true);
        const decoded = decodeIndexSnapshot(old, '1.2.3');
        assert.equal(decoded.ok, false);
        assert.match((decoded as { reason: string }).reason, new RegExp(`format ${format}, not 3`));
      });
    }

    it('refuses a file entry that is not a corpus entry', () => {
      const snapshot = build();
      const badMonth: CorpusEntry = { kind: 'article', summary: { ...summary('file:///e.txt'), date: { year: 2022, month: 13 } } };
      const decoded = decodeIndexSnapshot(encodeIndexSnapshot({ ...snapshot, files: [...snapshot.files, { entry: badMonth, stamp: '' }] }), '1.2.3');
      assert.equal(decoded.ok, false);
      assert.match((decoded as { reason: string }).reason, /file entry/);
    });
  });
});
