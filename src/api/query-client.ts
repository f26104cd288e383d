/**
 * The QueryClient of the console, and the typed error registration.
 *
 * Errors surface ONCE through one handler: the MutationCache's onError calls whatever was set with
 * `setMutationErrorHandler` (the app shell sets one that shows a notification with the service's
 * message). Mutation hooks therefore do not show errors themselves, and queries show theirs in place
 * (error states of their page), never as notifications. A 401 is not reported here: the session has
 * already marked the connection signed out and the app sends the person to sign in.
 *
 * Queries retry with backoff on network errors, timeouts and 5xx (at most 3 times), never on 4xx or a
 * malformed answer. Mutations never retry by themselves: a start or a stop must not be sent twice.
 */
import type { Query } from '@tanstack/react-query';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { startHiddenHeartbeat } from '../lib/polling';
import type { ApiError } from './api-error';
import { toApiError } from './api-error';
import { connectionOfKey, liveView, pushedInterval } from './live-watch';
import { waitsForPageChanges } from './page-answers';
import { queryKeys } from './query-keys';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError;
  }
}

export type ErrorHandler = (error: ApiError) => void;

let mutationErrorHandler: ErrorHandler | null = null;
/** Errors that came while no handler was set (the notifications host loads on the first interaction). */
const unreported: ApiError[] = [];

/** The one place mutation errors go; returns a function that unsets it. Errors that waited are given to it. */
export function setMutationErrorHandler(handler: ErrorHandler | null): () => void {
  mutationErrorHandler = handler;
  if (handler) for (const error of unreported.splice(0)) handler(error);
  return () => {
    if (mutationErrorHandler === handler) mutationErrorHandler = null;
  };
}

export const MAX_RETRIES = 3;

export function shouldRetry(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_RETRIES && toApiError(error).isTransient;
}

/** 0.5 s, 1 s, 2 s … at most 8 s. */
export function retryDelay(attempt: number): number {
  return Math.min(8_000, 500 * 2 ** attempt);
}

export function createQueryClient(options: { retry?: boolean } = {}): QueryClient {
  const client = new QueryClient({
    queryCache: new QueryCache(),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        const apiError = toApiError(error);
        // A dialog that shows the outcome in place (restore from a session) says it there, once.
        if (apiError.isUnauthorized || mutation.meta?.errorShownInPlace) return;
        if (mutationErrorHandler) mutationErrorHandler(apiError);
        else unreported.push(apiError);
      },
    }),
    defaultOptions: {
      queries: {
        retry: options.retry === false ? false : shouldRetry,
        retryDelay,
        staleTime: 2_000,
        refetchIntervalInBackground: false,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
  // What a backup backs up never changes: learnt once, kept while the client lives (resource-queries.ts).
  client.setQueryDefaults(queryKeys.backupSources.all(), { staleTime: Infinity, gcTime: Infinity });
  // Console mode: while the stream tells what changed, a server-held connection's queries poll only
  // as a safety net (live-stream.ts). Every observer's options pass through here, once.
  const defaultQueryOptions = client.defaultQueryOptions.bind(client);
  client.defaultQueryOptions = ((options: Parameters<typeof defaultQueryOptions>[0]) => {
    if (options._defaulted) return options;
    const defaulted = defaultQueryOptions(options);
    // An answer a rendered page carried is not read again on mount while the server is asked which of
    // them changed since it read them (page-answers.ts).
    if (defaulted.refetchOnMount === undefined || defaulted.refetchOnMount === true)
      defaulted.refetchOnMount = (query) => !waitsForPageChanges(client, query as Query);
    defaulted.refetchInterval = pushedInterval(
      client,
      defaulted.queryKey,
      defaulted.refetchInterval as Parameters<typeof pushedInterval>[2],
    ) as typeof defaulted.refetchInterval;
    return defaulted;
  }) as typeof client.defaultQueryOptions;
  // QueryClientProvider mounts the client: the hidden-tab heartbeat lives exactly as long.
  let stopHeartbeat: (() => void) | null = null;
  const mount = client.mount.bind(client);
  const unmount = client.unmount.bind(client);
  client.mount = () => {
    mount();
    stopHeartbeat ??= startQueryHeartbeat(client);
  };
  client.unmount = () => {
    unmount();
    stopHeartbeat?.();
    stopHeartbeat = null;
  };
  return client;
}

/**
 * While the tab is hidden, refetch what is on screen every couple of minutes (see lib/polling.ts).
 * createQueryClient starts it when the client is mounted.
 */
export function startQueryHeartbeat(client: QueryClient): () => void {
  // What the stream pushes needs no heartbeat: a hidden tab costs nothing beyond the stream.
  const pushed = (query: Query) => {
    const connectionId = connectionOfKey(query.queryKey);
    return connectionId !== null && liveView(client).pushes(connectionId);
  };
  return startHiddenHeartbeat(
    () => void client.refetchQueries({ type: 'active', predicate: (query) => !pushed(query) }),
  );
}
