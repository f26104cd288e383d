import { queryOptions } from '@tanstack/react-query';
import type { RestoreSession } from '../../api/domain';
import { runPace } from '../../api/live-runs';
import { providerFor } from '../../api/runtime';
import { fastest, livePolling, POLL_SLOW_MS } from '../../lib/polling';

/** Veeam restore sessions and their events: ['restore-sessions', connectionId, ...]. */
export const restoreSessionQueries = {
  all: () => ['restore-sessions'] as const,
  list: (connectionId: string) =>
    queryOptions({
      queryKey: ['restore-sessions', connectionId, 'list'] as const,
      queryFn: ({ signal }) => providerFor(connectionId).listRestoreSessions({ signal }),
      // An open (Working) session waits for a person: the open pace, not the fast one.
      refetchInterval: livePolling((list: RestoreSession[]) => fastest(list.map(runPace))),
    }),
  detail: (connectionId: string, id: string) =>
    queryOptions({
      queryKey: ['restore-sessions', connectionId, 'detail', id] as const,
      queryFn: ({ signal }) => providerFor(connectionId).getRestoreSession(id, { signal }),
      refetchInterval: livePolling(runPace),
    }),
  events: (connectionId: string, id: string) =>
    queryOptions({
      queryKey: ['restore-sessions', connectionId, 'events', id] as const,
      queryFn: ({ signal }) => providerFor(connectionId).listRestoreSessionEvents(id, { signal }),
      refetchInterval: POLL_SLOW_MS,
    }),
  /** Jobs to open a session from (the "open a new one" form). */
  jobs: (connectionId: string) =>
    queryOptions({
      queryKey: ['restore-sessions', connectionId, 'jobs'] as const,
      queryFn: ({ signal }) => providerFor(connectionId).listJobs({ signal }),
      staleTime: 30_000,
    }),
};
