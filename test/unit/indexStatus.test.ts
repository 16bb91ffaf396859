import * as assert from 'node:assert/strict';
import { type IndexStatus, inProgress, progressLine } from '../../src/core/indexStatus';

describe('what views say while the corpus loads and is indexed', () => {
  const cases: { status: IndexStatus; search: string | undefined; names: string | undefined; busy: boolean }[] = [
    { status: { phase: 'loading', read: 0 }, search: 'Loading the corpus… looking for article files', names: undefined, busy: true },
    { status: { phase: 'loading', read: 1173, total: 10000 }, search: 'Loading the corpus… 1,173 of 10,000 files read', names: 'Reading the corpus: 1,173 of 10,000 files…', busy: true },
    { status: { phase: 'indexing', done: 4210, total: 10000 }, search: 'Indexing… 4,210 of 10,000 articles', names: 'Finding names: 4,210 of 10,000 articles…', busy: true },
    { status: { phase: 'indexing', done: 0, total: 0 }, search: 'Indexing… 0 of 0 articles', names: 'Finding names: 0 of 0 articles…', busy: true },
    // Only once the index covers the corpus may the box say that nothing matches: no line then.
    { status: { phase: 'empty' }, search: undefined, names: undefined, busy: false },
    { status: { phase: 'ready' }, search: undefined, names: undefined, busy: false },
  ];
  for (const { status, search, names, busy } of cases) {
    it(`${status.phase} ${JSON.stringify(status)}`, () => {
      assert.equal(progressLine(status, 'search'), search);
      assert.equal(progressLine(status, 'names'), names);
      assert.equal(inProgress(status), busy);
    });
  }
});
