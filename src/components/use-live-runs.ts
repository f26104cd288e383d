import type { UseQueryResult } from '@tanstack/react-query';
import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ApiError } from '../api/api-error';
import type { RunFeed } from '../api/capabilities';
import { dialectOf } from '../api/dialects';
import type { Connection, Run } from '../api/domain';
import { runFeedQueries } from '../api/run-feeds';
import { newestFirst } from '../api/run-parts';
import { pendingConnections, useHeldErrors, useNotAnswering } from './query-answers';
import { useSameArray } from './use-same-array';

const EMPTY: Run[] = [];

export interface LiveRuns {
  /** Every run of every feed of the connections, newest first. */
  runs: Run[];
  /** True until every feed has answered once (or failed). */
  pending: boolean;
  /** Connections with a feed still waiting for its first answer NOT_ANSWERING_MS after it was asked. */
  notAnswering: readonly Connection[];
  /** Connections with a feed that holds no answer yet (loading, or failed with nothing to show). */
  waiting: readonly string[];
  /** Connections with a feed that failed and holds no data, with a retry. */
  failures: ConnectionFailure[];
  /** Connections with a feed whose refresh failed: its last answer stays on screen. */
  stale: ConnectionFailure[];
  /** When the newest answer arrived (ms), 0 before any. */
  updatedAt: number;
}

/**
 * The run feeds of the connections (src/api/run-feeds.ts): each connection's feeds as queries of
 * their own, so that each polls at the pace of what it holds.
 */
export function useLiveRuns(
  connections: readonly Connection[],
  /** Only these feeds (the Jobs list needs its job sessions alone); every feed when not given. */
  only?: readonly RunFeed[],
): LiveRuns {
  const specs = connections.flatMap((connection) =>
    dialectOf(connection)
      .capabilities.runFeeds.filter((feed) => !only || only.includes(feed))
      .map((feed) => ({ connection, feed })),
  );
  const results = useHeldErrors(
    useQueries({ queries: specs.map((s) => runFeedQueries.feed(s.connection.id, s.feed)) }),
    specs.map((s) => `${s.connection.id} ${s.feed}`),
  );
  // Re-merged only when an answer changes (structural sharing keeps unchanged feeds identical).
  const lists = useSameArray(results.map((r) => r.data ?? EMPTY));
  const runs = useMemo(() => newestFirst(lists.flat()), [lists]);
  const waiting = useSameArray(
    specs.flatMap((s, i) => (results[i]?.data === undefined ? [s.connection.id] : [])),
  );
  const failures = mergeFailures(
    queryFailures(
      results,
      specs.map((s) => s.connection),
    ),
  );
  const stale = mergeFailures(
    refreshFailures(
      results,
      specs.map((s) => s.connection),
    ),
  );
  const notAnswering = useNotAnswering(
    pendingConnections(
      results,
      specs.map((s) => s.connection),
    ),
  );
  return {
    runs,
    pending: results.some((r) => r.isPending),
    notAnswering,
    waiting,
    failures,
    stale,
    updatedAt: Math.max(0, ...results.map((r) => r.dataUpdatedAt)),
  };
}

export interface ConnectionFailure {
  connection: Connection;
  error: ApiError;
  retry: () => void;
  /** A refresh that failed: when the data still on screen arrived (ms). */
  dataAt?: number;
}

/**
 * One failure per connection, whatever number of its queries failed: the first error is shown and
 * the retry refetches every query that failed, so that one "Try again" brings the connection back.
 */
export function mergeFailures(...lists: ConnectionFailure[][]): ConnectionFailure[] {
  const byConnection = new Map<string, ConnectionFailure & { retries: (() => void)[] }>();
  for (const f of lists.flat()) {
    const seen = byConnection.get(f.connection.id);
    if (seen) seen.retries.push(f.retry);
    else
      byConnection.set(f.connection.id, {
        ...f,
        retries: [f.retry],
        retry: () => byConnection.get(f.connection.id)?.retries.forEach((r) => r()),
      });
  }
  return [...byConnection.values()].map((f) => {
    const { connection, error, retry, dataAt } = f;
    return dataAt === undefined ? { connection, error, retry } : { connection, error, retry, dataAt };
  });
}

/** The queries of `results` (one per connection, in order) that failed and hold no data. */
export function queryFailures(
  results: readonly Pick<UseQueryResult<unknown>, 'isError' | 'data' | 'error' | 'refetch'>[],
  connections: readonly Connection[],
): ConnectionFailure[] {
  return results.flatMap((r, i) => {
    const connection = connections[i];
    if (!connection || !r.isError || r.data !== undefined || !r.error) return [];
    return [{ connection, error: r.error, retry: () => void r.refetch() }];
  });
}

type QueryState = Pick<UseQueryResult<unknown>, 'isError' | 'data' | 'dataUpdatedAt' | 'error' | 'refetch'>;

/**
 * The queries of `results` (one per connection, in order) whose last refresh failed while they hold
 * an earlier answer: that answer stays on screen, and the page says it could not be refreshed.
 */
export function refreshFailures(
  results: readonly QueryState[],
  connections: readonly Connection[],
): ConnectionFailure[] {
  return results.flatMap((r, i) => {
    const connection = connections[i];
    if (!connection || !r.isError || r.data === undefined || !r.error) return [];
    return [{ connection, error: r.error, retry: () => void r.refetch(), dataAt: r.dataUpdatedAt }];
  });
}
