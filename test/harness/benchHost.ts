// `npm run bench:host -- --articles N [--json] [--profile] [--heap-snapshot] [--allocations] [--no-quick-pick]`: the real extension host (code-server) on a generated
// corpus of N articles (realistic vocabulary), opened as the workspace folder from a cold start, then reopened from
// its saved index (test/suite/hostBench.spec.ts measures inside the host). Prints the figures against the budget;
// exit code 1 when over budget or when the measurement did not finish.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  HOST_BENCH_ALLOCATIONS_ENV,
  HOST_BENCH_ARTICLES_ENV,
  HOST_BENCH_CORPUS_ENV,
  HOST_BENCH_HEAP_SNAPSHOT_ENV,
  HOST_BENCH_PROFILE_ENV,
  HOST_BENCH_QUICK_PICK_ENV,
  HOST_BENCH_RESULT_ENV,
  HOST_BENCH_TITLE,
  type HostBenchFigures,
  type HostBenchStall,
} from './hostBenchProtocol';
import { runIntegrationTests } from './integration';
import { cacheDir, repoRoot, testResultsDir } from './paths';
import { exitOnSignals, runCommand } from './processes';
import { summariseHeapSnapshot } from './heapSnapshotSummary';
import { provision } from './provision';
import { readTestSummary } from './summary';

/** Budgets (2-core machine): for corpora up to `upTo` articles. */
const BUDGETS = [
  { upTo: 10_000, reopenReadyMs: 3000, maxBlockMs: 100 },
  { upTo: 100_000, reopenReadyMs: 5000, maxBlockMs: 100, heapMB: 500, quickPickMs: 100 },
] as const;
type Budget = (typeof BUDGETS)[number];

/** A stuck run ends here (the cold start at 100,000 articles takes minutes, more on a busy machine). */
const RUN_TIMEOUT_MS = 3 * 60 * 60_000;
/** The generator's code; with the seeds it draws from and the CLI's function that writes the files, the corpus's key. */
const GENERATOR_SOURCE = 'src/core/bench/generate.ts';
const CLI_SOURCE = 'src/cli/main.ts';
const CLI_WRITER = /\nasync function generateCorpus\([\s\S]*?\n\}\n/;

