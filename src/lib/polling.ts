/**
 * The polling policy (PRODUCT.md "Live status"). The vendors' APIs are poll-only, so:
 * - fast (1 s) while anything in view is in flight, so a state change reaches the screen in ~1.5 s;
 * - slow (20 s) when nothing is;
 * - after a failed fetch, slow too (the query's own retry handles the quick retries);
 * - hidden tabs do not poll (TanStack Query's refetchIntervalInBackground stays false); a slow
 *   heartbeat (startHiddenHeartbeat) keeps "data as of" from going stale for hours;
 * - one request per connection per tick for a whole list: lists poll as one query per connection,
 *   never per row (rows read from the list's data).
 */
export const POLL_FAST_MS = 1_000;
export const POLL_SLOW_MS = 20_000;
export const HEARTBEAT_MS = 120_000;

/** The interval for a view that shows `inFlight` live work. */
export function pollInterval(inFlight: boolean, failed = false): number {
  if (failed) return POLL_SLOW_MS;
  return inFlight ? POLL_FAST_MS : POLL_SLOW_MS;
}

/** The least a TanStack `Query` offers to a refetchInterval function. */
interface QueryLike<T> {
  state: { data: T | undefined; status: string };
}

/**
 * A refetchInterval function from a predicate on the data: `refetchInterval: livePolling(anyRunning)`.
 */
export function livePolling<T>(isLive: (data: T) => boolean): (query: QueryLike<T>) => number {
  return (query) => {
    const { data, status } = query.state;
    return pollInterval(data !== undefined && isLive(data), status === 'error');
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
