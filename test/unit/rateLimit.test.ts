import * as assert from 'node:assert/strict';
import { RateLimited, type Timers } from '../../src/core/rateLimit';

/** A clock moved by hand: timers fire when it passes them. */
function fakeTimers(): Timers & { advance(ms: number): void } {
  let now = 0;
  let id = 0;
  const due = new Map<number, { at: number; run: () => void }>();
  return {
    now: () => now,
    setTimeout: (run, ms) => {
      due.set(++id, { at: now + ms, run });
      return id;
    },
    clearTimeout: (handle) => due.delete(handle as number),
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const next = [...due.entries()].sort((a, b) => a[1].at - b[1].at)[0];
        if (!next || next[1].at > until) break;
        due.delete(next[0]);
        now = next[1].at;
        next[1].run();
      }
      now = until;
    },
  };
}

describe('work at a bounded rate', () => {
  // Each case: a script of requests (r), flushes (f) and waits (a number of ms); the times the work ran.
  const cases: [string, (string | number)[], number[]][] = [
    ['runs the first request at once', ['r'], [0]],
    ['coalesces requests within the interval into one run at its end', ['r', 100, 'r', 100, 'r', 'r', 900], [0, 1000]],
    ['runs at once again after a quiet interval', ['r', 1500, 'r'], [0, 1500]],
    ['a flush runs at once and takes the place of the waiting run', ['r', 200, 'r', 100, 'f', 2000], [0, 300]],
    ['a request after a flush waits out the interval from the flush', ['f', 10, 'r', 2000], [0, 1000]],
    ['a hundred progress reports in ten seconds make one run a second, then the final one', [...Array.from({ length: 100 }, () => ['r', 100]).flat(), 'f'], [0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000, 10000]],
  ];
  for (const [title, script, expected] of cases) {
    it(title, () => {
      const timers = fakeTimers();
      const runs: number[] = [];
      const limited = new RateLimited(() => runs.push(timers.now()), 1000, timers);
      for (const step of script) {
        if (step === 'r') limited.request();
        else if (step === 'f') limited.flush();
        else timers.advance(step as number);
      }
      assert.deepEqual(runs, expected);
    });
  }

  it('runs nothing after it is disposed', () => {
    const timers = fakeTimers();
    let runs = 0;
    const limited = new RateLimited(() => runs++, 1000, timers);
    limited.request();
    limited.request();
    limited.dispose();
    timers.advance(5000);
    limited.request();
    limited.flush();
    assert.equal(runs, 1);
  });
});
