// Entity recognition measured on the development set (test/fixtures/entities/dev/): 14 articles written
// and annotated to tune the rules on, scored exactly as the held-out set is (spans exact; type accuracy
// over the right spans). Unlike the held-out set, its errors may be read: with ENTITY_ERRORS=1 in the
// environment every missed gold mention, false positive, wrong span and wrong type is printed with its
// context. The floors sit just below what the recogniser reaches, so that a regression fails.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { bundledKnowledgeBase } from '../../src/core/entities/bundled';
import { mergeKnowledgeBases } from '../../src/core/entities/knowledgeBase';
import { createRecognizer } from '../../src/core/entities/recognizer';
import { add, articleErrors, describeError, empty, figures, goldFiles, scoreArticle, table, type ScoredArticle } from './entityScoring';
import { repoRoot } from './helpers';

const DEV = join(repoRoot, 'test/fixtures/entities/dev');

/** The floors: precision and recall of spans, and the share of right spans with the right type. */
const FLOORS = { precision: 0.95, recall: 0.94, typeAccuracy: 0.92 };

describe('entities on the development set', () => {
  const recognizer = createRecognizer(mergeKnowledgeBases(bundledKnowledgeBase().entities));
  const articles: ScoredArticle[] = [];
  const total = empty();
  const golds = goldFiles(DEV);

  before(() => {
    for (const name of golds) {
      const article = scoreArticle(recognizer, DEV, name);
      articles.push(article);
      add(total, article.scores);
    }
    console.log(table('article', articles.map((a) => [a.gold.file.replace(/\.txt$/, ''), a.scores] as [string, typeof total]), total, 22));
    if (process.env.ENTITY_ERRORS === '1') {
      const lines = articles.flatMap((a) => articleErrors(a).map((error) => describeError(a, error)));
      console.log(`      ${lines.length} errors:\n${lines.join('\n')}`);
    }
  });

  it('has the 14 articles', () => assert.equal(golds.length, 14));
  it(`has a precision of at least ${FLOORS.precision}`, () => assert.ok(figures(total).precision >= FLOORS.precision, `${figures(total).precision}`));
  it(`has a recall of at least ${FLOORS.recall}`, () => assert.ok(figures(total).recall >= FLOORS.recall, `${figures(total).recall}`));
  it(`types at least ${FLOORS.typeAccuracy} of the names it finds right`, () => assert.ok(figures(total).typeAccuracy >= FLOORS.typeAccuracy, `${figures(total).typeAccuracy}`));
});
