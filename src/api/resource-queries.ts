import type { QueryClient, QueryFunctionContext } from '@tanstack/react-query';
import { queryOptions } from '@tanstack/react-query';
import { livePolling, POLL_SLOW_MS } from '../lib/polling';
import type { Run } from './domain';
import { isInFlight } from './domain';
import { noteQueryFetch, noteQueryUses } from './live-watch';
import type { BackupSource, Directory, Lookup, ReadOptions } from './provider';
import { queryKeys } from './query-keys';
import { providerFor } from './runtime';

/**
 * The server resources that several pages read, and that adapters read to name what other answers
 * refer to by id: one query each per connection, under its own root (query-keys.ts). A page may set
 * its own pace on top (`refetchInterval`, `staleTime` are the observer's); the key, the entry and the
 * request stay one.
 */

/**
 * How long a directory list read by an adapter (names of targets, agents, organizations) is used
 * before it is read again: they change when someone edits them. A page that shows the list keeps it
 * fresher by its own polling; a command's invalidation makes it stale at once. An adapter whose names
 * change more often asks for less (Veeam's jobs, `Lookup.list`'s `staleMs`).
 */
export const DIRECTORY_STALE_MS: Record<keyof Directory, number> = {
  targets: 60_000,
  agents: 60_000,
  organizations: 60_000,
};

/**
 * The read options of a query function: its signal, and lookups in the same client. The signal also
 * tells the requests sent with it which query they serve (live-watch.ts: the console server's watch).
 */
export function readOptions(
  ctx: Pick<QueryFunctionContext, 'signal' | 'client'> & Partial<Pick<QueryFunctionContext, 'queryKey'>>,
  connectionId: string,
): ReadOptions {
  noteQueryFetch(ctx);
  return { signal: ctx.signal, lookup: lookupIn(ctx.client, connectionId, ctx.signal) };
}

/**
 * An adapter's directory reads go to the resource's own cache entry: one request, whoever asks. A
 * backup's source is an entry of its own, never stale (see createQueryClient's defaults). `signal`
 * is that of the query the adapter reads for: it reads again when the directory changes.
 */
export function lookupIn(client: QueryClient, connectionId: string, signal?: AbortSignal): Lookup {
  const sourceKey = (backupId: string) =>
    [...queryKeys.backupSources.connection(connectionId), backupId] as const;
  // An invalidated source is read again: invalidation reaches it like any other entry.
  const held = (backupId: string) => {
    const state = client.getQueryState<BackupSource>(sourceKey(backupId));
    return state && !state.isInvalidated ? state.data : undefined;
  };
  return {
    list: <K extends keyof Directory>(
      resource: K,
      load: (o: ReadOptions) => Promise<Directory[K]>,
      staleMs = DIRECTORY_STALE_MS[resource],
    ) => {
      const queryKey = queryKeys[resource].list(connectionId);
      const answer = client.fetchQuery({
        queryKey,
        queryFn: (ctx) => load(readOptions(ctx, connectionId)),
        staleTime: staleMs,
      });
      if (!signal) return answer;
      return answer.then((list) => {
        const used = client.getQueryCache().find({ queryKey, exact: true });
        if (used) noteQueryUses(signal, used);
        return list;
      });
    },
    backupSource: {
      get: held,
      // Each poll of a feed tells the sources of every backup it lists again: writing the same one
      // anew would fire a cache event per backup per poll, and each event wakes every subscriber.
      set: (backupId, source) => {
        const known = held(backupId);
        if (known?.configurationId === source.configurationId && known.agentId === source.agentId) return;
        client.setQueryData(sourceKey(backupId), source);
      },
    },
  };
}

export const resourceQueries = {
  /**
   * A connection's backup targets (configurations, jobs). They change when someone edits them: the
   * slow pace. What moves (a target's run) comes from the run feeds, which every page that lists
   * targets lays over them (withLiveRuns), so the list need not poll fast while a target runs.
   */
  targets: (connectionId: string) =>
    queryOptions({
      queryKey: queryKeys.targets.list(connectionId),
      queryFn: (ctx) => providerFor(connectionId).listTargets(readOptions(ctx, connectionId)),
      refetchInterval: POLL_SLOW_MS,
    }),
  /**
   * One target. It changes when someone edits or enables it; its runs (fast while one is in flight)
   * carry what moves, and withLiveRuns lays them over it.
   */
  target: (connectionId: string, id: string) =>
    queryOptions({
      queryKey: [...queryKeys.targets.connection(connectionId), 'detail', id] as const,
      queryFn: (ctx) => providerFor(connectionId).getTarget(id, readOptions(ctx, connectionId)),
      refetchInterval: POLL_SLOW_MS,
    }),
  /**
   * A target's runs (backup history, job sessions), newest first; fast while one is in flight. The
   * target's page and the explore dialog's restore points read this one entry.
   */
  targetRuns: (connectionId: string, targetId: string) =>
    queryOptions({
      queryKey: [...queryKeys.targets.connection(connectionId), 'runs', targetId] as const,
      queryFn: (ctx) => providerFor(connectionId).listTargetRuns(targetId, readOptions(ctx, connectionId)),
      refetchInterval: livePolling((runs: Run[]) => runs.some((r) => isInFlight(r.state))),
    }),
  organizations: (connectionId: string) =>
    queryOptions({
      queryKey: queryKeys.organizations.list(connectionId),
      queryFn: (ctx) => providerFor(connectionId).listOrganizations(readOptions(ctx, connectionId)),
      staleTime: 30_000,
    }),
  /** The agents with each one's online state (asked one by one, for the first agents). */
  agentStatus: (connectionId: string) =>
    queryOptions({
      queryKey: [...queryKeys.agents.connection(connectionId), 'status'] as const,
      queryFn: (ctx) => providerFor(connectionId).listAgents(readOptions(ctx, connectionId)),
      staleTime: 30_000,
    }),
};
