import type { QueryClient } from '@tanstack/react-query';
import { mutationOptions } from '@tanstack/react-query';
import type { ExploreInput, Restore, RestoreInput } from './domain';
import { changedByCommand, invalidate } from './query-keys';
import { providerFor } from './runtime';

/**
 * The commands as mutation options, shared by the features' mutation hooks (a feature may not import
 * another, and Configurations and Jobs both start backups). Never retried (query-client.ts); on
 * settle they invalidate, by the key factories of query-keys.ts, every resource of the connection the
 * command can change (`changedByCommand`). Errors go to the MutationCache handler of
 * query-client.ts, once.
 */

interface Target {
  connectionId: string;
}

const settle =
  (queryClient: QueryClient) =>
  (_data: unknown, _error: unknown, variables: Target): Promise<void> =>
    invalidate(queryClient, changedByCommand(variables.connectionId));

export const commandOptions = {
  startBackup: (qc: QueryClient) =>
    mutationOptions({
      mutationKey: ['command', 'start-backup'],
      mutationFn: (v: Target & { targetId: string }) => providerFor(v.connectionId).startBackup(v.targetId),
      onSettled: settle(qc),
    }),
  stopBackup: (qc: QueryClient) =>
    mutationOptions({
      mutationKey: ['command', 'stop-backup'],
      mutationFn: (v: Target & { targetId: string; runId: string | null }) =>
        providerFor(v.connectionId).stopBackup({ targetId: v.targetId, runId: v.runId }),
      onSettled: settle(qc),
    }),
  setEnabled: (qc: QueryClient) =>
    mutationOptions({
      mutationKey: ['command', 'set-enabled'],
      mutationFn: (v: Target & { targetId: string; enabled: boolean }) =>
        providerFor(v.connectionId).setEnabled(v.targetId, v.enabled),
      onSettled: settle(qc),
    }),
  createRestore: (qc: QueryClient) =>
    mutationOptions({
      mutationKey: ['command', 'create-restore'],
      // The vault password lives only in these variables for this one call; it is never cached.
      mutationFn: (
        v: Target & { input: RestoreInput; start: boolean; password?: string | null },
      ): Promise<Restore> =>
        providerFor(v.connectionId).createRestore(v.input, { start: v.start, password: v.password ?? null }),
      onSettled: settle(qc),
    }),
  startRestore: (qc: QueryClient) =>
    mutationOptions({
      mutationKey: ['command', 'start-restore'],
      mutationFn: (v: Target & { restoreId: string; password?: string | null }) =>
        providerFor(v.connectionId).startRestore(v.restoreId, v.password ?? null),
      onSettled: settle(qc),
    }),
  stopRestore: (qc: QueryClient) =>
    mutationOptions({
      mutationKey: ['command', 'stop-restore'],
      mutationFn: (v: Target & { restoreId: string }) => providerFor(v.connectionId).stopRestore(v.restoreId),
      onSettled: settle(qc),
    }),
  explore: (qc: QueryClient) =>
    mutationOptions({
      mutationKey: ['command', 'explore'],
      mutationFn: (v: Target & { input: ExploreInput }) => providerFor(v.connectionId).explore(v.input),
      onSettled: settle(qc),
    }),
  stopRestoreSession: (qc: QueryClient) =>
    mutationOptions({
      mutationKey: ['command', 'stop-restore-session'],
      mutationFn: (v: Target & { sessionId: string }) =>
        providerFor(v.connectionId).stopRestoreSession(v.sessionId),
      onSettled: settle(qc),
    }),
  wakeAgents: (qc: QueryClient) =>
    mutationOptions({
      mutationKey: ['command', 'wake-agents'],
      mutationFn: (v: Target) => providerFor(v.connectionId).wakeAgents(),
      onSettled: settle(qc),
    }),
};
