/**
 * The polling policy (docs/architecture.md and README "Live status"). The vendors' APIs are poll-only, so:
 * - fast (1.25 s) while anything in view is in flight, so a state change reaches the screen within
 *   ~1.5 s (the interval plus one request), and a connection gets at most one request a second
 *   with the slow lists' occasional ones counted in;
 * - at the "open" pace (5 s) while something is open but not advancing (a Veeam restore session
 *   waiting for a person to browse it);
 * - slow (20 s) when nothing is;
 * - after a failed fetch, slow too (the query's own retry handles the quick retries);
 * - hidden tabs do not poll (TanStack Query's refetchIntervalInBackground stays false); a slow
 *   heartbeat (startHiddenHeartbeat) keeps "data as of" from going stale for hours;
 * - one request per connection per tick for a whole list: lists poll as one query per connection,
 *   never per row (rows read from the list's data), and what changes only slowly (the
 *   configurations themselves, next to the runs that move) is asked for at the slow pace.
 */
export const POLL_FAST_MS = 1_250;
export const POLL_OPEN_MS = 5_000;
export const POLL_SLOW_MS = 20_000;
export const HEARTBEAT_MS = 120_000;

/** How lively what a query shows is: `true` is 'fast', `false` is 'idle'. */
export type Pace = 'fast' | 'open' | 'idle';

const INTERVAL: Record<Pace, number> = { fast: POLL_FAST_MS, open: POLL_OPEN_MS, idle: POLL_SLOW_MS };

/** The interval for a view whose data is at `pace` (or in flight, when a boolean). */
export function pollInterval(pace: Pace | boolean, failed = false): number {
  if (failed) return POLL_SLOW_MS;
  return INTERVAL[pace === true ? 'fast' : pace === false ? 'idle' : pace];
}

/** The liveliest of several paces. */
export function fastest(paces: Iterable<Pace>): Pace {
  let best: Pace = 'idle';
  for (const p of paces) {
    if (p === 'fast') return 'fast';
    if (p === 'open') best = 'open';
  }
  return best;
}

/** The least a TanStack `Query` offers to a refetchInterval function. */
interface QueryLike<T> {
  state: { data: T | undefined; status: string };
}

/**
 * A refetchInterval function from a predicate on the data: `refetchInterval: livePolling(anyRunning)`.
 * The predicate may answer a Pace instead of a boolean.
 */
export function livePolling<T>(isLive: (data: T) => boolean | Pace): (query: QueryLike<T>) => number {
  return (query) => {
    const { data, status } = query.state;
    return pollInterval(data !== undefined ? isLive(data) : 'idle', status === 'error');
  };
}

/** Hidden documents only: calls `tick` every `intervalMs`. Returns the stop function. */
export function startHiddenHeartbeat(
  tick: () => void,
  intervalMs = HEARTBEAT_MS,
  doc: Pick<Document, 'visibilityState'> | undefined = typeof document === 'undefined' ? undefined : document,
): () => void {
  if (!doc) return () => undefined;
  const timer = setInterval(() => {
    if (doc.visibilityState === 'hidden') tick();
  }, intervalMs);
  return () => clearInterval(timer);
}
