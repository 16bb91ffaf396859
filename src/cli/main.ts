/**
 * `annotated-reader`: the corpus tools on the command line, reusing the core.
 *
 *   annotated-reader export | search | generate | bench (see USAGE)
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type CliIO, type ReadOptions, describe } from './read';
import { exportArticles } from './exportArticles';
import { quotesCommand } from './quotes';
import { entitiesCommand } from './entities';

/** How many companions `entities` lists for each entity. */
const ENTITY_COMPANIONS = 10;
import { benchAnnotations, exportAnnotations } from './annotations';
import { importAnnotations } from './importAnnotations';
import { EXPORT_BENCH_SIZES, benchExport } from './benchExport';
import { benchSearch, searchCommand } from './search';
import { benchReloadFile } from './benchReload';
import { benchCards } from './benchCards';
import { compileGlob } from '../core/glob';
import { hasNothingToSearch, nothingToSearchMessage, parseQuery } from '../core/search/query';
import { bundledKnowledgeBase } from '../core/entities/bundled';
import { type KnowledgeBase, type KnowledgeBaseLayer, mergeKnowledgeBaseFiles, mergeKnowledgeBases, parseKnowledgeBase } from '../core/entities/knowledgeBase';
import { type Recognizer, createRecognizer } from '../core/entities/recognizer';
import { forgetWords } from '../core/entities/wordFacts';
import { generateArticles } from '../core/bench/generate';
import { MAX_KNOWLEDGE_BASE_BYTES, tooLargeMessage } from '../core/limits';
import { readBounded } from '../node/storeFiles';
import { parseArticle } from '../core/parse';

export type { CliIO } from './read';

const USAGE = `Usage: annotated-reader <command> [options]

Commands:
  export <files or folders...>   Export every article with its parts, entities and quotes (jsonl).
                                 A name the rules find has one type in all of them: the one
                                 strong evidence (a first name, a title, "sa X") gives it anywhere.
      --format jsonl             One JSON object per article on standard output (the default).
      --format brat              A .txt and an .ann file per article in --out (brat standoff).
      --format conll             Tokens with BIO entity tags on standard output.
      --out <folder>             Where brat files go.
      --kb <file>                A knowledge base of your own (repeatable); it takes precedence.
      --include <glob>           Which files in folders to read (default "**/*.txt").
      --max-size-mb <n>          Skip files larger than this (default 2).

  generate --out <folder>        Write a generated corpus (the benchmarks' own) as article files.
      --articles <n>             How many articles (default 10000).
      --realistic                Replace most words of most articles with made-up ones.

  entities <files or folders...> Every entity, most widely mentioned first: counts, mentions per
                                 month, quotes it is the speaker of, and the entities it appears
                                 with most (in the same paragraph, then the same article).
      --json                     One JSON object per entity: id, name, type, articles, mentions,
                                 months ({"2022-02": mentions}), quotes, cooccurs ([{id, name,
                                 articles, paragraphs}], strongest first).
      --limit <n>                Only the n most widely mentioned (default: all).
      --include, --max-size-mb, --kb as for export.

  quotes <files or folders...>   Every quote (direct, reported speech, an interview's questions) in
                                 date order, with its speaker and cue.
      --speaker <name>           Only the quotes of this speaker (a name or a surname, folded).
      --json                     One JSON object per quote: date, path, title, start, end, kind,
                                 speaker, speakerId, cue, text.
      --format csv               CSV with a header line instead.
      --include, --max-size-mb, --kb as for export.

  search "<query>" <files or folders...>
                                 Rank the articles for a query, as the extension's search does:
                                 words (typos, prefixes and æ/ae, ø/o/oe, å/a/aa forgiven),
                                 "phrases", @entity, date:2022 or date:2022-01.
      --limit <n>                How many results (default 10).
      --json                     One JSON object per result: path, title, date, score, snippet.
      --include, --max-size-mb, --kb as for export.

  annotations export --format md|w3c <annotations file> <files or folders...>
                                 A workspace's annotations (.annotated-reader/annotations.json) as
                                 Markdown (per article, quotes in text order with notes and tags)
                                 or as the W3C JSON-LD collection. An entry whose article cannot be
                                 found is listed as not in the corpus; the exit code is 1 if any
                                 entry's source is not a usable path.

  annotations import <files...> --into <annotations file>
                                 Merge W3C annotation collections (a colleague's, a backup) into an
                                 annotations file, through the extension's store and lock: imports
                                 at once, or while VS Code has the file open, keep every annotation.
                                 The newer of two versions of an annotation is kept; a target that
                                 cannot be read is never changed (exit code 1).

  bench                          Time the search index against plain fuse.js on generated corpora,
                                 and saving it and reading it back in a new process (reloadMs).
      --articles <n>[,<n>...]    Sizes (default 1000,10000).
      --realistic                Replace most words of most articles with made-up ones.
      --json                     One JSON object per size.
  bench reload <file>            Time reading a saved index back (a window's corpus-index.bin, or
                                 the benchmark's) and answering a first query.
      --query "<query>"          The first query (default Stoltenberg).

  bench entities                 Time parsing and entity recognition on a generated corpus.
  bench annotations              Time anchoring annotations after edits (inserted text, changed
                                 letters, deleted quotes) on generated articles (--articles, default 1000).
  bench cards                    Time describing an open article's entities (the hover cards' corpus
                                 facts) in a large corpus (--articles, default 100000).
      --articles <n>             How many articles (default 10000).
      --realistic                Replace most words of most articles with made-up ones.
      --json                     Print the figures as one JSON object.
  bench export                   Time the Markdown export of 10,000, 40,000 and 200,000 annotations
                                 on one article (printed, not judged: it should grow linearly).

Options:
  -h, --help                     Show this help.
  -v, --version                  Show the version.

Files that cannot be read are reported on standard error; the exit code is
non-zero only when no article at all could be read.`;

