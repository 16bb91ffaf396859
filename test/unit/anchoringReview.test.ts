import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { anchor, describeRange, WorkBudget, WORK_BUDGET } from '../../src/core/annotations/anchoring';
import { createAnnotation, textHash } from '../../src/core/annotations/model';
import { placeAnnotations } from '../../src/core/annotations/placement';
import { generateArticles } from '../../src/core/bench/generate';
import { parseArticle } from '../../src/core/parse';
import { readSeed } from './helpers';

/** A long article of made-up words (the benchmarks' realistic vocabulary), so passages do not repeat. */
function longText(chars: number): string {
  const seeds = ['000', '001', '002', '003', '004'].map((n) => readSeed(n));
  const parts: string[] = [];
  let length = 0;
  for (const generated of generateArticles(seeds, { count: 10_000, seed: 3, realistic: true })) {
    const parsed = parseArticle(generated.text);
    if (!parsed.ok) continue;
    parts.push(parsed.article.text);
    length += parsed.article.text.length + 2;
    if (length >= chars) break;
  }
  return parts.join('\n\n');
}

const big = longText(300_000);

/** The range of the `n`-th word run of `words` words from about `at` in `text`. */
function passage(text: string, at: number, words: number): [number, number] {
  let start = at;
  while (start > 0 && /\S/.test(text[start - 1])) start--;
  let end = start;
  for (let w = 0; w < words; w++) {
    while (end < text.length && /\s/.test(text[end])) end++;
    while (end < text.length && /\S/.test(text[end])) end++;
  }
  return [start, end];
}

