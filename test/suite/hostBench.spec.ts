import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { constants as perfConstants, type IntervalHistogram, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { setFlagsFromString, writeHeapSnapshot } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../src/vscode/constants';
import type { AnnotatedReaderApi } from '../../src/vscode/extension';
import {
  HOST_BENCH_ALLOCATIONS_ENV,
  HOST_BENCH_ARTICLES_ENV,
  HOST_BENCH_CORPUS_ENV,
  HOST_BENCH_HEAP_SNAPSHOT_ENV,
  HOST_BENCH_PROFILE_ENV,
  HOST_BENCH_QUERY,
  HOST_BENCH_QUICK_PICK_ENV,
  HOST_BENCH_RESULT_ENV,
  HOST_BENCH_TITLE,
  type GcPause,
  type HostBenchFigures,
  type HostBenchStall,
  type LoopDelay,
} from '../harness/hostBenchProtocol';
import { closeAllEditors, renderOf, statusReaches, workspaceFolder } from './helpers';

/**
 * A measurement, not a test (`npm run bench:host`, test/harness/benchHost.ts): with the window opened on a
 * generated corpus named by ANNOTATED_READER_HOST_BENCH_CORPUS, from a cold start (no saved index), times the
 * extension until search answers, then a reopen from the saved index, while watching the extension host's event
 * loop, and writes the figures to ANNOTATED_READER_HOST_BENCH_RESULT. Nothing is asserted about times; without
 * the variables nothing here runs.
 */
const corpusFolder = process.env[HOST_BENCH_CORPUS_ENV];
const resultFile = process.env[HOST_BENCH_RESULT_ENV];
const profileFile = process.env[HOST_BENCH_PROFILE_ENV];
const heapSnapshotFile = process.env[HOST_BENCH_HEAP_SNAPSHOT_ENV];
const allocationsFile = process.env[HOST_BENCH_ALLOCATIONS_ENV];
const expected = Number(process.env[HOST_BENCH_ARTICLES_ENV] ?? '0');
const quickPickWhileIndexing = process.env[HOST_BENCH_QUICK_PICK_ENV] !== 'off';

/** Limits for a stuck run only: a cold start at 100,000 articles on a busy 2-core machine takes many minutes. */
const LIMIT_MS = 3 * 60 * 60_000;
/** How often the quick pick is opened while the index fills. */
const QUICK_PICK_EVERY_MS = 250;
/** The pause between queries while waiting for a reopened window to answer. */
const POLL_MS = 25;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (value: number, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits;

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

function loopDelay(histogram: IntervalHistogram): LoopDelay {
  return { maxMs: round(histogram.max / 1e6, 1), p99Ms: round(histogram.percentile(99) / 1e6, 1), samples: histogram.count };
}

function watchLoop(): IntervalHistogram {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  return histogram;
}

/** A garbage collection, if one can be had: `global.gc`, else exposed at run time as `bench search` does. */
function collector(): { kind: HostBenchFigures['heapGc']; gc: () => void } {
  const global = globalThis as { gc?: () => void };
  if (typeof global.gc === 'function') return { kind: 'global.gc', gc: global.gc };
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    if (typeof gc === 'function') return { kind: 'exposed', gc: gc as () => void };
  } catch {
    // As is.
  }
  return { kind: 'none', gc: () => undefined };
}

function settledHeapMB(gc: () => void): number {
  gc();
  return round(process.memoryUsage().heapUsed / 1e6, 1);
}

/** The host process's memory by kind, in MB (worker threads' heaps are in `rss` only). */
function memoryMB(): NonNullable<HostBenchFigures['memoryMB']> {
  const usage = process.memoryUsage();
  return { rss: round(usage.rss / 1e6), heapTotal: round(usage.heapTotal / 1e6), external: round(usage.external / 1e6), arrayBuffers: round(usage.arrayBuffers / 1e6) };
}

/** A stall worth finding in the profile. */
const STALL_MS = 100;

/** The calling thread's time on a core and waiting for one so far, in ns (Linux's schedstat), or undefined elsewhere. */
function schedStat(): { ran: number; waited: number } | undefined {
  try {
    const [ran, waited] = readFileSync('/proc/thread-self/schedstat', 'utf8').trim().split(/\s+/).map(Number);
    return Number.isFinite(ran) && Number.isFinite(waited) ? { ran, waited } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The stretches in which a 10 ms timer could not run for over STALL_MS, on the monotonic clock a CPU profile's
 * timestamps use (the profile's samples in them are what blocked the event loop), each with how long the host's
 * thread ran in it and how long it waited for a core (on Linux): a stall the thread spent waiting was another
 * process's doing (the benchmark's own browser, say), not the extension's work. Stretches that overlap one of
 * `forced` (the benchmark's own collections) are left out.
 */
function watchStalls(forced: readonly HostBenchStall[]): { stop(): HostBenchStall[] } {
  const stalls: HostBenchStall[] = [];
  let last = process.hrtime.bigint();
  let lastStat = schedStat();
  const timer = setInterval(() => {
    const now = process.hrtime.bigint();
    const stat = schedStat();
    if (now - last > BigInt(STALL_MS * 1e6)) {
      const time = stat && lastStat ? { ranMs: round((stat.ran - lastStat.ran) / 1e6, 1), waitedMs: round((stat.waited - lastStat.waited) / 1e6, 1) } : {};
      stalls.push({ startUs: Number(last / 1000n), endUs: Number(now / 1000n), ...time });
    }
    last = now;
    lastStat = stat;
  }, 10);
  return {
    stop() {
      clearInterval(timer);
      return stalls.filter((stall) => !forced.some((gc) => gc.startUs < stall.endUs && stall.startUs < gc.endUs));
    },
  };
}

/** Collections that held the host's thread longer than this are listed one by one. */
const GC_LISTED_MS = 50;

const GC_KINDS: Record<number, GcPause['kind']> = {
  [perfConstants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [perfConstants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [perfConstants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [perfConstants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak callbacks',
};
const GC_FLAGS: readonly [number, string][] = [
  [perfConstants.NODE_PERFORMANCE_GC_FLAGS_FORCED, 'forced'],
  [perfConstants.NODE_PERFORMANCE_GC_FLAGS_SYNCHRONOUS_PHANTOM_PROCESSING, 'synchronous phantom processing'],
  [perfConstants.NODE_PERFORMANCE_GC_FLAGS_ALL_AVAILABLE_GARBAGE, 'all available garbage'],
  [perfConstants.NODE_PERFORMANCE_GC_FLAGS_ALL_EXTERNAL_MEMORY, 'all external memory'],
  [perfConstants.NODE_PERFORMANCE_GC_FLAGS_SCHEDULE_IDLE, 'schedule idle'],
];

/**
 * The host's garbage collections while watched (the benchmark's own forced ones left out): counts and time by
 * kind, and each one over GC_LISTED_MS with what V8 said of it, seconds since `t0` (performance.now()).
 */
function watchCollections(t0: () => number): { stop(): NonNullable<HostBenchFigures['gc']> } {
  const byKind = new Map<string, { count: number; totalMs: number; maxMs: number }>();
  const long: GcPause[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const detail = (entry as { detail?: { kind?: number; flags?: number } }).detail ?? {};
      const flags = detail.flags ?? 0;
      if (flags & perfConstants.NODE_PERFORMANCE_GC_FLAGS_FORCED) continue;
      const kind = GC_KINDS[detail.kind ?? -1] ?? 'other';
      const sum = byKind.get(kind) ?? { count: 0, totalMs: 0, maxMs: 0 };
      sum.count++;
      sum.totalMs += entry.duration;
      sum.maxMs = Math.max(sum.maxMs, entry.duration);
      byKind.set(kind, sum);
      if (entry.duration > GC_LISTED_MS) {
        long.push({ atS: round((entry.startTime - t0()) / 1000, 1), ms: round(entry.duration, 1), kind, flags: GC_FLAGS.filter(([bit]) => flags & bit).map(([, name]) => name) });
      }
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    stop() {
      observer.disconnect();
      const kinds = Object.fromEntries([...byKind].map(([kind, sum]) => [kind, { count: sum.count, totalMs: round(sum.totalMs), maxMs: round(sum.maxMs, 1) }]));
      return { kinds, longest: long.sort((a, b) => b.ms - a.ms).slice(0, 20) };
    },
  };
}

/**
 * A sampling profile of what the extension host's thread allocates from now until `stop()` (which writes it),
 * the objects collected meanwhile included: where the garbage that its collections spend their time on comes from.
 */
function startAllocationProfile(file: string): { stop(): Promise<void> } {
  return inspectorRecording(
    file,
    (post) => post('HeapProfiler.enable').then(() => post('HeapProfiler.startSampling', { samplingInterval: 64 * 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true })),
    'HeapProfiler.stopSampling',
  );
}

/** A CPU profile of the extension host's thread, started now, written by `stop()`. */
function startProfile(file: string): { stop(): Promise<void> } {
  return inspectorRecording(file, (post) => post('Profiler.enable').then(() => post('Profiler.setSamplingInterval', { interval: 1000 })).then(() => post('Profiler.start')), 'Profiler.stop');
}

type InspectorPost = (method: string, params?: object) => Promise<unknown>;

/** A recording through the inspector of this thread: begun by `start`, ended by `stopMethod`, whose `profile` `stop()` writes to `file`. */
function inspectorRecording(file: string, start: (post: InspectorPost) => Promise<unknown>, stopMethod: string): { stop(): Promise<void> } {
  const session = new Session();
  session.connect();
  const post: InspectorPost = (method, params) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))));
  const started = start(post);
  return {
    async stop() {
      await started;
      const { profile } = (await post(stopMethod)) as { profile: unknown };
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

if (corpusFolder && resultFile) {
  describe(HOST_BENCH_TITLE, () => {
    after(async () => {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await closeAllEditors();
    });

    it('measures a cold start and a reopen on a generated corpus', async function () {
      this.timeout(LIMIT_MS);
      assert.equal(workspaceFolder().fsPath, corpusFolder, 'the window must have the corpus as its workspace folder');
      const profile = profileFile ? startProfile(profileFile) : undefined;
      const allocations = allocationsFile ? startAllocationProfile(allocationsFile) : undefined;
      const forcedCollections: HostBenchStall[] = [];
      const stalls = watchStalls(forcedCollections);
      const cold = watchLoop();
      let t0 = performance.now();
      const collections = watchCollections(() => t0);

      // Cold: a fresh user data folder (no saved index). The corpus starts when something waits for it.
      const extension = vscode.extensions.getExtension<AnnotatedReaderApi>(EXTENSION_ID);
      assert.ok(extension, `${EXTENSION_ID} is not loaded`);
      // VS Code may have activated it already (for a plain-text file, say); its corpus starts only when needed.
      const activeBefore = extension.isActive;
      t0 = performance.now();
      const api = await extension.activate();
      assert.equal(api.index.startReason(), undefined, 'the corpus must not have started before the measurement');
      await api.corpus.whenLoaded();
      const loadedMs = performance.now() - t0;
      const articles = api.corpus.articles();
      assert.ok(articles.length >= expected, `the corpus has ${articles.length} articles, not ${expected}`);
      assert.ok(!api.index.lastRestore().restored, 'a cold start must not find a saved index');

      // A reader open while indexing runs.
      let indexing = true;
      const indexed = statusReaches(api, 'ready', undefined, LIMIT_MS).then(() => api.entities.whenIndexed());
      const stopSampling = () => (indexing = false);
      void indexed.then(stopSampling, stopSampling);
      const opened = (async () => {
        const uri = articles[Math.floor(articles.length / 2)].uri;
        const started = performance.now();
        await renderOf(api, uri, () => vscode.commands.executeCommand('annotatedReader.openArticle', uri), () => true, LIMIT_MS);
        return performance.now() - started;
      })();

      // Search Corpus every ~250 ms of indexing, timed until its first rows are set. The box stays open between
      // (following the index, as it does for a user) and is closed before the next opens: once the workbench has
      // closed it, the extension has heard so too (one channel, in order), so never more than one box follows the index.
      const quickPick: number[] = [];
      const samplingFrom = performance.now();
      const sampling = (async () => {
        while (indexing && quickPickWhileIndexing) {
          const opened = performance.now();
          await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
          const started = performance.now();
          await vscode.commands.executeCommand('annotatedReader.search', HOST_BENCH_QUERY);
          quickPick.push(performance.now() - started);
          await sleep(Math.max(0, QUICK_PICK_EVERY_MS - (performance.now() - opened)));
        }
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      })();

      await indexed;
      const indexedMs = performance.now() - t0;
      // The search worker's part of the queries made while indexing ran (the box's, as it opened and followed the index).
      const workerTimes = api.search.queryTimings().filter((timing) => timing.at >= samplingFrom && timing.at - t0 <= indexedMs);
      let answer = await api.search.query(HOST_BENCH_QUERY);
      // The index is complete: no hits would mean the word is not in the corpus, or the index lost it.
      for (let tries = 0; answer.handled && answer.total === 0 && tries < 40; tries++) {
        await sleep(POLL_MS);
        answer = await api.search.query(HOST_BENCH_QUERY);
      }
      const firstReadyMs = performance.now() - t0;
      assert.ok(answer.handled, answer.handled ? '' : answer.reason);
      assert.ok(answer.total > 0, `"${HOST_BENCH_QUERY}" found nothing in the complete index`);
      const total = answer.total;
      cold.disable();
      await allocations?.stop();
      // From here until the save is done: the reader and the last quick pick finishing, the save.
      const settle = watchLoop();
      const readerOpenMs = await opened;
      await sampling;

      // Saved, as a window saves once indexing has settled (the save's copying and encoding runs on the host):
      // the window's own save (two seconds after indexing), or this one.
      const saveStarted = performance.now();
      const saved = await api.index.whenSaved();
      const saveMs = performance.now() - saveStarted;
      settle.disable();
      const { kind: heapGc, gc: collect } = collector();
      // The benchmark's own collections, for the stalls to leave out.
      const gc = () => {
        const started = process.hrtime.bigint();
        collect();
        forcedCollections.push({ startUs: Number(started / 1000n), endUs: Number(process.hrtime.bigint() / 1000n) });
      };
      const heapColdMB = settledHeapMB(gc);

      // Reopened as a reloaded window: from the saved index, then the files checked. Timed from when the window's
      // state is forgotten and collected: a reloaded window starts in a new extension host, and the old one's
      // teardown (its heap of the whole index let go at once) is no part of it.
      let reopen = watchLoop();
      let r0 = performance.now();
      let reopenDone = false;
      // Asked only once the window's state is forgotten: a query sent before would be answered by the old index.
      let forgotten: () => void = () => undefined;
      const closed = new Promise<void>((resolve) => (forgotten = resolve));
      const reopening = api.index
        .reopen(async () => {
          gc();
          reopen.disable();
          reopen = watchLoop();
          r0 = performance.now();
          forgotten();
        })
        .then((outcome) => {
          reopenDone = true;
          return outcome;
        });
      await closed;
      let reopenReadyMs: number;
      for (;;) {
        // Taken before the query is sent: a window already reopened and ready that gives another total means it.
        const finished = reopenDone && api.entities.status().phase === 'ready';
        const now = await api.search.query(HOST_BENCH_QUERY);
        if (now.handled && now.total === total) {
          reopenReadyMs = performance.now() - r0;
          break;
        }
        if (finished) assert.fail(`the reopened window answers "${HOST_BENCH_QUERY}" with ${now.handled ? now.total : now.reason}, not ${total}`);
        await sleep(POLL_MS);
      }
      const outcome = await reopening;
      assert.ok(outcome.handled, outcome.reason);
      await statusReaches(api, 'ready', undefined, LIMIT_MS);
      await api.entities.whenIndexed();
      const reopenIndexedMs = performance.now() - r0;
      reopen.disable();
      const heapReopenedMB = settledHeapMB(gc);
      const stalled = stalls.stop();
      const gcFigures = collections.stop();
      await profile?.stop();
      if (heapSnapshotFile) writeHeapSnapshot(heapSnapshotFile);

      const blocks = { cold: loopDelay(cold), settle: loopDelay(settle), reopen: loopDelay(reopen) };
      // Over the three (the collections for the heap figures between them left out): the longest stall, and the
      // largest p99 of the three, which no more than 1 % of all the samples exceed.
      const parts = Object.values(blocks);
      const overall = { maxMs: Math.max(...parts.map((part) => part.maxMs)), p99Ms: Math.max(...parts.map((part) => part.p99Ms)) };
      const figures: HostBenchFigures = {
        articles: articles.length,
        firstReadyMs: Math.round(firstReadyMs),
        total,
        loadedMs: Math.round(loadedMs),
        indexedMs: Math.round(indexedMs),
        reopenReadyMs: Math.round(reopenReadyMs),
        reopenIndexedMs: Math.round(reopenIndexedMs),
        reopenRestored: api.index.lastRestore().restored,
        reopenIndexedAgain: api.index.indexedSinceStart(),
        save: saved,
        saveMs: Math.round(saveMs),
        maxBlockMs: overall.maxMs,
        p99BlockMs: overall.p99Ms,
        blocks,
        heapMB: Math.max(heapColdMB, heapReopenedMB),
        heapColdMB,
        heapReopenedMB,
        heapGc,
        rssMB: round(process.memoryUsage().rss / 1e6),
        memoryMB: memoryMB(),
        searchWorkerMs: {
          count: workerTimes.length,
          ...Object.fromEntries(
            (['waitMs', 'runMs', 'backMs'] as const).map((part) => {
              const times = workerTimes.map((timing) => timing[part]);
              return [part.replace('Ms', ''), { p50: round(percentile(times, 0.5), 1), p95: round(percentile(times, 0.95), 1), max: round(Math.max(0, ...times), 1) }];
            }),
          ),
        } as HostBenchFigures['searchWorkerMs'],
        quickPickMs: {
          count: quickPick.length,
          p50: round(percentile(quickPick, 0.5), 1),
          p95: round(percentile(quickPick, 0.95), 1),
          max: round(Math.max(0, ...quickPick), 1),
        },
        readerOpenMs: Math.round(readerOpenMs),
        searchInWorker: api.entities.searchInWorker(),
        startReason: api.index.startReason(),
        activeBefore,
        gc: gcFigures,
        stalls: stalled,
      };
      writeFileSync(resultFile, `${JSON.stringify(figures)}\n`);
    });
  });
}
