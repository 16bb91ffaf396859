import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { bundledKnowledgeBase } from '../../src/core/entities/bundled';
import { carryCorpusTypes } from '../../src/core/entities/corpusTypes';
import { EntityIndex } from '../../src/core/entities/entityIndex';
import { mergeKnowledgeBases } from '../../src/core/entities/knowledgeBase';
import { main } from '../../src/cli/main';
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

interface ExportedMention {
  start: number;
  end: number;
  text: string;
  type: string;
  entityId: string;
  canonical: string;
}

describe('entities of `annotated-reader export` against the hand-made gold list of the seeds', () => {
  const kb = mergeKnowledgeBases(bundledKnowledgeBase().entities);
  /** The knowledge-base entity a gold canonical name stands for (by name or alias). */
  const entityOf = (canonical: string) => kb.entities.find((e) => e.name === canonical || e.aliases.includes(canonical))?.id;
  const scores = { precision: 0, recall: 0, linking: 0 };

  before(async () => {
    const lines: string[] = [];
    const code = await main(['export', seedsDir, '--format', 'jsonl'], { out: (line) => void lines.push(line), err: () => undefined });
    assert.equal(code, 0);
    const exported = new Map(lines.map((line) => JSON.parse(line) as { path: string; entities: ExportedMention[] }).map((a) => [basename(a.path), a.entities]));

    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    let linked = 0;
    const misses: string[] = [];
    for (const article of gold.articles) {
      const found = new Map((exported.get(article.file) ?? []).map((m) => [`${m.start}:${m.end}:${m.type}`, m]));
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
    scores.precision = truePositives / (truePositives + falsePositives);
    scores.recall = truePositives / (truePositives + falseNegatives);
    scores.linking = linked / truePositives;
    console.log(
      `      precision ${scores.precision.toFixed(3)}, recall ${scores.recall.toFixed(3)} (span and type), ` +
        `linking ${scores.linking.toFixed(3)} over ${truePositives + falseNegatives} gold mentions` +
        (misses.length ? `\n      ${misses.join('\n      ')}` : ''),
    );
  });

  it('has a precision of at least 0.95', () => assert.ok(scores.precision >= 0.95, `precision ${scores.precision}`));
  it('has a recall of at least 0.95', () => assert.ok(scores.recall >= 0.95, `recall ${scores.recall}`));
  it('links at least 0.95 of the mentions it finds to the right entity', () => assert.ok(scores.linking >= 0.95, `linking ${scores.linking}`));
});

describe('names found by rules alone (an empty knowledge base) against the gold list of the seeds', () => {
  // How well the rules generalise: the bundled knowledge base knows every name in the seeds, so here it is left out.
  const recognizer = createRecognizer(mergeKnowledgeBases([]));
  let truePositives = 0;
  let found = 0;
  let expected = 0;
  let typed = 0;
  /** Right types with each name in the type the index of all the seeds gives it, as the reader shows it. */
  let carriedTyped = 0;
  const index = new EntityIndex();
  const seen: { mentions: ReturnType<typeof recognizer.recognize>; truth: Map<string, GoldMention> }[] = [];
  for (const article of gold.articles) {
    const loaded = loadArticle(readFileSync(join(seedsDir, article.file)));
    assert.ok(loaded.ok, article.file);
    const truth = new Map(article.mentions.map((m) => [`${m.start}:${m.end}`, m]));
    const mentions = recognizer.recognize(loaded.article.text);
    index.set(article.file, mentions);
    seen.push({ mentions, truth });
    found += mentions.length;
    expected += truth.size;
    for (const mention of mentions) {
      const match = truth.get(`${mention.start}:${mention.end}`);
      if (!match) continue;
      truePositives++;
      if (match.type === mention.type) typed++;
    }
  }
  for (const { mentions, truth } of seen) {
    for (const mention of carryCorpusTypes(mentions, index)) if (truth.get(`${mention.start}:${mention.end}`)?.type === mention.type) carriedTyped++;
  }
  const precision = truePositives / found;
  const recall = truePositives / expected;

  it('finds the spans of names it was never told about', () => {
    console.log(`      rules only: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (span), type right for ${(typed / truePositives).toFixed(3)}, with corpus types ${(carriedTyped / truePositives).toFixed(3)}`);
    assert.ok(precision >= 0.9, `precision ${precision}`);
    assert.ok(recall >= 0.9, `recall ${recall}`);
  });

  it('types at least 0.8 of the names whose span it finds right, with no knowledge base', () => {
    assert.ok(typed / truePositives >= 0.8, `type right for ${typed / truePositives}`);
  });
});