describe('anchoring: bounded, and uncertain matches offered for review', () => {
  const cases: { title: string; before: string; quote: string; edit: (text: string) => string; expect: 'anchored' | 'review' | 'orphan'; found?: string }[] = [
    {
      title: 'a quote edited in place, both contexts intact: applied',
      before: 'Først kom et helt annet avsnitt her. Regjeringen la fram budsjettet tirsdag morgen i Oslo. Deretter fulgte en lang debatt i salen.',
      quote: 'la fram budsjettet tirsdag morgen',
      edit: (t) => t.replace('budsjettet', 'budsjetet'),
      expect: 'anchored',
      found: 'la fram budsjetet tirsdag morgen',
    },
    {
      title: 'a quote edited and the words on one side changed too: offered for review, not moved',
      before: 'Først kom et helt annet avsnitt her. Regjeringen la fram budsjettet tirsdag morgen i Oslo. Deretter fulgte en lang debatt i salen.',
      quote: 'la fram budsjettet tirsdag morgen',
      edit: (t) => t.replace('budsjettet', 'budsjetet').replace('annet avsnitt her.', 'annet stykke der,'),
      expect: 'review',
      found: 'la fram budsjetet tirsdag morgen',
    },
    {
      title: 'the same words twice, each with one side of its context: review (which one is not certain)',
      before: 'Noe helt annet står aller først her. Innledningen sier at Alfa beta gamma delta epsilon zeta eta theta kommer, og så fortsetter teksten med mer. Slutt.',
      quote: 'Alfa beta gamma delta epsilon zeta eta theta',
      edit: () =>
        'Ny linje. Noe helt annet står aller først her. Innledningen sier at Alfa beta gamma delta epsilon zeta eta theta! Helt nye ord står her og der. ' +
        'Mer tekst, og lenger ut: Alfa beta gamma delta epsilon zeta eta theta kommer, og så fortsetter teksten med mer. Slutt.',
      expect: 'review',
    },
    {
      title: 'a deleted quote whose context stands together: an orphan, not the similar words elsewhere',
      before: 'Regjeringen la fram budsjettet tirsdag. Noe annet skjedde. Senere: Regjeringen la fram budsjettet onsdag, sa de. Slutt.',
      quote: 'Regjeringen la fram budsjettet tirsdag.',
      edit: (t) => t.replace('Regjeringen la fram budsjettet tirsdag. ', ''),
      expect: 'orphan',
    },
  ];
  for (const c of cases) {
    it(c.title, () => {
      const start = c.before.indexOf(c.quote);
      const after = c.edit(c.before);
      const result = anchor(after, describeRange(c.before, start, start + c.quote.length));
      assert.equal(result.status, c.expect, JSON.stringify(result));
      if (c.found !== undefined && result.status === 'anchored') assert.equal(after.slice(result.start, result.end), c.found);
      if (c.found !== undefined && result.status === 'review') assert.equal(result.suggestion && after.slice(result.suggestion.start, result.suggestion.end), c.found);
    });
  }

  it('finds a lightly edited quote in a long article from its context, with little work', () => {
    const [start, end] = passage(big, 150_000, 8);
    const selectors = describeRange(big, start, end);
    const middle = (start + end) >> 1;
    const edited = `Et nytt avsnitt først.\n\n${big.slice(0, middle)}${big.slice(middle + 1)}`;
    const budget = new WorkBudget();
    const result = anchor(edited, selectors, budget);
    assert.deepEqual(result, { status: 'anchored', start: start + 24, end: end + 23, method: 'fuzzy' });
    // The windows around the exact context, not the whole text: a few native scans and a window's worth of matching.
    assert.ok(budget.used < edited.length, `${budget.used} units for ${edited.length} characters`);
  });

  it('reports a search cut short by its budget as needing review, never as placed', () => {
    const [start, end] = passage(big, 100_000, 6);
    const selectors = describeRange(big, start, end);
    // The quote edited and both contexts rewritten: only a search of the whole text could find it, and the budget is too small for that.
    const edited = big.slice(0, start - 40) + 'X'.repeat(40) + big.slice(start, start + 3) + big.slice(start + 4, end) + 'Y'.repeat(40) + big.slice(end + 40);
    const result = anchor(edited, selectors, new WorkBudget(big.length / 4));
    assert.equal(result.status, 'review');
    assert.match(result.status === 'review' ? result.reason : '', /cut short/);
  });

  it('counts work, not time: the same answer and the same units every run', () => {
    const [start, end] = passage(big, 200_000, 5);
    const selectors = describeRange(big, start, end);
    const edited = big.slice(0, start) + big.slice(start, end).replace(/[aeiou]/, '') + big.slice(end);
    const runs = [0, 1, 2].map(() => {
      const budget = new WorkBudget();
      return { result: anchor(edited, selectors, budget), used: budget.used };
    });
    assert.deepEqual(runs[1], runs[0]);
    assert.deepEqual(runs[2], runs[0]);
    assert.ok(runs[0].used <= WORK_BUDGET);
  });

  it('never spends much more than its budget, and never places what it did not finish (property)', () => {
    const text = big.slice(0, 60_000);
    fc.assert(
      fc.property(fc.nat(text.length - 200), fc.integer({ min: 1, max: 12 }), fc.nat(), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1_000, max: 400_000 }), (at, words, cut, kind, limit) => {
        const [start, end] = passage(text, at, words);
        if (end <= start) return;
        const selectors = describeRange(text, start, end);
        const quote = text.slice(start, end);
        const where = start + (cut % quote.length);
        // Unchanged, one letter lost, the quote deleted, or its surroundings rewritten.
        const edited = [
          text,
          text.slice(0, where) + text.slice(where + 1),
          text.slice(0, start) + text.slice(end),
          text.slice(0, Math.max(0, start - 20)) + '#'.repeat(20) + quote + '#'.repeat(20) + text.slice(end + 20),
        ][kind];
        const budget = new WorkBudget(limit);
        const result = anchor(edited, selectors, budget);
        // One step past the limit at most: the step that found it spent, and stopped there.
        assert.ok(budget.used <= limit + edited.length, `${budget.used} of ${limit}`);
        if (result.status === 'anchored') {
          // Placed: the words there are the quote, or within a letter of it.
          const found = edited.slice(result.start, result.end);
          assert.ok(found === quote || Math.abs(found.length - quote.length) <= 1, `${JSON.stringify(found)} for ${JSON.stringify(quote)}`);
        }
        if (result.status === 'review' && result.suggestion) assert.ok(result.suggestion.end <= edited.length && result.suggestion.start < result.suggestion.end);
      }),
      { numRuns: 150 },
    );
  });

  it('places a set of annotations into placed, review and orphans, each kept once', () => {
    const text = 'Først kom et helt annet avsnitt her. Regjeringen la fram budsjettet tirsdag morgen i Oslo. Deretter fulgte en lang debatt i salen. Noe annet. Putin talte lenge. Slutt her.';
    const make = (quote: string, n: number) => {
      const start = text.indexOf(quote);
      return createAnnotation({ id: `urn:uuid:${n}`, now: new Date(n * 1000), source: 'a.txt', textHash: textHash(text), selectors: describeRange(text, start, start + quote.length), content: { note: '', tags: [], colour: 'Key claim' } });
    };
    const annotations = [make('la fram budsjettet tirsdag morgen', 1), make('Putin talte lenge.', 2), make('Noe annet.', 3)];
    const edited = text.replace('annet avsnitt her.', 'annet stykke der,').replace('budsjettet', 'budsjetet').replace(' Putin talte lenge.', '');
    const placement = placeAnnotations(edited, annotations);
    assert.deepEqual(placement.placed.map((p) => p.annotation.id), ['urn:uuid:3']);
    assert.deepEqual(placement.review.map((r) => r.annotation.id), ['urn:uuid:1']);
    assert.equal(edited.slice(placement.review[0].suggestion?.start, placement.review[0].suggestion?.end), 'la fram budsjetet tirsdag morgen');
    assert.deepEqual(placement.orphans.map((o) => o.annotation.id), ['urn:uuid:2']);
  });
});
