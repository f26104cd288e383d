import { readFileSync } from 'node:fs';
import { parseConnections } from '../../src/api/connections';
import { dialectOf } from '../../src/api/dialects';
import type { Connection, Credentials } from '../../src/api/domain';
import type { FetchLike } from '../../src/api/http';
import { ApiRuntime } from '../../src/api/runtime';
import type { HeldConnection } from './forward';
import { anonymousClient, personalConnection } from './per-person';

/**
 * Connections whose vendor credentials the console server holds (issue 13 item 3): read from the
 * file CONSOLE_CONNECTIONS names, never sent to a browser. Each entry is a connection as config.json
 * has it (checked by its dialect's plug-in) plus `credentials`: a `username` and a `password` or an
 * `apiKey` (Rackspace), each given as `{"env": "NAME"}` or `{"file": "/path"}` — the secret itself
 * is never in the file.
 *
 * The server signs in with the dialect's own plug-in (`src/api/<dialect>/plugin.ts`, through an
 * `ApiRuntime` without storage) when a request first needs the connection. Shortly before the token
 * expires and after the vendor refuses it, a dialect with a refresh grant (Veeam v5) renews it with
 * its refresh token; the others, and a refused refresh, sign in again with the held credentials.
 */
export interface HeldEntry {
  connection: Connection;
  /** null: the connection signs in per person (`"signIn": "per-person"`); the server holds no secret. */
  credentials: Credentials | null;
}

/** The values of an entry's `signIn`: the server's own account (the default), or each person's. */
export const SIGN_IN_MODES = ['server', 'per-person'] as const;

/** A secret named by `{"env": "NAME"}` or `{"file": "/path"}`. */
function secret(value: unknown, where: string, env: NodeJS.ProcessEnv): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string')
    throw new Error(
      `${where}: give the secret as {"env": "NAME"} or {"file": "/path"}, not in the file itself`,
    );
  const ref = value as { env?: unknown; file?: unknown };
  if (typeof ref.env === 'string') {
    const found = env[ref.env];
    if (!found) throw new Error(`${where}: the environment variable ${ref.env} is not set`);
    return found;
  }
  if (typeof ref.file === 'string') {
    try {
      return readFileSync(ref.file, 'utf8').replace(/\r?\n$/, '');
    } catch (err) {
      throw new Error(
        `${where}: cannot read ${ref.file} (${err instanceof Error ? err.message : String(err)})`,
      );
    }
  }
  throw new Error(`${where}: give the secret as {"env": "NAME"} or {"file": "/path"}`);
}

/** Reads and checks the connections file; an Error whose message names the place of each problem. */
export function loadHeldConnections(file: string, env: NodeJS.ProcessEnv = process.env): HeldEntry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const entries = (raw as { connections?: unknown } | null)?.connections;
  if (!Array.isArray(entries)) throw new Error(`${file}: needs {"connections": [...]}`);
  const withoutCredentials = entries.map((e: unknown) => {
    if (!e || typeof e !== 'object') return e;
    const { credentials: _hidden, signIn: _mode, ...rest } = e as Record<string, unknown>;
    return rest;
  });
  const connections = parseConnections({ connections: withoutCredentials }, file);
  return connections.map((connection, i) => {
    const place = `${file}: connections[${i}] (${connection.id})`;
    const entry = entries[i] as { credentials?: unknown; signIn?: unknown };
    const mode = entry.signIn ?? 'server';
    if (!SIGN_IN_MODES.includes(mode as (typeof SIGN_IN_MODES)[number]))
      throw new Error(
        `${place}.signIn: ${JSON.stringify(mode)} is not one of ${SIGN_IN_MODES.map((m) => `"${m}"`).join(', ')}`,
      );
    if (mode === 'per-person') {
      if (entry.credentials !== undefined)
        throw new Error(
          `${place}.credentials: a connection that signs in per person holds no credentials; remove them`,
        );
      return { connection, credentials: null };
    }
    const where = `${place}.credentials`;
    const given = entry.credentials as Record<string, unknown> | undefined;
    if (!given || typeof given.username !== 'string' || !given.username)
      throw new Error(`${where}: needs a username and a password or an apiKey`);
    const password = secret(given.password, `${where}.password`, env);
    const apiKey = secret(given.apiKey, `${where}.apiKey`, env);
    if (!password && !apiKey) throw new Error(`${where}: needs a password or an apiKey`);
    return { connection, credentials: { username: given.username, password, apiKey } };
  });
}

