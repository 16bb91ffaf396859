import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseQuery } from '../../src/core/search/query';
import { PostingLists } from '../../src/core/search/postingLists';
import { PostingStore, checkEncodedPostings } from '../../src/core/search/postingStore';
import { SearchIndex, type SearchDocument } from '../../src/core/search/searchIndex';
import { HASH_SEED, TermTable, finishHash, hashOf, hashStep, stringOfChars } from '../../src/core/search/termTable';
import { foldForMatching, forEachWord } from '../../src/core/text';

const date = { year: 2022, month: 3 };

/**
 * What the index must hold after adding `docs` (numbered in order, none removed), made the plain
 * way: every word of `forEachWord` folded with `foldForMatching`, terms numbered as first seen
 * (headline, then text, then entity ids), postings `doc << 8 | min(tf, 127) << 1 | inTitle`; the
 * documents numbered `removed` removed after.
 */
function reference(docs: readonly SearchDocument[], removed: ReadonlySet<number> = new Set()): { terms: string[]; postings: number[][]; lengths: number[] } {
  const ids = new Map<string, number>();
  const terms: string[] = [];
  const postings: number[][] = [];
  const lengths: number[] = [];
  const idOf = (term: string) => {
    let id = ids.get(term);
    if (id === undefined) {
      ids.set(term, (id = terms.length));
      terms.push(term);
      postings.push([]);
    }
    return id;
  };
  let doc = -1;
  docs.forEach((document, added) => {
    const counts = new Map<number, { tf: number; title: number }>();
    let length = 0;
    for (const [text, title] of [[document.title, 1], [document.text, 0]] as const) {
      forEachWord(text, (start, end) => {
        const id = idOf(foldForMatching(text.slice(start, end)));
        const count = counts.get(id) ?? { tf: 0, title: 0 };
        count.tf++;
        count.title |= title;
        counts.set(id, count);
        length++;
      });
    }
    for (const entity of document.entityIds ?? []) {
      const id = idOf(`@${entity}`);
      if (!counts.has(id)) counts.set(id, { tf: 1, title: 0 });
    }
    // A removed document's words stay in the vocabulary; its postings go, and the documents after it move up.
    if (removed.has(added)) return;
    doc++;
    for (const [id, { tf, title }] of counts) postings[id].push((doc << 8) | (Math.min(tf, 127) << 1) | title);
    lengths.push(length);
  });
  return { terms, postings, lengths };
}

function postingsOf(state: ReturnType<SearchIndex['exportState']>): number[][] {
  const store = PostingStore.restored({ bytes: state.postings, starts: state.postingStarts, lastDocs: state.postingLast });
  const out = new Int32Array(Math.max(1, ...state.postingCounts));
  return state.terms.map((_, term) => Array.from(out.subarray(0, store.read(term, out))));
}

function build(docs: readonly SearchDocument[]): SearchIndex {
  const index = new SearchIndex();
  docs.forEach((doc, i) => index.add(String(i), doc));
  return index;
}

function assertLikeReference(docs: readonly SearchDocument[]): void {
  const state = build(docs).exportState();
  const expected = reference(docs);
  assert.deepEqual(state.terms, expected.terms);
  assert.deepEqual(postingsOf(state), expected.postings);
  assert.deepEqual(Array.from(state.lengths), expected.lengths);
}

/** Pieces of Norwegian (and not so Norwegian) text: the letters folded, pairs folded, marks, digits, and what separates words. */
const PIECES = [
  'a', 'A', 'e', 'E', 'o', 'O', 'n', 'S', 'z', 'Z', '0', '7', 'æ', 'ø', 'å', 'Æ', 'Ø', 'Å',
  'aa', 'Aa', 'AE', 'ae', 'oe', 'Oe', 'aae', 'aaa', 'oae',
  'é', 'É', 'ü', 'ß', 'İ', 'ǅ', 'ﬁ', 'µ', 'ª', '²', 'ı', 'Σ', 'ς', 'а', '\u030a', '\u0301', 'a\u030a', '😀', '𝐀', '\ud800', '\udc00',
  ' ', '  ', '\n', '-', "'", '’', '.', ',', '–', '@', '_',
];
const text = (maxLength: number) => fc.array(fc.constantFrom(...PIECES), { maxLength }).map((parts) => parts.join(''));
const documents = fc.array(
  fc.record({ title: text(12), text: text(60), entityIds: fc.option(fc.array(fc.constantFrom('e1', 'e2', 'Ål', 'x y'), { maxLength: 3 }), { nil: undefined }) }),
  { minLength: 1, maxLength: 8 },
);

