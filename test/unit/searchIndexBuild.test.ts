import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseQuery } from '../../src/core/search/query';
import { PostingLists } from '../../src/core/search/postingLists';
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
  return state.terms.map((_, term) => Array.from(state.postings.subarray(state.postingStarts[term], state.postingStarts[term + 1])));
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

  it('keeps restored lists as they are until they grow, and lists of one in a block', () => {
    const saved = Int32Array.from([1, 2, 3, 4, 5, 6]);
    const lists = new PostingLists(3);
    lists.addRestored(saved, 0, 0);
    lists.addRestored(saved, 0, 1);
    lists.addRestored(saved, 1, 5);
    assert.deepEqual(read(lists), [[], [1], [2, 3, 4, 5, 6]]);
    assert.equal(lists.array(2).buffer, saved.buffer, 'a view of the saved array');
    lists.push(2, 7);
    lists.push(1, 8);
    lists.push(0, 9);
    assert.deepEqual(read(lists), [[9], [1, 8], [2, 3, 4, 5, 6, 7]]);
    assert.deepEqual(Array.from(saved), [1, 2, 3, 4, 5, 6], 'the saved array is not written to');
  });

  it('does what plain arrays do, for any pushes and truncations (property)', () => {
    const operation = fc.oneof(
      fc.record({ kind: fc.constant('add' as const) }),
      fc.record({ kind: fc.constant('restore' as const), values: fc.array(fc.integer(), { maxLength: 70 }) }),
      fc.record({ kind: fc.constant('push' as const), list: fc.nat(), times: fc.integer({ min: 1, max: 90 }), value: fc.integer() }),
      fc.record({ kind: fc.constant('truncate' as const), list: fc.nat(), keep: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 60 }), (operations) => {
        const lists = new PostingLists();
        const model: number[][] = [];
        for (const op of operations) {
          if (op.kind === 'add') {
            lists.addList();
            model.push([]);
          } else if (op.kind === 'restore') {
            lists.addRestored(Int32Array.from([7, ...op.values, 8]), 1, op.values.length);
            model.push([...op.values]);
          } else if (model.length > 0) {
            const list = op.list % model.length;
            if (op.kind === 'push') {
              for (let i = 0; i < op.times; i++) {
                const value = (op.value + i) | 0;
                lists.push(list, value);
                model[list].push(value);
              }
            } else {
              // Compaction keeps the first postings it rewrote in place: the first `keep` here.
              const keep = op.keep % (model[list].length + 1);
              lists.truncate(list, keep);
              model[list].length = keep;
            }
          }
          assert.deepEqual(read(lists), model);
        }
      }),
      { numRuns: 300 },
    );
  });
});
