import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { EntityIndex } from '../../src/core/entities/entityIndex';
import { dateCode, type TimelineSeries } from '../../src/core/entities/timeline';
import type { ArticleDate } from '../../src/core/article';
import { apply, compareInfo, dayOf, IDS, indexArticle, indexOf, type Info, mentionCount, type ModelArticle, monthOf, newIndex, operationsArb, toMentions, URIS } from './analysisCorpus';

/** An article of `mentions` (entity ids, one paragraph each) on `date`. */
function article(title: string, date: ArticleDate, ...ids: string[]): ModelArticle {
  return { info: { date, title }, paragraphs: ids.length || 1, mentions: ids.map((id, p) => ({ id, start: p * 100 })) };
}

/** A series' periods as `period: mentions/articles`, checking its columns are as long as each other. */
const points = (series: TimelineSeries) => {
  assert.equal(series.mentions.length, series.periods.length);
  assert.equal(series.articles.length, series.periods.length);
  return series.periods.map((period, i) => ({ period, mentions: series.mentions[i], articles: series.articles[i] }));
};
/** The periods of a series that are not zeros, as `period: mentions/articles`. */
const nonZero = (series: TimelineSeries) => points(series).filter((p) => p.mentions > 0 || p.articles > 0).map((p) => `${p.period}: ${p.mentions}/${p.articles}`);

