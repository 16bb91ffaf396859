/**
 * `annotated-reader search` and `annotated-reader bench` (the search
 * benchmark): the same index and ranking as the extension's quick pick.
 */
import { readFile } from 'node:fs/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Fuse from 'fuse.js';
import type { ArticleDate } from '../core/article';
import { generateArticles } from '../core/bench/generate';
import { monthKey } from '../core/article';
import type { Recognizer } from '../core/entities/recognizer';
import { loadArticle } from '../core/load';
import { parseArticle } from '../core/parse';
import { EntityMatcher } from '../core/search/entityMatcher';
import { parseQuery } from '../core/search/query';
import { searchCorpus } from '../core/search/corpusSearch';
import { SearchIndex } from '../core/search/searchIndex';
import { findMatches, hasPhrase, makeSnippet } from '../core/search/snippet';
import type { KnowledgeBase } from '../core/entities/knowledgeBase';
import { BenchCorpus } from './benchCorpus';
import { measureReload } from './benchReload';
import { type CliIO, type ReadOptions, readArticles } from './read';

interface Found {
  readonly path: string;
  readonly title: string;
  readonly date: ArticleDate;
}

/** Indexes the articles in `paths` and prints the ranked results of one query. */
export async function searchCommand(
  query: string,
  paths: readonly string[],
  options: ReadOptions & { limit: number; json: boolean; recognizer: Recognizer; knowledgeBase: KnowledgeBase },
  io: CliIO,
): Promise<number> {
  const index = new SearchIndex();
  const articles = new Map<string, Found>();
  for await (const { path, article } of readArticles(paths, options, io)) {
    index.add(path, { title: article.title, text: article.text, date: article.date, entityIds: options.recognizer.recognize(article.text).map((m) => m.entityId) });
    articles.set(path, { path, title: article.title, date: article.date });
  }
  if (articles.size === 0) {
    io.err('annotated-reader search: no article could be read.');
    return 1;
  }
  const found = searchCorpus(query, index, new EntityMatcher(options.knowledgeBase.entities), { limit: Math.max(options.limit * 3, 30), entityLimit: 5 });
  for (const problem of found.query.problems) io.err(`annotated-reader search: ${problem}.`);
  if (!options.json) for (const entity of found.entities) io.err(`entity: ${entity.name} (${entity.type})`);
  const { articles: result, articleQuery: parsed, entityIds } = found;
  let shown = 0;
  for (const hit of result.hits) {
    if (shown >= options.limit) break;
    const info = articles.get(hit.key) as Found;
    // Snippets (and quoted phrases) are checked on the text of the results shown only.
    const loaded = loadArticle(await readFile(hit.key));
    const text = loaded.ok ? loaded.article.text : '';
    if (parsed.phrases.some((phrase) => !hasPhrase(text, phrase))) continue;
    let matches = findMatches(text, result.terms, parsed.phrases);
    // A query of filters only: the snippet shows the entity asked for.
    if (matches.length === 0 && entityIds.size) matches = options.recognizer.recognize(text).filter((mention) => entityIds.has(mention.entityId));
    const snippet = makeSnippet(text, matches);
    shown++;
    if (options.json) {
      await io.out(JSON.stringify({ path: info.path, title: info.title, date: monthKey(info.date), score: Number(hit.score.toFixed(3)), snippet: snippet?.text ?? null, match: snippet?.match ?? null }));
    } else {
      await io.out(`${hit.score.toFixed(2).padStart(6)}  ${monthKey(info.date)}  ${info.title}`);
      await io.out(`        ${info.path}`);
      if (snippet) await io.out(`        ${snippet.text}`);
    }
  }
  if (!options.json) io.err(`${shown} of ${result.total} matching articles shown (${articles.size} searched).`);
  return 0;
}

