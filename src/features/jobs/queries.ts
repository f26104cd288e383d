import { queryOptions } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys';
import { readOptions, resourceQueries } from '../../api/resource-queries';
import { providerFor } from '../../api/runtime';
import { POLL_FAST_MS, POLL_SLOW_MS } from '../../lib/polling';

/** Veeam jobs, their sessions and log items: ['jobs', connectionId, ...]. */
export const jobQueries = {
  all: queryKeys.jobs.all,
  connection: queryKeys.jobs.connection,
  /** The one entry of a connection's jobs, which the Overview and the explore dialog read too. */
  list: resourceQueries.jobs,
  detail: (connectionId: string, id: string) =>
    queryOptions({
      queryKey: [...queryKeys.jobs.connection(connectionId), 'detail', id] as const,
      queryFn: (ctx) => providerFor(connectionId).getJob(id, readOptions(ctx, connectionId)),
      // A job changes when someone edits or enables it; its sessions (fast while one runs) carry
      // what moves, and jobsWithLiveRuns lays them over it.
      refetchInterval: POLL_SLOW_MS,
    }),
  /** A job's sessions, newest first, with statistics (rates, transferred, processed objects). */
  sessions: resourceQueries.jobSessions,
  /** A session's log items; pass `live` while the session runs to follow them at the fast pace. */
  logItems: (connectionId: string, sessionId: string, live = false) =>
    queryOptions({
      queryKey: [...queryKeys.jobs.connection(connectionId), 'log-items', sessionId] as const,
      queryFn: (ctx) => providerFor(connectionId).listLogItems(sessionId, readOptions(ctx, connectionId)),
      refetchInterval: live ? POLL_FAST_MS : POLL_SLOW_MS,
    }),
  organizations: resourceQueries.organizations,
};