describe('timelines', () => {
  const corpus: [string, ModelArticle][] = [
    ['a', article('a', { year: 2021, month: 11 }, 'anders', 'anders', 'bo')],
    ['b', article('b', { year: 2022, month: 2, day: 14 }, 'anders')],
    ['c', article('c', { year: 2022, month: 2, day: 3 }, 'anders', 'zorro', 'anders')],
    ['d', article('d', { year: 2022, month: 2 }, 'bo', 'anders')],
    ['e', article('e', { year: 2022, month: 4, day: 1 }, 'zorro')],
  ];
  const index = newIndex();
  for (const [uri, a] of corpus) indexArticle(index, uri, a);

  it('counts mentions and articles per month, every month of the range there with zeros, in order', () => {
    const { months, undated } = index.timeline('anders');
    assert.deepEqual(
      points(months).map((p) => `${p.period}: ${p.mentions}/${p.articles}`),
      ['2021-11: 2/1', '2021-12: 0/0', '2022-01: 0/0', '2022-02: 4/3'],
    );
    assert.deepEqual(undated, { mentions: 0, articles: 0 });
  });

  it('counts per day the articles dated by day: every day of each month where some are, zeros included', () => {
    const { days } = index.timeline('anders');
    assert.equal(days.periods.length, 28, 'February 2022, day by day');
    assert.equal(days.periods[0], '2022-02-01');
    assert.equal(days.periods[27], '2022-02-28');
    assert.deepEqual(nonZero(days), ['2022-02-03: 2/1', '2022-02-14: 1/1']);
    // Article d is dated by its month alone: in the month's count, not in its days.
    assert.equal(points(index.timeline('anders').months).find((p) => p.period === '2022-02')?.articles, 3);
  });

  const several: [string, string[], string[], string[]][] = [
    ['one entity', ['zorro'], ['2022-02', '2022-04'], ['2022-02-03: 1/1', '2022-04-01: 1/1']],
    ['two over one range', ['bo', 'zorro'], ['2021-11', '2022-04'], []],
    ['an unknown one beside a known one', ['nobody', 'zorro'], ['2022-02', '2022-04'], []],
  ];
  for (const [name, ids, [first, last], firstDays] of several) {
    it(`lines several up over one range of months and days: ${name}`, () => {
      const lines = index.timelines(ids);
      assert.deepEqual(lines.map((line) => line.id), ids);
      for (const line of lines) {
        assert.equal(line.months.periods[0], first);
        assert.equal(line.months.periods[line.months.periods.length - 1], last);
        assert.deepEqual(line.months.periods, lines[0].months.periods);
        assert.deepEqual(line.days.periods, lines[0].days.periods);
        points(line.days);
      }
      if (firstDays.length) assert.deepEqual(nonZero(lines[0].days), firstDays);
      // Each one counts what it counts alone.
      for (const line of lines) assert.deepEqual(nonZero(line.months), nonZero(index.timeline(line.id).months));
    });
  }

  it('counts an article that mentions an entity more often than its posting holds, after others came and went', () => {
    const many = newIndex();
    indexArticle(many, 'x', article('x', { year: 2022, month: 3 }, ...Array.from({ length: 70 }, () => 'anders'), 'bo'));
    indexArticle(many, 'y', article('y', { year: 2022, month: 3 }, 'anders', 'bo'));
    indexArticle(many, 'z', article('z', { year: 2022, month: 4 }, ...Array.from({ length: 63 }, () => 'anders')));
    many.delete('y');
    assert.deepEqual(nonZero(many.timeline('anders').months), ['2022-03: 70/1', '2022-04: 63/1']);
    assert.deepEqual(nonZero(many.timeline('bo').months), ['2022-03: 1/1']);
    assert.deepEqual(many.articlesInPeriod('anders', '2022-03', 5).articles.map((a) => a.mentions), [70]);
  });

  it('has no months for an entity the index does not know', () => {
    const empty = { periods: [], mentions: [], articles: [] };
    assert.deepEqual(index.timeline('nobody'), { id: 'nobody', months: empty, days: empty, undated: { mentions: 0, articles: 0 } });
  });

  it('lists the articles of a month or a day, newest first, with their mentions, and how many', () => {
    assert.deepEqual(index.articlesInPeriod('anders', '2022-02', 10), { total: 3, articles: [{ uri: 'b', mentions: 1 }, { uri: 'c', mentions: 2 }, { uri: 'd', mentions: 1 }] });
    assert.deepEqual(index.articlesInPeriod('anders', '2022-02', 1), { total: 3, articles: [{ uri: 'b', mentions: 1 }] });
    assert.deepEqual(index.articlesInPeriod('anders', '2022-02-03', 10), { total: 1, articles: [{ uri: 'c', mentions: 2 }] });
    for (const period of ['2022-01', '2022-13', '2022-02-00', '2022-2', 'februar', '']) assert.deepEqual(index.articlesInPeriod('anders', period, 10), { total: 0, articles: [] }, period);
    assert.deepEqual(index.articlesInPeriod('nobody', '2022-02', 10), { total: 0, articles: [] });
  });

  it('counts the articles it has no date for apart, in an index not given dates', () => {
    const undated = new EntityIndex();
    undated.set('a', toMentions(article('a', { year: 2022, month: 1 }, 'anders', 'anders')));
    const empty = { periods: [], mentions: [], articles: [] };
    assert.deepEqual(undated.timeline('anders'), { id: 'anders', months: empty, days: empty, undated: { mentions: 2, articles: 1 } });
  });

  const monthLengths: [ArticleDate, number][] = [
    [{ year: 2024, month: 2, day: 10 }, 29],
    [{ year: 2023, month: 2, day: 10 }, 28],
    [{ year: 2000, month: 2, day: 5 }, 29],
    [{ year: 1900, month: 2, day: 5 }, 28],
    [{ year: 2023, month: 4, day: 1 }, 30],
    [{ year: 2023, month: 12, day: 31 }, 31],
    [{ year: 2023, month: 1, day: 31 }, 31],
  ];
  for (const [date, days] of monthLengths) {
    it(`lists every day of ${date.year}-${date.month}: ${days}`, () => {
      const one = newIndex();
      indexArticle(one, 'a', article('a', date, 'anders'));
      const line = one.timeline('anders');
      assert.equal(line.days.periods.length, days);
      assert.equal(line.days.periods[days - 1].slice(-2), String(days));
      assert.deepEqual(nonZero(line.days), [`${dayOf(date)}: 1/1`]);
    });
  }

  const codes: [string, ArticleDate | undefined, number][] = [
    ['a month', { year: 2022, month: 2 }, ((2022 * 16 + 2) * 32)],
    ['a day', { year: 2022, month: 2, day: 14 }, ((2022 * 16 + 2) * 32) + 14],
    ['no date', undefined, -1],
    ['month 13', { year: 2022, month: 13 }, -1],
    ['month 0', { year: 2022, month: 0 }, -1],
    ['day 32', { year: 2022, month: 1, day: 32 }, -1],
    ['a year not whole', { year: 2022.5, month: 1 }, -1],
  ];
  for (const [name, date, code] of codes) it(`numbers a date for the index: ${name}`, () => assert.equal(dateCode(date), code));
});

