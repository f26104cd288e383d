import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { RestoreSession, Run } from '../../api/domain';
import type { ContentKind, ContentPage } from '../../api/restore-content';
import { runPace } from '../../api/live-runs';
import { queryKeys } from '../../api/query-keys';
import { readOptions, resourceQueries } from '../../api/resource-queries';
import { providerFor } from '../../api/runtime';
import { fastest, livePolling, POLL_SLOW_MS } from '../../lib/polling';

/** Veeam restore sessions and their events: ['restore-sessions', connectionId, ...]. */
export const restoreSessionQueries = {
  all: queryKeys.restoreSessions.all,
  list: (connectionId: string) =>
    queryOptions({
      queryKey: [...queryKeys.restoreSessions.connection(connectionId), 'list'] as const,
      queryFn: (ctx) => providerFor(connectionId).listRestoreSessions(readOptions(ctx, connectionId)),
      // An open (Working) session waits for a person: the open pace, not the fast one.
      refetchInterval: livePolling((list: RestoreSession[]) => fastest(list.map(runPace))),
    }),
  detail: (connectionId: string, id: string) =>
    queryOptions({
      queryKey: [...queryKeys.restoreSessions.connection(connectionId), 'detail', id] as const,
      queryFn: (ctx) => providerFor(connectionId).getRestoreSession(id, readOptions(ctx, connectionId)),
      refetchInterval: livePolling(runPace),
    }),
  events: (connectionId: string, id: string) =>
    queryOptions({
      queryKey: [...queryKeys.restoreSessions.connection(connectionId), 'events', id] as const,
      queryFn: (ctx) =>
        providerFor(connectionId).listRestoreSessionEvents(id, readOptions(ctx, connectionId)),
      refetchInterval: POLL_SLOW_MS,
    }),
  /** Jobs to open a session from (the "open a new one" form): the connection's one entry of its targets. */
  jobs: (connectionId: string) =>
    queryOptions({
      ...resourceQueries.targets(connectionId),
      refetchInterval: false,
      staleTime: 30_000,
    }),
  /** Organizations, for their first and last backup times. */
  organizations: resourceQueries.organizations,
  /** A job's restore points: the ends of its sessions that backed something up, newest first. */
  restorePoints: (connectionId: string, jobId: string) =>
    queryOptions({
      ...resourceQueries.targetRuns(connectionId, jobId),
      refetchInterval: false,
      staleTime: 30_000,
      select: restorePointsOf,
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
      queryKey: [...queryKeys.restoreContent.connection(connectionId), sessionId, 'summary'] as const,
      queryFn: (ctx) =>
        providerFor(connectionId).getSessionContent(sessionId, readOptions(ctx, connectionId)),
      staleTime: Infinity,
    }),
  nodes: (connectionId: string, sessionId: string, parentId: string | null) =>
    queryOptions({
      queryKey: [
        ...queryKeys.restoreContent.connection(connectionId),
        sessionId,
        'nodes',
        parentId ?? '',
      ] as const,
      queryFn: (ctx) =>
        providerFor(connectionId).listContentNodes(sessionId, parentId, readOptions(ctx, connectionId)),
      staleTime: Infinity,
    }),
  node: (connectionId: string, sessionId: string, nodeId: string) =>
    queryOptions({
      queryKey: [...queryKeys.restoreContent.connection(connectionId), sessionId, 'node', nodeId] as const,
      queryFn: (ctx) =>
        providerFor(connectionId).getContentNode(sessionId, nodeId, readOptions(ctx, connectionId)),
      staleTime: Infinity,
    }),
  /** The places above a place, from its root down (a deep link unfolds the tree along them). */
  path: (connectionId: string, sessionId: string, nodeId: string) =>
    queryOptions({
      queryKey: [...queryKeys.restoreContent.connection(connectionId), sessionId, 'path', nodeId] as const,
      queryFn: async (ctx): Promise<string[]> => {
        const provider = providerFor(connectionId);
        const above: string[] = [];
        // A tree is a few levels deep; the bound only guards against a parent that points back down.
        for (let id: string | null = nodeId, n = 0; id !== null && n < 32; n++) {
          id = (await provider.getContentNode(sessionId, id, readOptions(ctx, connectionId))).parentId;
          if (id !== null) above.unshift(id);
        }
        return above;
      },
      staleTime: Infinity,
    }),
  items: (connectionId: string, sessionId: string, nodeId: string) =>
    infiniteQueryOptions({
      queryKey: [...queryKeys.restoreContent.connection(connectionId), sessionId, 'items', nodeId] as const,
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
      queryKey: [
        ...queryKeys.restoreContent.connection(connectionId),
        sessionId,
        'item',
        nodeId,
        itemId,
      ] as const,
      queryFn: (ctx) =>
        providerFor(connectionId).getContentItem(sessionId, nodeId, itemId, readOptions(ctx, connectionId)),
      staleTime: Infinity,
    }),
  actions: (connectionId: string, kind: ContentKind) =>
    queryOptions({
      queryKey: [...queryKeys.restoreContent.connection(connectionId), 'actions', kind] as const,
      queryFn: () => providerFor(connectionId).contentActions(kind),
      staleTime: Infinity,
    }),
};
