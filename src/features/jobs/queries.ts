import { queryOptions } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys';
import { readOptions, resourceQueries } from '../../api/resource-queries';
import { providerFor } from '../../api/runtime';
import { POLL_FAST_MS, POLL_SLOW_MS } from '../../lib/polling';

/**
 * Jobs: the backup targets of the connections whose `capabilities.targets` is 'job', their sessions
 * and log items: ['targets', connectionId, ...].
 */
export const jobQueries = {
  all: queryKeys.targets.all,
  connection: queryKeys.targets.connection,
  /** The one entry of a connection's targets, which the Overview and the explore dialog read too. */
  list: resourceQueries.targets,
  detail: resourceQueries.target,
  /** A job's sessions, newest first, with statistics (rates, transferred, processed objects). */
  sessions: resourceQueries.targetRuns,
  /** A session's log items; pass `live` while the session runs to follow them at the fast pace. */
  logItems: (connectionId: string, sessionId: string, live = false) =>
    queryOptions({
      queryKey: [...queryKeys.targets.connection(connectionId), 'log-items', sessionId] as const,
      queryFn: (ctx) => providerFor(connectionId).listLogItems(sessionId, readOptions(ctx, connectionId)),
      refetchInterval: live ? POLL_FAST_MS : POLL_SLOW_MS,
    }),
  organizations: resourceQueries.organizations,
};
