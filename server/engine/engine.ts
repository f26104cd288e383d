import type { Clock } from '../context';

/**
 * One ticker per dialect family moves its runs forward. `simulatedMs` is the real time since the last
 * tick multiplied by the speed factor, so a SPEED of 60 makes a one-hour backup end in a minute.
 */
export interface Ticker {
  name: string;
  tick(step: { now: number; realMs: number; simulatedMs: number }): void;
  /** Called once at start-up: finish or fail, with a reason, the runs the last process left in flight. */
  recover?(now: number): void;
}

export class Engine {
  private readonly tickers: Ticker[] = [];
  private timer: NodeJS.Timeout | undefined;
  private last = 0;

  constructor(
    private readonly clock: Clock,
    readonly speed: number,
    private readonly tickMs: number,
    private readonly onError: (err: unknown) => void = (err) => console.error('engine tick failed:', err),
  ) {}

  register(ticker: Ticker): void {
    this.tickers.push(ticker);
  }

  recover(): void {
    const now = this.clock.now();
    for (const t of this.tickers) t.recover?.(now);
  }

  /** Runs one tick by hand (tests drive the engine this way, with a fake clock). */
  step(realMs?: number): void {
    const now = this.clock.now();
    // The wall clock may step back (NTP, a changed system time): time then stands, it never runs back.
    const elapsed = Math.max(0, realMs ?? (this.last ? now - this.last : 0));
    this.last = now;
    for (const t of this.tickers) {
      try {
        t.tick({ now, realMs: elapsed, simulatedMs: elapsed * this.speed });
      } catch (err) {
        this.onError(err);
      }
    }
  }

  start(): void {
    if (this.timer) return;
    this.last = this.clock.now();
    this.timer = setInterval(() => this.step(), this.tickMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
