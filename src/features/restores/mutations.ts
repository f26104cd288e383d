import { useMutation, useQueryClient } from '@tanstack/react-query';
import { commandOptions } from '../../api/commands';

/**
 * Restore commands. The wizard creates without `start`, then starts a v1.0 draft with
 * useStartRestore (see wizard/use-wizard-start.ts); the vault password exists only in those calls.
 * Never retried; errors are shown once by the app's handler (src/api/query-client.ts).
 */
export function useCreateRestore() {
  return useMutation(commandOptions.createRestore(useQueryClient()));
}

/** Starts a restore created without `start` (Rackspace v1.0 keeps it in Creating until then). */
export function useStartRestore() {
  return useMutation(commandOptions.startRestore(useQueryClient()));
}

export function useStopRestore() {
  return useMutation(commandOptions.stopRestore(useQueryClient()));
}
