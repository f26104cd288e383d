import { readFileSync } from 'node:fs';
import { parseConnections } from '../../src/api/connections';
import { dialectOf } from '../../src/api/dialects';
import type { Connection, Credentials } from '../../src/api/domain';
import type { FetchLike } from '../../src/api/http';
import { ApiRuntime } from '../../src/api/runtime';
import type { HeldConnection } from './forward';

/**
 * Connections whose vendor credentials the console server holds (issue 13 item 3): read from the
 * file CONSOLE_CONNECTIONS names, never sent to a browser. Each entry is a connection as config.json
 * has it (checked by its dialect's plug-in) plus `credentials`: a `username` and a `password` or an
 * `apiKey` (Rackspace), each given as `{"env": "NAME"}` or `{"file": "/path"}` — the secret itself
 * is never in the file.
 *
 * The server signs in with the dialect's own plug-in (`src/api/<dialect>/plugin.ts`, through an
 * `ApiRuntime` without storage), when a request first needs the connection, again a minute before
 * the token expires and after the vendor refuses it.
 */
export interface HeldEntry {
  connection: Connection;
  credentials: Credentials;
}

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
    const { credentials: _hidden, ...rest } = e as Record<string, unknown>;
    return rest;
  });
  const connections = parseConnections({ connections: withoutCredentials }, file);
  return connections.map((connection, i) => {
    const where = `${file}: connections[${i}] (${connection.id}).credentials`;
    const given = (entries[i] as { credentials?: unknown }).credentials as
      Record<string, unknown> | undefined;
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

const RENEW_AHEAD_MS = 60_000;

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
      connections: entries.map((e) => e.connection),
      fetch: direct,
      origin: origin(),
      storage: null,
      now,
    }));
  const signingIn = new Map<string, Promise<void>>();
  const health = new Map<string, { state: 'ok' | 'failing'; message: string | null; at: string }>();

  return entries.map(({ connection, credentials }) => {
    const signIn = (): Promise<void> => {
      let running = signingIn.get(connection.id);
      if (!running) {
        running = runtimeNow()
          .signIn(connection.id, credentials)
          .then(
            () =>
              void health.set(connection.id, {
                state: 'ok',
                message: null,
                at: new Date(now()).toISOString(),
              }),
          )
          .catch((err: unknown) => {
            const message = err instanceof Error ? err.message : String(err);
            health.set(connection.id, { state: 'failing', message, at: new Date(now()).toISOString() });
            throw new Error(message);
          })
          .finally(() => signingIn.delete(connection.id));
        signingIn.set(connection.id, running);
      }
      return running;
    };
    return {
      id: connection.id,
      dialect: connection.dialect,
      label: connection.label,
      async open() {
        let session = runtimeNow().session.get(connection.id);
        if (!session || Date.parse(session.expiresAt) - now() < RENEW_AHEAD_MS) {
          await signIn();
          session = runtimeNow().session.get(connection.id);
        }
        if (!session) throw new Error('no session after sign-in');
        const header = dialectOf(connection).authHeader(session.token);
        return { baseUrl: vendorUrl(session.baseUrl, origin()), headers: { [header.name]: header.value } };
      },
      renew: signIn,
      health: () => health.get(connection.id) ?? { state: 'unknown', message: null, at: null },
    };
  });
}
