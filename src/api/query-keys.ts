import type { QueryClient } from '@tanstack/react-query';

/**
 * The roots of the console's query cache: one per server resource, so that a resource has one cache
 * entry whichever page reads it. A key goes from general to specific, `[root, connectionId, ...]`,
 * and a command invalidates the connection prefixes of the roots it can change (`invalidate`), never
 * a list of strings.
 */
function root<R extends string>(name: R) {
  return {
    all: () => [name] as const,
    connection: (connectionId: string) => [name, connectionId] as const,
    list: (connectionId: string) => [name, connectionId, 'list'] as const,
  };
}

export const queryKeys = {
  /** The run feeds, `[runs, connectionId, feed]` (run-feeds.ts). */
  runs: root('runs'),
  /** Backup targets (configurations, jobs): `[targets, connectionId, 'list' | 'detail' | 'runs' …]`. */
  targets: root('targets'),
  organizations: root('organizations'),
  /** The agents as their list tells them; `[agents, connectionId, 'status']` adds each one's online state. */
  agents: root('agents'),
  restores: root('restores'),
  restoreSessions: root('restore-sessions'),
  /** What a backup backs up (`[backup-sources, connectionId, backupId]`): it never changes, no command reaches it. */
  backupSources: root('backup-sources'),
  /** Ended backups read in full once: they no longer change, so no command reaches them. */
  endedBackups: root('ended-backups'),
  /** What a restore session holds: a backup's content does not change while a session is open. */
  restoreContent: root('restore-content'),
};

export type QueryPrefix = ReturnType<(typeof queryKeys)[keyof typeof queryKeys]['connection']>;

/**
 * What a command on a connection can change: its runs and every resource that shows them or their
 * parents (last run, last backup time, restore points, an agent's state).
 */
export function changedByCommand(connectionId: string): QueryPrefix[] {
  const { runs, targets, organizations, agents, restores, restoreSessions } = queryKeys;
  return [runs, targets, organizations, agents, restores, restoreSessions].map((r) =>
    r.connection(connectionId),
  );
}

/** Marks every query under `prefixes` stale and refetches those on screen. */
export async function invalidate(queryClient: QueryClient, prefixes: readonly QueryPrefix[]): Promise<void> {
  await Promise.all(prefixes.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}