describe('building the search index', () => {
  // [headline, text, the terms in the order first seen]
  const cases: [string, string, string[]][] = [
    ['Støre', 'Store og Stoere', ['store', 'og']],
    ['Bærum', 'Baerum, BAERUM og Barum', ['barum', 'og']],
    ['Ålesund', 'Aalesund AALESUND alesund', ['alesund']],
    ['aaa', 'aae oae aoe åe aå', ['aa', 'ae', 'oa', 'ao']],
    ['Café', 'cafe CAFÉ Cafe\u0301', ['cafe']],
    ['Zelenskyj', 'Zelensky-saken, Zelenskyjs', ['zelenskyj', 'zelensky', 'saken', 'zelenskyjs']],
    ['', "Det er Norge's 2022-tall", ['det', 'er', 'norge', 's', '2022', 'tall']],
    ['İstanbul', 'ISTANBUL', ['istanbul']],
    ['', '😀 𝐀bc ab😀cd ﬁn', ['Abc', 'ab', 'cd', 'fin']],
    ['', 'straße STRASSE', ['straße', 'strasse']],
  ];
  for (const [title, body, terms] of cases) {
    it(`folds ${JSON.stringify(`${title} | ${body}`)} to ${terms.join(', ')}`, () => {
      const state = build([{ title, text: body, date }]).exportState();
      assert.deepEqual(state.terms, terms);
      assertLikeReference([{ title, text: body, date }]);
    });
  }

  it('counts a word in the headline and the text once, marked as in the headline', () => {
    const state = build([{ title: 'Oslo', text: 'Oslo, oslo og OSLO', date, entityIds: ['q1', 'q1'] }]).exportState();
    assert.deepEqual(state.terms, ['oslo', 'og', '@q1']);
    assert.deepEqual(postingsOf(state), [[(4 << 1) | 1], [1 << 1], [1 << 1]]);
  });

  it('caps a word\'s count at 127', () => {
    const state = build([{ title: '', text: 'ja '.repeat(300), date }]).exportState();
    assert.deepEqual(postingsOf(state), [[127 << 1]]);
  });

  it('keeps words of any length', () => {
    const long = 'Æ'.repeat(5000) + 'b'.repeat(5000);
    const state = build([{ title: '', text: `${long} x ${long.toLowerCase()}`, date }]).exportState();
    assert.deepEqual(state.terms, ['a'.repeat(5000) + 'b'.repeat(5000), 'x']);
  });

  it('holds what the plain way of folding and counting gives, for any text (property)', () => {
    fc.assert(
      fc.property(documents, (docs) => {
        assertLikeReference(docs.map((doc) => ({ ...doc, date })));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same term as foldForMatching for any word of letters, digits, æøå and pairs (property)', () => {
    const word = fc.array(fc.constantFrom('a', 'A', 'e', 'E', 'o', 'O', 'k', 'Z', '9', 'æ', 'ø', 'å', 'Æ', 'Ø', 'Å'), { minLength: 1, maxLength: 16 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(word, (raw) => {
        assert.deepEqual(build([{ title: '', text: raw, date }]).exportState().terms, [foldForMatching(raw)]);
      }),
      { numRuns: 500 },
    );
  });

  it('after a restore, adds documents as an index that held them all along does (property)', () => {
    fc.assert(
      fc.property(documents, documents, (first, second) => {
        const all = [...first, ...second].map((doc) => ({ ...doc, date }));
        const restored = new SearchIndex();
        restored.restoreState(build(all.slice(0, first.length)).exportState());
        all.slice(first.length).forEach((doc, i) => restored.add(String(first.length + i), doc));
        assert.deepEqual(restored.exportState(), build(all).exportState());
      }),
      { numRuns: 100 },
    );
  });

  it('holds what the plain way gives after documents are removed and more added, compacted or not (property)', () => {
    fc.assert(
      fc.property(documents, fc.array(fc.nat(), { maxLength: 6 }), documents, (first, picks, second) => {
        const index = new SearchIndex();
        const all = [...first, ...second].map((doc) => ({ ...doc, date }));
        first.forEach((doc, i) => index.add(String(i), { ...doc, date }));
        const removed = new Set(picks.map((pick) => pick % first.length));
        for (const doc of removed) index.remove(String(doc));
        // Exporting compacts: the later documents go to postings rewritten in place.
        const compacted = index.exportState();
        const before = reference(all.slice(0, first.length), removed);
        assert.deepEqual(compacted.terms, before.terms);
        assert.deepEqual(postingsOf(compacted), before.postings);
        second.forEach((doc, i) => index.add(String(first.length + i), { ...doc, date }));
        const state = index.exportState();
        const expected = reference(all, removed);
        assert.deepEqual(state.terms, expected.terms);
        assert.deepEqual(postingsOf(state), expected.postings);
        assert.deepEqual(Array.from(state.lengths), expected.lengths);
      }),
      { numRuns: 200 },
    );
  });

  it('compacts long lists and short ones when a quarter of the documents are gone, and goes on adding', () => {
    const docs = Array.from({ length: 400 }, (_, n) => ({ title: `Sak ${n % 50}`, text: `felles ord${n % 7} ord${n} ${n % 3 ? 'ofte' : 'sjelden'}`, date }));
    const index = new SearchIndex();
    docs.forEach((doc, i) => index.add(String(i), doc));
    const removed = new Set(Array.from({ length: 150 }, (_, n) => 2 * n));
    for (const doc of removed) index.remove(String(doc));
    const more = docs.slice(0, 100).map((doc) => ({ ...doc, text: `${doc.text} ny` }));
    more.forEach((doc, i) => index.add(String(400 + i), doc));
    const state = index.exportState();
    const expected = reference([...docs, ...more], removed);
    assert.deepEqual(state.terms, expected.terms);
    assert.deepEqual(postingsOf(state), expected.postings);
    assert.deepEqual(index.search(parseQuery('felles ny'), { limit: 5 }).hits.map((hit) => hit.key), ['400', '401', '402', '403', '404']);
  });

  it('after restoring a large vocabulary, counts words of the last terms in a new document', () => {
    const words = (from: number, to: number) => Array.from({ length: to - from }, (_, n) => `ord${from + n}`).join(' ');
    const docs = [
      { title: 'Mange', text: words(0, 3000), date },
      { title: 'ord2999', text: `${words(2990, 3010)} ord2999 ORD2999`, date },
    ];
    const restored = new SearchIndex();
    restored.restoreState(build(docs.slice(0, 1)).exportState());
    restored.add('1', docs[1]);
    assert.deepEqual(restored.exportState(), build(docs).exportState());
  });

  it('grows past its first capacities (many words and documents)', () => {
    const docs = Array.from({ length: 300 }, (_, n) => ({ title: `Sak ${n}`, text: Array.from({ length: 40 }, (_, k) => `ord${(n * 40 + k) % 5003} felles`).join(' '), date }));
    assertLikeReference(docs);
  });

  it('refuses a saved state with a term twice', () => {
    const state = build([{ title: 'a', text: 'b', date }]).exportState();
    assert.throws(() => new SearchIndex().restoreState({ ...state, terms: ['a', 'a'] }), /a search term is there twice/);
  });
});

/** The UTF-16 code units of `text`. */
function codes(text: string): Uint16Array {
  return Uint16Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));
}

describe('the term table', () => {
  it('hashes a string as its characters step by step', () => {
    for (const text of ['', 'a', 'store', 'Ålesund', '😀x', 'a'.repeat(100)]) {
      let hash = HASH_SEED;
      for (let i = 0; i < text.length; i++) hash = hashStep(hash, text.charCodeAt(i));
      assert.equal(finishHash(hash), hashOf(text), text);
    }
    assert.notEqual(hashOf('ab'), hashOf('ba'));
  });

  it('finds terms by string and by characters, and numbers them in the order added', () => {
    const table = new TermTable();
    const words = ['store', 'og', '@q1', 'i̇stanbul', 'ﬁ', '😀', 'straße', ''];
    words.forEach((word, i) => assert.equal(table.add(word, hashOf(word)), i));
    assert.equal(table.add('og', hashOf('og')), 1, 'a term there already keeps its number');
    assert.equal(table.size, words.length);
    assert.deepEqual(table.terms, words);
    words.forEach((word, i) => {
      assert.equal(table.get(word), i, word);
      // The characters in a longer buffer, as a word in the scratch buffer is.
      const buffer = new Uint16Array(word.length + 3).fill(120);
      buffer.set(codes(word));
      assert.equal(table.findChars(buffer, word.length, hashOf(word)), i, word);
    });
    assert.equal(table.get('stor'), undefined);
    assert.equal(table.get('stores'), undefined);
    assert.equal(table.find('store', hashOf('store') ^ (1 << 20)), -1, 'another hash: another slot or no match');
    assert.equal(table.findChars(codes('store'), 4, hashOf('stor')), -1);
  });

  it('tells apart terms whose hashes are equal, kept in their slots or not', () => {
    // Lengths about the 8 characters kept in a slot and the 127 a key tells exactly; characters above 255 (ǆ) are not kept in a slot.
    const words = ['abcdefgh', 'abcdefgi', 'abcdefghi', 'abcdefghj', 'ǆabc', 'ǆabd', 'x'.repeat(126), 'x'.repeat(127), 'x'.repeat(128), 'y'.repeat(127), 'ǆ'.repeat(130), 'ǆ'.repeat(131), 'æøå', ''];
    const table = new TermTable();
    for (const word of words) table.add(word, 0x12345600);
    words.forEach((word, i) => {
      assert.equal(table.find(word, 0x12345600), i, word);
      assert.equal(table.findChars(codes(word), word.length, 0x12345600), i, word);
      assert.equal(table.get(word), undefined, 'another hash: not found');
    });
    for (const other of ['abcdefg', 'abcdefghk', 'x'.repeat(129), 'ǆabe', 'æøa', 'a']) {
      assert.equal(table.find(other, 0x12345600), -1, other);
      assert.equal(table.findChars(codes(other), other.length, 0x12345600), -1, other);
    }
  });

  it('tells apart terms whose hashes are equal', () => {
    const table = new TermTable();
    table.add('ab', 7);
    table.add('ba', 7);
    table.add('abc', 7);
    assert.equal(table.find('ba', 7), 1);
    assert.equal(table.find('abc', 7), 2);
    assert.equal(table.findChars(codes('ab'), 2, 7), 0);
    assert.equal(table.findChars(codes('ba'), 2, 7), 1);
    assert.equal(table.findChars(codes('bb'), 2, 7), -1);
  });

  it('keeps finding every term as it grows', () => {
    const table = new TermTable();
    const words = Array.from({ length: 20_000 }, (_, n) => (n % 7 === 0 ? `ø${n}` : `w${n}`));
    for (const word of words) table.add(word, hashOf(word));
    words.forEach((word, i) => assert.equal(table.get(word), i));
    assert.equal(table.get('w20000'), undefined);
  });

  it('makes strings of characters, short and long', () => {
    for (const text of ['', 'a', 'ærlig', 'x'.repeat(4096), 'yz'.repeat(6000) + '😀']) {
      assert.equal(stringOfChars(codes(text), text.length), text);
    }
    assert.equal(stringOfChars(Uint16Array.from([97, 98, 99]), 2), 'ab');
  });
});

describe('posting lists', () => {
  /** Every list as an array, read as the index reads them. */
  function read(lists: PostingLists): number[][] {
    return Array.from({ length: lists.size }, (_, list) => {
      const from = lists.offset(list);
      return Array.from(lists.array(list).subarray(from, from + lists.lengths[list]));
    });
  }

  it('keeps lists of any length apart: short ones in shared blocks, long ones in arrays of their own', () => {
    const lists = new PostingLists();
    const expected: number[][] = [];
    // 3,000 lists of 1 to 200 numbers, pushed to in turns, past many chunks (65,536 numbers each).
    for (let list = 0; list < 3000; list++) {
      assert.equal(lists.addList(), list);
      expected.push([]);
    }
    for (let round = 0; round < 200; round++) {
      for (let list = 0; list < 3000; list++) {
        if (round >= 1 + (list % 200)) continue;
        const value = list * 1000 + round;
        lists.push(list, value);
        expected[list].push(value);
      }
    }
    assert.deepEqual(read(lists), expected);
  });

  it('does what plain arrays do, for any pushes (property)', () => {
    const operation = fc.oneof(
      fc.record({ kind: fc.constant('add' as const) }),
      fc.record({ kind: fc.constant('push' as const), list: fc.nat(), times: fc.integer({ min: 1, max: 90 }), value: fc.integer() }),
    );
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 60 }), (operations) => {
        const lists = new PostingLists();
        const model: number[][] = [];
        for (const op of operations) {
          if (op.kind === 'add') {
            lists.addList();
            model.push([]);
          } else if (model.length > 0) {
            const list = op.list % model.length;
            for (let i = 0; i < op.times; i++) {
              const value = (op.value + i) | 0;
              lists.push(list, value);
              model[list].push(value);
            }
          }
          assert.deepEqual(read(lists), model);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('compressed postings', () => {
  /** Every term's postings, as a search reads them. */
  function read(store: PostingStore, terms: number): number[][] {
    const out = new Int32Array(1 << 16);
    return Array.from({ length: terms }, (_, term) => Array.from(out.subarray(0, store.read(term, out))));
  }

  /** A posting as the index packs it. */
  const posting = (doc: number, tf: number, title: number) => (doc << 8) | (Math.min(tf, 127) << 1) | title;

  it('encodes distances of every size, word counts and headline hits, across seals and merges', () => {
    // Documents far apart (distances of one to four bytes), counts 1 to 127, in and out of the headline.
    const docs = [0, 1, 2, 127, 128, 129, 8191, 8192, 16_383, 16_384, 1_048_575, 1_048_576, (1 << 23) - 1];
    const cases = [
      { tf: 1, title: 0 },
      { tf: 1, title: 1 },
      { tf: 2, title: 0 },
      { tf: 127, title: 1 },
    ];
    const store = new PostingStore(0, { sealPostings: 5, maxMergedBytes: 1 << 20 });
    const model: number[][] = [[], [], []];
    for (let term = 0; term < 3; term++) store.addList();
    docs.forEach((doc, i) => {
      for (let term = 0; term < 3; term++) {
        if ((i + term) % 3 === 2) continue;
        const { tf, title } = cases[(i + term) % cases.length];
        store.push(term, posting(doc, tf, title));
        model[term].push(posting(doc, tf, title));
      }
      store.sealIfFull();
      assert.deepEqual(read(store, 3), model, `after document ${doc}`);
    });
    assert.ok(store.segmentCount >= 1);
    const encoded = store.encodeAll();
    assert.equal(store.segmentCount, 1);
    assert.doesNotThrow(() => checkEncodedPostings(encoded, Int32Array.from(model, (list) => list.length), 1 << 23));
    assert.deepEqual(read(PostingStore.restored(encoded), 3), model);
  });

  it('takes new terms after a seal, past the room made for the terms before', () => {
    // Lists are made room for 1,024 at a time: after a seal, the terms added later must still get lists.
    const store = new PostingStore(0, { sealPostings: 100, maxMergedBytes: 1 << 20 });
    const model: number[][] = [];
    for (let doc = 0; doc < 400; doc++) {
      for (let k = 0; k < 10; k++) {
        store.addList();
        model.push([]);
      }
      for (const term of [0, model.length - 1, model.length - 7, (doc * 31) % model.length]) {
        if (model[term].at(-1) === posting(doc, 1, 0)) continue;
        store.push(term, posting(doc, 1, 0));
        model[term].push(posting(doc, 1, 0));
      }
      store.sealIfFull();
    }
    assert.ok(store.segmentCount > 1);
    assert.deepEqual(read(store, model.length), model);
    assert.deepEqual(read(PostingStore.restored(store.encodeAll()), model.length), model);
  });

  it('reads what was pushed, for any documents, seals and merges (property)', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('term' as const) }),
      fc.record({ kind: fc.constant('doc' as const), gap: fc.integer({ min: 1, max: 40_000 }), terms: fc.array(fc.record({ term: fc.nat(), tf: fc.integer({ min: 1, max: 300 }), title: fc.integer({ min: 0, max: 1 }) }), { maxLength: 6 }) }),
      fc.record({ kind: fc.constant('encode' as const) }),
      // Some of the merges waiting, when they wait (the search worker's slices): `checks` askings of the clock.
      fc.record({ kind: fc.constant('work' as const), checks: fc.integer({ min: 0, max: 4 }) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 8, max: 200 }), fc.boolean(), (steps, sealPostings, maxMergedBytes, inSteps) => {
        let store = new PostingStore(0, { sealPostings, maxMergedBytes });
        store.mergesInSteps = inSteps;
        const model: number[][] = [[]];
        store.addList();
        let doc = -1;
        for (const s of steps) {
          if (s.kind === 'term') {
            store.addList();
            model.push([]);
          } else if (s.kind === 'doc') {
            doc = Math.min(doc + s.gap, (1 << 23) - 1);
            if (model.some((list) => list.at(-1) !== undefined && list.at(-1)! >>> 8 >= doc)) continue;
            const seen = new Set<number>();
            for (const { term, tf, title } of s.terms) {
              const t = term % model.length;
              if (seen.has(t)) continue;
              seen.add(t);
              store.push(t, posting(doc, tf, title));
              model[t].push(posting(doc, tf, title));
            }
            store.sealIfFull();
          } else if (s.kind === 'work') {
            let asked = 0;
            const left = store.work(() => ++asked > s.checks);
            assert.equal(left, store.hasWork);
          } else {
            // A saved index read back goes on taking documents.
            const encoded = store.encodeAll();
            assert.equal(store.hasWork, false, 'encoding makes the merges waiting');
            checkEncodedPostings(encoded, Int32Array.from(model, (list) => list.length), doc + 1);
            store = PostingStore.restored({ bytes: encoded.bytes.slice(), starts: encoded.starts.slice(), lastDocs: encoded.lastDocs.slice() });
            store.mergesInSteps = inSteps;
          }
          assert.deepEqual(read(store, model.length), model);
          if (!inSteps) assert.equal(store.hasWork, false, 'merges made as segments are sealed');
        }
        while (store.work(() => false)) {
          // Every merge.
        }
        assert.equal(store.hasWork, false);
        assert.deepEqual(read(store, model.length), model);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves sealings and merges for work when asked to, reading the same between slices of a few terms', () => {
    const store = new PostingStore(0, { sealPostings: 3, maxMergedBytes: 1 << 20 });
    store.mergesInSteps = true;
    const terms = 3000;
    const model: number[][] = Array.from({ length: terms }, () => []);
    for (let term = 0; term < terms; term++) store.addList();
    for (let doc = 0; doc < 6; doc++) {
      for (let term = doc; term < terms; term += 997) {
        store.push(term, posting(doc, 1, 0));
        model[term].push(posting(doc, 1, 0));
      }
      store.sealIfFull();
    }
    assert.ok(store.segmentCount >= 2, `${store.segmentCount} segments`);
    assert.equal(store.hasWork, true);
    // Every asking of the clock answered "stop": each call makes 1,024 terms of the sealing or the merge under
    // way (3,000 terms: three calls each), and the store reads the same after every one.
    const before = store.segmentCount;
    let calls = 0;
    const counts: number[] = [];
    while (store.work(() => true)) {
      calls++;
      counts.push(store.segmentCount);
      assert.deepEqual(read(store, terms), model, `after ${calls} slices`);
      assert.ok(calls < 100);
    }
    assert.ok(calls >= 6, `${calls} slices: a sealing and at least one merge, each in parts`);
    assert.ok(counts.some((count, i) => i > 0 && count === counts[i - 1]), 'a merge half made leaves the segments as they were');
    assert.equal(store.hasWork, false);
    assert.ok(store.segmentCount < before);
    assert.deepEqual(read(store, terms), model);
  });

  it('refuses saved postings that do not fit together', () => {
    const store = new PostingStore();
    store.addList();
    store.addList();
    store.push(0, posting(3, 1, 0));
    store.push(1, posting(3, 5, 1));
    store.push(0, posting(300, 1, 0));
    const good = store.encodeAll();
    const counts = Int32Array.from([2, 1]);
    assert.doesNotThrow(() => checkEncodedPostings(good, counts, 301));
    const end = good.bytes.length;
    const cases: [string, typeof good, Int32Array, number][] = [
      ['a last document past the last there is', good, counts, 300],
      ['starts that do not reach the end', { ...good, starts: Int32Array.from([0, good.starts[1], end + 1]) }, counts, 301],
      ['starts out of order', { ...good, starts: Int32Array.from([0, end, good.starts[1]]) }, counts, 301],
      ['more postings than bytes', good, Int32Array.from([9, 1]), 301],
      ['postings without a count', good, Int32Array.from([0, 1]), 301],
      ['counts for other terms', good, Int32Array.from([2]), 301],
      ['a last document before the postings could reach it', { ...good, lastDocs: Int32Array.from([0, 3]) }, counts, 301],
      ['a last document for a term with none', { bytes: new Uint8Array(0), starts: Int32Array.from([0, 0]), lastDocs: Int32Array.from([4]) }, Int32Array.from([0]), 10],
    ];
    for (const [what, encoded, saidCounts, docs] of cases) assert.throws(() => checkEncodedPostings(encoded, saidCounts, docs), Error, what);
  });

  it('reads any bytes without reading or writing past its arrays (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.integer({ min: 1, max: 40 }), (bytes, room) => {
        const store = PostingStore.restored({ bytes, starts: Int32Array.from([0, bytes.length]), lastDocs: Int32Array.from([0]) });
        const out = new Int32Array(room);
        const count = store.read(0, out);
        assert.ok(count >= 0 && count <= room);
      }),
      { numRuns: 500 },
    );
  });
});
