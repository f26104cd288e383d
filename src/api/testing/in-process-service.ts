/* Tests only: the reference service in-process (no port) behind a real ApiRuntime. */
/* eslint-disable import/no-restricted-paths -- adapter tests run against the real reference service */
import type { Service } from '../../../server/app';
import { createService } from '../../../server/app';
import { loadConfig } from '../../../server/config';
import { expireAllTokens, revokeToken } from '../../../server/identity/tokens';
import { listen } from '../../../server/listen-test-support';
/* eslint-enable import/no-restricted-paths */
import defaultConfig from '../../../public/config.json';
import { parseConnections } from '../connections';
import type { Connection, Credentials } from '../domain';
import type { FetchLike } from '../http';
import { ApiRuntime } from '../runtime';

export const ORIGIN = 'http://console.test';

export interface TestClock {
  now(): number;
  advance(ms: number): void;
}

export function testClock(start = Date.now()): TestClock {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

export function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, v),
  };
}

export interface InProcess {
  service: Service;
  runtime: ApiRuntime;
  clock: TestClock;
  fetch: FetchLike;
  connections: Connection[];
  /** Every request the runtime sent: method, URL and body type (never other headers). */
  requests: { method: string; url: string; contentType: string | null }[];
  /** Moves the clock and runs one engine tick over that time. */
  tick(ms: number): void;
  /** Ticks until `done` holds or `maxMs` of service time passed. */
  until(done: () => Promise<boolean>, stepMs?: number, maxMs?: number): Promise<boolean>;
  signIn(username: string, credentials?: Partial<Credentials>): Promise<void>;
  /** Expires every token on the service (what --test-controls offers over HTTP). */
  expireTokens(): void;
  /** Ends one token on the service, as a revocation or a restart of the vendor's would. */
  revokeToken(token: string): void;
  /** With `overHttp`: the service's address, and stopping its listener (the service stays). */
  url: string | null;
  stopListening(): Promise<void>;
  close(): void;
}

/** The default config's connections: rackspace-dfw (v1.0), rackspace-ord (v2), veeam (v5). */
export const DEFAULT_CONNECTIONS = parseConnections(defaultConfig);

/**
 * `overHttp`: the service listens on a loopback port and the runtime talks to it with the real fetch,
 * its origin being the service's (what the console does when `npm start` serves it).
 */
export async function startInProcess(
  options: { args?: string[]; timeoutMs?: number; storage?: Storage; overHttp?: boolean } = {},
): Promise<InProcess> {
  const clock = testClock();
  const config = loadConfig(['--data-dir', ':memory:', '--speed', '60', ...(options.args ?? [])], {});
  const service = await createService(config, clock);
  const listener = options.overHttp ? await listen(service) : null;
  const requests: InProcess['requests'] = [];
  const fetchImpl: FetchLike = async (url, init) => {
    const contentType = new Headers(init.headers).get('content-type');
    requests.push({ method: init.method ?? 'GET', url, contentType });
    return listener ? fetch(url, init) : service.app.fetch(new Request(url, init));
  };
  let listening = listener !== null;
  const stopListening = async () => {
    if (listening) await listener?.close();
    listening = false;
  };
  const runtime = new ApiRuntime({
    connections: DEFAULT_CONNECTIONS,
    fetch: fetchImpl,
    origin: listener?.url ?? ORIGIN,
    storage: options.storage ?? memoryStorage(),
    timeoutMs: options.timeoutMs,
    now: () => clock.now(),
  });
  const tick = (ms: number) => {
    clock.advance(ms);
    service.ctx.engine.step(ms);
  };
  return {
    service,
    runtime,
    clock,
    fetch: fetchImpl,
    connections: DEFAULT_CONNECTIONS,
    requests,
    tick,
    async until(done, stepMs = 5_000, maxMs = 2 * 3600_000) {
      for (let t = 0; t <= maxMs; t += stepMs) {
        if (await done()) return true;
        tick(stepMs);
      }
      return false;
    },
    async signIn(username, credentials = {}) {
      const results = await runtime.signInAll({ username, password: 'demo', ...credentials });
      const failed = results.filter((r) => !r.ok);
      if (failed.length) throw new Error(`sign-in failed: ${JSON.stringify(failed)}`);
    },
    expireTokens: () => void expireAllTokens(service.ctx.db, clock.now()),
    revokeToken: (token) => void revokeToken(service.ctx.db, token),
    url: listener?.url ?? null,
    stopListening,
    close: () => {
      void stopListening();
      service.close();
    },
  };
}
