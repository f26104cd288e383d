import { queryOptions } from '@tanstack/react-query';
import type { Run } from '../../api/domain';
import { isInFlight } from '../../api/domain';
import { providerFor } from '../../api/runtime';
import { livePolling, POLL_SLOW_MS } from '../../lib/polling';

/**
 * Rackspace configurations. Keys go from general to specific: ['configurations', connectionId, ...].
 * A configuration changes when someone edits it, so lists and details poll at the slow pace; the runs
 * that move come from the connection's run feeds (src/api/run-feeds.ts, laid over by withLiveRuns)
 * or, on a configuration's page, from its runs, which poll fast while one is in flight.
 */
export const configurationQueries = {
  all: () => ['configurations'] as const,
  connection: (connectionId: string) => ['configurations', connectionId] as const,
  list: (connectionId: string) =>
    queryOptions({
      queryKey: ['configurations', connectionId, 'list'] as const,
      queryFn: ({ signal }) => providerFor(connectionId).listConfigurations({ signal }),
      refetchInterval: POLL_SLOW_MS,
    }),
  detail: (connectionId: string, id: string) =>
    queryOptions({
      queryKey: ['configurations', connectionId, 'detail', id] as const,
      queryFn: ({ signal }) => providerFor(connectionId).getConfiguration(id, { signal }),
      refetchInterval: POLL_SLOW_MS,
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
