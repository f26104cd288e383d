import { useEffect, useState } from 'react';
import type { ApiError } from '../api/api-error';
import type { Connection } from '../api/domain';

/** A connection whose first answer has not come this long after the page asked is named as not answering. */
export const NOT_ANSWERING_MS = 10_000;

interface Outcome {
  data?: unknown;
  error: ApiError | null;
  isPending: boolean;
}

const NO_ERRORS: ReadonlyMap<string, ApiError> = new Map();

/**
 * `results` (one per key of `keys`), each that holds no data showing its last error while it is asked
 * again. A query without data that fetches again (its poll, the stream, a retry) goes back to pending
 * and drops its error: without this a failing connection's error would give way to a spinner at each
 * attempt, and the page would wait for it as if it had never answered. Kept until data comes.
 */
export function useHeldErrors<R extends Outcome>(results: readonly R[], keys: readonly string[]): R[] {
  const [held, setHeld] = useState(NO_ERRORS);
  let next: Map<string, ApiError> | null = null;
  results.forEach((r, i) => {
    const key = keys[i] ?? String(i);
    const kept = (next ?? held).get(key);
    if (r.data !== undefined) {
      if (kept) (next ??= new Map(held)).delete(key);
    } else if (r.error && r.error !== kept) (next ??= new Map(held)).set(key, r.error);
  });
  if (next) setHeld(next);
  const errors: ReadonlyMap<string, ApiError> = next ?? held;
  return results.map((r, i) => {
    const error = r.data === undefined && !r.error ? errors.get(keys[i] ?? String(i)) : undefined;
    // The same shape as a query that failed (a spread reads every field: done only for these few).
    return error ? { ...r, status: 'error', isPending: false, isLoading: false, isError: true, error } : r;
  });
}

/**
 * Of `waiting` (connections whose first answer is still on its way), those that have been waiting
 * NOT_ANSWERING_MS or more: a connection that does not answer is named, while the page shows the
 * others. One that answers (or fails) leaves the list.
 */
export function useNotAnswering(
  waiting: readonly Connection[],
  afterMs: number = NOT_ANSWERING_MS,
): readonly Connection[] {
  const key = waiting.map((c) => c.id).join('\n');
  const [slow, setSlow] = useState<ReadonlySet<string>>(() => new Set());
  useEffect(() => {
    if (!key) return undefined;
    // Waiting since the set last changed at the latest: those that were named stay named.
    const timer = setTimeout(() => setSlow((before) => new Set([...before, ...key.split('\n')])), afterMs);
    return () => clearTimeout(timer);
  }, [key, afterMs]);
  return waiting.filter((c) => slow.has(c.id));
}

/** Each connection of `lists` once, in the order first met. */
export function mergeConnections(...lists: (readonly Connection[])[]): Connection[] {
  const seen = new Map<string, Connection>();
  for (const c of lists.flat()) if (!seen.has(c.id)) seen.set(c.id, c);
  return [...seen.values()];
}

/** Each connection once, of those whose results (one per connection of `connections`) are pending. */
export function pendingConnections(
  results: readonly Pick<Outcome, 'isPending'>[],
  connections: readonly Connection[],
): Connection[] {
  return mergeConnections(connections.filter((_, i) => results[i]?.isPending));
}
