import { queryOptions, useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Run } from '../../api/domain';
import { isInFlight } from '../../api/domain';
import { queryKeys } from '../../api/query-keys';
import { readOptions, resourceQueries } from '../../api/resource-queries';
import { providerFor } from '../../api/runtime';
import { livePolling } from '../../lib/polling';

/**
 * Configurations: the backup targets of the connections whose `capabilities.targets` is
 * 'configuration'. Keys go from general to specific: ['targets', connectionId, ...]. A target changes
 * when someone edits it, so lists and details poll at the slow pace; the runs that move come from the
 * connection's run feeds (src/api/run-feeds.ts, laid over by withLiveRuns) or, on a configuration's
 * page, from its runs, which poll fast while one is in flight.
 */
export const configurationQueries = {
  all: queryKeys.targets.all,
  connection: queryKeys.targets.connection,
  /** The one entry of a connection's targets, which the Overview and the restore wizard read too. */
  list: resourceQueries.targets,
  detail: resourceQueries.target,
  /** The backup history (newest first, restorable marked) including the run in flight. */
  runs: resourceQueries.targetRuns,
  /** One backup with its report (errors, counters). */
  backup: (connectionId: string, backupId: string) =>
    queryOptions({
      queryKey: [...queryKeys.targets.connection(connectionId), 'backup', backupId] as const,
      queryFn: (ctx) => providerFor(connectionId).getBackup(backupId, readOptions(ctx, connectionId)),
      refetchInterval: livePolling((run: Run) => isInFlight(run.state)),
    }),
  /**
   * An ended backup that the history knows only partly (`Run.partial`), read once: it no longer
   * changes, so it is never stale and lives outside the roots that commands refresh.
   */
  endedBackup: (connectionId: string, backupId: string) =>
    queryOptions({
      queryKey: [...queryKeys.endedBackups.connection(connectionId), backupId] as const,
      queryFn: (ctx) => providerFor(connectionId).getBackupRun(backupId, readOptions(ctx, connectionId)),
      staleTime: Infinity,
    }),
};

/** Ended partial runs read in full per page view, newest first: more than a screenful of history. */
const ENDED_READS = 50;

/** The runs read so far, by id (a module function, so that useQueries keeps its result while none changes). */
const byId = (results: { data?: Run }[]): ReadonlyMap<string, Run> =>
  new Map(results.flatMap((r) => (r.data ? [[r.data.id, r.data] as const] : [])));

/**
 * A configuration's runs (the `runs` query's data) with each ended `partial` run replaced by its own
 * answer, so that a backup that did not complete shows its times, size and files like the others.
 */
export function useFullRuns(connectionId: string, runs: Run[] | undefined): Run[] | undefined {
  const ended = (r: Run) => r.partial === true && !isInFlight(r.state);
  const full = useQueries({
    queries: (runs ?? [])
      .filter(ended)
      .slice(0, ENDED_READS)
      .map((r) => configurationQueries.endedBackup(connectionId, r.id)),
    combine: byId,
  });
  return useMemo(() => runs?.map((r) => (ended(r) && full.get(r.id)) || r), [runs, full]);
}

/** The run in flight among a configuration's runs, if any. */
export function currentRun(runs: readonly Run[] | undefined): Run | null {
  return runs?.find((r) => isInFlight(r.state)) ?? null;
}
