import { queryOptions } from '@tanstack/react-query';
import type { Configuration, Run } from '../../api/domain';
import { isInFlight } from '../../api/domain';
import { providerFor } from '../../api/runtime';
import { livePolling } from '../../lib/polling';

const running = (c: Configuration) =>
  c.currentRunId !== null || (c.lastRun !== null && isInFlight(c.lastRun.state));

/**
 * Rackspace configurations. Keys go from general to specific: ['configurations', connectionId, ...].
 * Lists and details poll by the policy of lib/polling.ts: fast while a run is in flight.
 */
export const configurationQueries = {
  all: () => ['configurations'] as const,
  connection: (connectionId: string) => ['configurations', connectionId] as const,
  list: (connectionId: string) =>
    queryOptions({
      queryKey: ['configurations', connectionId, 'list'] as const,
      queryFn: ({ signal }) => providerFor(connectionId).listConfigurations({ signal }),
      refetchInterval: livePolling((list: Configuration[]) => list.some(running)),
    }),
  detail: (connectionId: string, id: string) =>
    queryOptions({
      queryKey: ['configurations', connectionId, 'detail', id] as const,
      queryFn: ({ signal }) => providerFor(connectionId).getConfiguration(id, { signal }),
      refetchInterval: livePolling(running),
    }),
  /** The backup history (newest first, restorable marked) including the run in flight. */
  runs: (connectionId: string, id: string) =>
    queryOptions({
      queryKey: ['configurations', connectionId, 'runs', id] as const,
      queryFn: ({ signal }) => providerFor(connectionId).listConfigurationRuns(id, { signal }),
      refetchInterval: livePolling((runs: Run[]) => runs.some((r) => isInFlight(r.state))),
    }),
  /** One backup with its report (errors, counters). */
  backup: (connectionId: string, backupId: string) =>
    queryOptions({
      queryKey: ['configurations', connectionId, 'backup', backupId] as const,
      queryFn: ({ signal }) => providerFor(connectionId).getBackup(backupId, { signal }),
      refetchInterval: livePolling((run: Run) => isInFlight(run.state)),
    }),
};

/** The run in flight among a configuration's runs, if any. */
export function currentRun(runs: readonly Run[] | undefined): Run | null {
  return runs?.find((r) => isInFlight(r.state)) ?? null;
}
