/**
 * The one error type of the API module. Every failure of a call (an HTTP status, a network failure, a
 * timeout, an answer that does not match its schema) becomes an ApiError; the UI reads `message`.
 * It never carries a token: `request` is the method and the URL only.
 */
export type ApiErrorKind = 'http' | 'network' | 'timeout' | 'parse' | 'unsupported';

export interface ApiErrorInit {
  kind: ApiErrorKind;
  message: string;
  status?: number | null;
  code?: string | null;
  body?: unknown;
  request?: { method: string; url: string } | null;
  connectionId?: string | null;
  /** For 'parse': the field path that failed, e.g. "configurations.3.enabled". */
  path?: string | null;
  /** The service's own message, when `message` says it in people's words. */
  vendorMessage?: string | null;
}

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number | null;
  readonly code: string | null;
  readonly body: unknown;
  readonly request: { method: string; url: string } | null;
  readonly connectionId: string | null;
  readonly path: string | null;
  readonly vendorMessage: string | null;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = 'ApiError';
    this.kind = init.kind;
    this.status = init.status ?? null;
    this.code = init.code ?? null;
    this.body = init.body;
    this.request = init.request ?? null;
    this.connectionId = init.connectionId ?? null;
    this.path = init.path ?? null;
    this.vendorMessage = init.vendorMessage ?? null;
  }

  /** 401: the token is missing, invalid or expired; the person must sign in again. */
  get isUnauthorized(): boolean {
    return this.kind === 'http' && this.status === 401;
  }

  /** Worth retrying by itself: the network, a timeout, or a 5xx. Never a 4xx or a bad answer. */
  get isTransient(): boolean {
    if (this.kind === 'network' || this.kind === 'timeout') return true;
    return this.kind === 'http' && this.status !== null && this.status >= 500;
  }
}

/** Turns anything thrown into an ApiError, so the UI has one shape to show. */
export function toApiError(value: unknown): ApiError {
  if (value instanceof ApiError) return value;
  const message = value instanceof Error ? value.message : String(value);
  return new ApiError({ kind: 'network', message });
}

/** A command a dialect cannot do (the UI hides it through the capability flags; this is the backstop). */
export function unsupported(dialect: string, what: string): ApiError {
  return new ApiError({
    kind: 'unsupported',
    code: 'unsupported',
    message: `${dialect} connections cannot ${what}.`,
  });
}

/** A sign-in the console refuses before or after asking the service (an API key for Veeam, no endpoint). */
export function signInRefused(connection: { id: string }, message: string): ApiError {
  return new ApiError({ kind: 'http', status: 400, code: 'sign-in', message, connectionId: connection.id });
}

/** Stop asked of a configuration with no backup running (the Rackspace dialects find the run first). */
export function noBackupRunning(connectionId: string): ApiError {
  return new ApiError({
    kind: 'http',
    status: 409,
    code: 'not-running',
    message: 'No backup of this configuration is running.',
    connectionId,
  });
}
