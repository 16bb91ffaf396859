// Entity recognition measured on held-out articles (test/fixtures/entities/heldout/): written for the
// purpose, from domains unlike the seeds, annotated by reading, and never used to write the rules or the
// knowledge base. Only totals are printed, never the misses: whoever improves the rules must not learn the
// articles from them. The figures printed here are the ones quoted for the product; the floors sit just below
// what the recogniser reaches, so that a regression fails.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { bundledKnowledgeBase } from '../../src/core/entities/bundled';
import { mergeKnowledgeBases } from '../../src/core/entities/knowledgeBase';
import { createRecognizer } from '../../src/core/entities/recognizer';
import { add, empty, figures, goldFiles, row, scoreArticle, type ScoredArticle, table, type Scores, withCorpusTypes } from './entityScoring';
import { repoRoot } from './helpers';

const HELD_OUT = join(repoRoot, 'test/fixtures/entities/heldout');

/** The floors: precision and recall of spans, and the share of right spans with the right type. */
const FLOORS = { precision: 0.91, recall: 0.91, typeAccuracy: 0.86 };

describe('entities on held-out articles nobody tuned on', () => {
  const recognizer = createRecognizer(mergeKnowledgeBases(bundledKnowledgeBase().entities));
  const byDomain = new Map<string, Scores>();
  const total = empty();
  const golds = goldFiles(HELD_OUT);

  before(() => {
    const articles: ScoredArticle[] = [];
    for (const name of golds) {
      // Only the counts are kept: the errors of these articles are never printed.
      const article = scoreArticle(recognizer, HELD_OUT, name);
      articles.push(article);
      const { gold, scores } = article;
      const domain = byDomain.get(gold.domain) ?? empty();
      add(domain, scores);
      byDomain.set(gold.domain, domain);
      add(total, scores);
    }
    console.log(table('domain', byDomain, total));
    // The same with one type per name across the held-out articles, as the reader shows them.
    const carried = withCorpusTypes(articles);
    console.log(`      ${row('all, corpus types', carried.scores)} (typed otherwise: ${carried.retyped}, made right ${carried.right}, made wrong ${carried.wrong})`);
  });

  it('has at least 12 articles from several domains', () => {
    assert.ok(golds.length >= 12, `${golds.length} articles`);
    assert.ok(byDomain.size >= 12, `${byDomain.size} domains`);
  });
  it(`has a precision of at least ${FLOORS.precision}`, () => assert.ok(figures(total).precision >= FLOORS.precision, `${figures(total).precision}`));
  it(`has a recall of at least ${FLOORS.recall}`, () => assert.ok(figures(total).recall >= FLOORS.recall, `${figures(total).recall}`));
  it(`types at least ${FLOORS.typeAccuracy} of the names it finds right`, () => assert.ok(figures(total).typeAccuracy >= FLOORS.typeAccuracy, `${figures(total).typeAccuracy}`));
});
