import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ArticleDate } from '../../src/core/article';
import { EntityIndex } from '../../src/core/entities/entityIndex';
import { packMentions } from '../../src/core/entities/mentionPack';
import type { EntityMention } from '../../src/core/entities/types';
import { type IndexedQuote, monthRange, yearRange } from '../../src/core/quotes/quoteIndex';
import { isPackedQuotes, packQuotes, textHash, unpackQuotes } from '../../src/core/quotes/quotePack';
import { dateCode } from '../../src/core/entities/timeline';
import { findQuotes } from '../../src/core/quotes/findQuotes';
import { parseArticle } from '../../src/core/parse';
import type { Quote, QuoteKind } from '../../src/core/quotes/quoteTypes';

interface Info {
  readonly date: ArticleDate;
  readonly uri: string;
}

/** Newest first, then by URI: the extension's tree order in small. */
function compare(a: Info, b: Info): number {
  return dateCode(b.date) - dateCode(a.date) || a.uri.localeCompare(b.uri);
}

function newIndex(): EntityIndex<Info> {
  return new EntityIndex<Info>({ compare, dateOf: (info) => info.date, newestFirst: true });
}

function mention(entityId: string, start: number): EntityMention {
  return { start, end: start + 4, text: 'Name', type: 'person', entityId, canonical: `Name ${entityId}`, source: 'knowledgeBase' };
}

/** A made-up article: mentions of its speakers, then a quote per entry of `quotes` after them. */
interface ModelQuote {
  readonly speaker: string | null;
  readonly kind: QuoteKind;
}

function addArticle(index: EntityIndex<Info>, uri: string, date: ArticleDate, quotes: readonly ModelQuote[], text = 'x'.repeat(2000)): Quote[] {
  const speakers = [...new Set(quotes.flatMap((q) => (q.speaker ? [q.speaker] : [])))];
  const mentions = speakers.map((id, i) => mention(id, i * 10));
  const found: Quote[] = quotes.map((q, i) => ({ start: 500 + i * 20, end: 510 + i * 20, kind: q.kind, speaker: q.speaker ? `Name ${q.speaker}` : null, speakerId: q.speaker, cue: q.speaker ? 'sier' : null }));
  const packed = packMentions(mentions);
  index.setPacked(uri, packed, { date, uri }, packQuotes(found, packed.ids, text));
  return found;
}

const feb = { year: 2022, month: 2 };
const jan = { year: 2022, month: 1 };
const mar3 = { year: 2022, month: 3, day: 3 };