/** The benchmark's queries, with what makes an article a right answer: every group has a word of the article (or, with `*`, a word beginning so). */
export const QUERIES: readonly { query: string; relevant: readonly (readonly string[])[] }[] = [
  { query: 'Stoltenberg', relevant: [['stoltenberg']] },
  { query: 'Stoltenbrg', relevant: [['stoltenberg']] },
  { query: 'hviterusland', relevant: [['hviterussland']] },
  { query: 'Zelensky', relevant: [['zelensky', 'zelenskyj']] },
  { query: 'Stoere', relevant: [['store']] },
  { query: 'diplom', relevant: [['diplom*']] },
  { query: 'Macron Putin telefon', relevant: [['macron'], ['putin'], ['telefon']] },
  { query: 'Biden telefonsamtalen', relevant: [['biden'], ['telefonsamtalen']] },
  { query: 'Makron', relevant: [['macron']] },
  { query: 'Putn', relevant: [['putin']] },
  { query: 'Nato', relevant: [['nato']] },
  { query: 'Kreml', relevant: [['kreml']] },
  { query: 'Lavrov', relevant: [['lavrov']] },
  { query: 'Blinken', relevant: [['blinken']] },
  { query: 'Scholz Berlin', relevant: [['scholz'], ['berlin']] },
  { query: 'Jens Stoltenberg', relevant: [['jens'], ['stoltenberg']] },
  { query: 'Le Drian', relevant: [['drian']] },
  { query: 'Kyiv', relevant: [['kyiv', 'kiev']] },
  { query: 'Donbas', relevant: [['donbas', 'donbass']] },
  { query: 'invasjon', relevant: [['invasjon*']] },
  { query: 'russiske styrker', relevant: [['russiske'], ['styrker*']] },
  { query: 'Ukrainas president', relevant: [['ukrainas'], ['president']] },
  { query: 'Moskva', relevant: [['moskva']] },
  { query: 'sanksjoner', relevant: [['sanksjon*']] },
  { query: 'Hviterussland', relevant: [['hviterussland']] },
];

/** Budgets of the search benchmark (2-core machine, medians of runs). */
const SEARCH_BUDGETS = [
  { upTo: 10_000, p95Ms: 10, buildMs: 3000, heapMB: 150, reloadMs: 300 },
  { upTo: 100_000, p95Ms: 20, buildMs: 12_000, heapMB: 150, reloadMs: 1000 },
  { upTo: 1_000_000, p95Ms: 50, heapMB: 600 },
] as const;
const SEARCH_RUNS = 3;
/** Above this size the index is built once (four minutes at a million articles), not `SEARCH_RUNS` times. */
const BUILDS_UP_TO = 100_000;
/** Above this size the fuse.js baseline (seconds per query) runs only the first few queries. */
const BASELINE_FULL_UP_TO = 10_000;
const BASELINE_FEW_QUERIES = 3;
/** Above this size there is no fuse.js baseline: its index of the full texts would not fit the heap. */
const BASELINE_UP_TO = 100_000;

export interface SearchFigures {
  articles: number;
  megabytes: number;
  buildMs: number;
  heapMB: number;
  p50Ms: number;
  p95Ms: number;
  vocabulary: number;
  /** A saved index: the time to load it back and answer a first query, to save it, and its size. */
  reloadMs: number;
  saveMs: number;
  savedMB: number;
  quality: Quality;
  /** Plain fuse.js over the full texts; none above 100,000 articles. */
  baseline?: { buildMs: number; p50Ms: number; p95Ms: number; queries: number; quality?: Quality };
  budget?: { p95Ms: number; buildMs?: number; heapMB?: number; reloadMs?: number };
  withinBudget: boolean;
}

interface Quality {
  /** Share of the first ten results that are right answers, averaged over the queries. */
  precisionAt10: number;
  /** Share of queries whose first result is a right answer. */
  firstRight: number;
}

