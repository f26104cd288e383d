import type { QueryKey, UseQueryOptions } from '@tanstack/react-query';
import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ApiError } from '../api/api-error';
import type { Connection } from '../api/domain';
import { pendingConnections, useHeldErrors, useNotAnswering } from './query-answers';
import type { ConnectionFailure } from './use-live-runs';
import { mergeFailures, queryFailures, refreshFailures } from './use-live-runs';
import { useSameArray } from './use-same-array';

const EMPTY: never[] = [];

export interface ConnectionLists<T> {
  /** Every connection's rows, in connection order; the same array until an answer changes. */
  rows: T[];
  /** True while a connection's first answer is on its way. */
  pending: boolean;
  /** Connections whose first answer has not come NOT_ANSWERING_MS after it was asked. */
  notAnswering: readonly Connection[];
  /** Connections whose list failed with nothing to show. */
  failures: ConnectionFailure[];
  /** Connections whose refresh failed: their last answer stays in `rows`. */
  stale: ConnectionFailure[];
}

/**
 * One list query per connection (never one per row), read the way every list page reads them: the
 * rows of all together, whether any is still loading, and which failed, first loads apart from
 * refreshes.
 */
export function useConnectionLists<T, Key extends QueryKey>(
  connections: readonly Connection[],
  query: (connectionId: string) => UseQueryOptions<T[], ApiError, T[], Key>,
): ConnectionLists<T> {
  // A connection that failed keeps its error while it is asked again (not "loading" at each attempt).
  const results = useHeldErrors(
    useQueries({ queries: connections.map((c) => query(c.id)) }),
    connections.map((c) => c.id),
  );
  // Re-merged only when an answer changes (structural sharing keeps unchanged lists identical).
  const lists = useSameArray(results.map((r) => r.data ?? (EMPTY as T[])));
  const rows = useMemo(() => lists.flat(), [lists]);
  const notAnswering = useNotAnswering(pendingConnections(results, connections));
  return {
    rows,
    pending: results.some((r) => r.isPending),
    notAnswering,
    failures: mergeFailures(queryFailures(results, connections)),
    stale: mergeFailures(refreshFailures(results, connections)),
  };
}
