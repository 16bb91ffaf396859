// What the host benchmark's harness (benchHost.ts) and its measurement inside the extension host
// (test/suite/hostBench.spec.ts) agree on: the environment that switches the measurement on, and what it writes.

/** The generated corpus's folder, which the window opens as its workspace folder; without it the measurement does not run. */
export const HOST_BENCH_CORPUS_ENV = 'ANNOTATED_READER_HOST_BENCH_CORPUS';
/** How many articles the corpus has. */
export const HOST_BENCH_ARTICLES_ENV = 'ANNOTATED_READER_HOST_BENCH_ARTICLES';
/** Where the measurement writes its figures (a HostBenchFigures as JSON). */
export const HOST_BENCH_RESULT_ENV = 'ANNOTATED_READER_HOST_BENCH_RESULT';
/** Where to write a CPU profile of the extension host over the whole measurement (optional). */
export const HOST_BENCH_PROFILE_ENV = 'ANNOTATED_READER_HOST_BENCH_PROFILE';
/** Where to write a sampling profile of what the extension host allocates over the cold start (optional): garbage included. */
export const HOST_BENCH_ALLOCATIONS_ENV = 'ANNOTATED_READER_HOST_BENCH_ALLOCATIONS';
/** Where to write a heap snapshot of the extension host once it has settled after the reopen (optional). */
export const HOST_BENCH_HEAP_SNAPSHOT_ENV = 'ANNOTATED_READER_HOST_BENCH_HEAP_SNAPSHOT';
/** `off`: no Search Corpus while the index fills (to see the event loop with the reader alone). */
export const HOST_BENCH_QUICK_PICK_ENV = 'ANNOTATED_READER_HOST_BENCH_QUICK_PICK';
/** The measurement's title, which the harness greps for. */
export const HOST_BENCH_TITLE = 'Host benchmark';
/** A word every generated corpus has (the seeds name him in several paragraphs): the query timed. */
export const HOST_BENCH_QUERY = 'Stoltenberg';

/** Event-loop delays of the extension host over a stretch, from perf_hooks.monitorEventLoopDelay (10 ms resolution). */
export interface LoopDelay {
  readonly maxMs: number;
  readonly p99Ms: number;
  readonly samples: number;
}

/** A stall of the extension host's event loop, on the monotonic clock (µs), with its thread's time on a core and waiting for one (Linux). */
export interface HostBenchStall {
  readonly startUs: number;
  readonly endUs: number;
  readonly ranMs?: number;
  readonly waitedMs?: number;
}

/** One garbage collection of the extension host that held its thread long. */
export interface GcPause {
  /** Seconds since the measurement began. */
  readonly atS: number;
  readonly ms: number;
  readonly kind: 'minor' | 'major' | 'incremental' | 'weak callbacks' | 'other';
  /** What V8 said of it (why it ran, as far as it tells). */
  readonly flags: readonly string[];
}

export interface HostBenchFigures {
  readonly articles: number;
  /** Activation until the index was complete (`ready`) and the query answered with hits, from a cold start. */
  readonly firstReadyMs: number;
  /** The query's total then. */
  readonly total: number;
  /** Until the corpus was read (every file listed and parsed), and until the index was `ready`. */
  readonly loadedMs: number;
  readonly indexedMs: number;
  /** `api.index.reopen()` until the query answered with the same total as before. */
  readonly reopenReadyMs: number;
  /** `api.index.reopen()` until the files were checked and the index was `ready` again. */
  readonly reopenIndexedMs: number;
  /** How the reopened window started (from the saved index?), and how many articles it indexed again. */
  readonly reopenRestored: boolean;
  readonly reopenIndexedAgain: number;
  /** What `whenSaved()` before the reopen said (the window may have saved already), and how long it took. */
  readonly save: string;
  readonly saveMs: number;
  /** The longest event-loop stall of the extension host over all of it (the histogram's max, 10 ms resolution included). */
  readonly maxBlockMs: number;
  /** The largest p99 of the stretches below: at most 1 % of all the samples are longer. */
  readonly p99BlockMs: number;
  /**
   * The same per stretch: the cold start until ready, then until saved (the reader and the last quick pick
   * finishing, the window's save), the reopen until ready.
   */
  readonly blocks: { readonly cold: LoopDelay; readonly settle: LoopDelay; readonly reopen: LoopDelay };
  /** `process.memoryUsage().heapUsed` of the extension host, settled, after a collection if one could be had. */
  readonly heapMB: number;
  readonly heapColdMB: number;
  readonly heapReopenedMB: number;
  /** How the garbage was collected first: `global.gc`, `exposed` (--expose-gc set at run time, as bench search does), or `none`. */
  readonly heapGc: 'global.gc' | 'exposed' | 'none';
  /** The host's resident memory then (worker threads included), for scale. */
  readonly rssMB: number;
  /** The same moment by kind: the host's heap as reserved, memory outside it that V8 knows of (external, ArrayBuffers among it). */
  readonly memoryMB?: { readonly rss: number; readonly heapTotal: number; readonly external: number; readonly arrayBuffers: number };
  /**
   * Search Corpus from the command until its first rows were set, one every ~250 ms while the index was being
   * filled (none with the quick pick switched off: count 0). The box stays open between them, following the index.
   */
  readonly quickPickMs: { readonly count: number; readonly p50: number; readonly p95: number; readonly max: number };
  /**
   * The search worker's part of the queries made while the index was filled: until it took each up (`wait`:
   * messages queued before it, the slice of writes it was in, its wait for a core), its search (`run`), and the
   * answer's way back until the host took it in (`back`).
   */
  readonly searchWorkerMs?: { readonly count: number } & Readonly<Record<'wait' | 'run' | 'back', { readonly p50: number; readonly p95: number; readonly max: number }>>;
  /** Opening an article in the reader while indexing ran: until the reader reported it rendered. */
  readonly readerOpenMs: number;
  /** Whether the search index was in its worker thread, and why the corpus started. */
  readonly searchInWorker: boolean;
  readonly startReason: string | undefined;
  /** Whether VS Code had activated the extension before the measurement began (its corpus had not started). */
  readonly activeBefore: boolean;
  /** The host's garbage collections over the whole measurement (the benchmark's forced ones left out): by kind, and the longest. */
  readonly gc?: {
    readonly kinds: Readonly<Record<string, { readonly count: number; readonly totalMs: number; readonly maxMs: number }>>;
    readonly longest: readonly GcPause[];
  };
  /**
   * The stalls of the event loop over 100 ms over the whole measurement (the benchmark's own collections left
   * out), on a CPU profile's clock (CLOCK_MONOTONIC, µs), to find what blocked, with the thread's time on a core.
   */
  readonly stalls: readonly HostBenchStall[];
}
