import { queryOptions } from '@tanstack/react-query';
import type { RestoreSession, Run } from '../../api/domain';
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
  /** Organizations, for their first and last backup times. */
  organizations: (connectionId: string) =>
    queryOptions({
      queryKey: ['restore-sessions', connectionId, 'organizations'] as const,
      queryFn: ({ signal }) => providerFor(connectionId).listOrganizations({ signal }),
      staleTime: 30_000,
    }),
  /** A job's restore points: the ends of its sessions that backed something up, newest first. */
  restorePoints: (connectionId: string, jobId: string) =>
    queryOptions({
      queryKey: ['restore-sessions', connectionId, 'restore-points', jobId] as const,
      queryFn: async ({ signal }) =>
        restorePointsOf(await providerFor(connectionId).listJobSessions(jobId, { signal })),
      staleTime: 30_000,
    }),
};

/** How many of a job's newest restore points the explore dialog offers. */
export const RESTORE_POINTS_SHOWN = 50;

export function restorePointsOf(sessions: readonly Run[]): { at: string; state: Run['state'] }[] {
  return sessions
    .filter((s) => (s.state === 'succeeded' || s.state === 'warning') && s.endedAt)
    .map((s) => ({ at: s.endedAt!, state: s.state }))
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
    .slice(0, RESTORE_POINTS_SHOWN);
}