declare const __VERSION__: string | undefined;

/** Runs the CLI; returns the exit code. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'jsonl' },
        include: { type: 'string', default: '**/*.txt' },
        'max-size-mb': { type: 'string', default: '2' },
        out: { type: 'string' },
        into: { type: 'string' },
        kb: { type: 'string', multiple: true, default: [] },
        articles: { type: 'string' },
        limit: { type: 'string' },
        query: { type: 'string', default: 'Stoltenberg' },
        realistic: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        speaker: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    io.err(`annotated-reader: ${error instanceof Error ? error.message : String(error)}`);
    io.err(USAGE);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    for (const line of USAGE.split('\n')) await io.out(line);
    return 0;
  }
  if (values.version) {
    await io.out(typeof __VERSION__ === 'string' ? __VERSION__ : 'development');
    return 0;
  }
  const [command, ...paths] = positionals;
  if (command === 'bench' && paths.length === 0) {
    const sizes = (values.articles ?? '1000,10000').split(',').map(Number);
    if (!sizes.every((size) => Number.isInteger(size) && size > 0)) {
      io.err(`annotated-reader bench: --articles takes whole numbers separated by commas, not "${values.articles}".`);
      return 2;
    }
    return benchSearch({ sizes, realistic: values.realistic, json: values.json, seeds: await readSeeds(), cli: join(await packageRoot(), 'dist', 'cli.js') }, io);
  }
  if (command === 'bench' && paths[0] === 'reload') {
    if (paths.length !== 2) {
      io.err('annotated-reader bench reload: name one saved index file.');
      return 2;
    }
    return benchReloadFile(paths[1], values.query, values.json, io);
  }
  if (command === 'bench') {
    const count = Number(values.articles ?? '10000');
    if (!['entities', 'annotations', 'export', 'cards'].includes(paths[0]) || paths.length !== 1) {
      io.err('annotated-reader bench: measure the search (no argument), entities, annotations, export, cards, or reload <file>.');
      return 2;
    }
    if (!Number.isInteger(count) || count < 1) {
      io.err(`annotated-reader bench: --articles takes a whole number, not "${values.articles}".`);
      return 2;
    }
    if (paths[0] === 'export') return benchExport({ sizes: EXPORT_BENCH_SIZES, json: values.json, seeds: await readSeeds() }, io);
    if (paths[0] === 'cards') return benchCards({ count: Number(values.articles ?? '100000'), json: values.json, seeds: await readSeeds() }, io);
    if (paths[0] === 'annotations') return benchAnnotations({ count: Number(values.articles ?? '1000'), perArticle: 10, json: values.json, seeds: await readSeeds() }, io);
    return benchEntities({ count, realistic: values.realistic, json: values.json }, io);
  }
  if (command === 'generate') {
    const count = Number(values.articles ?? '10000');
    if (!Number.isInteger(count) || count < 1) {
      io.err(`annotated-reader generate: --articles takes a whole number, not "${values.articles}".`);
      return 2;
    }
    if (!values.out || paths.length > 0) {
      io.err('annotated-reader generate: name the folder to write with --out (and nothing else).');
      return 2;
    }
    return generateCorpus({ count, realistic: values.realistic, out: values.out }, io);
  }
  if (command === 'annotations' && paths[0] === 'import') {
    const files = paths.slice(1);
    if (!values.into || files.length === 0) {
      io.err('annotated-reader annotations: use "annotations import <files...> --into <annotations file>".');
      return 2;
    }
    return importAnnotations(files, values.into, io);
  }
  if (command === 'annotations') {
    const [action, file, ...corpus] = paths;
    const format = values.format === 'jsonl' ? undefined : values.format;
    if (action !== 'export' || !file || (format !== 'md' && format !== 'w3c') || (format === 'md' && corpus.length === 0)) {
      io.err('annotated-reader annotations: use "annotations export --format md|w3c <annotations file> <files or folders...>" (w3c needs no corpus), or "annotations import <files...> --into <annotations file>".');
      return 2;
    }
    const read = readOptions('annotations', values, io);
    if (!read) return 2;
    return exportAnnotations(format, file, corpus, read, io);
  }
  if (command === 'search') {
    const [query, ...searched] = paths;
    const limit = Number(values.limit ?? '10');
    if (query === undefined || searched.length === 0) {
      io.err('annotated-reader search: give a query and at least one file or folder.');
      return 2;
    }
    if (!Number.isInteger(limit) || limit < 1) {
      io.err(`annotated-reader search: --limit takes a whole number, not "${values.limit}".`);
      return 2;
    }
    const parsedQuery = parseQuery(query);
    if (hasNothingToSearch(query, parsedQuery)) {
      for (const problem of parsedQuery.problems) io.err(`annotated-reader search: ${problem}.`);
      const { message, hint } = nothingToSearchMessage(query);
      io.err(`annotated-reader search: ${message}. ${hint}`);
      return 2;
    }
    const read = readOptions('search', values, io);
    if (!read) return 2;
    const loaded = await loadKnowledgeBase(values.kb, io);
    if (!loaded) return 2;
    return searchCommand(query, searched, { ...read, limit, json: values.json, ...loaded }, io);
  }
  if (command === 'entities') {
    const limit = values.limit === undefined ? undefined : Number(values.limit);
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
      io.err(`annotated-reader entities: --limit takes a whole number, not "${values.limit}".`);
      return 2;
    }
    const reading = await corpusReading('entities', paths, values, io);
    if (!reading) return 2;
    return entitiesCommand(paths, { ...reading, json: values.json, limit, companions: ENTITY_COMPANIONS }, io);
  }
  if (command === 'quotes') {
    const quoteFormat = values.json ? 'jsonl' : values.format === 'csv' ? 'csv' : values.format === 'jsonl' ? 'text' : undefined;
    if (quoteFormat === undefined || (values.json && values.format === 'csv')) {
      io.err('annotated-reader quotes: print text (the default), --json, or --format csv.');
      return 2;
    }
    const reading = await corpusReading('quotes', paths, values, io);
    if (!reading) return 2;
    return quotesCommand(paths, { ...reading, format: quoteFormat, speaker: values.speaker }, io);
  }
  if (command !== 'export') {
    io.err(command ? `annotated-reader: unknown command "${command}".` : 'annotated-reader: no command given.');
    io.err(USAGE);
    return 2;
  }
  const format = values.format;
  if (format !== 'jsonl' && format !== 'brat' && format !== 'conll') {
    io.err(`annotated-reader: unknown format "${format}"; supported: jsonl, brat, conll.`);
    return 2;
  }
  if (format === 'brat' && !values.out) {
    io.err('annotated-reader export: --format brat writes files; name a folder with --out.');
    return 2;
  }
  const reading = await corpusReading('export', paths, values, io);
  if (!reading) return 2;
  return exportArticles(paths, { ...reading, format, out: values.out }, io);
}

