import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Credentials } from '../../api/domain';
import type { ApiError } from '../../api/api-error';
import type { ConsoleSessionAnswer, SignInResult } from '../../api/runtime';
import { apiRuntime } from '../../api/runtime';

export interface SignInVariables {
  credentials: Credentials;
  /** One connection (after it refused the shared form), or all of them when absent. */
  connectionId?: string;
}

/**
 * Signs in to every connection at once (or to one). Resolves with one result per connection and
 * never rejects: the sign-in form shows each connection's outcome beside it, not as a notification.
 */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation<SignInResult[], never, SignInVariables>({
    mutationKey: ['session', 'sign-in'],
    mutationFn: async ({ credentials, connectionId }) => {
      const runtime = apiRuntime();
      return connectionId
        ? [await runtime.trySignIn(connectionId, credentials)]
        : runtime.signInAll(credentials);
    },
    onSuccess: async (results) => {
      // What was fetched while signed out of a connection is stale now.
      const signedIn = new Set(results.filter((r) => r.ok).map((r) => r.connectionId));
      await queryClient.invalidateQueries({
        predicate: (q) => typeof q.queryKey[1] === 'string' && signedIn.has(q.queryKey[1]),
      });
    },
  });
}

/**
 * Console mode: signs in to the console server, and so to every connection it holds. A refusal (a
 * wrong password, too many tries) is shown in the form, not as a notification.
 */
export function useConsoleSignIn() {
  const queryClient = useQueryClient();
  return useMutation<ConsoleSessionAnswer, ApiError, { username: string; password: string }>({
    mutationKey: ['session', 'console-sign-in'],
    mutationFn: ({ username, password }) => apiRuntime().signInToConsole(username, password),
    meta: { errorShownInPlace: true },
    // What was fetched while signed out is stale now.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

/**
 * Console mode: signs the person in to one connection with their own vendor account (the console
 * server keeps the token). A refusal is shown beside that connection's form, with the vendor's words.
 */
export function usePersonalSignIn() {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, { connectionId: string; credentials: Credentials }>({
    mutationKey: ['session', 'personal-sign-in'],
    mutationFn: ({ connectionId, credentials }) => apiRuntime().signInToPersonal(connectionId, credentials),
    meta: { errorShownInPlace: true },
    // What was fetched while signed out of that connection is stale now.
    onSuccess: (_done, { connectionId }) =>
      queryClient.invalidateQueries({ predicate: (q) => q.queryKey[1] === connectionId }),
  });
}
