/** One piece of provider behaviour that happens later, on the fake's clock. */
export interface ScheduledTask {
  /** When it is due, unix ms on the fake's clock. */
  readonly dueMs: number;
  /** What it is, for inspection (`meeting.ended room-a`, `session-end 7`). */
  readonly key: string;
}

interface Entry extends ScheduledTask {
  readonly seq: number;
  readonly run: (dueMs: number) => Promise<void>;
}

/**
 * Time-based provider behaviour on the fake's own clock (`now`): Daily's delayed `meeting.ended`
 * and its exponential webhook retries, Whereby's session end after fewer than 2 participants
 * remained for some time, Daily's ejection at a room's `exp`. Nothing runs by itself unless
 * `autoRunMs` is set (`npm run dev:fakes` does): tests move their clock and call `runDue()` (the
 * control's `tick()`), so no test ever sleeps.
 */
export class FakeScheduler {
  private entries: Entry[] = [];
  private seq = 0;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly now: () => number,
    autoRunMs?: number,
  ) {
    if (autoRunMs !== undefined && autoRunMs > 0) {
      this.timer = setInterval(() => void this.runDue().catch(() => undefined), autoRunMs);
      this.timer.unref();
    }
  }

  /**
   * Runs `run` at `dueMs` (it receives `dueMs`: what it does happened then, even when it runs later);
   * a task with the same `key` is replaced (e.g. a timer restarted).
   */
  at(dueMs: number, key: string, run: (dueMs: number) => Promise<void> | void): void {
    this.cancel(key);
    this.seq += 1;
    this.entries.push({ dueMs, key, seq: this.seq, run: async (at) => run(at) });
  }

  /** Forgets the task with this key, if any. */
  cancel(key: string): void {
    this.entries = this.entries.filter((e) => e.key !== key);
  }

  /** Whether a task with this key is pending. */
  has(key: string): boolean {
    return this.entries.some((e) => e.key === key);
  }

  /** Pending tasks, soonest first. */
  pending(): ScheduledTask[] {
    return this.sorted().map(({ dueMs, key }) => ({ dueMs, key }));
  }

  /** Runs every task due by `now()` (and tasks they schedule that are due too), soonest first. */
  runDue(): Promise<void> {
    return this.serialize(() => this.drain((e) => e.dueMs <= this.now()));
  }

  /** Runs every pending task now, whatever its due time (fast-forward), soonest first. */
  runAll(): Promise<void> {
    return this.serialize(() => this.drain(() => true));
  }

  /** Forgets every pending task. */
  clear(): void {
    this.entries = [];
  }

  /** Stops the automatic runs. */
  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private sorted(): Entry[] {
    return [...this.entries].sort((a, b) => a.dueMs - b.dueMs || a.seq - b.seq);
  }

  private async drain(ready: (e: Entry) => boolean): Promise<void> {
    // Bounded: a task that keeps rescheduling itself as due cannot loop forever.
    for (let round = 0; round < 1000; round += 1) {
      const next = this.sorted().find(ready);
      if (!next) return;
      this.entries = this.entries.filter((e) => e !== next);
      await next.run(next.dueMs);
    }
  }

  private serialize(fn: () => Promise<void>): Promise<void> {
    const run = this.running.then(fn);
    this.running = run.catch(() => undefined);
    return run;
  }
}
