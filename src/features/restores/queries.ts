import { queryOptions } from '@tanstack/react-query';
import type { Restore } from '../../api/domain';
import { isInFlight } from '../../api/domain';
import { providerFor } from '../../api/runtime';
import { livePolling } from '../../lib/polling';

/** Rackspace restores, restore points and agents: ['restores', connectionId, ...]. */
export const restoreQueries = {
  all: () => ['restores'] as const,
  list: (connectionId: string) =>
    queryOptions({
      queryKey: ['restores', connectionId, 'list'] as const,
      queryFn: ({ signal }) => providerFor(connectionId).listRestores({ signal }),
      refetchInterval: livePolling((list: Restore[]) => list.some((r) => isInFlight(r.state))),
    }),
  /** A restore with its report (files and bytes restored, duration, errors). */
  detail: (connectionId: string, id: string) =>
    queryOptions({
      queryKey: ['restores', connectionId, 'detail', id] as const,
      queryFn: ({ signal }) => providerFor(connectionId).getRestore(id, { signal }),
      refetchInterval: livePolling((r: Restore) => isInFlight(r.state)),
    }),
  /** Restorable backups, of one configuration when given. */
  restorePoints: (connectionId: string, configurationId: string | null) =>
    queryOptions({
      queryKey: ['restores', connectionId, 'restore-points', configurationId] as const,
      queryFn: ({ signal }) => providerFor(connectionId).listRestorePoints(configurationId, { signal }),
      staleTime: 10_000,
    }),
  agents: (connectionId: string) =>
    queryOptions({
      queryKey: ['restores', connectionId, 'agents'] as const,
      queryFn: ({ signal }) => providerFor(connectionId).listAgents({ signal }),
      staleTime: 30_000,
    }),
  /** The configurations to restore from (step one of the wizard). */
  configurations: (connectionId: string) =>
    queryOptions({
      queryKey: ['restores', connectionId, 'configurations'] as const,
      queryFn: ({ signal }) => providerFor(connectionId).listConfigurations({ signal }),
      staleTime: 30_000,
    }),
};