describe('the quote index', () => {
  it('lists a speaker\'s quotes newest article first, an article\'s in text order, with total and pages', () => {
    const index = newIndex();
    addArticle(index, 'a', jan, [{ speaker: 'jens', kind: 'direct' }, { speaker: 'vlad', kind: 'reported' }, { speaker: 'jens', kind: 'reported' }]);
    addArticle(index, 'b', mar3, [{ speaker: 'jens', kind: 'question' }]);
    addArticle(index, 'c', feb, [{ speaker: null, kind: 'direct' }, { speaker: 'jens', kind: 'direct' }]);
    const page = index.quotes.query({ speakerId: 'jens' }, 0, 10);
    assert.equal(page.total, 4);
    assert.deepEqual(page.quotes.map((q) => [q.uri, q.start, q.kind]), [['b', 500, 'question'], ['c', 520, 'direct'], ['a', 500, 'direct'], ['a', 540, 'reported']]);
    assert.equal(page.quotes[0].speaker, 'Name jens');
    assert.equal(page.quotes[0].cue, 'sier');
    assert.deepEqual(index.quotes.query({ speakerId: 'jens' }, 1, 2).quotes.map((q) => q.uri), ['c', 'a']);
    assert.equal(index.quoteCount('jens'), 4);
    assert.equal(index.quoteCount('vlad'), 1);
    assert.equal(index.quoteCount('nobody'), 0);
    assert.equal(index.quotes.total, 6);
  });

  const filters: { name: string; filter: Parameters<EntityIndex['quotes']['query']>[0]; expected: string[] }[] = [
    { name: 'all', filter: {}, expected: ['b:500', 'c:500', 'c:520', 'a:500', 'a:520', 'a:540'] },
    { name: 'a month', filter: { ...monthRange('2022-01') }, expected: ['a:500', 'a:520', 'a:540'] },
    { name: 'a year', filter: yearRange(2022), expected: ['b:500', 'c:500', 'c:520', 'a:500', 'a:520', 'a:540'] },
    { name: 'another year', filter: yearRange(2021), expected: [] },
    { name: 'a kind', filter: { kinds: ['reported'] }, expected: ['a:520', 'a:540'] },
    { name: 'two kinds', filter: { kinds: ['question', 'reported'] }, expected: ['b:500', 'a:520', 'a:540'] },
    { name: 'a speaker and a kind', filter: { speakerId: 'jens', kinds: ['direct'] }, expected: ['c:520', 'a:500'] },
    { name: 'a speaker and a month', filter: { speakerId: 'jens', ...monthRange('2022-02') }, expected: ['c:520'] },
    { name: 'an unknown speaker', filter: { speakerId: 'nobody' }, expected: [] },
    { name: 'a day range', filter: { from: dateCode({ year: 2022, month: 3, day: 1 }), to: dateCode({ year: 2022, month: 3, day: 5 }) }, expected: ['b:500'] },
  ];
  for (const { name, filter, expected } of filters) {
    it(`filters quotes: ${name}`, () => {
      const index = newIndex();
      addArticle(index, 'a', jan, [{ speaker: 'jens', kind: 'direct' }, { speaker: 'vlad', kind: 'reported' }, { speaker: 'jens', kind: 'reported' }]);
      addArticle(index, 'b', mar3, [{ speaker: 'jens', kind: 'question' }]);
      addArticle(index, 'c', feb, [{ speaker: null, kind: 'direct' }, { speaker: 'jens', kind: 'direct' }]);
      const page = index.quotes.query(filter, 0, 100);
      assert.deepEqual(page.quotes.map((q) => `${q.uri}:${q.start}`), expected);
      assert.equal(page.total, expected.length);
      const months = index.quotes.months(filter);
      assert.equal(months.reduce((sum, m) => sum + m.quotes, 0), expected.length);
    });
  }

  it('counts quotes per month, newest first, and ranks the speakers', () => {
    const index = newIndex();
    addArticle(index, 'a', jan, [{ speaker: 'jens', kind: 'direct' }, { speaker: 'vlad', kind: 'reported' }, { speaker: 'jens', kind: 'reported' }]);
    addArticle(index, 'b', mar3, [{ speaker: 'vlad', kind: 'question' }]);
    addArticle(index, 'c', feb, [{ speaker: 'ærlend', kind: 'direct' }]);
    assert.deepEqual(index.quotes.months({}), [{ month: '2022-03', quotes: 1 }, { month: '2022-02', quotes: 1 }, { month: '2022-01', quotes: 3 }]);
    const top = index.quotes.topSpeakers(10);
    assert.deepEqual(top.speakers.map((s) => [s.id, s.quotes]), [['jens', 2], ['vlad', 2], ['ærlend', 1]]);
    assert.equal(top.total, 3);
    assert.deepEqual(index.quotes.topSpeakers(10, (name) => name.includes('arlend')).speakers.map((s) => s.id), ['ærlend']);
  });

  it('follows an article that changes and one that leaves', () => {
    const index = newIndex();
    addArticle(index, 'a', jan, [{ speaker: 'jens', kind: 'direct' }, { speaker: 'jens', kind: 'direct' }]);
    addArticle(index, 'b', feb, [{ speaker: 'jens', kind: 'direct' }]);
    addArticle(index, 'a', jan, [{ speaker: 'vlad', kind: 'direct' }]);
    assert.equal(index.quoteCount('jens'), 1);
    assert.equal(index.quoteCount('vlad'), 1);
    index.delete('b');
    assert.equal(index.quoteCount('jens'), 0);
    assert.deepEqual(index.quotes.query({ speakerId: 'jens' }, 0, 10), { total: 0, quotes: [] });
    assert.deepEqual(index.quotes.topSpeakers(10).speakers.map((s) => s.id), ['vlad']);
  });

  it('keeps a speaker without an entity id by name, and no speaker as none', () => {
    const index = newIndex();
    const packed = packMentions([mention('jens', 0)]);
    const quotes: Quote[] = [
      { start: 10, end: 20, kind: 'question', speaker: 'Kari Dahl', speakerId: null, cue: null },
      { start: 30, end: 40, kind: 'direct', speaker: null, speakerId: null, cue: 'sa' },
      { start: 50, end: 60, kind: 'direct', speaker: 'Name jens', speakerId: 'jens', cue: 'sa' },
    ];
    index.setPacked('a', packed, { date: jan, uri: 'a' }, packQuotes(quotes, packed.ids, 'text'));
    const page = index.quotes.query({}, 0, 10);
    assert.deepEqual(page.quotes.map((q) => [q.speakerId, q.speaker, q.cue]), [[null, 'Kari Dahl', null], [null, null, 'sa'], ['jens', 'Name jens', 'sa']]);
    assert.equal(page.quotes[0].textHash, textHash('text'));
  });

  it('finds the seeds\' quotes through the pack as findQuotes gives them', () => {
    const text = '– Dette er alvorlig, sier Jens Stoltenberg.\n\nLavrov sa også at de vil snakke.';
    const parsed = parseArticle(` date 2022-02 Overskrift\n\n${text}`);
    assert.ok(parsed.ok);
    const article = parsed.article;
    const jens = article.text.indexOf('Jens');
    const lavrov = article.text.indexOf('Lavrov');
    const mentions: EntityMention[] = [
      { start: jens, end: jens + 'Jens Stoltenberg'.length, text: 'Jens Stoltenberg', type: 'person', entityId: 'jens-stoltenberg', canonical: 'Jens Stoltenberg', source: 'knowledgeBase' },
      { start: lavrov, end: lavrov + 6, text: 'Lavrov', type: 'person', entityId: 'sergej-lavrov', canonical: 'Sergej Lavrov', source: 'knowledgeBase' },
    ];
    const found = findQuotes(article, mentions);
    const packed = packMentions(mentions);
    const pack = packQuotes(found, packed.ids, article.text);
    const unpacked = unpackQuotes(pack);
    assert.deepEqual(
      unpacked.map((q) => [q.start, q.end, q.kind, q.speakerPlace === undefined ? q.speakerName : packed.ids[q.speakerPlace], q.cue]),
      found.map((q) => [q.start, q.end, q.kind, q.speakerId ?? q.speaker, q.cue]),
    );
    assert.ok(found.some((q) => q.speakerId === 'jens-stoltenberg'));
  });

  it('refuses packs that do not fit', () => {
    const good = packQuotes([{ start: 1, end: 5, kind: 'direct', speaker: 'A', speakerId: 'a', cue: 'sa' }], ['a'], 'text');
    const base: Record<string, unknown> = { quotes: good.quotes, strings: good.strings, textHash: good.textHash };
    // A plain boolean: the type guard would narrow `base` to nothing after the first two.
    const fits = (value: unknown, ids: number): boolean => isPackedQuotes(value, ids);
    assert.ok(fits(base, 1));
    assert.ok(!fits(base, 0), 'a speaker place beyond the ids');
    assert.ok(!fits({ ...base, quotes: new Int32Array([1, 0, 0, -1, -1]) }, 1), 'ends before it starts');
    assert.ok(!fits({ ...base, quotes: new Int32Array([1, 2, 7, -1, -1]) }, 1), 'no such kind');
    assert.ok(!fits({ ...base, quotes: new Int32Array([1, 2, 0, -1, 5]) }, 1), 'no such cue');
    assert.ok(!fits({ ...base, quotes: new Int32Array([1, 2, 0, -1]) }, 1), 'not whole');
    assert.ok(!fits({ quotes: [1, 2, 0, -1, -1], strings: [], textHash: 0 }, 1), 'not typed');
    assert.ok(!fits({ ...base, strings: ['x'.repeat(201)] }, 1), 'a string too long');
  });

  it('refuses a saved state whose quotes do not add up', () => {
    const index = newIndex();
    addArticle(index, 'a', jan, [{ speaker: 'jens', kind: 'direct' }]);
    const state = index.exportState();
    const restore = (changed: Partial<typeof state>) => newIndex().restoreState({ ...state, ...changed }, (uri) => ({ date: jan, uri }));
    assert.throws(() => restore({ quoteStarts: new Int32Array([0, 3]) }), /quotes do not add up/u);
    const badSpeaker = state.quotes.slice();
    badSpeaker[4] = 99;
    assert.throws(() => restore({ quotes: badSpeaker }), /quotes do not add up/u);
    const badKind = state.quotes.slice();
    badKind[3] = 3;
    assert.throws(() => restore({ quotes: badKind }), /quotes do not add up/u);
    const badCue = state.quotes.slice();
    badCue[5] = 4;
    assert.throws(() => restore({ quotes: badCue }), /quotes do not add up/u);
  });

  // Properties over made-up corpora.
  const speakerArb = fc.constantFrom('jens', 'vlad', 'emmanuel', 'ærlend', null);
  const quoteArb = fc.record({ speaker: speakerArb, kind: fc.constantFrom<QuoteKind>('direct', 'reported', 'question') });
  const dateArb: fc.Arbitrary<ArticleDate> = fc
    .record({ year: fc.integer({ min: 2020, max: 2022 }), month: fc.integer({ min: 1, max: 12 }), day: fc.option(fc.integer({ min: 1, max: 28 }), { nil: undefined }) })
    .map(({ year, month, day }) => (day === undefined ? { year, month } : { year, month, day }));
  const articleArb = fc.record({ uri: fc.integer({ min: 0, max: 30 }).map((n) => `article-${n}`), date: dateArb, quotes: fc.array(quoteArb, { maxLength: 6 }) });
  const corpusArb = fc.array(articleArb, { maxLength: 25 });

  function model(articles: readonly { uri: string; date: ArticleDate; quotes: readonly ModelQuote[] }[]): Map<string, { date: ArticleDate; quotes: readonly ModelQuote[] }> {
    const last = new Map<string, { date: ArticleDate; quotes: readonly ModelQuote[] }>();
    for (const a of articles) last.set(a.uri, a);
    return last;
  }

  it('property: adding then removing every article leaves it empty', () => {
    fc.assert(
      fc.property(corpusArb, (articles) => {
        const index = newIndex();
        for (const a of articles) addArticle(index, a.uri, a.date, a.quotes);
        for (const uri of new Set(articles.map((a) => a.uri))) index.delete(uri);
        assert.equal(index.quotes.total, 0);
        assert.equal(index.quotes.articles, 0);
        assert.deepEqual(index.quotes.topSpeakers(100), { speakers: [], total: 0 });
        assert.deepEqual(index.quotes.query({}, 0, 100), { total: 0, quotes: [] });
      }),
    );
  });

  it('property: the lists are in date order, newest first, and count as a model of the corpus does', () => {
    fc.assert(
      fc.property(corpusArb, speakerArb, (articles, speaker) => {
        const index = newIndex();
        for (const a of articles) addArticle(index, a.uri, a.date, a.quotes);
        const corpus = model(articles);
        const filter = speaker ? { speakerId: speaker } : {};
        const page = index.quotes.query(filter, 0, 10_000);
        const expected = [...corpus.values()].reduce((sum, a) => sum + a.quotes.filter((q) => !speaker || q.speaker === speaker).length, 0);
        assert.equal(page.total, expected);
        assert.equal(page.quotes.length, expected);
        // Newest first; an article's quotes together and in text order.
        const done = new Set<string>();
        for (let i = 1; i < page.quotes.length; i++) {
          const [a, b] = [page.quotes[i - 1], page.quotes[i]];
          assert.ok(a.date >= b.date, `${a.uri} ${a.date} before ${b.uri} ${b.date}`);
          if (a.uri === b.uri) assert.ok(a.start < b.start);
          else {
            done.add(a.uri);
            assert.ok(!done.has(b.uri), `${b.uri}'s quotes together`);
          }
        }
        if (speaker) assert.equal(index.quoteCount(speaker), expected);
        // Each month's count, by the kept counts (no speaker) or a pass (a speaker), as the model has it.
        const months = new Map<string, number>();
        for (const a of corpus.values()) {
          const n = a.quotes.filter((q) => (!speaker || q.speaker === speaker) && q.kind !== 'question').length;
          const key = `${a.date.year}-${String(a.date.month).padStart(2, '0')}`;
          if (n > 0) months.set(key, (months.get(key) ?? 0) + n);
        }
        const wanted = [...months.entries()].sort((a, b) => (a[0] < b[0] ? 1 : -1)).map(([month, quotes]) => ({ month, quotes }));
        assert.deepEqual(index.quotes.months({ ...filter, kinds: ['direct', 'reported'] }), wanted);
      }),
    );
  });

  it('property: pages cover every quote once', () => {
    fc.assert(
      fc.property(corpusArb, fc.integer({ min: 1, max: 7 }), (articles, size) => {
        const index = newIndex();
        for (const a of articles) addArticle(index, a.uri, a.date, a.quotes);
        const all = index.quotes.query({}, 0, 10_000);
        const paged: IndexedQuote[] = [];
        for (let offset = 0; offset < all.total; offset += size) {
          const page = index.quotes.query({}, offset, size);
          assert.equal(page.total, all.total);
          paged.push(...page.quotes);
        }
        assert.deepEqual(paged, all.quotes);
        assert.equal(new Set(paged.map((q) => `${q.uri}:${q.start}`)).size, paged.length);
      }),
    );
  });

  it('property: packed quotes unpack to what was packed', () => {
    const packArb = fc.array(
      fc.record({ start: fc.nat(5000), length: fc.nat(300), kind: fc.constantFrom<QuoteKind>('direct', 'reported', 'question'), speaker: fc.option(fc.constantFrom('a', 'b', 'c', 'Kari')), cue: fc.option(fc.constantFrom('sa', 'sier', 'la til')) }),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(packArb, (drafts) => {
        const ids = ['a', 'b', 'c'];
        const quotes: Quote[] = drafts.map((d) => ({ start: d.start, end: d.start + d.length, kind: d.kind, speaker: d.speaker, speakerId: d.speaker && ids.includes(d.speaker) ? d.speaker : null, cue: d.cue }));
        const pack = packQuotes(quotes, ids, 'text');
        assert.ok(isPackedQuotes(pack, ids.length));
        assert.deepEqual(
          unpackQuotes(pack).map((q) => ({ start: q.start, end: q.end, kind: q.kind, speaker: q.speakerPlace !== undefined ? ids[q.speakerPlace] : q.speakerName, cue: q.cue })),
          quotes.map((q) => ({ start: q.start, end: q.end, kind: q.kind, speaker: q.speakerId ?? q.speaker, cue: q.cue })),
        );
      }),
    );
  });

  it('property: the top speakers are those with the most quotes, in order, however many are asked for', () => {
    fc.assert(
      fc.property(corpusArb, fc.integer({ min: 0, max: 6 }), (articles, limit) => {
        const index = newIndex();
        for (const a of articles) addArticle(index, a.uri, a.date, a.quotes);
        const all = index.quotes.topSpeakers(100);
        const top = index.quotes.topSpeakers(limit);
        assert.equal(top.total, all.total);
        assert.equal(top.speakers.length, Math.min(limit, all.total));
        // The same counts as the first of the whole ranking (ties at the last place may be other speakers of that count).
        assert.deepEqual(top.speakers.map((s) => s.quotes), all.speakers.slice(0, limit).map((s) => s.quotes));
        for (const speaker of top.speakers) assert.equal(speaker.quotes, index.quoteCount(speaker.id));
      }),
    );
  });

  it('property: a saved index restores to the same answers', () => {
    fc.assert(
      fc.property(corpusArb, (articles) => {
        const index = newIndex();
        for (const a of articles) addArticle(index, a.uri, a.date, a.quotes);
        const infos = new Map([...model(articles)].map(([uri, a]) => [uri, { date: a.date, uri }]));
        const restored = newIndex();
        restored.restoreState(index.exportState(), (uri) => infos.get(uri));
        assert.deepEqual(restored.quotes.query({}, 0, 10_000), index.quotes.query({}, 0, 10_000));
        assert.deepEqual(restored.quotes.topSpeakers(100), index.quotes.topSpeakers(100));
        assert.deepEqual(restored.quotes.months({}), index.quotes.months({}));
        assert.deepEqual(restored.exportState(), index.exportState());
      }),
    );
  });
});