/** Builds the index over generated corpora of each size and times the query set against plain fuse.js over the full texts. */
export async function benchSearch(options: { sizes: readonly number[]; realistic: boolean; json: boolean; seeds: readonly string[]; cli: string }, io: CliIO): Promise<number> {
  const gc = garbageCollector();
  let allWithin = true;
  for (const size of options.sizes) {
    const corpus = new BenchCorpus();
    for (const generated of generateArticles(options.seeds, { count: size, realistic: options.realistic })) {
      const parsed = parseArticle(generated.text);
      if (parsed.ok) corpus.add(parsed.article.title, parsed.article.text, parsed.article.date);
    }
    const megabytes = corpus.characters / 1e6;
    // The words of the documents in the results, for the quality figures (made when first needed).
    const wordSets = new Map<number, Set<string>>();
    const wordsOf = (doc: number) => {
      let words = wordSets.get(doc);
      if (!words) {
        const { title, text } = corpus.get(doc);
        wordSets.set(doc, (words = wordSet(text + ' ' + title)));
      }
      return words;
    };

    const builds: number[] = [];
    let index = new SearchIndex();
    for (let run = 0; run < (size <= BUILDS_UP_TO ? SEARCH_RUNS : 1); run++) {
      index = new SearchIndex();
      gc();
      // Only adding is timed, not decoding the texts from the corpus's buffers.
      let buildMs = 0;
      for (let doc = 0; doc < corpus.size; doc++) {
        const document = corpus.get(doc);
        const started = performance.now();
        index.add(document.key, document);
        buildMs += performance.now() - started;
      }
      builds.push(buildMs);
    }
    // One untimed pass first (the engine compiles the code on first use), then the timed runs;
    // each run's p50 and p95, and the medians of those.
    const runP50: number[] = [];
    const runP95: number[] = [];
    let ours: string[][] = [];
    const texts = new Map<string, string>();
    for (let run = -1; run < SEARCH_RUNS; run++) {
      ours = [];
      const times: number[] = [];
      for (const { query } of QUERIES) {
        // The texts of the results shown, as the quick pick has them: read before the clock starts.
        const keys = index.search(parseQuery(query), { limit: 50 }).hits.slice(0, 10).map((hit) => hit.key);
        for (const key of keys) if (!texts.has(key)) texts.set(key, corpus.get(Number(key)).text);
        const started = performance.now();
        const parsed = parseQuery(query);
        const result = index.search(parsed, { limit: 50 });
        // What the quick pick does next: snippets for the results shown.
        for (const hit of result.hits.slice(0, 10)) {
          const text = texts.get(hit.key) as string;
          makeSnippet(text, findMatches(text, result.terms, parsed.phrases));
        }
        times.push(performance.now() - started);
        ours.push(result.hits.slice(0, 10).map((hit) => hit.key));
      }
      if (run >= 0) {
        runP50.push(percentile(times, 0.5));
        runP95.push(percentile(times, 0.95));
      }
    }

    const reload = await measureReload(index, QUERIES[0].query, SEARCH_RUNS, options.cli);

    // The index's memory, with what its searches made: the heap with it and emptied, each after a full
    // collection. (The heap before and after a build is no measure: the build's own garbage, the texts it
    // was given, is collected while it runs.) Postings live in typed arrays, outside the heap proper: both count.
    const vocabulary = index.vocabularySize;
    gc();
    const withIndex = memory();
    index.clear();
    gc();
    const heapMB = (withIndex - memory()) / 1e6;

    // The baseline: fuse.js over headline and full text, as the notes measured it.
    let baseline: SearchFigures['baseline'];
    if (size <= BASELINE_UP_TO) {
      const docs = Array.from({ length: corpus.size }, (_, doc) => corpus.get(doc));
      const baselineStarted = performance.now();
      const fuse = new Fuse(docs, { keys: ['title', 'text'], ignoreLocation: true, threshold: 0.4, includeScore: true });
      const baselineBuildMs = performance.now() - baselineStarted;
      const baselineQueries = size <= BASELINE_FULL_UP_TO ? QUERIES : QUERIES.slice(0, BASELINE_FEW_QUERIES);
      const baselineTimes: number[] = [];
      const theirs: string[][] = [];
      for (const { query } of baselineQueries) {
        const started = performance.now();
        theirs.push(fuse.search(query, { limit: 10 }).map((match) => match.item.key));
        baselineTimes.push(performance.now() - started);
      }
      baseline = {
        buildMs: Math.round(baselineBuildMs),
        p50Ms: Math.round(percentile(baselineTimes, 0.5)),
        p95Ms: Math.round(percentile(baselineTimes, 0.95)),
        queries: baselineQueries.length,
        quality: baselineQueries.length === QUERIES.length ? quality(theirs, wordsOf) : undefined,
      };
    }

    const budget = SEARCH_BUDGETS.find((b) => size <= b.upTo);
    const figures: SearchFigures = {
      articles: corpus.size,
      megabytes: round(megabytes),
      buildMs: Math.round(median(builds)),
      heapMB: round(heapMB),
      p50Ms: round(median(runP50), 2),
      p95Ms: round(median(runP95), 2),
      vocabulary,
      ...reload,
      quality: quality(ours, wordsOf),
      baseline,
      budget,
      withinBudget: true,
    };
    figures.withinBudget =
      !budget ||
      (figures.p95Ms <= budget.p95Ms &&
        (!('buildMs' in budget) || figures.buildMs <= budget.buildMs) &&
        (!('heapMB' in budget) || figures.heapMB <= budget.heapMB) &&
        (!('reloadMs' in budget) || figures.reloadMs <= budget.reloadMs));
    allWithin &&= figures.withinBudget;
    if (options.json) await io.out(JSON.stringify(figures));
    else {
      await io.out(`${figures.articles.toLocaleString('en')} articles (${figures.megabytes} MB${options.realistic ? ', realistic vocabulary' : ''}), ${figures.vocabulary.toLocaleString('en')} distinct words:`);
      await io.out(`  index     build ${figures.buildMs} ms, heap ${figures.heapMB} MB, p50 ${figures.p50Ms} ms, p95 ${figures.p95Ms} ms`);
      await io.out(`  saved     ${figures.savedMB} MB, saved in ${figures.saveMs} ms, loaded back and first answer in ${figures.reloadMs} ms`);
      await io.out(`            right answers: ${pct(figures.quality.precisionAt10)} of the first ten, first result right for ${pct(figures.quality.firstRight)} of queries`);
      const verdict = budget ? (figures.withinBudget ? 'within budget' : 'OVER BUDGET') : 'no budget at this size';
      if (baseline) {
        await io.out(`  fuse.js   build ${baseline.buildMs} ms, p50 ${baseline.p50Ms} ms, p95 ${baseline.p95Ms} ms (${baseline.queries} queries)`);
        if (baseline.quality) {
          await io.out(`            right answers: ${pct(baseline.quality.precisionAt10)} of the first ten, first result right for ${pct(baseline.quality.firstRight)} of queries`);
        }
        await io.out(`  p95 ${round(baseline.p95Ms / Math.max(figures.p95Ms, 0.01), 0)}× faster than fuse.js; ${verdict}`);
      } else await io.out(`  fuse.js   not run above ${BASELINE_UP_TO.toLocaleString('en')} articles; ${verdict}`);
    }
  }
  return allWithin ? 0 : 1;
}

