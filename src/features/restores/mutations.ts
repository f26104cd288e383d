import { useMutation, useQueryClient } from '@tanstack/react-query';
import { commandOptions } from '../../api/commands';

/**
 * Restore commands. The wizard's last step: `useCreateRestore().mutate({connectionId, input,
 * start: true, password})` creates and starts in one go; the vault password exists only in that call.
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