describe('timelines, against every article looked at (property)', () => {
  /** The model's months and days for `id`: period → [mentions, articles]. */
  const expected = (model: ReadonlyMap<string, ModelArticle>, id: string) => {
    const months = new Map<string, [number, number]>();
    const days = new Map<string, [number, number]>();
    for (const a of model.values()) {
      const count = mentionCount(a, id);
      if (count === 0) continue;
      const add = (map: Map<string, [number, number]>, key: string) => {
        const [m, n] = map.get(key) ?? [0, 0];
        map.set(key, [m + count, n + 1]);
      };
      add(months, monthOf(a.info.date));
      const day = dayOf(a.info.date);
      if (day) add(days, day);
    }
    return { months, days };
  };
  const asMap = (series: TimelineSeries) => new Map(points(series).filter((p) => p.articles > 0).map((p) => [p.period, [p.mentions, p.articles] as [number, number]]));

  it('counts what the articles hold, sums to the entity\'s counts, and never depends on the order articles came and went in', () => {
    fc.assert(
      fc.property(operationsArb, (operations) => {
        const index = newIndex();
        const model = apply(index, operations);
        const reversed = indexOf(model, [...URIS].reverse());
        const restored = newIndex();
        restored.restoreState(index.exportState(), (uri) => model.get(uri)?.info);
        for (const id of IDS) {
          const line = index.timeline(id);
          const { months, days } = expected(model, id);
          assert.deepEqual(asMap(line.months), months);
          assert.deepEqual(asMap(line.days), days);
          // Totals: every mention and article is in a month (all are dated).
          const entity = index.entity(id);
          assert.equal(line.months.mentions.reduce((sum, m) => sum + m, 0), entity?.mentions ?? 0);
          assert.equal(line.months.articles.reduce((sum, a) => sum + a, 0), entity?.articles ?? 0);
          // Sorted, one point per month or day, and no gap between months.
          const periods = line.months.periods;
          assert.deepEqual(periods, [...new Set(periods)].sort());
          for (let i = 1; i < periods.length; i++) {
            const [y, m]: number[] = periods[i - 1].split('-').map(Number);
            assert.equal(periods[i], m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`);
          }
          const dayPeriods = line.days.periods;
          assert.deepEqual(dayPeriods, [...new Set(dayPeriods)].sort());
          assert.deepEqual(reversed.timeline(id), line);
          assert.deepEqual(restored.timeline(id), line);
          // Each bar's articles: as many as it counts, in the index's order.
          for (const point of points(line.months).filter((p) => p.articles > 0)) {
            const listed = index.articlesInPeriod(id, point.period, 100);
            assert.equal(listed.total, point.articles);
            assert.equal(listed.articles.reduce((sum, a) => sum + a.mentions, 0), point.mentions);
            const infos = listed.articles.map((a) => model.get(a.uri)?.info as Info);
            assert.deepEqual(infos, [...infos].sort(compareInfo));
            assert.deepEqual(reversed.articlesInPeriod(id, point.period, 2), index.articlesInPeriod(id, point.period, 2));
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('takes an article\'s counts out with it when it is deleted', () => {
    fc.assert(
      fc.property(operationsArb, fc.constantFrom(...URIS), (operations, gone) => {
        const index = newIndex();
        const model = apply(index, operations);
        index.delete(gone);
        model.delete(gone);
        const fresh = indexOf(model, URIS);
        assert.deepEqual(index.timelines(IDS), fresh.timelines(IDS));
      }),
      { numRuns: 100 },
    );
  });
});