/** Per query: the share of the results that are right answers, and whether the first is. */
function quality(results: readonly (readonly string[])[], wordsOf: (doc: number) => ReadonlySet<string>): Quality {
  let precision = 0;
  let first = 0;
  QUERIES.forEach(({ relevant }, q) => {
    const keys = results[q] ?? [];
    const right = keys.map((key) => isRelevant(wordsOf(Number(key)), relevant));
    precision += keys.length ? right.filter(Boolean).length / keys.length : 0;
    if (right[0]) first++;
  });
  return { precisionAt10: round(precision / QUERIES.length, 3), firstRight: round(first / QUERIES.length, 3) };
}

function isRelevant(words: ReadonlySet<string>, groups: readonly (readonly string[])[]): boolean {
  return groups.every((group) => group.some((want) => (want.endsWith('*') ? [...words].some((word) => word.startsWith(want.slice(0, -1))) : words.has(want))));
}

function wordSet(text: string): Set<string> {
  return new Set(text.toLocaleLowerCase('nb').replace(/ø/g, 'o').match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** `gc()` without a command-line flag: the heap figures must not count garbage. */
function garbageCollector(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  return gc ?? (() => undefined);
}

function memory(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function pct(value: number): string {
  return `${Math.round(value * 100)} %`;
}
