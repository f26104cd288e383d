import { afterEach, describe, expect, test } from 'vitest';
import type { InProcess } from './testing/in-process-service';
import { startInProcess } from './testing/in-process-service';

/**
 * Issue 9 §9: signing out ends the vendors' tokens, over real HTTP against the reference service on a
 * loopback port. Rackspace Identity revokes (`DELETE /v2.0/tokens/{id}`); Veeam v5 has no logout, so
 * its token is only forgotten by the console.
 */
let t: InProcess | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

/** Asks an API with a token the console no longer holds, as someone who copied it would. */
async function works(url: string, session: { baseUrl: string; token: string; connectionId: string }) {
  const veeam = session.connectionId === 'veeam';
  const resource = veeam ? '/Jobs' : session.connectionId === 'rackspace-dfw' ? '/user/agents' : '/agents';
  const res = await fetch(`${url}${session.baseUrl}${resource}`, {
    headers: veeam ? { authorization: `Bearer ${session.token}` } : { 'x-auth-token': session.token },
  });
  await res.body?.cancel();
  return res.status;
}

describe('signing out', () => {
  test('revokes both Rackspace tokens with DELETE /v2.0/tokens/{id}; the Veeam token is dropped', async () => {
    t = await startInProcess({ overHttp: true });
    await t.signIn('support');
    const sessions = Object.values(t.runtime.session.getSnapshot().sessions);
    expect(sessions.map((s) => s.connectionId).sort()).toEqual(['rackspace-dfw', 'rackspace-ord', 'veeam']);
    for (const s of sessions) expect(await works(t.url!, s), s.connectionId).toBe(200);

    const outcome = t.runtime.signOut();
    // Signed out at once, before any vendor answers.
    expect(t.runtime.session.getSnapshot()).toEqual({ sessions: {}, expired: [] });
    // One outcome per connection (sorted: they come in the sessions' order, which the side-by-side
    // sign-ins make in any order).
    expect((await outcome).map((r) => [r.connectionId, r.outcome]).sort()).toEqual([
      ['rackspace-dfw', 'revoked'],
      ['rackspace-ord', 'revoked'],
      ['veeam', 'dropped'],
    ]);
    const deletes = t.requests.filter((r) => r.method === 'DELETE');
    expect(deletes.map((r) => new URL(r.url).pathname)).toEqual(
      sessions.filter((s) => s.connectionId !== 'veeam').map((s) => `/v2.0/tokens/${s.token}`),
    );
    const byId = Object.fromEntries(sessions.map((s) => [s.connectionId, s]));
    expect(await works(t.url!, byId['rackspace-dfw']!)).toBe(401);
    expect(await works(t.url!, byId['rackspace-ord']!)).toBe(401);
    // Veeam v5 offers no way to end a token: it keeps working until it expires (README, Sign-out).
    expect(await works(t.url!, byId.veeam!)).toBe(200);
  });

  test('a token already ended on the service counts as revoked', async () => {
    t = await startInProcess({ overHttp: true });
    await t.signIn('viewer');
    t.revokeToken(t.runtime.session.get('rackspace-dfw')!.token);
    const outcome = await t.runtime.signOut();
    expect(outcome.find((r) => r.connectionId === 'rackspace-dfw')?.outcome).toBe('revoked');
  });

  test('a revocation that cannot reach the service does not keep anyone signed in', async () => {
    t = await startInProcess({ overHttp: true });
    await t.signIn('admin');
    await t.stopListening();
    const outcome = await t.runtime.signOut();
    expect(t.runtime.session.getSnapshot()).toEqual({ sessions: {}, expired: [] });
    const failed = outcome.filter((r) => r.outcome === 'failed');
    expect(failed.map((r) => r.connectionId)).toEqual(['rackspace-dfw', 'rackspace-ord']);
    for (const r of failed) if (r.outcome === 'failed') expect(r.error.kind).toBe('network');
  });
});