/** A URL the runtime made same-origin (`/proxy/https/host/…`, a path of `origin`) back to the vendor's own. */
export function vendorUrl(url: string, origin: string): string {
  const absolute = new URL(url, origin);
  const proxied = /^\/proxy\/(https?)\/([^/]+)(\/.*)?$/.exec(absolute.pathname);
  if (absolute.origin === new URL(origin).origin && proxied)
    return `${proxied[1]}://${proxied[2]}${proxied[3] ?? ''}${absolute.search}`;
  return absolute.toString();
}

/** How long before its token expires a connection without a refresh grant signs in again. */
const RENEW_AHEAD_MS = 60_000;

/** The last sign-in's or refresh's outcome, for the connections list. */
/** `at` in ms: every forwarded request notes its answer, and only a reader of the list needs it as text. */
type Health = { state: 'ok' | 'failing'; message: string | null; at: number };

/**
 * The held connections at run time. `origin` is the server's own (relative URLs in the file, such
 * as the default "/v2.0", mean the embedded reference service), known once it listens.
 */
export function holdConnections(
  entries: readonly HeldEntry[],
  origin: () => string,
  fetcher: typeof fetch = fetch,
  now: () => number = Date.now,
): HeldConnection[] {
  // Same-origin URLs the plug-ins make go straight to the vendor, not through the server's own proxy.
  const direct: FetchLike = (input, init) => fetcher(vendorUrl(String(input), origin()), init);
  let runtime: ApiRuntime | undefined;
  const runtimeNow = () =>
    (runtime ??= new ApiRuntime({
      connections: entries.filter((e) => e.credentials).map((e) => e.connection),
      fetch: direct,
      origin: origin(),
      storage: null,
      now,
    }));
  const renewing = new Map<string, Promise<void>>();
  const health = new Map<string, Health>();
  // The vendor's root for a session's base URL, worked out once per base URL and origin rather than
  // parsing both on every forwarded request.
  let roots = { origin: '', urls: new Map<string, string>() };
  const baseUrlOf = (url: string): string => {
    const own = origin();
    if (roots.origin !== own) roots = { origin: own, urls: new Map() };
    let root = roots.urls.get(url);
    if (root === undefined) roots.urls.set(url, (root = vendorUrl(url, own)));
    return root;
  };

  return entries.map(({ connection, credentials }): HeldConnection => {
    if (!credentials) return personalConnection(connection, direct, origin, baseUrlOf, now);
    const dialect = dialectOf(connection);
    const noted = (state: Health['state'], message: string | null) =>
      void health.set(connection.id, { state, message, at: now() });

    /** The refresh grant with the session's refresh token: true when it gave a new token. */
    const refresh = async (): Promise<boolean> => {
      const session = runtimeNow().session.get(connection.id);
      if (!dialect.refresh || !session?.refreshToken) return false;
      const http = anonymousClient(connection, direct, origin());
      try {
        runtimeNow().session.set(await dialect.refresh.run(http, connection, session, origin()));
        return true;
      } catch {
        // Refused (spent, expired, its sign-in ended) or not answered: the password decides.
        return false;
      }
    };

    const signIn = async (): Promise<void> => {
      try {
        await runtimeNow().signIn(connection.id, credentials);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        noted('failing', message);
        throw new Error(message);
      }
    };

    /** Refreshes the token where the dialect can, else signs in; one at a time per connection. */
    const renew = (): Promise<void> => {
      let running = renewing.get(connection.id);
      if (!running) {
        running = refresh()
          .then((refreshed) => (refreshed ? undefined : signIn()))
          .then(() => noted('ok', null))
          .finally(() => renewing.delete(connection.id));
        renewing.set(connection.id, running);
      }
      return running;
    };

    return {
      id: connection.id,
      dialect: connection.dialect,
      label: connection.label,
      async open() {
        let session = runtimeNow().session.get(connection.id);
        const ahead = session && dialect.refresh ? dialect.refresh.aheadMs(session) : RENEW_AHEAD_MS;
        if (!session || Date.parse(session.expiresAt) - now() < ahead) {
          await renew();
          session = runtimeNow().session.get(connection.id);
        }
        if (!session) throw new Error('no session after sign-in');
        const header = dialect.authHeader(session.token);
        return { baseUrl: baseUrlOf(session.baseUrl), headers: { [header.name]: header.value } };
      },
      renew,
      health: () => {
        const h = health.get(connection.id);
        return h
          ? { state: h.state, message: h.message, at: new Date(h.at).toISOString() }
          : { state: 'unknown', message: null, at: null };
      },
      noteAnswer: (failure) => noted(failure ? 'failing' : 'ok', failure),
    };
  });
}