async function main(): Promise<number> {
  exitOnSignals();
  const { values } = parseArgs({
    options: {
      articles: { type: 'string' },
      json: { type: 'boolean', default: false },
      // A CPU profile of the extension host (test-results/host-bench-N.cpuprofile), its busiest stretches summed up on standard error.
      profile: { type: 'boolean', default: false },
      // A heap snapshot of the extension host once settled after the reopen (test-results/host-bench-N.heapsnapshot), summed up by kind of object.
      'heap-snapshot': { type: 'boolean', default: false },
      // A sampling profile of what the extension host allocates over the cold start, garbage included (test-results/host-bench-N.heapprofile), summed up by function.
      allocations: { type: 'boolean', default: false },
      // No Search Corpus while indexing: the event loop with the reader alone (the quick pick's budget is then not judged).
      'no-quick-pick': { type: 'boolean', default: false },
    },
  });
  const articles = Number(values.articles ?? '10000');
  if (!Number.isInteger(articles) || articles < 1) {
    console.error(`bench:host: --articles takes a whole number, not "${values.articles}".`);
    return 2;
  }
  const corpus = await generatedCorpus(articles);
  const toolchain = await provision();

  const runDir = mkdtempSync(join(tmpdir(), 'annotated-reader-host-bench-'));
  try {
    const resultFile = join(runDir, 'figures.json');
    const summaryFile = join(runDir, 'summary.json');
    const profileFile = join(testResultsDir, `host-bench-${articles}.cpuprofile`);
    if (values.profile) rmSync(profileFile, { force: true });
    const heapSnapshotFile = join(testResultsDir, `host-bench-${articles}.heapsnapshot`);
    if (values['heap-snapshot']) rmSync(heapSnapshotFile, { force: true });
    const allocationsFile = join(testResultsDir, `host-bench-${articles}.heapprofile`);
    if (values.allocations) rmSync(allocationsFile, { force: true });
    console.error(`bench:host: ${articles.toLocaleString('en')} articles in ${corpus}; the extension host's output follows.`);
    const exitCode = await runIntegrationTests({
      toolchain,
      summaryFile,
      timeoutMs: RUN_TIMEOUT_MS,
      workspacePath: corpus,
      logsName: 'host-bench',
      // Standard output is for the figures.
      log: (message) => console.error(message),
      env: {
        TEST_GREP: HOST_BENCH_TITLE,
        [HOST_BENCH_CORPUS_ENV]: corpus,
        [HOST_BENCH_ARTICLES_ENV]: String(articles),
        [HOST_BENCH_RESULT_ENV]: resultFile,
        ...(values.profile ? { [HOST_BENCH_PROFILE_ENV]: profileFile } : {}),
        ...(values['no-quick-pick'] ? { [HOST_BENCH_QUICK_PICK_ENV]: 'off' } : {}),
        ...(values['heap-snapshot'] ? { [HOST_BENCH_HEAP_SNAPSHOT_ENV]: heapSnapshotFile } : {}),
        ...(values.allocations ? { [HOST_BENCH_ALLOCATIONS_ENV]: allocationsFile } : {}),
      },
    });
    const summary = readTestSummary(summaryFile);
    if (exitCode !== 0 || !summary || summary.failures > 0 || summary.passes !== 1 || !existsSync(resultFile)) {
      console.error(`bench:host: the measurement did not finish (exit code ${exitCode}, ${summary ? `${summary.passes} passed, ${summary.failures} failed: ${summary.failed.join('; ')}` : 'no summary'}).`);
      return 1;
    }
    const figures = JSON.parse(readFileSync(resultFile, 'utf8')) as HostBenchFigures;
    const budget = BUDGETS.find((b) => articles <= b.upTo);
    const withinBudget = budget === undefined || over(figures, budget).length === 0;
    const { stalls, ...measured } = figures;
    const report = { ...measured, stallsOver100Ms: stallTime(stalls), budget, withinBudget, ...(values.profile ? { profile: profileFile } : {}) };
    if (values.profile) console.error(summariseProfile(JSON.parse(readFileSync(profileFile, 'utf8')) as CpuProfile, figures.stalls));
    if (values['heap-snapshot']) console.error(summariseHeapSnapshot(heapSnapshotFile));
    if (values.allocations) console.error(summariseAllocations(JSON.parse(readFileSync(allocationsFile, 'utf8')) as AllocationProfile));
    if (values.json) console.log(JSON.stringify(report));
    else printReport(figures, budget);
    return withinBudget ? 0 : 1;
  } finally {
    rmSync(runDir, { recursive: true, force: true });
  }
}

/** What is over `budget`, as lines. */
function over(figures: HostBenchFigures, budget: Budget): string[] {
  const lines: string[] = [];
  if (figures.reopenReadyMs > budget.reopenReadyMs) lines.push(`reopenReadyMs ${figures.reopenReadyMs} > ${budget.reopenReadyMs}`);
  if (figures.maxBlockMs > budget.maxBlockMs) lines.push(`maxBlockMs ${figures.maxBlockMs} > ${budget.maxBlockMs}`);
  if ('heapMB' in budget && figures.heapMB > budget.heapMB) lines.push(`heapMB ${figures.heapMB} > ${budget.heapMB}`);
  if ('quickPickMs' in budget && figures.quickPickMs.count > 0 && Math.max(figures.quickPickMs.p95, figures.quickPickMs.max) > budget.quickPickMs) {
    lines.push(`quick pick p95/max ${figures.quickPickMs.p95}/${figures.quickPickMs.max} ms > ${budget.quickPickMs}`);
  }
  return lines;
}

