import { useMutation, useQueryClient } from '@tanstack/react-query';
import { commandOptions } from '../../api/commands';

/** Opens a restore session (Veeam explore): `mutate({connectionId, input})`. */
export function useOpenRestoreSession() {
  return useMutation(commandOptions.explore(useQueryClient()));
}

export function useStopRestoreSession() {
  return useMutation(commandOptions.stopRestoreSession(useQueryClient()));
}
