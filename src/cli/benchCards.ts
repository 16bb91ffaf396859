/**
 * `bench cards`: what the reader pays, at a large corpus, to describe an
 * open article's entities (the hover cards' corpus facts: how many articles
 * and mentions, and the newest other articles naming each). The reader did
 * this for every progress report while indexing, and once when an article
 * opens. The corpus is `--articles` entries whose mentions are those of a
 * few thousand generated articles, recognised once and repeated (recognising
 * 100,000 articles would measure the recogniser, which `bench entities` does).
 */
import { type ArticleSummary, compareArticles, summarize } from '../core/corpus';
import { bundledKnowledgeBase } from '../core/entities/bundled';
import { EntityIndex } from '../core/entities/entityIndex';
import { mergeKnowledgeBases } from '../core/entities/knowledgeBase';
import { createRecognizer } from '../core/entities/recognizer';
import type { EntityMention } from '../core/entities/types';
import { generateArticles } from '../core/bench/generate';
import { parseArticle } from '../core/parse';
import type { CliIO } from './read';

/** Distinct generated articles whose mentions are repeated to make the corpus. */
const DISTINCT = 2000;
/** Articles described per run (a sample spread over the corpus). */
const SAMPLES = 25;
/** Other articles a hover card links to (as the reader's). */
const CARD_ARTICLES = 5;
/**
 * Describing an article's entities runs on the extension host when it opens
 * and while the index grows: a frame (16 ms) is what it may take at the median.
 */
export const CARDS_BUDGET_P50_MS = 16;

export async function benchCards(options: { count: number; json: boolean; seeds: readonly string[] }, io: CliIO): Promise<number> {
  const recognizer = createRecognizer(mergeKnowledgeBases(bundledKnowledgeBase().entities));
  const distinct: { summary: Omit<ArticleSummary, 'uri' | 'fileName'>; mentions: readonly EntityMention[] }[] = [];
  for (const generated of generateArticles(options.seeds, { count: Math.min(DISTINCT, options.count) })) {
    const parsed = parseArticle(generated.text);
    if (!parsed.ok) continue;
    const { uri: _uri, fileName: _name, ...summary } = summarize('x', generated.name, 'folder', parsed.article);
    distinct.push({ summary, mentions: recognizer.recognize(parsed.article.text) });
  }
  const index = new EntityIndex<ArticleSummary>({ compare: compareArticles });
  const summaries: ArticleSummary[] = [];
  for (let n = 0; n < options.count; n++) {
    const { summary } = distinct[n % distinct.length];
    const fileName = `generated-${String(n).padStart(6, '0')}.txt`;
    summaries.push({ ...summary, uri: `file:///corpus/${String(Math.floor(n / 100)).padStart(4, '0')}/${fileName}`, fileName });
  }
  let started = performance.now();
  summaries.forEach((summary, n) => index.set(summary.uri, distinct[n % distinct.length].mentions, summary));
  const indexMs = performance.now() - started;

  const describe = () => {
    const times: number[] = [];
    let entities = 0;
    for (let s = 0; s < SAMPLES; s++) {
      const n = Math.floor(((s + 0.5) * summaries.length) / SAMPLES);
      const ids = new Set(distinct[n % distinct.length].mentions.map((m) => m.entityId));
      const started = performance.now();
      for (const id of ids) if (index.entity(id)) index.firstMentioning(id, summaries[n].uri, CARD_ARTICLES);
      times.push(performance.now() - started);
      entities += ids.size;
    }
    times.sort((a, b) => a - b);
    return { p50: times[Math.floor(times.length / 2)], max: times[times.length - 1], entities: entities / SAMPLES };
  };
  const fresh = describe();
  // Every article indexed again (the knowledge base changed): the kept newest articles leave and come back.
  started = performance.now();
  summaries.forEach((summary, n) => index.set(summary.uri, distinct[n % distinct.length].mentions, summary));
  const reindexMs = performance.now() - started;
  const again = describe();
  const p50 = Math.max(fresh.p50, again.p50);
  const figures = {
    benchmark: 'cards',
    articles: options.count,
    samples: SAMPLES,
    entitiesPerArticle: Math.round(fresh.entities),
    indexMs: Math.round(indexMs),
    describeP50Ms: Number(fresh.p50.toFixed(2)),
    describeMaxMs: Number(fresh.max.toFixed(2)),
    reindexMs: Math.round(reindexMs),
    describeAfterReindexP50Ms: Number(again.p50.toFixed(2)),
    describeAfterReindexMaxMs: Number(again.max.toFixed(2)),
    budgetP50Ms: CARDS_BUDGET_P50_MS,
    withinBudget: p50 <= CARDS_BUDGET_P50_MS,
  };
  if (options.json) await io.out(JSON.stringify(figures));
  else {
    await io.out(`${options.count.toLocaleString('en')} articles (mentions of ${distinct.length.toLocaleString('en')} generated ones, repeated), indexed in ${figures.indexMs} ms;`);
    await io.out(`  describing an article's ${figures.entitiesPerArticle} entities: p50 ${figures.describeP50Ms} ms, max ${figures.describeMaxMs} ms over ${SAMPLES} articles (budget p50 ${CARDS_BUDGET_P50_MS} ms)`);
    await io.out(`  after indexing every article again (${figures.reindexMs} ms): p50 ${figures.describeAfterReindexP50Ms} ms, max ${figures.describeAfterReindexMaxMs} ms`);
    await io.out(figures.withinBudget ? 'Within budget.' : 'OVER BUDGET.');
  }
  return figures.withinBudget ? 0 : 1;
}
