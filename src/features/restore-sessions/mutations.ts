import { useMutation, useQueryClient } from '@tanstack/react-query';
import { commandOptions } from '../../api/commands';
import { invalidate, queryKeys } from '../../api/query-keys';
import type { ContentActionInput } from '../../api/restore-content';
import { providerFor } from '../../api/runtime';

/** Opens a restore session (Veeam explore): `mutate({connectionId, input})`. */
export function useOpenRestoreSession() {
  return useMutation(commandOptions.explore(useQueryClient()));
}

export function useStopRestoreSession() {
  return useMutation(commandOptions.stopRestoreSession(useQueryClient()));
}

/**
 * Runs an action on items of a restore session. The dialog shows the outcome and any refusal in
 * place; afterwards the session and its events are read again (the action wrote an event).
 */
export function useContentAction(connectionId: string, sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['command', 'content-action', connectionId, sessionId],
    mutationFn: (input: ContentActionInput) => providerFor(connectionId).runContentAction(sessionId, input),
    meta: { errorShownInPlace: true },
    onSettled: () => invalidate(queryClient, [queryKeys.restoreSessions.connection(connectionId)]),
  });
}
