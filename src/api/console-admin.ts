import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { infiniteQueryOptions, mutationOptions, queryOptions } from '@tanstack/react-query';
import { z } from './contract/zod';
import { POLL_OPEN_MS, POLL_SLOW_MS } from '../lib/polling';
import { ROLES } from './contract/roles';
import type { Role } from './contract/roles';
import { ApiError } from './api-error';
import { CONSOLE_API_PATH, consoleCall } from './console-call';
import type { FetchLike } from './http';
import { parseAnswer, path } from './http';
import { apiRuntime } from './runtime';

/**
 * The console server's own administration API (docs/console-server.md): the audit log and the console
 * users, both for administrators only. The requests carry the console's HttpOnly session cookie, which
 * the browser adds to same-origin requests under /console/api; changes go as JSON, which the server
 * asks for (a cross-site form cannot send it). Every failure is an ApiError with the server's message.
 */

export const AUDIT_OUTCOMES = ['ok', 'failed', 'refused'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

const time = z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), 'a time'));

export const auditEntrySchema = z.object({
  id: z.int(),
  at: time,
  who: z.nullable(z.string()),
  role: z.nullable(z.string()),
  address: z.nullable(z.string()),
  connection: z.nullable(z.string()),
  action: z.string(),
  method: z.string(),
  path: z.string(),
  targetId: z.nullable(z.string()),
  targetName: z.nullable(z.string()),
  status: z.int(),
  vendorStatus: z.nullable(z.int()),
  durationMs: z.number(),
  outcome: z.enum(AUDIT_OUTCOMES),
  message: z.nullable(z.string()),
});
export type AuditEntry = z.output<typeof auditEntrySchema>;

export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  next: z.nullable(z.int()),
});
export type AuditPage = z.output<typeof auditPageSchema>;

export const consoleUserSchema = z.object({
  username: z.string(),
  role: z.enum(ROLES),
  disabled: z.boolean(),
  createdAt: time,
  changedAt: time,
});
export type ConsoleUser = z.output<typeof consoleUserSchema>;

const usersSchema = z.object({ users: z.array(consoleUserSchema) });
const userAnswerSchema = z.object({ user: consoleUserSchema });
const passwordAnswerSchema = z.object({ user: consoleUserSchema, sessionsEnded: z.int() });

export const HEALTH_STATES = ['ok', 'failing', 'unknown'] as const;
export type HealthState = (typeof HEALTH_STATES)[number];

const heldConnectionsSchema = z.object({
  connections: z.array(
    z.looseObject({
      id: z.string(),
      label: z.string(),
      dialect: z.optional(z.string()),
      /** `per-person`: each person signs in to it with their own vendor account (`signedIn`: this one has). */
      signIn: z.optional(z.enum(['server', 'per-person'])),
      signedIn: z.optional(z.boolean()),
      /** The server's last word on the connection: its sign-in, and its last answer to the server. */
      health: z.optional(
        z.object({ state: z.enum(HEALTH_STATES), message: z.nullable(z.string()), at: z.nullable(time) }),
      ),
    }),
  ),
});
export type HeldConnectionInfo = z.output<typeof heldConnectionsSchema>['connections'][number];

/** The audit log's filters as `GET /console/api/audit` takes them; empty ones are left out. */
export interface AuditFilters {
  person?: string;
  action?: string;
  connection?: string;
  outcome?: AuditOutcome;
  /** ISO 8601. */
  from?: string;
  to?: string;
}

const FILTER_KEYS = ['person', 'action', 'connection', 'outcome', 'from', 'to'] as const;

/** The query string of the filters (and `extra`), in a fixed order so that a link reads the same. */
export function auditSearch(filters: AuditFilters, extra: Record<string, string | number> = {}): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key]?.trim();
    if (value) params.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) params.set(key, String(value));
  return params.toString();
}

export interface ConsoleAdminOptions {
  /** The console server's origin; '' (the default) is the page's own, which is what the cookie needs. */
  baseUrl?: string;
  /** Tests hand a fetch that sends the session cookie: Node's fetch has no cookie jar. */
  fetch?: FetchLike;
  timeoutMs?: number;
  /**
   * Told of every 401 and 403 before the call throws it: the console's own client hands them to the
   * runtime, which treats them as it treats a forwarded request's (src/api/runtime.ts).
   */
  onRefused?: (error: ApiError) => void;
}

