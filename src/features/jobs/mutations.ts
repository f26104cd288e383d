import { useMutation, useQueryClient } from '@tanstack/react-query';
import { commandOptions } from '../../api/commands';

/**
 * Commands on jobs (`targetId` is the job id). Never retried; errors are shown once by the app's
 * mutation error handler (src/api/query-client.ts).
 */
export function useStartJob() {
  return useMutation(commandOptions.startBackup(useQueryClient()));
}

/** `mutate({connectionId, targetId: jobId, runId: null})`. */
export function useStopJob() {
  return useMutation(commandOptions.stopBackup(useQueryClient()));
}

export function useSetJobEnabled() {
  return useMutation(commandOptions.setEnabled(useQueryClient()));
}
