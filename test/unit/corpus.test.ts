import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { type ArticleSummary, Corpus, type CorpusEntry, compareArticles, groupByMonth, groupByYear, summarize } from '../../src/core/corpus';
import { formatDate, formatMonth } from '../../src/core/dates';
import { parseArticle } from '../../src/core/parse';
import { readSeed, seedFiles } from './helpers';

function seedEntries(): CorpusEntry[] {
  return seedFiles().map((name) => {
    const result = parseArticle(readSeed(name.slice(0, 3)));
    assert.ok(result.ok);
    return { kind: 'article', summary: summarize(`file:///seeds/${name}`, name, 'sample', result.article) };
  });
}

function article(uri: string, title: string, year: number, month: number, day?: number): CorpusEntry {
  const summary: ArticleSummary = { uri, fileName: uri, origin: 'workspace', date: { year, month, day }, month: `${year}-${String(month).padStart(2, '0')}`, title, warnings: [] };
  return { kind: 'article', summary };
}

describe('Corpus', () => {
  it('groups the seeds by month, newest first', () => {
    const corpus = new Corpus();
    corpus.reset(seedEntries());
    const groups = groupByMonth(corpus.articles());
    assert.deepEqual(
      groups.map((g) => `${g.label} (${g.articles.length})`),
      ['February 2022 (4)', 'January 2022 (1)'],
    );
    assert.deepEqual(groups[1].articles.map((a) => a.title), ['Intenst diplomati - inviterer Russland til nye Nato-møter']);
  });

  it('groups by year, then month', () => {
    const corpus = new Corpus();
    corpus.reset([...seedEntries(), article('u:1', 'Eldre sak', 2021, 11)]);
    const years = groupByYear(corpus.articles());
    assert.deepEqual(
      years.map((y) => [y.label, y.count, y.months.map((m) => m.label)]),
      [
        ['2022', 5, ['February 2022', 'January 2022']],
        ['2021', 1, ['November 2021']],
      ],
    );
  });

  it('orders within a month by day (dated first), then by Norwegian title', () => {
    const corpus = new Corpus();
    corpus.reset([
      article('u:1', 'Ålesund', 2022, 2),
      article('u:2', 'Bergen', 2022, 2),
      article('u:3', 'Øst', 2022, 2),
      article('u:4', 'Zebra', 2022, 2, 3),
      article('u:5', 'Alta', 2022, 2, 10),
    ]);
    assert.deepEqual(corpus.articles().map((a) => a.title), ['Alta', 'Zebra', 'Bergen', 'Øst', 'Ålesund']);
  });

  describe('reset with articles said to be in tree order (a saved index)', () => {
    const inOrder = [article('u:1', 'Alta', 2022, 2, 10), article('u:2', 'Zebra', 2022, 2, 3), article('u:3', 'Bergen', 2022, 2), article('u:4', 'Eldre', 2021, 11)];
    const titles = (entries: CorpusEntry[]) => {
      const corpus = new Corpus();
      corpus.reset(entries, { inTreeOrder: true });
      return corpus.articles().map((a) => a.title);
    };
    const cases: { name: string; entries: CorpusEntry[]; expected: string[] }[] = [
      { name: 'takes them as they come', entries: inOrder, expected: ['Alta', 'Zebra', 'Bergen', 'Eldre'] },
      { name: 'sorts them when their dates are out of order', entries: [inOrder[3], inOrder[1], inOrder[0], inOrder[2]], expected: ['Alta', 'Zebra', 'Bergen', 'Eldre'] },
      { name: 'sorts them when one URI comes twice (the later entry counts)', entries: [...inOrder, article('u:1', 'Alta igjen', 2020, 1)], expected: ['Zebra', 'Bergen', 'Eldre', 'Alta igjen'] },
      // Titles are not compared: a saved list is in the order the collation gave when it was saved.
      { name: 'keeps titles of the same day as they come', entries: [article('u:5', 'Øst', 2022, 2), article('u:6', 'Bergen', 2022, 2)], expected: ['Øst', 'Bergen'] },
    ];
    for (const { name, entries, expected } of cases) it(name, () => assert.deepEqual(titles(entries), expected));

    it('merges later changes into the order it took', () => {
      const corpus = new Corpus();
      corpus.reset(inOrder, { inTreeOrder: true });
      corpus.update([article('u:9', 'Midt', 2022, 2, 5)], ['u:3']);
      assert.deepEqual(corpus.articles().map((a) => a.title), ['Alta', 'Midt', 'Zebra', 'Eldre']);
    });
  });

  it('keeps tree order through any sequence of changes, as a full sort would have it', () => {
    const entryArb = fc.record({
      uri: fc.constantFrom(...Array.from({ length: 12 }, (_, i) => `u:${i}`)),
      title: fc.constantFrom('Alta', 'alta', 'Øst', 'Ålesund', 'Bergen', 'Zebra', 'Æsj'),
      month: fc.integer({ min: 1, max: 3 }),
      day: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
      problem: fc.boolean(),
    });
    const change = fc.oneof(
      fc.record({ kind: fc.constant('update' as const), upserts: fc.array(entryArb, { maxLength: 5 }), removals: fc.array(fc.constantFrom(...Array.from({ length: 12 }, (_, i) => `u:${i}`)), { maxLength: 3 }) }),
      fc.record({ kind: fc.constant('reset' as const), upserts: fc.array(entryArb, { maxLength: 8 }), removals: fc.constant([]) }),
      fc.record({ kind: fc.constant('look' as const), upserts: fc.constant([]), removals: fc.constant([]) }),
    );
    const toEntry = (e: { uri: string; title: string; month: number; day?: number; problem: boolean }): CorpusEntry =>
      e.problem ? { kind: 'problem', problem: { uri: e.uri, fileName: e.uri, origin: 'workspace', reason: 'broken' } } : article(e.uri, e.title, 2022, e.month, e.day);
    fc.assert(
      fc.property(fc.array(change, { maxLength: 12 }), (changes) => {
        const corpus = new Corpus();
        for (const c of changes) {
          if (c.kind === 'reset') corpus.reset(c.upserts.map(toEntry));
          else if (c.kind === 'update') corpus.update(c.upserts.map(toEntry), c.removals);
          // Looked at between changes, as the tree does: what is merged next starts from this order.
          const expected = [...Array.from({ length: 12 }, (_, i) => corpus.get(`u:${i}`))].flatMap((entry) => (entry?.kind === 'article' ? [entry.summary] : [])).sort(compareArticles);
          assert.deepEqual(corpus.articles(), expected);
          expected.forEach((summary, i) => assert.equal(corpus.indexOf(summary.uri), i));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('lists an article once when its entry is set again as it was, or removed and set again', () => {
    const corpus = new Corpus();
    const a = article('u:1', 'A', 2022, 1);
    const b = article('u:2', 'B', 2022, 2);
    corpus.reset([a, b]);
    corpus.articles();
    corpus.update([a]);
    assert.deepEqual(corpus.articles().map((s) => s.uri), ['u:2', 'u:1']);
    corpus.update([], ['u:1']);
    corpus.update([a]);
    assert.deepEqual(corpus.articles().map((s) => s.uri), ['u:2', 'u:1']);
  });

  it('finds neighbours in tree order', () => {
    const corpus = new Corpus();
    corpus.reset([article('u:1', 'A', 2022, 1), article('u:2', 'B', 2022, 2), article('u:3', 'C', 2022, 3)]);
    assert.equal(corpus.neighbour('u:3', 1)?.uri, 'u:2', 'from the first article in tree order');
    assert.equal(corpus.neighbour('u:3', -1), undefined);
    assert.equal(corpus.neighbour('u:2', 1)?.uri, 'u:1');
    assert.equal(corpus.neighbour('u:2', -1)?.uri, 'u:3');
    assert.equal(corpus.neighbour('u:1', 1), undefined);
    assert.equal(corpus.neighbour('nope', 1), undefined);
    assert.equal(corpus.indexOf('u:3'), 0);
    assert.equal(corpus.indexOf('nope'), -1);
  });

  it('applies updates and removals as one change, and keeps problems apart', () => {
    const corpus = new Corpus();
    let changes = 0;
    corpus.onDidChange(() => changes++);
    corpus.reset([article('u:1', 'A', 2022, 1)]);
    corpus.update(
      [article('u:2', 'B', 2022, 2), { kind: 'problem', problem: { uri: 'u:bad', fileName: 'bad.txt', origin: 'workspace', reason: 'broken' } }],
      ['u:1'],
    );
    assert.equal(changes, 2);
    assert.deepEqual(corpus.articles().map((a) => a.uri), ['u:2']);
    assert.deepEqual(corpus.problems().map((p) => p.reason), ['broken']);
    corpus.update([], ['u:missing']);
    assert.equal(changes, 2, 'removing nothing is no change');
  });

  it('removes everything under a folder', () => {
    const corpus = new Corpus();
    corpus.reset([article('file:///a/x.txt', 'A', 2022, 1), article('file:///a/sub/y.txt', 'B', 2022, 1), article('file:///ab/z.txt', 'C', 2022, 1)]);
    corpus.removeUnder(['file:///a/']);
    assert.deepEqual(corpus.articles().map((a) => a.uri), ['file:///ab/z.txt']);
  });

  it('summarises an article for the tree', () => {
    const [entry] = seedEntries();
    assert.equal(entry.kind, 'article');
    if (entry.kind !== 'article') return;
    assert.equal(entry.summary.month, '2022-02');
    assert.equal(entry.summary.source, 'VG');
    assert.equal(entry.summary.byline, 'NTB, Runa Fjellanger og Kyrre Lien');
    // The whole lead: at 208 characters it is under the 280 of a summary.
    assert.equal(
      entry.summary.lead,
      'Frankrikes president Emmanuel Macron har gjort nok et forsøk på å nå gjennom til Russlands president Vladimir Putin. Samtidig varsles det at de russiske styrkene i Hviterussland blir i landet på ubestemt tid.',
    );
  });

  // [the lead's length, the summary's lead]: kept whole up to 280 characters, then cut at a word.
  const leads: [number, (lead: string) => string][] = [
    [280, (lead) => lead],
    [281, (lead) => `${lead.slice(0, lead.lastIndexOf(' ', 278))}…`],
  ];
  for (const [length, expected] of leads) {
    it(`keeps a lead of ${length} characters ${length > 280 ? 'cut at a word' : 'whole'} in the summary`, () => {
      // Words of nine letters and a space: a lead of exactly `length` characters, with a full stop.
      const words = Array.from({ length: Math.ceil(length / 10) }, (_, i) => `${String.fromCharCode(97 + (i % 26))}ordordord`).join(' ');
      const lead = `${words.slice(0, length - 1)}.`.replace(/^./, 'A');
      assert.equal(lead.length, length);
      const result = parseArticle(` date 2022-03 Overskrift her\n\n${lead}`);
      assert.ok(result.ok);
      assert.equal(result.article.lead, lead, 'the lead as parsed');
      assert.equal(summarize('file:///a.txt', 'a.txt', 'workspace', result.article).lead, expected(lead));
    });
  }

  it('formats dates in English', () => {
    assert.equal(formatMonth(2022, 2), 'February 2022');
    assert.equal(formatDate({ year: 2022, month: 1, day: 5 }), '5 January 2022');
  });
  it('groups by month the same whether the articles come in tree order (runs, sliced) or not', () => {
    const month = fc.record({ year: fc.integer({ min: 2019, max: 2021 }), month: fc.integer({ min: 1, max: 3 }) });
    fc.assert(
      fc.property(fc.array(month, { maxLength: 40 }), fc.boolean(), (dates, sortThem) => {
        const entries = dates.map((d, i) => article(`u:${i}`, `Sak ${i}`, d.year, d.month));
        const summaries = entries.map((e) => (e.kind === 'article' ? e.summary : assert.fail()));
        if (sortThem) summaries.sort(compareArticles);
        const expected = new Map<string, string[]>();
        for (const s of summaries) expected.set(s.month, [...(expected.get(s.month) ?? []), s.uri]);
        const groups = groupByMonth(summaries);
        assert.deepEqual(
          groups.map((g) => [g.key, g.articles.map((a) => a.uri)]),
          [...expected],
        );
        for (const g of groups) assert.equal(g.label, formatMonth(g.articles[0].date.year, g.articles[0].date.month));
      }),
    );
  });
  it('resets in steps, keeping the old entries until the last step and telling of the change once', () => {
    const corpus = new Corpus();
    corpus.reset([article('u:old', 'Gammel', 2020, 1)]);
    let told = 0;
    corpus.onDidChange(() => told++);
    const next = [article('u:1', 'Alta', 2022, 2, 10), article('u:2', 'Zebra', 2022, 2, 3), article('u:3', 'Eldre', 2021, 11)];
    const steps = corpus.resetInSteps(next, { inTreeOrder: true }, 1);
    let pauses = 0;
    for (let step = steps.next(); !step.done; step = steps.next()) {
      pauses++;
      assert.deepEqual(corpus.articles().map((a) => a.uri), ['u:old']);
      assert.equal(told, 0);
    }
    assert.ok(pauses >= 3, `${pauses} pauses`);
    assert.equal(told, 1);
    assert.deepEqual(corpus.articles().map((a) => a.title), ['Alta', 'Zebra', 'Eldre']);
    assert.equal(corpus.get('u:old'), undefined);
  });

});