export interface ConsoleAdmin {
  /** Where the audit log's CSV is downloaded, with the same filters. */
  auditCsvUrl(filters: AuditFilters): string;
  audit(
    filters: AuditFilters,
    page?: { before?: number; limit?: number },
    signal?: AbortSignal,
  ): Promise<AuditPage>;
  /** The connections the server holds and their health (signed in, any role). */
  connections(signal?: AbortSignal): Promise<HeldConnectionInfo[]>;
  users(signal?: AbortSignal): Promise<ConsoleUser[]>;
  addUser(input: { username: string; role: Role; password: string }): Promise<ConsoleUser>;
  changeUser(username: string, change: { role?: Role; disabled?: boolean }): Promise<ConsoleUser>;
  setPassword(username: string, password: string): Promise<{ user: ConsoleUser; sessionsEnded: number }>;
}

export function createConsoleAdmin(options: ConsoleAdminOptions = {}): ConsoleAdmin {
  const base = (options.baseUrl ?? '').replace(/\/$/, '');
  const send = options.fetch;
  const timeoutMs = options.timeoutMs;
  const url = (p: string, search = '') => `${base}${CONSOLE_API_PATH}${p}${search ? `?${search}` : ''}`;

  async function call<S extends z.ZodMiniType>(
    method: string,
    target: string,
    schema: S,
    body?: unknown,
    signal?: AbortSignal,
  ): Promise<z.output<S>> {
    let answer: unknown;
    try {
      answer = await consoleCall(method, target, body, { fetch: send, timeoutMs, signal });
    } catch (err) {
      if (refused(err)) options.onRefused?.(err);
      throw err;
    }
    return parseAnswer(schema, answer, { method, url: target });
  }

  return {
    auditCsvUrl: (filters) => url('/audit', auditSearch(filters, { format: 'csv' })),
    audit: (filters, page = {}, signal) =>
      call(
        'GET',
        url(
          '/audit',
          auditSearch(filters, {
            ...(page.limit !== undefined ? { limit: page.limit } : {}),
            ...(page.before !== undefined ? { before: page.before } : {}),
          }),
        ),
        auditPageSchema,
        undefined,
        signal,
      ),
    connections: async (signal) =>
      (await call('GET', url('/connections'), heldConnectionsSchema, undefined, signal)).connections,
    users: async (signal) => (await call('GET', url('/users'), usersSchema, undefined, signal)).users,
    addUser: async (input) => (await call('POST', url('/users'), userAnswerSchema, input)).user,
    changeUser: async (username, change) =>
      (await call('PATCH', url(path`/users/${username}`), userAnswerSchema, change)).user,
    setPassword: (username, password) =>
      call('POST', url(path`/users/${username}/password`), passwordAnswerSchema, { password }),
  };
}

/**
 * The console's own client: same origin, the browser's fetch and cookie. A refusal reaches the
 * runtime as a forwarded request's does: an ended session sends the person to sign in, a changed role
 * shows at once.
 */
export const consoleAdmin = createConsoleAdmin({
  onRefused: (error) => apiRuntime().consoleApiRefused(error),
});

/**
 * The cache keys of the console server's own resources. They belong to no vendor connection, so they
 * have roots of their own beside src/api/query-keys.ts's `[root, connectionId, …]`.
 */
export const consoleKeys = {
  audit: {
    all: () => ['console-audit'] as const,
    list: (filters: AuditFilters, pageSize: number) =>
      ['console-audit', 'list', auditSearch(filters), pageSize] as const,
  },
  users: {
    all: () => ['console-users'] as const,
    list: () => ['console-users', 'list'] as const,
  },
  connections: () => ['console-connections', 'list'] as const,
};

export const AUDIT_PAGE_SIZE = 100;

/** A refusal or a missing session: asking again every few seconds changes nothing. */
const refused = (error: unknown): error is ApiError =>
  error instanceof ApiError && error.kind === 'http' && (error.status === 401 || error.status === 403);

/** The audit log is live: read again every few seconds while the tab shows it (slow after a failure). */
function livePace(state: { status: string; error: unknown }): number | false {
  if (state.status !== 'error') return POLL_OPEN_MS;
  return refused(state.error) ? false : POLL_SLOW_MS;
}

type AuditPages = InfiniteData<AuditPage, number | undefined>;

