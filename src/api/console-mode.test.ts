import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
/* eslint-disable import/no-restricted-paths -- console mode is tested against the real console server */
import type { Service } from '../../server/app';
import { createService } from '../../server/app';
import { loadConfig } from '../../server/config';
import { browserConfig } from '../../server/console/browser-config';
import type { HeldEntry } from '../../server/console/held';
import { holdConnections } from '../../server/console/held';
import type { ConsoleServer } from '../../server/console/http';
import { mountConsole } from '../../server/console/http';
import { listen } from '../../server/listen-test-support';
import { SEED_JOB } from '../../server/veeam-v5/testing';
/* eslint-enable import/no-restricted-paths */
import { parseRuntimeConfig } from './connections';
import { createConsoleAdmin } from './console-admin';
import type { FetchLike } from './http';
import { ApiRuntime, CONSOLE_RECHECK_MS } from './runtime';
import { memoryStorage } from './testing/in-process-service';
import { rejectionOf } from './testing/rejection';

/**
 * Console mode from the browser's side: the runtime signs in to a real console server, whose held
 * connections reach a real reference service over HTTP; the browser holds a cookie and no token.
 */
let service: Service;
let server: Awaited<ReturnType<typeof listen>>;
let consoleServer: ConsoleServer;
let dir: string;
let now = Date.now();
const entries: HeldEntry[] = [
  {
    connection: { id: 'veeam', label: 'Veeam', dialect: 'veeam-v5', baseUrl: '/v5' },
    credentials: { username: 'admin', password: 'demo' },
  },
  {
    connection: { id: 'dfw', label: 'DFW', dialect: 'rackspace-v1', identityUrl: '/v2.0', region: 'DFW' },
    credentials: { username: 'admin', password: 'demo' },
  },
  {
    // Each person signs in to this one with their own vendor account.
    connection: { id: 'own', label: 'Own Veeam', dialect: 'veeam-v5', baseUrl: '/v5' },
    credentials: null,
  },
];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'console-mode-'));
  service = await createService(loadConfig(['--data-dir', ':memory:', '--scale', '2'], {}));
  let origin = '';
  consoleServer = await mountConsole(
    service.app,
    { dataDir: dir, demoUsers: true, sessionIdleS: 1800, sessionMaxS: 43200, auditRetentionDays: 365 },
    { now: () => now },
    { connections: () => held },
  );
  const held = holdConnections(entries, () => origin);
  server = await listen(service);
  origin = server.url;
});
afterAll(async () => {
  await server.close();
  consoleServer.close();
  service.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  now = Date.now();
});

/** A browser's cookie jar for the console's origin, and every request's headers as sent. */
function browser() {
  let cookie: string | null = null;
  const sent: Headers[] = [];
  const fetchImpl: FetchLike = async (url, init) => {
    const headers = new Headers(init?.headers);
    sent.push(new Headers(headers));
    if (cookie) headers.set('cookie', cookie);
    headers.set('sec-fetch-site', 'same-origin');
    const response = await fetch(url, { ...init, headers });
    const set = response.headers.getSetCookie().find((c) => c.startsWith('console_session='));
    if (set) cookie = /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(set) ? null : set.split(';')[0]!;
    return response;
  };
  const tab = () => {
    const config = parseRuntimeConfig(browserConfig(entries, null));
    return new ApiRuntime({
      connections: config.connections,
      console: config.console,
      fetch: fetchImpl,
      origin: server.url,
      storage: memoryStorage(),
      now: () => now,
    });
  };
  return { tab, sent, cookie: () => cookie, fetch: fetchImpl };
}

/** An administrator's browser, and a way to set support's role through it. */
async function supportsRoleSetter() {
  const admin = browser();
  await admin.tab().signInToConsole('admin', 'demo');
  return async (role: string) => {
    const answer = await admin.fetch(`${server.url}/console/api/users/support`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role }),
    });
    expect(answer.status).toBe(200);
  };
}

/** The console's own API as a tab's client of it: the browser's cookie, its refusals told to the tab. */
function adminOf(b: ReturnType<typeof browser>, runtime: ApiRuntime) {
  return createConsoleAdmin({
    baseUrl: server.url,
    fetch: b.fetch,
    onRefused: (error) => runtime.consoleApiRefused(error),
  });
}

