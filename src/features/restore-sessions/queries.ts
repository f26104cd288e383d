import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { RestoreSession, Run } from '../../api/domain';
import type { ContentKind, ContentPage } from '../../api/restore-content';
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

/** First page of a place's items: small, so that its first rows show at once. */
export const FIRST_PAGE = 200;
/** Further pages, fetched as the list scrolls near its end. */
export const NEXT_PAGE = 1000;

/**
 * What a restore session holds: ['restore-content', connectionId, sessionId, ...]. A root of its own,
 * so that a command's invalidation of restore sessions does not read folders again: a backup's content
 * does not change while a session is open.
 */
export const contentQueries = {
  summary: (connectionId: string, sessionId: string) =>
    queryOptions({
      queryKey: ['restore-content', connectionId, sessionId, 'summary'] as const,
      queryFn: ({ signal }) => providerFor(connectionId).getSessionContent(sessionId, { signal }),
      staleTime: Infinity,
    }),
  nodes: (connectionId: string, sessionId: string, parentId: string | null) =>
    queryOptions({
      queryKey: ['restore-content', connectionId, sessionId, 'nodes', parentId ?? ''] as const,
      queryFn: ({ signal }) => providerFor(connectionId).listContentNodes(sessionId, parentId, { signal }),
      staleTime: Infinity,
    }),
  node: (connectionId: string, sessionId: string, nodeId: string) =>
    queryOptions({
      queryKey: ['restore-content', connectionId, sessionId, 'node', nodeId] as const,
      queryFn: ({ signal }) => providerFor(connectionId).getContentNode(sessionId, nodeId, { signal }),
      staleTime: Infinity,
    }),
  /** The places above a place, from its root down (a deep link unfolds the tree along them). */
  path: (connectionId: string, sessionId: string, nodeId: string) =>
    queryOptions({
      queryKey: ['restore-content', connectionId, sessionId, 'path', nodeId] as const,
      queryFn: async ({ signal }): Promise<string[]> => {
        const provider = providerFor(connectionId);
        const above: string[] = [];
        // A tree is a few levels deep; the bound only guards against a parent that points back down.
        for (let id: string | null = nodeId, n = 0; id !== null && n < 32; n++) {
          id = (await provider.getContentNode(sessionId, id, { signal })).parentId;
          if (id !== null) above.unshift(id);
        }
        return above;
      },
      staleTime: Infinity,
    }),
  items: (connectionId: string, sessionId: string, nodeId: string) =>
    infiniteQueryOptions({
      queryKey: ['restore-content', connectionId, sessionId, 'items', nodeId] as const,
      queryFn: ({ signal, pageParam }) =>
        providerFor(connectionId).listContentItems(
          sessionId,
          nodeId,
          { offset: pageParam, limit: pageParam === 0 ? FIRST_PAGE : NEXT_PAGE },
          { signal },
        ),
      initialPageParam: 0,
      getNextPageParam: (last: ContentPage) => last.next ?? undefined,
      staleTime: Infinity,
    }),
  item: (connectionId: string, sessionId: string, nodeId: string, itemId: string) =>
    queryOptions({
      queryKey: ['restore-content', connectionId, sessionId, 'item', nodeId, itemId] as const,
      queryFn: ({ signal }) =>
        providerFor(connectionId).getContentItem(sessionId, nodeId, itemId, { signal }),
      staleTime: Infinity,
    }),
  actions: (connectionId: string, kind: ContentKind) =>
    queryOptions({
      queryKey: ['restore-content', connectionId, 'actions', kind] as const,
      queryFn: () => providerFor(connectionId).contentActions(kind),
      staleTime: Infinity,
    }),
};
