import { ApiError, toApiError } from './api-error';
import type { ConsoleSettings } from './connections-check';
import { consoleCall } from './console-call';
import { dialectOf } from './dialects';
import type { Connection, Credentials, Role } from './domain';
import { isRole } from './contract/roles';
import type { AuthHeader, FetchLike } from './http';
import { HttpClient } from './http';
import { watchHook } from './live-watch';
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
  /**
   * Console mode: the console server holds the vendors' credentials and people sign in to it (one
   * session cookie for every connection, whose requests go to its forwarding paths). Absent: the
   * browser signs in to each vendor itself and holds their tokens.
   */
  console?: ConsoleSettings | null;
}

/** The console server's answer to a sign-in and to `GET` of the session. */
export interface ConsoleSessionAnswer {
  user: { username: string; role: Role };
  signedInAt: string;
  expiresAt: string;
}

function consoleSessionAnswer(value: unknown): ConsoleSessionAnswer {
  const v = value as Partial<ConsoleSessionAnswer> | undefined;
  if (
    typeof v?.user?.username !== 'string' ||
    !isRole(v.user.role) ||
    typeof v.signedInAt !== 'string' ||
    typeof v.expiresAt !== 'string'
  )
    throw new ApiError({
      kind: 'parse',
      message: 'The console server answered the sign-in in a form this console does not read.',
    });
  return v as ConsoleSessionAnswer;
}

/** The most of a server's reason the sign-in page shows. */
export const REASON_MAX_CHARS = 300;

/**
 * A reason the server gave, as the sign-in page shows it: one line of plain text (control characters
 * and runs of white space made one space), at most REASON_MAX_CHARS. React shows it as text, never as
 * markup.
 */
export function plainReason(message: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is taken out
  const line = message.replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, ' ').trim();
  return line.length > REASON_MAX_CHARS ? `${line.slice(0, REASON_MAX_CHARS - 1).trimEnd()}…` : line;
}

/** What became of a connection's token at sign-out. */
export type RevocationResult =
  | { connectionId: string; outcome: 'revoked' | 'dropped' }
  | { connectionId: string; outcome: 'failed'; error: ApiError };

/** A revocation never holds anything up; past this it is given up (the token ends at its expiry). */
const REVOKE_TIMEOUT_MS = 5_000;
/**
 * Console mode: how often a tab that is sending requests asks the server for its session again, so
 * that a role an administrator changed (more rights as well as fewer) shows within a minute.
 */
