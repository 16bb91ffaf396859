import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledKnowledgeBase } from '../../src/core/entities/bundled';
import { mergeKnowledgeBases } from '../../src/core/entities/knowledgeBase';
import { createRecognizer } from '../../src/core/entities/recognizer';
import { loadArticle } from '../../src/core/load';
import { repoRoot, seedsDir } from './helpers';

interface GoldMention {
  start: number;
  end: number;
  text: string;
  type: string;
  canonical: string;
}

const gold = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/entities/gold.json'), 'utf8')) as {
  articles: { file: string; mentions: GoldMention[] }[];
};

describe('entity recognition against the hand-made gold list of the seeds', () => {
  const kb = mergeKnowledgeBases(bundledKnowledgeBase().entities);
  const recognizer = createRecognizer(kb);
  /** The knowledge-base entity a gold canonical name stands for (by name or alias). */
  const entityOf = (canonical: string) => kb.entities.find((e) => e.name === canonical || e.aliases.includes(canonical))?.id;

  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  let linked = 0;
  const misses: string[] = [];
  for (const article of gold.articles) {
    const loaded = loadArticle(readFileSync(join(seedsDir, article.file)));
    assert.ok(loaded.ok, article.file);
    const found = new Map(recognizer.recognize(loaded.article.text).map((m) => [`${m.start}:${m.end}:${m.type}`, m]));
    const expected = new Map(article.mentions.map((m) => [`${m.start}:${m.end}:${m.type}`, m]));
    for (const [key, mention] of found) {
      const truth = expected.get(key);
      if (!truth) {
        falsePositives++;
        misses.push(`${article.file}: extra "${mention.text}" (${mention.type})`);
        continue;
      }
      truePositives++;
      if (entityOf(truth.canonical) === mention.entityId) linked++;
      else misses.push(`${article.file}: "${mention.text}" linked to ${mention.canonical}, not ${truth.canonical}`);
    }
    for (const [key, truth] of expected) {
      if (!found.has(key)) {
        falseNegatives++;
        misses.push(`${article.file}: missed "${truth.text}" (${truth.type})`);
      }
    }
  }
  const precision = truePositives / (truePositives + falsePositives);
  const recall = truePositives / (truePositives + falseNegatives);
  const linking = linked / truePositives;

  it('reports its scores', () => {
    console.log(
      `      precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (span and type), ` +
        `linking ${linking.toFixed(3)} over ${truePositives + falseNegatives} gold mentions` +
        (misses.length ? `\n      ${misses.join('\n      ')}` : ''),
    );
  });

  it('has a precision of at least 0.95', () => assert.ok(precision >= 0.95, `precision ${precision}`));
  it('has a recall of at least 0.95', () => assert.ok(recall >= 0.95, `recall ${recall}`));
  it('links at least 0.95 of the mentions it finds to the right entity', () => assert.ok(linking >= 0.95, `linking ${linking}`));
});
