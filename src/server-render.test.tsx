import { beforeAll, describe, expect, it } from 'vitest';
import type { FetchLike } from './api/http';
import { SIGNED_IN_READS_WAIT_MS, startSignedInPage } from './server-render';

/**
 * The Overview rendered with a person's data gives way to the page the browser renders whenever it
 * could not show that person all of it: the render with data itself runs in e2e/console-mode.spec.ts,
 * on the real build against the console server.
 */
const connection = (id: string, dialect: string, signIn?: string) => ({
  id,
  label: id,
  dialect,
  basePath: `/console/api/connections/${id}`,
  ...(signIn ? { signIn } : {}),
});
const config = (...connections: ReturnType<typeof connection>[]) => ({
  console: { session: '/console/api/session', oidc: null },
  connections,
});
const SESSION = {
  user: { username: 'alice', role: 'viewer' },
  signedInAt: '2026-12-07T08:00:00.000Z',
  expiresAt: '2026-12-07T20:00:00.000Z',
  idleTimeoutS: 1800,
};
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** The console server's routes as the render asks them: the session, and each read as `read` answers. */
function routes(session: Response | null, read: (path: string) => Promise<Response>) {
  const asked: string[] = [];
  const fetch: FetchLike = (url) => {
    const path = new URL(url, 'http://console.test').pathname;
    asked.push(path);
    if (path === '/console/api/session') return Promise.resolve(session ?? json({ message: 'no' }, 401));
    return read(path);
  };
  return { fetch, asked };
}

const at = (path: string) => new URL(path, 'http://console.test');

describe('startSignedInPage', () => {
  // The adapter the Veeam connection loads on its first read, loaded beforehand: its first load here
  // (the test runner compiles it) could take longer than the render waits for its reads.
  beforeAll(async () => {
    await import('./api/veeam-v5/adapter');
  });

  it('starts nothing for a cookie that names no session, and asks for nothing more', async () => {
    const r = routes(null, () => Promise.reject(new Error('not asked')));
    expect(await startSignedInPage(at('/'), config(connection('veeam', 'veeam-v5')), r.fetch)).toBeNull();
    expect(r.asked).toEqual(['/console/api/session']);
  });

  it('starts once the session is good, and renders nothing when a read fails: a half-shown page would show less than the browser’s', async () => {
    const r = routes(json(SESSION), () => Promise.resolve(json({ message: 'The vendor failed.' }, 502)));
    const started = await startSignedInPage(at('/'), config(connection('veeam', 'veeam-v5')), r.fetch);
    expect(started?.title).toBe('Overview · Backup Console');
    expect(await started!.render()).toBeNull();
    expect(r.asked.some((p) => p.startsWith('/console/api/connections/veeam/'))).toBe(true);
  });

  it('gives up on a read slower than its wait, so that a slow vendor does not hold the page back', async () => {
    const r = routes(json(SESSION), () => new Promise<Response>(() => undefined));
    const begun = performance.now();
    const started = await startSignedInPage(at('/'), config(connection('veeam', 'veeam-v5')), r.fetch);
    expect(await started!.render()).toBeNull();
    const waited = performance.now() - begun;
    expect(waited).toBeGreaterThanOrEqual(SIGNED_IN_READS_WAIT_MS - 5);
    expect(waited).toBeLessThan(SIGNED_IN_READS_WAIT_MS + 2000);
  });

  it('leaves other pages, and configs with a connection each person signs in to, to the browser', async () => {
    const r = routes(json(SESSION), () => Promise.reject(new Error('not asked')));
    expect(await startSignedInPage(at('/jobs'), config(connection('veeam', 'veeam-v5')), r.fetch)).toBeNull();
    const personal = config(
      connection('veeam', 'veeam-v5'),
      connection('mine', 'rackspace-v1', 'per-person'),
    );
    expect(await startSignedInPage(at('/'), personal, r.fetch)).toBeNull();
    expect(r.asked).toEqual([]);
  });
});