function printReport(f: HostBenchFigures, budget: Budget | undefined): void {
  const b = f.blocks;
  console.log(
    [
      `${f.articles.toLocaleString('en')} generated articles (realistic vocabulary), the extension host of code-server:`,
      `  cold start   ready and answering in ${f.firstReadyMs} ms (corpus read ${f.loadedMs} ms, index ready ${f.indexedMs} ms; "${f.total}" hits)`,
      `  saved        in ${f.saveMs} ms: ${f.save}`,
      `  reopened     answering in ${f.reopenReadyMs} ms, files checked and ready in ${f.reopenIndexedMs} ms (from the saved index: ${f.reopenRestored}; indexed again: ${f.reopenIndexedAgain})`,
      `  event loop   longest stall ${f.maxBlockMs} ms, p99 ${f.p99BlockMs} ms (cold ${b.cold.maxMs}, settling and saving ${b.settle.maxMs}, reopen ${b.reopen.maxMs})`,
      `  stalls       ${stallLine(stallTime(f.stalls))}`,
      `  heap         ${f.heapMB} MB (cold ${f.heapColdMB}, reopened ${f.heapReopenedMB}; gc: ${f.heapGc}), rss ${f.rssMB} MB`,
      f.quickPickMs.count
        ? `  quick pick   while indexing: ${f.quickPickMs.count} queries, p50 ${f.quickPickMs.p50} ms, p95 ${f.quickPickMs.p95} ms, max ${f.quickPickMs.max} ms`
        : '  quick pick   not opened while indexing (--no-quick-pick)',
      ...(f.searchWorkerMs
        ? [`  search worker while indexing: ${f.searchWorkerMs.count} queries, p50/p95 wait ${f.searchWorkerMs.wait.p50}/${f.searchWorkerMs.wait.p95} ms, run ${f.searchWorkerMs.run.p50}/${f.searchWorkerMs.run.p95} ms, back ${f.searchWorkerMs.back.p50}/${f.searchWorkerMs.back.p95} ms`]
        : []),
      `  reader       opened while indexing in ${f.readerOpenMs} ms`,
      budget ? (over(f, budget).length === 0 ? 'Within budget.' : `OVER BUDGET: ${over(f, budget).join(', ')}.`) : 'No budget at this size.',
    ].join('\n'),
  );
}

/**
 * The benchmark's corpus of `articles` generated articles, made once (by the CLI's `generate --realistic`) and
 * kept in the cache under a key of the size and the generator's sources: a folder there is always complete
 * (it is written under another name and renamed when done).
 */