/**
 * What every command that reads and recognises articles needs: at least one path, `--include` and
 * `--max-size-mb` checked, and a recogniser of the knowledge bases (`--kb` over the bundled one). Undefined,
 * with the reason written, when any of them is wrong.
 */
async function corpusReading(
  command: string,
  paths: readonly string[],
  values: { include: string; 'max-size-mb': string; kb: string[] },
  io: CliIO,
): Promise<(ReadOptions & { recognizer: Recognizer }) | undefined> {
  if (paths.length === 0) {
    io.err(`annotated-reader ${command}: name at least one file or folder.`);
    return undefined;
  }
  const read = readOptions(command, values, io);
  if (!read) return undefined;
  const recognizer = await loadRecognizer(values.kb, io);
  return recognizer ? { ...read, recognizer } : undefined;
}

/** The bundled knowledge base and the user's, theirs taking precedence; problems with theirs are reported. */
/** `--include` and `--max-size-mb`, checked: the options of every command that reads articles. */
function readOptions(command: string, values: { include: string; 'max-size-mb': string }, io: CliIO): ReadOptions | undefined {
  const include = compileGlob(values.include);
  if (!include.ok) {
    io.err(`annotated-reader ${command}: --include: ${include.reason}`);
    return undefined;
  }
  const maxMB = Number(values['max-size-mb']);
  if (!Number.isFinite(maxMB) || maxMB <= 0) {
    io.err(`annotated-reader ${command}: --max-size-mb takes a positive number, not "${values['max-size-mb']}".`);
    return undefined;
  }
  return { include: include.match, maxBytes: maxMB * 1024 * 1024 };
}

