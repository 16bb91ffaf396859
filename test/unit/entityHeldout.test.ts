// Entity recognition measured on held-out articles (test/fixtures/entities/heldout/): written for the
// purpose, from domains unlike the seeds, annotated by reading, and never used to write the rules or the
// knowledge base. Only totals are printed, never the misses: whoever improves the rules must not learn the
// articles from them. The figures printed here are the ones quoted for the product; the floors sit just below
// what the recogniser reaches, so that a regression fails.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledKnowledgeBase } from '../../src/core/entities/bundled';
import { carryCorpusTypes } from '../../src/core/entities/corpusTypes';
import { EntityIndex } from '../../src/core/entities/entityIndex';
import { mergeKnowledgeBases } from '../../src/core/entities/knowledgeBase';
import { createRecognizer } from '../../src/core/entities/recognizer';
import { loadArticle } from '../../src/core/load';
import type { EntityMention } from '../../src/core/entities/types';
import { repoRoot } from './helpers';

interface GoldMention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly type: string;
}

interface Scores {
  /** Gold mentions, mentions found, and found with the gold's exact span. */
  gold: number;
  found: number;
  spans: number;
  /** Of those with the right span, how many have the right type too. */
  typed: number;
}

const HELD_OUT = join(repoRoot, 'test/fixtures/entities/heldout');

/** Scores of what was found in one text against its gold mentions (by span; the type among those). */
function score(found: readonly EntityMention[], truth: ReadonlyMap<string, GoldMention>): Scores {
  const scores: Scores = { gold: truth.size, found: found.length, spans: 0, typed: 0 };
  for (const mention of found) {
    const match = truth.get(`${mention.start}:${mention.end}`);
    if (!match) continue;
    scores.spans++;
    if (match.type === mention.type) scores.typed++;
  }
  return scores;
}

/** The floors: precision and recall of spans, and the share of right spans with the right type. */
const FLOORS = { precision: 0.85, recall: 0.85, typeAccuracy: 0.76 };

const empty = (): Scores => ({ gold: 0, found: 0, spans: 0, typed: 0 });

function add(into: Scores, from: Scores): void {
  into.gold += from.gold;
  into.found += from.found;
  into.spans += from.spans;
  into.typed += from.typed;
}

function figures(s: Scores): { precision: number; recall: number; typeAccuracy: number } {
  return { precision: s.spans / Math.max(1, s.found), recall: s.spans / Math.max(1, s.gold), typeAccuracy: s.typed / Math.max(1, s.spans) };
}

function row(name: string, s: Scores): string {
  const f = figures(s);
  return `${name.padEnd(20)} ${String(s.gold).padStart(5)} ${f.precision.toFixed(3)} ${f.recall.toFixed(3)} ${f.typeAccuracy.toFixed(3)}`;
}

describe('entities on held-out articles nobody tuned on', () => {
  const recognizer = createRecognizer(mergeKnowledgeBases(bundledKnowledgeBase().entities));
  const byDomain = new Map<string, Scores>();
  const total = empty();
  /** The same, with each rule-found name in the type the index of all the held-out articles gives it (as the reader shows it). */
  const carried = empty();
  const golds = existsSync(HELD_OUT) ? readdirSync(HELD_OUT).filter((name) => name.endsWith('.gold.json')).sort() : [];

  before(() => {
    const index = new EntityIndex();
    const articles: { found: readonly EntityMention[]; truth: Map<string, GoldMention> }[] = [];
    for (const name of golds) {
      const gold = JSON.parse(readFileSync(join(HELD_OUT, name), 'utf8')) as { file: string; domain: string; mentions: GoldMention[] };
      const loaded = loadArticle(readFileSync(join(HELD_OUT, gold.file)));
      assert.ok(loaded.ok, gold.file);
      const text = loaded.article.text;
      const truth = new Map(gold.mentions.map((m) => [`${m.start}:${m.end}`, m]));
      for (const m of gold.mentions) assert.equal(text.slice(m.start, m.end), m.text, `${gold.file}: the gold offsets fit the text`);
      const found = recognizer.recognize(text);
      const scores = score(found, truth);
      index.set(gold.file, found);
      articles.push({ found, truth });
      const domain = byDomain.get(gold.domain) ?? empty();
      add(domain, scores);
      byDomain.set(gold.domain, domain);
      add(total, scores);
    }
    // How many mentions the corpus typed otherwise, and of those with a gold span, how many it set right and how many wrong (totals only).
    const retyped = { all: 0, right: 0, wrong: 0 };
    for (const { found, truth } of articles) {
      const typed = carryCorpusTypes(found, index);
      typed.forEach((mention, i) => {
        if (mention.type === found[i].type) return;
        retyped.all++;
        const gold = truth.get(`${mention.start}:${mention.end}`)?.type;
        if (gold === mention.type) retyped.right++;
        else if (gold === found[i].type) retyped.wrong++;
      });
      add(carried, score(typed, truth));
    }
    const lines = [...byDomain].map(([domain, s]) => row(domain, s));
    console.log(`      ${'domain'.padEnd(20)}  gold  prec recall  type\n      ${lines.join('\n      ')}\n      ${row('all', total)}\n      ${row('all, corpus types', carried)} (typed otherwise: ${retyped.all}, made right ${retyped.right}, made wrong ${retyped.wrong})`);
  });

  it('has at least 12 articles from several domains', () => {
    assert.ok(golds.length >= 12, `${golds.length} articles`);
    assert.ok(byDomain.size >= 12, `${byDomain.size} domains`);
  });
  it(`has a precision of at least ${FLOORS.precision}`, () => assert.ok(figures(total).precision >= FLOORS.precision, `${figures(total).precision}`));
  it(`has a recall of at least ${FLOORS.recall}`, () => assert.ok(figures(total).recall >= FLOORS.recall, `${figures(total).recall}`));
  it(`types at least ${FLOORS.typeAccuracy} of the names it finds right`, () => assert.ok(figures(total).typeAccuracy >= FLOORS.typeAccuracy, `${figures(total).typeAccuracy}`));
});
