/**
 * Password checks (scrypt, about 16 MB and 30–50 ms each on libuv's pool of 4 threads) are bounded so
 * that a flood from one client address cannot starve everyone else's sign-ins: at most `total` checks
 * run at once (the pool keeps threads for the rest of the service), at most `perAddress` of them for
 * one address, and at most `queuePerAddress` wait per address (more are refused: the caller answers
 * 429). Waiting checks are served address by address in turn, so a person signing in from another
 * address waits behind at most one check of each busy address.
 */
export class HashGate {
  private running = 0;
  private readonly active = new Map<string, number>();
  /** Addresses with waiting checks, in the order they are served next. */
  private readonly waiting = new Map<string, (() => void)[]>();

  constructor(
    private readonly total = 2,
    private readonly perAddress = 1,
    private readonly queuePerAddress = 2,
  ) {}

  /** Checks in flight by what they check: the same check asked again meanwhile shares the answer. */
  private readonly inFlight = new Map<string, Promise<{ ok: true; value: unknown } | { ok: false }>>();

  /**
   * Runs `work` when there is room; `same` names what it checks (a digest, never the secret), so that
   * identical checks sent at once — a console signing in to two connections of one service — cost one.
   */
  run<T>(
    address: string,
    same: string,
    work: () => Promise<T>,
  ): Promise<{ ok: true; value: T } | { ok: false }> {
    const pending = this.inFlight.get(same) as Promise<{ ok: true; value: T } | { ok: false }> | undefined;
    if (pending) return pending;
    const started = this.queued(address, work);
    this.inFlight.set(same, started);
    void started.finally(() => this.inFlight.delete(same));
    return started;
  }

  private async queued<T>(
    address: string,
    work: () => Promise<T>,
  ): Promise<{ ok: true; value: T } | { ok: false }> {
    const queue = this.waiting.get(address) ?? [];
    if (queue.length >= this.queuePerAddress) return { ok: false };
    await new Promise<void>((resolve) => {
      queue.push(resolve);
      if (!this.waiting.has(address)) this.waiting.set(address, queue);
      this.pump();
    });
    try {
      return { ok: true, value: await work() };
    } finally {
      this.running--;
      const left = (this.active.get(address) ?? 1) - 1;
      if (left > 0) this.active.set(address, left);
      else this.active.delete(address);
      this.pump();
    }
  }

  private pump(): void {
    while (this.running < this.total) {
      let next: [string, (() => void)[]] | undefined;
      for (const entry of this.waiting) {
        if ((this.active.get(entry[0]) ?? 0) < this.perAddress) {
          next = entry;
          break;
        }
      }
      if (!next) return;
      const [address, queue] = next;
      const start = queue.shift()!;
      // The address goes to the back of the line, or leaves it when nothing of its waits.
      this.waiting.delete(address);
      if (queue.length) this.waiting.set(address, queue);
      this.running++;
      this.active.set(address, (this.active.get(address) ?? 0) + 1);
      start();
    }
  }
}

/** The service's one gate for sign-in and vault password checks. */
export const passwordGate = new HashGate();