async function loadRecognizer(files: readonly string[], io: CliIO): Promise<Recognizer | undefined> {
  return (await loadKnowledgeBase(files, io))?.recognizer;
}

/** The bundled knowledge base with the user's `--kb` files over it, and a recogniser of it. */
async function loadKnowledgeBase(files: readonly string[], io: CliIO): Promise<{ knowledgeBase: KnowledgeBase; recognizer: Recognizer } | undefined> {
  const layers: KnowledgeBaseLayer[] = [bundledKnowledgeBase()];
  for (const file of files) {
    let read;
    try {
      read = await readBounded(file, MAX_KNOWLEDGE_BASE_BYTES);
    } catch (error) {
      io.err(`${file}: cannot be read: ${describe(error)}`);
      return undefined;
    }
    if (read.kind !== 'text') {
      io.err(read.kind === 'missing' ? `${file}: cannot be read: no such file or folder` : `${tooLargeMessage(file, read.bytes, MAX_KNOWLEDGE_BASE_BYTES, 'a knowledge base')}; it is not read.`);
      return undefined;
    }
    const parsed = parseKnowledgeBase(read.text);
    for (const issue of parsed.issues) io.err(`${file}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`);
    layers.push(parsed);
  }
  const knowledgeBase = mergeKnowledgeBaseFiles(...layers);
  return { knowledgeBase, recognizer: createRecognizer(knowledgeBase) };
}

/** The named files, and the matching files in the named folders, in name order. */
/**
 * Budgets of the entity benchmark, in MB of article text a second on one core of this 2-core machine. of this 2-core machine. Recognition's budget comes from
 * what a user waits for: a 10,000-article corpus (about 35 MB) tagged in the
 * background in under 5 s, 100,000 in under a minute. The realistic corpus,
 * with made-up names everywhere, sends far more words through the rules.
 */
const BENCH_BUDGETS = {
  generated: { parseMBps: 20, entitiesMBps: 8 },
  realistic: { parseMBps: 20, entitiesMBps: 5 },
};
const BENCH_RUNS = 3;
/** Untimed runs before `bench entities` times its runs. */
const WARMUP_RUNS = 1;

async function readSeeds(): Promise<string[]> {
  const seedsDir = join(await packageRoot(), 'seeds');
  return Promise.all((await readdir(seedsDir)).filter((name) => name.endsWith('.txt')).sort().map((name) => readFile(join(seedsDir, name), 'utf8')));
}

/** Writes the benchmarks' generated corpus to a folder, a hundred files per subfolder; never over existing files. */
async function generateCorpus(options: { count: number; realistic: boolean; out: string }, io: CliIO): Promise<number> {
  const seeds = await readSeeds();
  let written = 0;
  let bytes = 0;
  try {
    for (const article of generateArticles(seeds, { count: options.count, realistic: options.realistic })) {
      const folder = join(options.out, String(Math.floor(written / 100)).padStart(4, '0'));
      if (written % 100 === 0) await mkdir(folder, { recursive: true });
      // `wx`: fail rather than overwrite a file that is already there.
      await writeFile(join(folder, article.name), article.text, { encoding: 'utf8', flag: 'wx' });
      written++;
      bytes += Buffer.byteLength(article.text);
    }
  } catch (error) {
    io.err(`annotated-reader generate: ${error instanceof Error ? error.message : String(error)} (${written} files written).`);
    return 1;
  }
  await io.out(`Wrote ${written.toLocaleString('en')} articles (${(bytes / 1e6).toFixed(1)} MB) to ${options.out}.`);
  return 0;
}