export const CONSOLE_RECHECK_MS = 60_000;

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
  /** Console mode's settings (null: the browser signs in to each vendor). */
  readonly consoleMode: ConsoleSettings | null;
  /** Why the console session ended, as the server said it, for the sign-in page. */
  private endedBecause: string | null = null;
  /** Console mode: the console session as last stated, for the connections each person signs in to. */
  private consoleAnswer: ConsoleSessionAnswer | null = null;
  /** Console mode: why a person's own sign-in to a connection ended (the server's words). */
  private readonly personalEnded = new Map<string, string>();
  private consoleCheckedAt = 0;
  private checkingConsole: Promise<boolean> | null = null;

  constructor(private readonly options: ApiRuntimeOptions) {
    this.connections = options.connections;
    this.session = new SessionStore(options.storage);
    this.now = options.now ?? Date.now;
    this.consoleMode = options.console ?? null;
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
   * Console mode: signs in to the console server (its cookie then rides along every request), and so
   * to every connection it holds, with the console role. A refusal throws an ApiError with its words.
   */
  async signInToConsole(username: string, password: string): Promise<ConsoleSessionAnswer> {
    const answer = consoleSessionAnswer(await this.sessionCall('POST', { username, password }));
    this.endedBecause = null;
    this.consoleCheckedAt = this.now();
    // A new console session holds no personal vendor sign-in yet.
    this.holdConsoleSession(answer, new Set());
    return answer;
  }

  /**
   * Console mode: the connections this person signs in to with their own vendor account (each
   * through the console server) and has not, or whose sign-in ended.
   */
  personalSignInsPending(): Connection[] {
    const { sessions } = this.session.getSnapshot();
    return this.connections.filter((c) => c.personal && !sessions[c.id]);
  }

  /** Console mode: why the person's own sign-in to a connection ended (the server's words), or null. */
  personalSignInEndedBecause(connectionId: string): string | null {
    return this.personalEnded.get(connectionId) ?? null;
  }

  /**
   * Console mode: signs the person in to a connection with their own vendor account; the console
   * server keeps the vendor token (this tab never sees it). A refusal throws an ApiError with the
   * vendor's words. The connection then counts as signed in, with the person's console role.
   */
  async signInToPersonal(connectionId: string, credentials: Credentials): Promise<void> {
    this.requireConsole();
    const connection = this.connection(connectionId);
    if (!connection.personal || !this.consoleAnswer)
      throw new Error(`${connection.label} is not signed in to with a person's own account.`);
    const body =
      credentials.apiKey !== undefined
        ? { username: credentials.username, apiKey: credentials.apiKey }
        : { username: credentials.username, password: credentials.password ?? '' };
    const url = new URL(`${connection.baseUrl ?? ''}/session`, this.options.origin).toString();
    await consoleCall('POST', url, body, { fetch: this.options.fetch, timeoutMs: this.options.timeoutMs });
    this.personalEnded.delete(connectionId);
    this.holdConnection(connection, this.consoleAnswer);
  }

  /**
   * Console mode, at start: asks the server whether this browser's cookie is still a session (a new
   * tab, a reload). Signed in: every connection is, with the role the server states now. Not: signed
   * out, and a session this tab had counts as ended (the sign-in page says why). Unreachable: the tab
   * keeps what it had; its requests then fail and say so. `endedBecause`: the words the console's
   * stream gave when it ended the session, said in place of the answer's own (by then the server no
   * longer knows the session, so its answer cannot say why it ended: idle, disabled, signed out).
   */
  async resumeConsoleSession(endedBecause?: string): Promise<void> {
    this.consoleCheckedAt = this.now();
    try {
      const answer = consoleSessionAnswer(await this.sessionCall('GET'));
      this.holdConsoleSession(answer, await this.personalSignIns());
    } catch (err) {
      const error = toApiError(err);
      if (error.status === 401) this.consoleSessionEnded(endedBecause ?? error.message);
    }
  }

  /**
   * Console mode: which connections signed in to with a person's own account this console session
   * has (the server's list says); null when there are none or the list cannot be read (nothing changes).
   */
  private async personalSignIns(): Promise<Set<string> | null> {
    if (!this.connections.some((c) => c.personal)) return null;
    const url = new URL(
      'connections',
      new URL(this.requireConsole().session, this.options.origin),
    ).toString();
    try {
      const answer = (await consoleCall('GET', url, undefined, {
        fetch: this.options.fetch,
        timeoutMs: this.options.timeoutMs,
      })) as { connections?: { id?: unknown; signedIn?: unknown }[] } | null;
      const list = answer?.connections;
      if (!Array.isArray(list)) return null;
      return new Set(list.filter((c) => c.signedIn === true).map((c) => String(c.id)));
    } catch {
      return null;
    }
  }

  /** Console mode: why the session ended (the server's words), or null. */
  consoleSessionEndedBecause(): string | null {
    return this.endedBecause;
  }

  private requireConsole(): ConsoleSettings {
    if (!this.consoleMode) throw new Error('This console signs in to each vendor, not to a console server.');
    return this.consoleMode;
  }

  /** One request to the console server's session resource (`console.session` of config.json). */
  private sessionCall(method: 'GET' | 'POST' | 'DELETE', body?: unknown, timeoutMs = this.options.timeoutMs) {
    const url = new URL(this.requireConsole().session, this.options.origin).toString();
    return consoleCall(method, url, body, { fetch: this.options.fetch, timeoutMs });
  }

  /**
   * Every connection signed in through the console server: no token, its forwarding path as root.
   * Asked again (a refusal, a new tab), it changes only what the server's answer changed — a role an
   * administrator changed shows at once, and an unchanged answer re-renders nothing.
   */
  private holdConsoleSession(answer: ConsoleSessionAnswer, personal: ReadonlySet<string> | null): void {
    this.consoleAnswer = answer;
    for (const connection of this.connections) {
      // A connection each person signs in to counts only once the server says this one has (a
      // sign-in the server dropped is marked ended, so that the person is asked again); when the
      // server's list is not at hand (`null`), only one the tab holds is brought up to date.
      if (connection.personal) {
        const held = this.session.get(connection.id) !== undefined;
        const has = personal ? personal.has(connection.id) : held;
        if (!has) {
          if (held) this.session.markExpired(connection.id);
          continue;
        }
      }
      this.holdConnection(connection, answer);
    }
  }

  /** One connection signed in through the console server, unless it already is just so. */
  private holdConnection(connection: Connection, answer: ConsoleSessionAnswer): void {
    const held = this.session.get(connection.id);
    if (
      held &&
      held.username === answer.user.username &&
      held.role === answer.user.role &&
      held.issuedAt === answer.signedInAt &&
      held.expiresAt === answer.expiresAt
    )
      return;
    this.session.set({
      connectionId: connection.id,
      username: answer.user.username,
      role: answer.user.role,
      token: '',
      issuedAt: answer.signedInAt,
      expiresAt: answer.expiresAt,
      baseUrl: connection.baseUrl ?? '',
      tenantId: null,
      refreshToken: null,
    });
  }

  private consoleSessionEnded(message: string): void {
    const held = Object.keys(this.session.getSnapshot().sessions);
    if (held.length === 0) return;
    this.endedBecause = plainReason(message) || null;
    for (const id of held) this.session.markExpired(id);
  }

  /**
   * Console mode, after a 401 on a forwarded request: the console session ended (then every
   * connection is signed out) or the vendor refused the server's own token (then only that request
   * failed; the server renews its token by itself). One check at a time. The reason given is the
   * refused request's own (the server said why it ended the session: idle, its lifetime, disabled).
   */
  private checkConsoleSession(refused: ApiError): Promise<boolean> {
    this.checkingConsole ??= this.sessionCall('GET')
      .then((answer) => {
        this.holdConsoleSession(consoleSessionAnswer(answer), null);
        return true;
      })
      .catch((err: unknown) => {
        const error = toApiError(err);
        if (error.status !== 401) return true;
        this.consoleSessionEnded(refused.vendorMessage ?? refused.message);
        return false;
      })
      .finally(() => {
        this.checkingConsole = null;
      });
    return this.checkingConsole;
  }

  /**
   * Console mode: the console server's own API (users, audit log, connections) refused a request. A
   * 401 is checked as a refused forwarded request's is: the session ended (the person is sent to sign
   * in, with the answer's words, and back to the page) or it did not. A 403 may be a role an
   * administrator just changed: the session is read again, so that the tab shows the new role at once.
   */
  consoleApiRefused(error: ApiError): void {
    if (!this.consoleMode || error.kind !== 'http') return;
    if (error.status === 401) void this.checkConsoleSession(error);
    else if (error.status === 403) void this.resumeConsoleSession();
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
    if (this.consoleMode) return this.signOutOfConsole(sessions);
    return Promise.all(sessions.map((s) => this.revoke(s)));
  }

  /** Console mode: the server ends the session (and its cookie); the vendors' tokens are the server's. */
  private async signOutOfConsole(sessions: ConnectionSession[]): Promise<RevocationResult[]> {
    this.endedBecause = null;
    const error = await this.sessionCall('DELETE', undefined, REVOKE_TIMEOUT_MS).then(
      () => null,
      (err: unknown) => toApiError(err),
    );
    // A 401: already ended on the server (idle, expired, signed out in another tab), as wanted.
    return sessions.map(({ connectionId }) =>
      error && error.status !== 401
        ? { connectionId, outcome: 'failed', error }
        : { connectionId, outcome: 'revoked' },
    );
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
      onUnauthorized: (error, retried) => this.renewAfter401(connection, error, retried),
      // Console mode: a refusal may be the server applying a role an administrator just changed.
      onForbidden: this.consoleMode ? () => void this.resumeConsoleSession() : undefined,
      // The console server polls this connection for everyone: its queries' reads say what they show.
      watch: this.serverPolls(connection.id)
        ? watchHook(connection.id, () => this.session.get(connection.id)?.baseUrl ?? null)
        : undefined,
    });
  }

  /**
   * Console mode: whether the console server polls this connection itself (it holds its
   * credentials), so that the stream tells its changes. Not a connection each person signs in to.
   */
  serverPolls(connectionId: string): boolean {
    return this.consoleMode !== null && this.connections.some((c) => c.id === connectionId && !c.personal);
  }

  private async authHeader(connection: Connection): Promise<AuthHeader | 'cookie' | null> {
    let session = this.session.get(connection.id);
    if (!session) return null;
    // Console mode: the console server's session cookie is the credential; no vendor token here.
    if (this.consoleMode) {
      if (this.now() - this.consoleCheckedAt >= CONSOLE_RECHECK_MS) void this.resumeConsoleSession();
      return 'cookie';
    }
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
  private async renewAfter401(connection: Connection, error: ApiError, retried: boolean): Promise<boolean> {
    if (this.consoleMode) {
      // The console session is good and the connection signs each person in: their own sign-in
      // ended (expired, refused, dropped), and only that connection asks for it again.
      if ((await this.checkConsoleSession(error)) && connection.personal) {
        this.personalEnded.set(connection.id, error.vendorMessage ?? error.message);
        this.session.markExpired(connection.id);
      }
      return false;
    }
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