describe('console mode in the browser', () => {
  test('one sign-in to the console opens every connection with the console role; no token, no auth header', async () => {
    const b = browser();
    const runtime = b.tab();
    const wrong = await rejectionOf(runtime.signInToConsole('viewer', 'nope'));
    expect(wrong.status).toBe(401);
    expect(runtime.session.getSnapshot().sessions).toEqual({});

    await runtime.signInToConsole('viewer', 'demo');
    const sessions = runtime.session.getSnapshot().sessions;
    expect(Object.values(sessions).map((s) => [s.connectionId, s.username, s.role, s.token])).toEqual([
      ['veeam', 'viewer', 'viewer', ''],
      ['dfw', 'viewer', 'viewer', ''],
    ]);
    expect((await runtime.provider('veeam').listTargets()).length).toBeGreaterThan(0);
    expect((await runtime.provider('dfw').listTargets()).length).toBeGreaterThan(0);
    // The cookie carried the session: no request carried a vendor token.
    expect(b.sent.some((h) => h.has('authorization') || h.has('x-auth-token'))).toBe(false);

    // What the role may not do is refused by the server, in the dialect's form, and nothing else ends.
    const refused = await rejectionOf(runtime.provider('veeam').startBackup(SEED_JOB));
    expect(refused.status).toBe(403);
    expect(refused.message).toMatch(/viewer.*support or admin/);
    expect(runtime.session.getSnapshot().expired).toEqual([]);
  });

  test('a new tab resumes the session with the role the server states; sign-out ends it on the server', async () => {
    const b = browser();
    await b.tab().signInToConsole('support', 'demo');
    const second = b.tab();
    await second.resumeConsoleSession();
    expect(Object.values(second.session.getSnapshot().sessions).map((s) => s.role)).toEqual([
      'support',
      'support',
    ]);

    await second.signOut();
    expect(second.session.getSnapshot()).toEqual({ sessions: {}, expired: [] });
    const third = b.tab();
    await third.resumeConsoleSession();
    expect(third.session.getSnapshot()).toEqual({ sessions: {}, expired: [] });
    expect(third.consoleSessionEndedBecause()).toBeNull();
  });

  test('a role an administrator changes shows in an open tab at its first refusal, without a reload', async () => {
    const setRole = await supportsRoleSetter();
    const b = browser();
    const runtime = b.tab();
    await runtime.signInToConsole('support', 'demo');
    const roles = () => Object.values(runtime.session.getSnapshot().sessions).map((s) => s.role);
    expect(roles()).toEqual(['support', 'support']);
    try {
      await setRole('viewer');
      const refused = await rejectionOf(runtime.provider('veeam').startBackup(SEED_JOB));
      expect(refused.status).toBe(403);
      await vi.waitFor(() => expect(roles()).toEqual(['viewer', 'viewer']));
      // Still signed in: the refusal ended nothing.
      expect(runtime.session.getSnapshot().expired).toEqual([]);
      // More rights show too, with no refusal to prompt it: a tab that sends requests asks again
      // within a minute.
      await setRole('admin');
      await runtime.provider('veeam').listTargets();
      expect(roles()).toEqual(['viewer', 'viewer']);
      now += CONSOLE_RECHECK_MS;
      await runtime.provider('veeam').listTargets();
      await vi.waitFor(() => expect(roles()).toEqual(['admin', 'admin']));
    } finally {
      await setRole('support');
    }
  });

  test('a connection each person signs in to: their own account through the server, and a sign-in the server drops asks for that one alone', async () => {
    const b = browser();
    const runtime = b.tab();
    await runtime.signInToConsole('support', 'demo');
    expect(runtime.personalSignInsPending().map((c) => c.id)).toEqual(['own']);
    expect(runtime.session.get('own')).toBeUndefined();

    const wrong = await rejectionOf(runtime.signInToPersonal('own', { username: 'admin', password: 'nope' }));
    expect(wrong.status).toBe(401);
    expect(runtime.personalSignInsPending().map((c) => c.id)).toEqual(['own']);
    await runtime.signInToPersonal('own', { username: 'admin', password: 'demo' });
    expect(runtime.personalSignInsPending()).toEqual([]);
    // The console role, not the vendor account's, and no token in the tab.
    expect(runtime.session.get('own')).toMatchObject({ role: 'support', token: '' });
    expect((await runtime.provider('own').listTargets()).length).toBeGreaterThan(0);
    expect(b.sent.some((h) => h.has('authorization'))).toBe(false);

    // A new tab of the same browser has it too, as the server says.
    const second = b.tab();
    await second.resumeConsoleSession();
    expect(second.session.get('own')?.role).toBe('support');

    // The server drops it: the next request is refused, and only that connection asks for a sign-in.
    const dropped = await b.fetch(`${server.url}/console/api/connections/own/session`, { method: 'DELETE' });
    expect(dropped.status).toBe(204);
    expect((await rejectionOf(runtime.provider('own').listTargets())).status).toBe(401);
    expect(runtime.session.getSnapshot().expired).toEqual(['own']);
    expect(Object.keys(runtime.session.getSnapshot().sessions).sort()).toEqual(['dfw', 'veeam']);
    expect(runtime.personalSignInEndedBecause('own')).toMatch(/sign in/i);
    expect(runtime.consoleSessionEndedBecause()).toBeNull();
    // A reload asks the server, which says the same.
    await second.resumeConsoleSession();
    expect(second.session.getSnapshot().expired).toEqual(['own']);
  });

  test('a session the server ended (idle) signs every connection out and says why', async () => {
    const b = browser();
    const runtime = b.tab();
    await runtime.signInToConsole('admin', 'demo');
    now += 31 * 60_000;
    const ended = await rejectionOf(runtime.provider('veeam').listTargets());
    expect(ended.status).toBe(401);
    expect(runtime.session.getSnapshot()).toEqual({ sessions: {}, expired: ['veeam', 'dfw'] });
    expect(runtime.consoleSessionEndedBecause()).toMatch(/30 minutes without a request/);
  });

  test("a 401 from the console's own API signs every connection out and says why, as a forwarded request's does", async () => {
    const b = browser();
    const runtime = b.tab();
    await runtime.signInToConsole('admin', 'demo');
    const admin = adminOf(b, runtime);
    expect((await admin.users()).length).toBeGreaterThan(0);
    now += 31 * 60_000;
    expect((await rejectionOf(admin.users())).status).toBe(401);
    await vi.waitFor(() => expect(runtime.session.getSnapshot().expired).toEqual(['veeam', 'dfw']));
    expect(runtime.session.getSnapshot().sessions).toEqual({});
    expect(runtime.consoleSessionEndedBecause()).toMatch(/30 minutes without a request/);
  });

  test("a role lowered meanwhile shows at the first 403 from the console's own API", async () => {
    const setRole = await supportsRoleSetter();
    const b = browser();
    const runtime = b.tab();
    const roles = () => Object.values(runtime.session.getSnapshot().sessions).map((s) => s.role);
    try {
      await setRole('admin');
      await runtime.signInToConsole('support', 'demo');
      const users = adminOf(b, runtime);
      expect((await users.users()).length).toBeGreaterThan(0);
      await setRole('viewer');
      const refused = await rejectionOf(users.changeUser('viewer', { role: 'support' }));
      expect(refused.status).toBe(403);
      await vi.waitFor(() => expect(roles()).toEqual(['viewer', 'viewer']));
      // Still signed in: the refusal ended nothing.
      expect(runtime.session.getSnapshot().expired).toEqual([]);
    } finally {
      await setRole('support');
    }
  });

  test('the browser config names no vendor URL, user or secret', () => {
    const text = JSON.stringify(browserConfig(entries, { label: 'SSO' }));
    expect(text).not.toMatch(/\/v5"|\/v2\.0|admin|demo|password/);
    expect(JSON.parse(text)).toMatchObject({
      console: { session: '/console/api/session', oidc: { label: 'SSO', start: '/console/api/oidc/start' } },
    });
  });
});
