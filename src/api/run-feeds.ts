import { queryOptions } from '@tanstack/react-query';
import { fastest, livePolling } from '../lib/polling';
import type { RunFeed } from './capabilities';
import type { Run } from './domain';
import { runPace } from './live-runs';
import { queryKeys } from './query-keys';
import { readOptions } from './resource-queries';
import { providerFor } from './runtime';

/**
 * The run feeds of a connection as queries: ['runs', connectionId, feed]. Overview, Configurations
 * and Activity read the same feeds (one cache entry, one request per tick), each polled at the pace
 * of what it holds, so a connection costs one request per tick while one kind of run moves.
 */
export const runFeedQueries = {
  all: queryKeys.runs.all,
  feed: (connectionId: string, feed: RunFeed) =>
    queryOptions({
      queryKey: [...queryKeys.runs.connection(connectionId), feed] as const,
      queryFn: (ctx) => providerFor(connectionId).listRuns(feed, readOptions(ctx, connectionId)),
      refetchInterval: livePolling((runs: Run[]) => fastest(runs.map(runPace))),
    }),
};
