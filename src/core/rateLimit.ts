/** Work asked for often (every progress report) done at a bounded rate. */

export interface Timers {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Runs `work` at most once per `intervalMs` however often it is requested:
 * the first request runs at once, later ones within the interval are
 * coalesced into one run when it ends, and `flush` runs at once (the final
 * state, which must not wait).
 */
export class RateLimited {
  private last = Number.NEGATIVE_INFINITY;
  private pending: unknown;
  private disposed = false;

  constructor(
    private readonly work: () => void,
    private readonly intervalMs: number,
    private readonly timers: Timers = realTimers,
  ) {}

  /** Asks for a run: now if the last was at least an interval ago, else one at the interval's end. */
  request(): void {
    if (this.disposed || this.pending !== undefined) return;
    const wait = this.last + this.intervalMs - this.timers.now();
    if (wait <= 0) this.run();
    else this.pending = this.timers.setTimeout(() => this.run(), wait);
  }

  /** Runs now, in place of any run waiting. */
  flush(): void {
    if (!this.disposed) this.run();
  }

  dispose(): void {
    this.disposed = true;
    this.cancel();
  }

  private run(): void {
    this.cancel();
    this.last = this.timers.now();
    this.work();
  }

  private cancel(): void {
    if (this.pending !== undefined) this.timers.clearTimeout(this.pending);
    this.pending = undefined;
  }
}
