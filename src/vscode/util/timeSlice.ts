/**
 * A long loop on the extension host's thread, cut into slices: the host is shared with every other
 * extension and the editor's own work, so a pass over 100,000 articles (tens of milliseconds or more) lets
 * it run between slices.
 *
 *     const slice = new TimeSlice();
 *     for (const item of items) {
 *       work(item);
 *       if (slice.due()) await slice.pause();
 *     }
 */
export class TimeSlice {
  private start = performance.now();
  private count = 0;

  /**
   * @param budgetMs how long a slice may run
   * @param checkEvery how many items between readings of the clock (reading it costs more than a cheap item)
   */
  constructor(
    private readonly budgetMs = 12,
    private readonly checkEvery = 256,
  ) {}

  /** Asked once an item: whether the slice has run its time. */
  due(): boolean {
    return ++this.count % this.checkEvery === 0 && performance.now() - this.start >= this.budgetMs;
  }

  /** Lets the event loop run (timers, messages, other extensions), then starts the next slice. */
  async pause(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    this.start = performance.now();
  }
}
