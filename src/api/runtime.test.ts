import { afterEach, describe, expect, test } from 'vitest';
import { ApiRuntime } from './runtime';
import { roleFromRackspace } from './rackspace-identity/roles';
import type { InProcess } from './testing/in-process-service';
import { DEFAULT_CONNECTIONS, memoryStorage, ORIGIN, startInProcess } from './testing/in-process-service';

const API_KEYS = {
  admin: 'demo-admin-0f6e9f63600142f0a970911583522217',
  viewer: 'demo-viewer-9a8b7c6d5e4f40312a1b0c9d8e7f6a5b',
};

let t: InProcess | undefined;
afterEach(() => t?.close());

describe('sign-in', () => {
  test('one form signs in to every connection, each with its role; tokens stay out of URLs', async () => {
    t = await startInProcess();
    const results = await t.runtime.signInAll({ username: 'support', password: 'demo' });
    expect(results.map((r) => [r.connectionId, r.ok])).toEqual([
      ['rackspace-dfw', true],
      ['rackspace-ord', true],
      ['veeam', true],
    ]);
    const sessions = t.runtime.session.getSnapshot().sessions;
    expect(Object.values(sessions).map((s) => s.role)).toEqual(['support', 'support', 'support']);
    // The catalog's publicURL (same origin) becomes a path; DFW through v1.0, ORD through v2.
    expect(sessions['rackspace-dfw']).toMatchObject({ baseUrl: '/dfw/v1.0/110011', tenantId: '110011' });
    expect(sessions['rackspace-ord']).toMatchObject({ baseUrl: '/ord/v2/110011', tenantId: '110011' });
    expect(sessions.veeam).toMatchObject({ baseUrl: '/v5', username: 'support' });
    await t.runtime.provider('veeam').listTargets();
    await t.runtime.provider('rackspace-dfw').listAgents();
    const tokens = Object.values(sessions).map((s) => s.token);
    for (const r of t.requests) for (const token of tokens) expect(r.url).not.toContain(token);
  });

  test('a Rackspace API key signs in to Rackspace; Veeam refuses it with a message', async () => {
    t = await startInProcess();
    const results = await t.runtime.signInAll({ username: 'viewer', apiKey: API_KEYS.viewer });
    const byId = Object.fromEntries(results.map((r) => [r.connectionId, r]));
    expect(byId['rackspace-dfw']).toMatchObject({ ok: true, session: { role: 'viewer' } });
    expect(byId['rackspace-ord']).toMatchObject({ ok: true, session: { role: 'viewer' } });
    expect(byId.veeam).toMatchObject({
      ok: false,
      error: { message: 'Veeam signs in with a password, not an API key.' },
    });
  });

  test('a wrong password is refused by each connection with its own message', async () => {
    t = await startInProcess();
    const results = await t.runtime.signInAll({ username: 'admin', password: 'nope' });
    for (const r of results) {
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.status).toBeGreaterThanOrEqual(400);
        expect(r.error.message).toMatch(/\w+ \w+/);
      }
    }
    expect(t.runtime.session.getSnapshot().sessions).toEqual({});
  });

  test('Rackspace Identity role names map to our roles', () => {
    expect(roleFromRackspace(['identity:user-admin', 'cloudbackup:admin'])).toBe('admin');
    expect(roleFromRackspace(['admin'])).toBe('admin');
    expect(roleFromRackspace(['identity:default', 'cloudbackup:creator'])).toBe('support');
    expect(roleFromRackspace(['identity:default', 'cloudbackup:observer'])).toBe('viewer');
    expect(roleFromRackspace(['observer'])).toBe('viewer');
    expect(roleFromRackspace([])).toBe('viewer');
  });
});

describe('the session per tab', () => {
  test('survives a reload of the tab (sessionStorage) and is cleared by signing out', async () => {
    const storage = memoryStorage();
    t = await startInProcess({ storage });
    await t.runtime.signIn('veeam', { username: 'admin', password: 'demo' });
    const reloaded = new ApiRuntime({
      connections: DEFAULT_CONNECTIONS,
      fetch: t.fetch,
      origin: ORIGIN,
      storage,
    });
    expect(reloaded.session.get('veeam')?.role).toBe('admin');
    expect((await reloaded.provider('veeam').listTargets()).length).toBeGreaterThan(0);
    void reloaded.signOut();
    expect(storage.length).toBe(0);
    expect(reloaded.session.getSnapshot()).toEqual({ sessions: {}, expired: [] });
  });

  test('the Veeam token is refreshed shortly before it expires', async () => {
    t = await startInProcess({ args: ['--token-ttl', '120'] });
    await t.runtime.signIn('veeam', { username: 'admin', password: 'demo' });
    const first = t.runtime.session.get('veeam')!;
    t.clock.advance(90_000);
    await t.runtime.provider('veeam').listTargets();
    const second = t.runtime.session.get('veeam')!;
    expect(second.token).not.toBe(first.token);
    expect(Date.parse(second.expiresAt)).toBeGreaterThan(Date.parse(first.expiresAt));
    expect(t.requests.filter((r) => /\/v5\/token$/.test(r.url))).toHaveLength(2);
  });

  test('a refused Veeam access token is renewed once with the refresh token, and the call goes through', async () => {
    t = await startInProcess();
    await t.runtime.signIn('veeam', { username: 'admin', password: 'demo' });
    const first = t.runtime.session.get('veeam')!;
    t.revokeToken(first.token);
    expect((await t.runtime.provider('veeam').listTargets()).length).toBeGreaterThan(0);
    expect(t.runtime.session.get('veeam')!.token).not.toBe(first.token);
    expect(t.runtime.session.getSnapshot().expired).toEqual([]);
  });

  test('a short-lived Veeam token is refreshed at three quarters of its life, not on every call', async () => {
    t = await startInProcess({ args: ['--token-ttl', '20'] });
    await t.runtime.signIn('veeam', { username: 'admin', password: 'demo' });
    const tokenCalls = () => t!.requests.filter((r) => /\/v5\/token$/.test(r.url)).length;
    await t.runtime.provider('veeam').listTargets();
    t.clock.advance(10_000);
    await t.runtime.provider('veeam').listTargets();
    expect(tokenCalls()).toBe(1);
    t.clock.advance(6_000);
    await t.runtime.provider('veeam').listTargets();
    expect(tokenCalls()).toBe(2);
  });

  test('an expired Rackspace token marks the connection signed out without a request', async () => {
    t = await startInProcess({ args: ['--token-ttl', '60'] });
    await t.runtime.signIn('rackspace-dfw', { username: 'admin', password: 'demo' });
    t.clock.advance(61_000);
    const before = t.requests.length;
    await expect(t.runtime.provider('rackspace-dfw').listAgents()).rejects.toMatchObject({ status: 401 });
    expect(t.requests.length).toBe(before);
    expect(t.runtime.session.getSnapshot().expired).toEqual(['rackspace-dfw']);
  });
});