async function generatedCorpus(articles: number): Promise<string> {
  const hash = createHash('sha1');
  hash.update(readFileSync(join(repoRoot, GENERATOR_SOURCE)));
  // Only the function that writes the files, not the whole CLI (which changes with every command).
  const writer = CLI_WRITER.exec(readFileSync(join(repoRoot, CLI_SOURCE), 'utf8'));
  if (!writer) throw new Error(`bench:host: no generateCorpus function in ${CLI_SOURCE} to key the corpus by.`);
  hash.update(writer[0]);
  for (const name of readdirSync(join(repoRoot, 'seeds')).sort()) hash.update(name).update(readFileSync(join(repoRoot, 'seeds', name)));
  const root = join(cacheDir(), 'bench-corpora');
  const folder = join(root, `${articles}-realistic-${hash.digest('hex').slice(0, 12)}`);
  if (existsSync(folder)) return folder;
  mkdirSync(root, { recursive: true });
  const partial = `${folder}.partial-${process.pid}`;
  const logFile = `${folder}.log`;
  rmSync(partial, { recursive: true, force: true });
  console.error(`bench:host: generating ${articles.toLocaleString('en')} articles into ${folder} (once; log in ${logFile})...`);
  const started = performance.now();
  try {
    await runCommand(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'generate', '--articles', String(articles), '--realistic', '--out', partial], { logFile });
    // Another run may have made it meanwhile: that one is as good.
    if (!existsSync(folder)) renameSync(partial, folder);
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
  console.error(`bench:host: generated in ${Math.round((performance.now() - started) / 1000)} s.`);
  return folder;
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  /** When the profile started, in µs of the monotonic clock. */
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The module each line of the development bundle comes from (esbuild marks each with a `// path` comment). */
function bundleModules(bundle: string): (line: number) => string {
  const starts: { line: number; path: string }[] = [];
  readFileSync(bundle, 'utf8')
    .split('\n')
    .forEach((text, line) => {
      // A package's path is relative to the repository, through wherever node_modules lies (a symlink, in a worktree).
      const marker = /^\/\/ (src\/\S+|(?:\.\.\/)*(?:[^/\s]+\/)*node_modules\/\S+)$/.exec(text);
      if (marker) starts.push({ line, path: marker[1] });
    });
  return (line) => {
    let found = '?';
    for (const start of starts) {
      if (start.line > line) break;
      found = start.path;
    }
    return found.replace(/^.*node_modules\/((?:@[^/]+\/)?[^/]+)\/.*/, '$1');
  };
}

/**
 * The longest stalls of the extension host's event loop (`stalls`, timed in the host on the profile's clock),
 * or without them the longest stretches in which its thread never went idle (many short tasks among them),
 * each with the functions its time went to: by self time, and by the two innermost frames of the extension's
 * own code (src/) on the stack.
 */
function summariseProfile(profile: CpuProfile, stalls: HostBenchFigures['stalls'], stretches = 8): string {
  const moduleAt = bundleModules(join(repoRoot, 'dist', 'extension.js'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const where = (id: number) => {
    const frame = byId.get(id)?.callFrame;
    if (!frame?.url) return '';
    return frame.url.endsWith('/dist/extension.js') ? moduleAt(frame.lineNumber) : frame.url.replace(/.*\//, '');
  };
  const name = (id: number) => `${byId.get(id)?.callFrame.functionName || '(anonymous)'}${where(id) ? ` (${where(id)})` : ''}`;
  const ownFrames = (id: number): string => {
    const own: string[] = [];
    for (let at: number | undefined = id; at !== undefined && own.length < 2; at = parent.get(at)) if (where(at).startsWith('src/')) own.push(name(at));
    return own.length ? own.join(' < ') : '(not the extension)';
  };
  const isIdle = (id: number) => byId.get(id)?.callFrame.functionName === '(idle)';
  // Sample i lasted timeDeltas[i + 1] (the delta before the next sample).
  const runs: { startMs: number; ms: number; samples: number[]; durations: number[]; stall?: HostBenchStall }[] = [];
  let clock = 0;
  let current: (typeof runs)[number] | undefined;
  if (stalls) {
    for (const stall of stalls) runs.push({ startMs: (stall.startUs - profile.startTime) / 1000, ms: (stall.endUs - stall.startUs) / 1000, samples: [], durations: [], stall });
    runs.sort((a, b) => a.startMs - b.startMs);
  }
  let stall = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    clock += profile.timeDeltas[i] / 1000;
    const duration = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const id = profile.samples[i];
    if (stalls) {
      while (stall < runs.length && runs[stall].startMs + runs[stall].ms < clock) stall++;
      if (stall < runs.length && runs[stall].startMs <= clock) {
        runs[stall].samples.push(id);
        runs[stall].durations.push(duration);
      }
      continue;
    }
    if (isIdle(id)) {
      current = undefined;
      continue;
    }
    if (!current) runs.push((current = { startMs: clock, ms: 0, samples: [], durations: [] }));
    current.ms += duration;
    current.samples.push(id);
    current.durations.push(duration);
  }
  const top = (weights: Map<string, number>, n: number) =>
    [...weights]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([key, ms]) => `      ${Math.round(ms)} ms ${key}`);
  const lines = [
    stalls
      ? `bench:host: the longest of the extension host's ${stalls.length} event-loop stalls over 100 ms (CPU profile, 1 ms samples):`
      : 'bench:host: the longest busy stretches of the extension host (CPU profile, 1 ms samples):',
  ];
  const total = { self: new Map<string, number>(), own: new Map<string, number>() };
  const longest = [...runs].sort((a, b) => b.ms - a.ms).slice(0, stretches);
  for (const run of longest) {
    const self = new Map<string, number>();
    const own = new Map<string, number>();
    run.samples.forEach((id, k) => {
      for (const [map, key] of [[self, name(id)], [own, ownFrames(id)], [total.self, name(id)], [total.own, ownFrames(id)]] as const) map.set(key, (map.get(key) ?? 0) + run.durations[k]);
    });
    const time = run.stall?.ranMs === undefined ? '' : ` (the thread ran ${Math.round(run.stall.ranMs)} ms of it, waited ${Math.round(run.stall.waitedMs ?? 0)} ms for a core)`;
    lines.push(`  ${Math.round(run.ms)} ms at ${Math.round(run.startMs / 1000)} s${time}`, '    self:', ...top(self, 4), '    extension:', ...top(own, 4));
  }
  lines.push(`  over those ${longest.length} ${stalls ? 'stalls' : 'stretches'}:`, '    self:', ...top(total.self, 8), '    extension:', ...top(total.own, 8));
  return lines.join('\n');
}

main().then(
  (exitCode) => process.exit(exitCode),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

/** A sampling heap profile (`HeapProfiler.stopSampling`): a tree of call frames with the bytes sampled in each. */
interface AllocationNode {
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly selfSize: number;
  readonly children: readonly AllocationNode[];
}
interface AllocationProfile {
  readonly head: AllocationNode;
}

/** The functions that allocated most over the cold start (sampled bytes, garbage included), each with its callers. */
function summariseAllocations(profile: AllocationProfile, shown = 15): string {
  const byFunction = new Map<string, { bytes: number; callers: Map<string, number> }>();
  let total = 0;
  const visit = (node: AllocationNode, path: readonly string[]) => {
    const name = frameName(node.callFrame);
    if (node.selfSize > 0) {
      total += node.selfSize;
      const entry = byFunction.get(name) ?? { bytes: 0, callers: new Map<string, number>() };
      entry.bytes += node.selfSize;
      const caller = path.slice(-3).reverse().join(' < ') || '(top)';
      entry.callers.set(caller, (entry.callers.get(caller) ?? 0) + node.selfSize);
      byFunction.set(name, entry);
    }
    for (const child of node.children) visit(child, [...path, name]);
  };
  visit(profile.head, []);
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
  const lines = [`bench:host: what the extension host allocated over the cold start (sampled, ${mb(total)} in all), by function:`];
  for (const [name, { bytes, callers }] of [...byFunction].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, shown)) {
    lines.push(`  ${mb(bytes)} ${name}`);
    for (const [caller, callerBytes] of [...callers].sort((a, b) => b[1] - a[1]).slice(0, 2)) lines.push(`      ${mb(callerBytes)} < ${caller}`);
  }
  return lines.join('\n');
}

function frameName(frame: AllocationNode['callFrame']): string {
  const file = frame.url.replace(/^.*\/(src|node_modules|out)\//, '$1/').replace(/^.*\//, '');
  return `${frame.functionName || '(anonymous)'}${file ? ` (${file})` : ''}`;
}

/**
 * The host's stalls over 100 ms summed up: how many, how long in all, and of that how long its thread ran and
 * how long it waited for a core (Linux only): the part another process's work took from it.
 */
function stallTime(stalls: readonly HostBenchStall[]): { count: number; totalMs: number; ranMs?: number; waitedMs?: number; mostRanMs?: number } {
  const totalMs = Math.round(stalls.reduce((sum, stall) => sum + (stall.endUs - stall.startUs) / 1000, 0));
  if (stalls.some((stall) => stall.ranMs === undefined)) return { count: stalls.length, totalMs };
  const ranMs = Math.round(stalls.reduce((sum, stall) => sum + (stall.ranMs ?? 0), 0));
  const waitedMs = Math.round(stalls.reduce((sum, stall) => sum + (stall.waitedMs ?? 0), 0));
  // The most the thread ran in any one of them: how long the longest would have been had it never waited or blocked.
  const mostRanMs = Math.round(stalls.reduce((most, stall) => Math.max(most, stall.ranMs ?? 0), 0));
  return { count: stalls.length, totalMs, ranMs, waitedMs, mostRanMs };
}

function stallLine(time: ReturnType<typeof stallTime>): string {
  const spent = time.ranMs === undefined ? '' : `: the thread ran ${time.ranMs} ms of it (at most ${time.mostRanMs} ms in one) and waited ${time.waitedMs} ms for a core`;
  return `${time.count} over 100 ms, ${time.totalMs} ms in all${spent}`;
}
