import { afterEach, beforeEach, describe, expect, test } from 'vitest';
/* eslint-disable import/no-restricted-paths -- the client is tested against the real console server */
import type { ConsoleHarness } from '../../server/console/test-support';
import { consoleHarness, send, signIn } from '../../server/console/test-support';
/* eslint-enable import/no-restricted-paths */
import { createConsoleAdmin } from './console-admin';
import { rejectionOf } from './testing/rejection';

let h: ConsoleHarness;
beforeEach(async () => {
  h = await consoleHarness();
});
afterEach(async () => h.close());

/** A client as a browser page would be: the session cookie, and the site the request comes from. */
const clientOf = (cookie: string | null, site = 'same-origin') =>
  createConsoleAdmin({
    baseUrl: h.url,
    fetch: (url, init) => {
      const headers = new Headers(init.headers);
      if (cookie) headers.set('cookie', cookie);
      headers.set('sec-fetch-site', site);
      return fetch(url, { ...init, headers });
    },
  });

describe('the console admin client', () => {
  test('reads users and the audit log, parsed; changes go as JSON', async () => {
    const admin = clientOf(await signIn(h.url, 'admin'));
    expect((await admin.users()).map((u) => [u.username, u.role, u.disabled])).toEqual([
      ['admin', 'admin', false],
      ['support', 'support', false],
      ['viewer', 'viewer', false],
    ]);
    const added = await admin.addUser({ username: 'dora', role: 'viewer', password: 'eight chars' });
    expect(added).toMatchObject({ username: 'dora', role: 'viewer', disabled: false });
    expect(await admin.changeUser('dora', { role: 'support' })).toMatchObject({ role: 'support' });
    expect(await admin.changeUser('dora', { disabled: true })).toMatchObject({ disabled: true });
    expect((await admin.setPassword('dora', 'nine chars!')).user.username).toBe('dora');

    const page = await admin.audit({ person: 'admin' }, { limit: 2 });
    expect(page.entries.map((e) => e.action)).toEqual(['user.password', 'user.disable']);
    expect(page.next).toBe(page.entries[1]!.id);
    const older = await admin.audit({ person: 'admin' }, { limit: 2, before: page.next! });
    expect(older.entries.map((e) => e.action)).toEqual(['user.role', 'user.add']);
    expect(older.entries[1]).toMatchObject({ targetName: 'dora', outcome: 'ok', status: 201 });
  });

  test("refusals are ApiErrors with the server's message and status", async () => {
    const admin = clientOf(await signIn(h.url, 'admin'));
    const last = await rejectionOf(admin.changeUser('admin', { role: 'viewer' }));
    expect(last).toMatchObject({
      kind: 'http',
      status: 409,
      message: 'admin is the last active administrator: add or enable another one first.',
    });
    expect(
      await rejectionOf(admin.audit({ from: '2026-12-04T00:00:00Z', to: '2026-12-03T00:00:00Z' })),
    ).toMatchObject({
      status: 400,
      message: 'from is after to.',
    });
    const viewer = clientOf(await signIn(h.url, 'viewer'));
    expect(await rejectionOf(viewer.audit({}))).toMatchObject({
      status: 403,
      message: 'Your role (viewer) may not read the audit log; this needs the admin role.',
    });
    expect(await rejectionOf(clientOf(null).users())).toMatchObject({ status: 401 });
    const crossSite = clientOf(await signIn(h.url, 'admin'), 'cross-site');
    expect(
      await rejectionOf(crossSite.addUser({ username: 'eve', role: 'admin', password: 'eight chars' })),
    ).toMatchObject({
      status: 403,
      message: 'The console refuses changes asked by another site (Sec-Fetch-Site: cross-site).',
    });
    const unreachable = createConsoleAdmin({ baseUrl: 'http://127.0.0.1:1' });
    expect(await rejectionOf(unreachable.users())).toMatchObject({ kind: 'network' });
  });

  test('every 401 and 403 is told before it is thrown; other failures are not', async () => {
    const told: number[] = [];
    const withCookie = (cookie: string | null) =>
      createConsoleAdmin({
        baseUrl: h.url,
        fetch: (url, init) => {
          const headers = new Headers(init.headers);
          if (cookie) headers.set('cookie', cookie);
          headers.set('sec-fetch-site', 'same-origin');
          return fetch(url, { ...init, headers });
        },
        onRefused: (error) => told.push(error.status ?? 0),
      });
    expect((await rejectionOf(withCookie(null).users())).status).toBe(401);
    const viewer = withCookie(await signIn(h.url, 'viewer'));
    expect((await rejectionOf(viewer.audit({}))).status).toBe(403);
    expect((await rejectionOf(viewer.changeUser('admin', { role: 'viewer' }))).status).toBe(403);
    expect(told).toEqual([401, 403, 403]);
    const admin = withCookie(await signIn(h.url, 'admin'));
    expect((await rejectionOf(admin.changeUser('admin', { role: 'viewer' }))).status).toBe(409);
    expect((await rejectionOf(admin.changeUser('nobody', { role: 'viewer' }))).status).toBe(404);
    expect(told).toEqual([401, 403, 403]);
  });

  test('the CSV link carries the filters and downloads the same rows', async () => {
    const cookie = await signIn(h.url, 'admin');
    const admin = clientOf(cookie);
    const href = admin.auditCsvUrl({ person: 'admin', outcome: 'ok', action: '' });
    expect(href).toBe(`${h.url}/console/api/audit?person=admin&outcome=ok&format=csv`);
    const csv = await send(h.url, 'GET', href.slice(h.url.length), { cookie });
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="console-audit-/);
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toMatch(/^time,person,role/);
    expect(lines.slice(1).every((l) => l.includes(',admin,admin,'))).toBe(true);
    expect(lines.length - 1).toBe((await admin.audit({ person: 'admin', outcome: 'ok' })).entries.length);
  });
});
