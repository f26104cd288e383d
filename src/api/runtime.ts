import { ApiError, toApiError } from './api-error';
import { dialectOf } from './dialects';
import type { Connection, Credentials } from './domain';
import type { AuthHeader, FetchLike } from './http';
import { HttpClient } from './http';
import type { BackupProvider } from './provider';
import { createProvider } from './registry';
import type { ConnectionSession } from './session-store';
import { SessionStore } from './session-store';

export interface ApiRuntimeOptions {
  connections: Connection[];
  fetch: FetchLike;
  /** The console's origin: relative URLs resolve against it, foreign ones go through the proxy. */
  origin: string;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  timeoutMs?: number;
  now?: () => number;
}

/** What became of a connection's token at sign-out. */
export type RevocationResult =
  | { connectionId: string; outcome: 'revoked' | 'dropped' }
  | { connectionId: string; outcome: 'failed'; error: ApiError };

/** A revocation never holds anything up; past this it is given up (the token ends at its expiry). */
const REVOKE_TIMEOUT_MS = 5_000;

export type SignInResult =
  | { connectionId: string; ok: true; session: ConnectionSession }
  | { connectionId: string; ok: false; error: ApiError };

/**
 * The API module at run time: the connections, the session per connection, and one provider per
 * connection whose calls carry that connection's token. A 401 marks the connection signed out.
 */
export class ApiRuntime {
  readonly session: SessionStore;
  readonly connections: readonly Connection[];
  private readonly providers = new Map<string, BackupProvider>();
  private readonly refreshing = new Map<string, Promise<ConnectionSession | undefined>>();
  private readonly now: () => number;

  constructor(private readonly options: ApiRuntimeOptions) {
    this.connections = options.connections;
    this.session = new SessionStore(options.storage);
    this.now = options.now ?? Date.now;
  }

  connection(connectionId: string): Connection {
    const connection = this.connections.find((c) => c.id === connectionId);
    if (!connection)
      throw new ApiError({
        kind: 'http',
        status: 404,
        code: 'unknown-connection',
        message: `There is no connection "${connectionId}" in config.json.`,
      });
    return connection;
  }

  provider(connectionId: string): BackupProvider {
    let provider = this.providers.get(connectionId);
    if (!provider) {
      const connection = this.connection(connectionId);
      provider = createProvider(connection, this.http(connection));
      this.providers.set(connectionId, provider);
    }
    return provider;
  }

  /** Signs in to one connection; a failure leaves the other connections as they are. */
  async signIn(connectionId: string, credentials: Credentials): Promise<ConnectionSession> {
    const connection = this.connection(connectionId);
    const http = this.http(connection);
    const session = await dialectOf(connection).signIn(http, connection, credentials, this.options.origin);
    this.session.set(session);
    return session;
  }

  /** Like signIn, but never throws: the outcome of one connection, for the sign-in form. */
  async trySignIn(connectionId: string, credentials: Credentials): Promise<SignInResult> {
    try {
      return { connectionId, ok: true, session: await this.signIn(connectionId, credentials) };
    } catch (err) {
      const error = toApiError(err);
      return { connectionId, ok: false, error };
    }
  }

  /** One form, every connection at once; each answers for itself. */
  signInAll(credentials: Credentials): Promise<SignInResult[]> {
    return Promise.all(this.connections.map((c) => this.trySignIn(c.id, credentials)));
  }

  /**
   * Signs out of every connection at once, then asks each vendor to end the token it gave: Rackspace
   * Identity's `DELETE /v2.0/tokens/{id}`. Veeam v5 documents no logout and no revocation, so its
   * tokens are only dropped here (they end at their expiry). The person is signed out whatever the
   * vendors answer: a refused or failed revocation is reported in the outcome, never thrown.
   */
  signOut(): Promise<RevocationResult[]> {
    const sessions = Object.values(this.session.getSnapshot().sessions);
    this.session.clear();
    return Promise.all(sessions.map((s) => this.revoke(s)));
  }

