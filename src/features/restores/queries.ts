import { queryOptions } from '@tanstack/react-query';
import type { Restore } from '../../api/domain';
import { isInFlight } from '../../api/domain';
import { queryKeys } from '../../api/query-keys';
import { readOptions, resourceQueries } from '../../api/resource-queries';
import { providerFor } from '../../api/runtime';
import { livePolling } from '../../lib/polling';

/**
 * Rackspace restores and restore points: ['restores', connectionId, ...]; the agents and the
 * configurations of the wizard are the connection's own entries of them (src/api/resource-queries.ts).
 */
export const restoreQueries = {
  all: queryKeys.restores.all,
  list: (connectionId: string) =>
    queryOptions({
      queryKey: [...queryKeys.restores.connection(connectionId), 'list'] as const,
      queryFn: (ctx) => providerFor(connectionId).listRestores(readOptions(ctx, connectionId)),
      refetchInterval: livePolling((list: Restore[]) => list.some((r) => isInFlight(r.state))),
    }),
  /** A restore with its report (files and bytes restored, duration, errors). */
  detail: (connectionId: string, id: string) =>
    queryOptions({
      queryKey: [...queryKeys.restores.connection(connectionId), 'detail', id] as const,
      queryFn: (ctx) => providerFor(connectionId).getRestore(id, readOptions(ctx, connectionId)),
      refetchInterval: livePolling((r: Restore) => isInFlight(r.state)),
    }),
  /** Restorable backups, of one configuration when given. */
  restorePoints: (connectionId: string, configurationId: string | null) =>
    queryOptions({
      queryKey: [...queryKeys.restores.connection(connectionId), 'restore-points', configurationId] as const,
      queryFn: (ctx) =>
        providerFor(connectionId).listRestorePoints(configurationId, readOptions(ctx, connectionId)),
      staleTime: 10_000,
    }),
  /** The agents with their online state, for the destination (the agents' own entry). */
  agents: resourceQueries.agentStatus,
  /**
   * The configurations to restore from (step one of the wizard): the connection's one entry of them,
   * read again only when older than half a minute.
   */
  configurations: (connectionId: string) =>
    queryOptions({
      ...resourceQueries.targets(connectionId),
      refetchInterval: false,
      staleTime: 30_000,
    }),
};
