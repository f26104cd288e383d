import { useMutation, useQueryClient } from '@tanstack/react-query';
import { commandOptions } from '../../api/commands';

/**
 * Commands on configurations: `mutate({connectionId, targetId, ...})`. Never retried; errors are
 * shown once by the app's mutation error handler (src/api/query-client.ts).
 */
export function useStartBackup() {
  return useMutation(commandOptions.startBackup(useQueryClient()));
}

/** Stops a running backup: `mutate({connectionId, targetId: configurationId, runId: backupId})`. */
export function useStopBackup() {
  return useMutation(commandOptions.stopBackup(useQueryClient()));
}

export function useSetEnabled() {
  return useMutation(commandOptions.setEnabled(useQueryClient()));
}

export function useWakeAgents() {
  return useMutation(commandOptions.wakeAgents(useQueryClient()));
}
