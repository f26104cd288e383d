import { queryOptions } from '@tanstack/react-query';
import type { Job, Run } from '../../api/domain';
import { isInFlight } from '../../api/domain';
import { providerFor } from '../../api/runtime';
import { livePolling, POLL_FAST_MS, POLL_SLOW_MS } from '../../lib/polling';

const jobRunning = (j: Job) => j.lastStatus !== null && isInFlight(j.lastStatus);
const anyRunning = (runs: Run[]) => runs.some((r) => isInFlight(r.state));

/** Veeam jobs, their sessions and log items: ['jobs', connectionId, ...]. */
export const jobQueries = {
  all: () => ['jobs'] as const,
  connection: (connectionId: string) => ['jobs', connectionId] as const,
  list: (connectionId: string) =>
    queryOptions({
      queryKey: ['jobs', connectionId, 'list'] as const,
      queryFn: ({ signal }) => providerFor(connectionId).listJobs({ signal }),
      refetchInterval: livePolling((jobs: Job[]) => jobs.some(jobRunning)),
    }),
  detail: (connectionId: string, id: string) =>
    queryOptions({
      queryKey: ['jobs', connectionId, 'detail', id] as const,
      queryFn: ({ signal }) => providerFor(connectionId).getJob(id, { signal }),
      // A job changes when someone edits or enables it; its sessions (fast while one runs) carry
      // what moves, and jobsWithLiveRuns lays them over it.
      refetchInterval: POLL_SLOW_MS,
    }),
  /** A job's sessions, newest first, with statistics (rates, transferred, processed objects). */
  sessions: (connectionId: string, jobId: string) =>
    queryOptions({
      queryKey: ['jobs', connectionId, 'sessions', jobId] as const,
      queryFn: ({ signal }) => providerFor(connectionId).listJobSessions(jobId, { signal }),
      refetchInterval: livePolling(anyRunning),
    }),
  /** A session's log items; pass `live` while the session runs to follow them at the fast pace. */
  logItems: (connectionId: string, sessionId: string, live = false) =>
    queryOptions({
      queryKey: ['jobs', connectionId, 'log-items', sessionId] as const,
      queryFn: ({ signal }) => providerFor(connectionId).listLogItems(sessionId, { signal }),
      refetchInterval: live ? POLL_FAST_MS : POLL_SLOW_MS,
    }),
  organizations: (connectionId: string) =>
    queryOptions({
      queryKey: ['jobs', connectionId, 'organizations'] as const,
      queryFn: ({ signal }) => providerFor(connectionId).listOrganizations({ signal }),
      staleTime: 60_000,
    }),
};