/**
 * One page of the audit log for the infinite query (`read` asks the server for the page below a
 * cursor, or for the newest), given the pages the query holds. The log is append-only (the server's
 * table refuses an UPDATE), so a page below a cursor never changes: one held already is answered as it
 * is, without a request. Only the first page grows: read again, it asks for what is newer than its
 * newest entry — the newest page, and the pages below it while they hold nothing but new entries —
 * and keeps its `next`, so the pages below keep their cursors.
 */
async function auditPage(
  read: (before: number | undefined) => Promise<AuditPage>,
  before: number | undefined,
  held: AuditPages | undefined,
): Promise<AuditPage> {
  if (before !== undefined) {
    const at = held?.pageParams.indexOf(before) ?? -1;
    return (at > 0 ? held?.pages[at] : undefined) ?? read(before);
  }
  const first = held?.pages[0];
  const newest = first?.entries[0]?.id;
  if (first === undefined || newest === undefined) return read(undefined);
  const added: AuditEntry[] = [];
  let below: number | undefined;
  for (;;) {
    const page = await read(below);
    added.push(...page.entries.filter((e) => e.id > newest));
    if (page.next === null || page.entries.some((e) => e.id <= newest)) break;
    below = page.next;
  }
  return { entries: [...added, ...first.entries], next: first.next };
}

export const consoleAdminQueries = {
  /**
   * The audit log, newest first, page by page ("Show older" asks for the page below the last `next`).
   * The live refresh reads only the entries newer than those shown and puts them on top; the older
   * pages are read once (see auditPage).
   */
  audit: (client: ConsoleAdmin, filters: AuditFilters, pageSize = AUDIT_PAGE_SIZE) =>
    infiniteQueryOptions({
      queryKey: consoleKeys.audit.list(filters, pageSize),
      queryFn: ({ pageParam, signal, client: queryClient, queryKey }) =>
        auditPage(
          (before) => client.audit(filters, { before, limit: pageSize }, signal),
          pageParam,
          queryClient.getQueryData<AuditPages>(queryKey),
        ),
      initialPageParam: undefined as number | undefined,
      getNextPageParam: (last: AuditPage) => last.next ?? undefined,
      refetchInterval: (query) => livePace(query.state),
    }),
  users: (client: ConsoleAdmin) =>
    queryOptions({
      queryKey: consoleKeys.users.list(),
      queryFn: ({ signal }) => client.users(signal),
      refetchInterval: (query) => (refused(query.state.error) ? false : POLL_SLOW_MS),
    }),
  connections: (client: ConsoleAdmin) =>
    queryOptions({
      queryKey: consoleKeys.connections(),
      queryFn: ({ signal }) => client.connections(signal),
      staleTime: 60_000,
    }),
  /** The same list, read again every few seconds while the Connections page shows its health. */
  connectionHealth: (client: ConsoleAdmin) =>
    queryOptions({
      ...consoleAdminQueries.connections(client),
      staleTime: 0,
      refetchInterval: (query) => livePace(query.state),
    }),
};

/**
 * Changes to console users. The forms show a refusal in place (the last administrator, a name taken),
 * so the shell's notification stays out of it; every change also writes an audit row.
 */
export const consoleAdminMutations = {
  addUser: (client: ConsoleAdmin, queryClient: QueryClient) =>
    mutationOptions({
      mutationKey: ['console-users', 'add'],
      mutationFn: (input: { username: string; role: Role; password: string }) => client.addUser(input),
      meta: { errorShownInPlace: true },
      onSettled: () => invalidateConsoleUsers(queryClient),
    }),
  changeUser: (client: ConsoleAdmin, queryClient: QueryClient) =>
    mutationOptions({
      mutationKey: ['console-users', 'change'],
      mutationFn: ({ username, change }: { username: string; change: { role?: Role; disabled?: boolean } }) =>
        client.changeUser(username, change),
      meta: { errorShownInPlace: true },
      onSettled: () => invalidateConsoleUsers(queryClient),
    }),
  setPassword: (client: ConsoleAdmin, queryClient: QueryClient) =>
    mutationOptions({
      mutationKey: ['console-users', 'password'],
      mutationFn: ({ username, password }: { username: string; password: string }) =>
        client.setPassword(username, password),
      meta: { errorShownInPlace: true },
      onSettled: () => invalidateConsoleUsers(queryClient),
    }),
};

async function invalidateConsoleUsers(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: consoleKeys.users.all() }),
    queryClient.invalidateQueries({ queryKey: consoleKeys.audit.all() }),
  ]);
}

/** Whether an error is the server's 403 for a role that is not admin. */
export function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && error.kind === 'http' && error.status === 403;
}
