import { dialectOf } from '../../src/api/dialects';
import type { Connection, Credentials } from '../../src/api/domain';
import type { ConnectionSession } from '../../src/api/session-store';
import type { FetchLike } from '../../src/api/http';
import { HttpClient } from '../../src/api/http';
import { ApiRuntime } from '../../src/api/runtime';
import type { HeldConnection, PersonalSignIn } from './forward';
import { SignInAgain } from './forward';

/** A client for the vendor's token requests, which are anonymous: it needs no token of its own. */
export function anonymousClient(connection: Connection, direct: FetchLike, origin: string): HttpClient {
  return new HttpClient({
    connectionId: connection.id,
    fetch: direct,
    origin,
    baseUrl: () => null,
    auth: () => null,
    errorForms: dialectOf(connection).errorForms,
  });
}

/**
 * A connection set to per-person vendor sign-in (`"signIn": "per-person"` in the connections file,
 * issue 13 item 3): the server holds no secret for it. Each person signs in to it through the console
 * server with their own vendor user name and password (or Rackspace API key); the vendor's token and
 * refresh token live in this process's memory under the person's console session id, never in the
 * browser or a log. A token is renewed with the dialect's refresh grant where there is one (Veeam
 * v5); otherwise, or when the vendor refuses the refresh, the person must sign in to the connection
 * again (`SignInAgain`, which the forwarder answers with a 401 in the dialect's error form).
 */
export function personalConnection(
  connection: Connection,
  direct: FetchLike,
  origin: () => string,
  baseUrlOf: (url: string) => string,
  now: () => number = Date.now,
): HeldConnection & { personal: PersonalSignIn } {
  const dialect = dialectOf(connection);
  const label = connection.label || connection.id;
  const sessions = new Map<string, ConnectionSession>();
  const renewing = new Map<string, Promise<boolean>>();
  /** A runtime of its own per call: the tokens it holds are the one person's and live only here. */
  const runtime = () =>
    new ApiRuntime({ connections: [connection], fetch: direct, origin: origin(), storage: null, now });

  const again = (why: string) =>
    new SignInAgain(`${why}: sign in to ${label} again with your own ${label} account.`);

  /** The refresh grant with the person's refresh token: true when it gave a new token. */
  const refresh = (sessionId: string): Promise<boolean> => {
    let running = renewing.get(sessionId);
    if (!running) {
      running = (async () => {
        const held = sessions.get(sessionId);
        if (!dialect.refresh || !held?.refreshToken) return false;
        try {
          const http = anonymousClient(connection, direct, origin());
          const renewed = await dialect.refresh.run(http, connection, held, origin());
          // Signed out meanwhile: the renewed token is dropped, not kept.
          if (!sessions.has(sessionId)) return false;
          sessions.set(sessionId, renewed);
          return true;
        } catch {
          return false;
        }
      })().finally(() => renewing.delete(sessionId));
      renewing.set(sessionId, running);
    }
    return running;
  };

  const personal: PersonalSignIn = {
    async signIn(sessionId: string, credentials: Credentials): Promise<void> {
      const session = await runtime().signIn(connection.id, credentials);
      const before = sessions.get(sessionId);
      sessions.set(sessionId, session);
      if (before) await revoke(before);
    },
    has: (sessionId) => sessions.has(sessionId),
    async signOut(sessionId: string): Promise<void> {
      const held = sessions.get(sessionId);
      sessions.delete(sessionId);
      if (held) await revoke(held);
    },
    async keepOnly(alive: (sessionId: string) => boolean): Promise<void> {
      for (const id of [...sessions.keys()]) if (!alive(id)) await personal.signOut(id);
    },
    forSession(sessionId: string): HeldConnection {
      return {
        id: connection.id,
        dialect: connection.dialect,
        label,
        perPerson: true,
        async open() {
          let held = sessions.get(sessionId);
          if (!held)
            throw new SignInAgain(
              `Sign in to ${label} first: it signs in each person with their own account.`,
            );
          const left = Date.parse(held.expiresAt) - now();
          if (dialect.refresh && left < dialect.refresh.aheadMs(held)) {
            if (!(await refresh(sessionId))) {
              sessions.delete(sessionId);
              throw again(`Your ${label} sign-in could not be renewed`);
            }
            held = sessions.get(sessionId)!;
          } else if (left <= 0) {
            sessions.delete(sessionId);
            throw again(`Your ${label} sign-in has expired`);
          }
          const header = dialect.authHeader(held.token);
          return { baseUrl: baseUrlOf(held.baseUrl), headers: { [header.name]: header.value } };
        },
        async renew() {
          if (await refresh(sessionId)) return;
          sessions.delete(sessionId);
          throw again(`${label} refused your sign-in`);
        },
      };
    },
  };

  /** Ends a token at the vendor where the dialect can (Rackspace Identity); Veeam v5's is only dropped. */
  async function revoke(session: ConnectionSession): Promise<void> {
    const own = runtime();
    own.session.set(session);
    await own.signOut();
  }

  return {
    id: connection.id,
    dialect: connection.dialect,
    label,
    personal,
    // Only a person's own view (forSession) has a token.
    open: () => Promise.reject(new SignInAgain(`Sign in to ${label} first.`)),
  };
}
