// Quote finding and attribution measured on the gold lists of test/fixtures/quotes/: the five seeds and the
// development sets (rules may be tuned on these, and QUOTE_ERRORS=1 prints every miss), and apart from them
// the held-out sets, which nobody tunes on: only its totals are printed, never its errors. The floors sit just
// below what the rules reach, so that a regression fails; the issue's targets are printed beside them.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { QUOTES_DIR, emptyScores, goldSet, type QuoteSet, report, scoreArticle, share, type QuoteScores } from './quoteScoring';

/** What issue 13 asks of attribution: direct quotes and reported speech attributed right. */
const TARGETS = { direct: 0.9, reported: 0.7 };

interface Floors {
  readonly direct: number;
  readonly reported: number;
}

const SETS: readonly { set: QuoteSet; floors: Floors; errors: boolean }[] = [
  { set: 'seeds', floors: { direct: 0.92, reported: 0.92 }, errors: true },
  { set: 'dev', floors: { direct: 0.98, reported: 0.92 }, errors: true },
  { set: 'dev2', floors: { direct: 0.95, reported: 0.98 }, errors: true },
  { set: 'dev3', floors: { direct: 0.93, reported: 0.96 }, errors: true },
  { set: 'dev4', floors: { direct: 0.95, reported: 0.98 }, errors: true },
  { set: 'dev5', floors: { direct: 0.91, reported: 0.91 }, errors: true },
  { set: 'dev6', floors: { direct: 0.96, reported: 0.93 }, errors: true },
  { set: 'dev7', floors: { direct: 0.96, reported: 0.93 }, errors: true },
  { set: 'dev8', floors: { direct: 0.91, reported: 0.92 }, errors: true },
  { set: 'dev9', floors: { direct: 0.94, reported: 0.87 }, errors: true },
  { set: 'dev10', floors: { direct: 0.96, reported: 0.98 }, errors: true },
  { set: 'dev11', floors: { direct: 0.97, reported: 0.9 }, errors: true },
  { set: 'dev12', floors: { direct: 0.9, reported: 0.83 }, errors: true },
  { set: 'dev13', floors: { direct: 0.8, reported: 0.8 }, errors: true },
  { set: 'dev14', floors: { direct: 0.96, reported: 0.94 }, errors: true },
  { set: 'heldout', floors: { direct: 0.79, reported: 0.81 }, errors: false },
  { set: 'heldout2', floors: { direct: 0.9, reported: 0.93 }, errors: false },
  { set: 'heldout3', floors: { direct: 0.88, reported: 0.91 }, errors: false },
  { set: 'heldout4', floors: { direct: 0.94, reported: 0.91 }, errors: false },
  { set: 'heldout5', floors: { direct: 0.92, reported: 0.88 }, errors: false },
  { set: 'heldout6', floors: { direct: 0.89, reported: 0.91 }, errors: false },
  { set: 'heldout7', floors: { direct: 0.96, reported: 0.9 }, errors: false },
];

for (const { set, floors, errors } of SETS) {
  if (!existsSync(set === 'seeds' ? join(QUOTES_DIR, 'seeds.gold.json') : join(QUOTES_DIR, set))) continue;
  describe(`quote attribution on the ${set.startsWith('heldout') ? `held-out articles nobody tuned on (${set})` : set === 'seeds' ? 'seeds' : `development set ${set}`}`, () => {
    const scores: QuoteScores = emptyScores();
    const articles = goldSet(set);

    before(() => {
      for (const { name, fileText, gold } of articles) scoreArticle(name, fileText, gold, scores);
      console.log(report(set, scores));
      console.log(`      ${set.padEnd(8)} targets: direct ${TARGETS.direct.toFixed(2)}, reported ${TARGETS.reported.toFixed(2)}`);
      if (errors && process.env.QUOTE_ERRORS) console.log(scores.errors.map((line) => `        ${line}`).join('\n'));
    });

    it('has articles with quotes of every kind to measure', () => {
      assert.ok(articles.length >= 5, `${articles.length} articles`);
      assert.ok(scores.byKind.direct.gold >= 15 && scores.byKind.reported.gold >= 15);
    });
    it('takes no dash subheading for a quote', () => assert.deepEqual(scores.subheadingsTaken, []));
    it(`attributes at least ${floors.direct} of direct quotes right`, () => {
      const got = share(scores.byKind.direct.attributed, scores.byKind.direct.gold);
      assert.ok(got >= floors.direct, `${got.toFixed(3)}`);
    });
    it(`attributes at least ${floors.reported} of reported speech right`, () => {
      const got = share(scores.byKind.reported.attributed, scores.byKind.reported.gold);
      assert.ok(got >= floors.reported, `${got.toFixed(3)}`);
    });
  });
}