/** Parses and tags a generated corpus several times and prints the medians against the budget. */
async function benchEntities(options: { count: number; realistic: boolean; json: boolean }, io: CliIO): Promise<number> {
  const seeds = await readSeeds();
  const files = [...generateArticles(seeds, { count: options.count, realistic: options.realistic })].map((article) => article.text);
  const megabytes = files.reduce((sum, text) => sum + text.length, 0) / 1e6;

  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const parseTimes: number[] = [];
  const entityTimes: number[] = [];
  let mentions = 0;
  // One run first that is not timed: it warms the JavaScript engine's compiled code, as the recognition
  // worker is warm after its first few articles. Each timed run is still a first pass for the recogniser.
  for (let run = -WARMUP_RUNS; run < BENCH_RUNS; run++) {
    let started = performance.now();
    const bodies = files.map((text) => {
      const result = parseArticle(text);
      return result.ok ? result.article.text : '';
    });
    if (run >= 0) parseTimes.push(performance.now() - started);
    // A fresh recogniser each run, and a cold table of words, so that no cache helps: each run is a first pass.
    forgetWords();
    const recognizer = createRecognizer(mergeKnowledgeBases(bundledKnowledgeBase().entities));
    started = performance.now();
    mentions = 0;
    for (const body of bodies) mentions += recognizer.recognize(body).length;
    if (run >= 0) entityTimes.push(performance.now() - started);
  }
  const parseMBps = megabytes / (median(parseTimes) / 1000);
  const entitiesMBps = megabytes / (median(entityTimes) / 1000);
  const budget = BENCH_BUDGETS[options.realistic ? 'realistic' : 'generated'];
  const withinBudget = parseMBps >= budget.parseMBps && entitiesMBps >= budget.entitiesMBps;
  const figures = {
    benchmark: 'entities',
    articles: options.count,
    realistic: options.realistic,
    megabytes: Number(megabytes.toFixed(1)),
    runs: BENCH_RUNS,
    warmupRuns: WARMUP_RUNS,
    parseMs: Math.round(median(parseTimes)),
    parseMBps: Number(parseMBps.toFixed(1)),
    entitiesMs: Math.round(median(entityTimes)),
    entitiesMBps: Number(entitiesMBps.toFixed(1)),
    mentions,
    budget,
    withinBudget,
  };
  if (options.json) await io.out(JSON.stringify(figures));
  else {
    await io.out(`${options.count.toLocaleString('en')} generated articles${options.realistic ? ' (realistic vocabulary)' : ''}, ${figures.megabytes} MB, median of ${BENCH_RUNS} runs after ${WARMUP_RUNS} untimed:`);
    await io.out(`  parsing            ${String(figures.parseMs).padStart(7)} ms  ${String(figures.parseMBps).padStart(6)} MB/s  (budget ${budget.parseMBps} MB/s)`);
    await io.out(`  entity recognition ${String(figures.entitiesMs).padStart(7)} ms  ${String(figures.entitiesMBps).padStart(6)} MB/s  (budget ${budget.entitiesMBps} MB/s), ${mentions.toLocaleString('en')} mentions`);
    await io.out(withinBudget ? 'Within budget.' : 'OVER BUDGET.');
  }
  return withinBudget ? 0 : 1;
}

/** The folder of this package (dist/cli.js lives one level down; tests run from deeper). */
async function packageRoot(): Promise<string> {
  for (let dir = __dirname; ; dir = join(dir, '..')) {
    try {
      const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (manifest.name === 'annotated-reader') return dir;
    } catch {
      // not here: look further up
    }
    if (join(dir, '..') === dir) throw new Error('cannot find the annotated-reader package folder (for its seeds/)');
  }
}

/** Standard output with back-pressure, so a large export does not pile up in memory. */
function stdoutLine(line: string): Promise<void> | void {
  if (!process.stdout.write(`${line}\n`)) return new Promise((resolve) => process.stdout.once('drain', () => resolve()));
}

if (require.main === module) {
  // `annotated-reader export … | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  main(process.argv.slice(2), { out: stdoutLine, err: (line) => process.stderr.write(`${line}\n`) }).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`annotated-reader: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
