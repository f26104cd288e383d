import { request } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll } from 'vitest';
import type { Service } from '../app';
import { listen } from '../listen-test-support';
import { startMain } from '../process-test-support';
import { securityHeaders } from '../security-headers';
import type { ConsoleConfig } from './config';
import type { HeldConnection } from './forward';
import type { ConsoleServer } from './http';
import type { PollTimes } from './poller';
import { mountConsole } from './http';

/**
 * Tests only: the console API on a loopback port over a real SQLite file in a new folder, with a
 * clock the test moves (sessions' idle timeout and lifetime, the throttle's waits, retention).
 */
export interface ConsoleHarness {
  url: string;
  dir: string;
  clock: { now(): number; advance(ms: number): void };
  console: ConsoleServer;
  close(): Promise<void>;
}

export async function consoleHarness(
  settings: Partial<ConsoleConfig> = {},
  /** Connections the server holds, given its own origin once it listens (none by default). */
  held?: (origin: () => string) => readonly HeldConnection[],
  pollTimes?: Partial<PollTimes>,
  /** The fetch forwarded requests and polls reach the vendors with (tests count them through it). */
  vendorFetch?: typeof fetch,
): Promise<ConsoleHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'console-http-'));
  let now = Date.parse('2026-12-03T08:00:00Z');
  const clock = { now: () => now, advance: (ms: number) => void (now += ms) };
  const config: ConsoleConfig = {
    dataDir: dir,
    demoUsers: true,
    sessionIdleS: 30 * 60,
    sessionMaxS: 12 * 3600,
    auditRetentionDays: 365,
    ...settings,
  };
  const app = new Hono();
  app.use('*', securityHeaders());
  let origin = '';
  const connections = held?.(() => origin) ?? [];
  const mounted = await mountConsole(app, config, clock, {
    connections: () => connections,
    pollTimes,
    fetch: vendorFetch,
  });
  const server = await listen({ app } as unknown as Service);
  origin = server.url;
  return {
    url: server.url,
    dir,
    clock,
    console: mounted,
    async close() {
      await server.close();
      mounted.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: Record<string, unknown>;
}

/** One request over its own connection, from a loopback address of the test's choice. */
export function send(
  base: string,
  method: string,
  path: string,
  options: {
    body?: unknown;
    raw?: string;
    headers?: Record<string, string>;
    cookie?: string;
    from?: string;
  } = {},
): Promise<Answer> {
  const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const headers: Record<string, string> = {
    // Content-Length always: Node's client sends a DELETE's body without one (nor chunked) otherwise.
    ...(body !== undefined
      ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }
      : {}),
    ...(options.cookie ? { cookie: options.cookie } : {}),
    ...options.headers,
  };
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}${path}`,
      { method, headers, localAddress: options.from ?? '127.0.0.1', agent: false },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => {
          let json: Record<string, unknown> = {};
          try {
            json = JSON.parse(text) as Record<string, unknown>;
          } catch {
            // not JSON: the test reads `text`
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The `name=value` of the session cookie an answer sets, for the next request's Cookie header. */
export function sessionCookie(answer: Answer): string {
  const set = ([] as string[]).concat(answer.headers['set-cookie'] ?? []);
  const cookie = set.find((c) => c.startsWith('console_session='));
  if (!cookie) throw new Error(`no session cookie in ${answer.status} ${answer.text}`);
  return cookie.split(';')[0]!;
}

/** Signs in and gives the cookie to send. */
export async function signIn(
  base: string,
  username: string,
  password = 'demo',
  from?: string,
): Promise<string> {
  const answer = await send(base, 'POST', '/console/api/session', { body: { username, password }, from });
  if (answer.status !== 200) throw new Error(`sign-in of ${username}: ${answer.status} ${answer.text}`);
  return sessionCookie(answer);
}

/**
 * `server/main.ts` in its own process for the tests of a file, started before them and stopped after:
 * `CONSOLE_CONNECTIONS` names the file `connections(dir)` gives, in a new folder that also holds a
 * file `password` with the reference service's demo password.
 */
export function mainHolding(prefix: string, connections: (dir: string) => unknown) {
  const state = {
    dir: '',
    file: '',
    main: undefined as Awaited<ReturnType<typeof startMain>> | undefined,
    get url(): string {
      if (!state.main) throw new Error('server/main.ts has not started');
      return state.main.url;
    },
  };
  beforeAll(async () => {
    state.dir = mkdtempSync(join(tmpdir(), prefix));
    state.file = join(state.dir, 'connections.json');
    writeFileSync(join(state.dir, 'password'), 'demo\n');
    writeFileSync(state.file, JSON.stringify(connections(state.dir)));
    state.main = await startMain(['--data-dir', join(state.dir, 'data'), '--scale', '2'], {
      env: { CONSOLE_CONNECTIONS: state.file },
    });
  }, 60_000);
  afterAll(async () => {
    await state.main?.stop();
    rmSync(state.dir, { recursive: true, force: true });
  });
  return state;
}