  private async revoke(session: ConnectionSession): Promise<RevocationResult> {
    const connectionId = session.connectionId;
    const connection = this.connections.find((c) => c.id === connectionId);
    const dialect = connection && dialectOf(connection);
    // A dialect without a way to end its tokens (Veeam v5) only drops them.
    if (!connection || !dialect?.revoke) return { connectionId, outcome: 'dropped' };
    // Its own client: the token is the one being ended, and a 401 here must not touch the session.
    const http = new HttpClient({
      connectionId,
      fetch: this.options.fetch,
      origin: this.options.origin,
      timeoutMs: REVOKE_TIMEOUT_MS,
      baseUrl: () => null,
      errorForms: dialect.errorForms,
      auth: () => dialect.authHeader(session.token),
    });
    try {
      await dialect.revoke(http, connection, session, this.options.origin);
      return { connectionId, outcome: 'revoked' };
    } catch (err) {
      const error = toApiError(err);
      // Already gone (revoked elsewhere, expired and swept): the token does not work, as wanted.
      if (error.status === 404 || error.status === 401) return { connectionId, outcome: 'revoked' };
      return { connectionId, outcome: 'failed', error };
    }
  }

  private http(connection: Connection): HttpClient {
    return new HttpClient({
      connectionId: connection.id,
      fetch: this.options.fetch,
      origin: this.options.origin,
      timeoutMs: this.options.timeoutMs,
      baseUrl: () => this.session.get(connection.id)?.baseUrl ?? null,
      errorForms: dialectOf(connection).errorForms,
      auth: () => this.authHeader(connection),
      onUnauthorized: (_error, retried) => this.renewAfter401(connection, retried),
    });
  }

  private async authHeader(connection: Connection): Promise<AuthHeader | null> {
    let session = this.session.get(connection.id);
    if (!session) return null;
    const dialect = dialectOf(connection);
    const left = Date.parse(session.expiresAt) - this.now();
    if (dialect.refresh && session.refreshToken && left < dialect.refresh.aheadMs(session)) {
      session = await this.refresh(connection, session);
      if (!session) return null;
    } else if (left <= 0) {
      this.session.markExpired(connection.id);
      return null;
    }
    return dialect.authHeader(session.token);
  }

  /** A refused token: a dialect that can may renew it once with its refresh token; otherwise sign in again. */
  private async renewAfter401(connection: Connection, retried: boolean): Promise<boolean> {
    const session = this.session.get(connection.id);
    if (!retried && dialectOf(connection).refresh && session?.refreshToken) {
      return (await this.refresh(connection, session)) !== undefined;
    }
    this.session.markExpired(connection.id);
    return false;
  }

  /** One refresh at a time per connection; a refused refresh means signing in again. */
  private refresh(
    connection: Connection,
    session: ConnectionSession,
  ): Promise<ConnectionSession | undefined> {
    const running = this.refreshing.get(connection.id);
    if (running) return running;
    const { refresh } = dialectOf(connection);
    if (!refresh) return Promise.resolve(undefined);
    const promise = refresh
      .run(this.http(connection), connection, session, this.options.origin)
      .then((fresh) => {
        this.session.set(fresh);
        return fresh;
      })
      .catch(() => {
        this.session.markExpired(connection.id);
        return undefined;
      })
      .finally(() => this.refreshing.delete(connection.id));
    this.refreshing.set(connection.id, promise);
    return promise;
  }
}

let current: ApiRuntime | null = null;

/** The app sets the runtime once at start-up (tests set their own). */
export function setApiRuntime(runtime: ApiRuntime | null): void {
  current = runtime;
}

export function apiRuntime(): ApiRuntime {
  if (!current) throw new Error('The API module is not started: call startApi() (or setApiRuntime) first.');
  return current;
}

/** The provider of a connection, for queryFns and mutationFns. */
export function providerFor(connectionId: string): BackupProvider {
  return apiRuntime().provider(connectionId);
}
