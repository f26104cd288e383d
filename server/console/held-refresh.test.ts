import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createService } from '../app';
import type { Service } from '../app';
import { loadConfig } from '../config';
import { listen } from '../listen-test-support';
import type { FakeClock } from '../veeam-v5/testing';
import { fakeClock } from '../veeam-v5/testing';
import { forward } from './forward';
import type { HeldConnection } from './forward';
import { holdConnections } from './held';

/**
 * Issue 13 item 3: a held Veeam connection renews its token with the v5 refresh grant, and signs in
 * with the password again only when the refresh is refused. The reference service over HTTP, its
 * clock and the held connection's the same clock, which the test moves.
 */
const DAY = 24 * 3600 * 1000;
let service: Service;
let server: Awaited<ReturnType<typeof listen>>;
let clock: FakeClock;
let held: HeldConnection;
/** Every request to the token endpoint: its grant and the vendor's status. */
const grants: string[] = [];

beforeAll(async () => {
  clock = fakeClock();
  service = await createService(loadConfig(['--data-dir', ':memory:', '--scale', '2'], {}), clock);
  server = await listen(service);
  const counting: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const answer = await fetch(input, init);
    if (/\/v5\/token$/i.test(url.pathname)) {
      const body = init?.body;
      const grant = new URLSearchParams(
        typeof body === 'string' || body instanceof URLSearchParams ? body : '',
      ).get('grant_type');
      grants.push(`${grant} ${answer.status}`);
    }
    return answer;
  };
  held = holdConnections(
    [
      {
        connection: { id: 'veeam', label: 'Veeam', dialect: 'veeam-v5', baseUrl: '/v5' },
        credentials: { username: 'admin', password: 'demo' },
      },
    ],
    () => server.url,
    counting,
    () => clock.now(),
  )[0]!;
}, 60_000);
afterAll(async () => {
  await server?.close();
  service?.close();
});

/** The held connection's token, as the vendor's Authorization header carries it. */
const token = async () => (await held.open()).headers.Authorization;
const readJobs = async () => {
  const done = await forward(held, 'viewer', { method: 'GET', rest: '/Jobs?limit=1' });
  return done.kind === 'answered' ? done.response.status : done.kind;
};

describe('the Veeam refresh grant in held connections', () => {
  test('near expiry the token is refreshed, not signed in again; a refused refresh falls back to the password', async () => {
    const first = await token();
    expect(grants).toEqual(['password 200']);
    expect(await readJobs()).toBe(200);

    // The token lasts a day (TOKEN_TTL); half a minute before its end the refresh grant renews it.
    clock.advance(DAY - 30_000);
    const refreshed = await token();
    expect(refreshed).not.toBe(first);
    expect(grants).toEqual(['password 200', 'refresh_token 200']);
    expect(await readJobs()).toBe(200);
    expect(await token()).toBe(refreshed); // a fresh token is used as it is
    expect(grants).toHaveLength(2);

    // After a 401 the forwarder calls renew(): the refresh grant again, with the new refresh token.
    await held.renew!();
    expect(grants).toEqual(['password 200', 'refresh_token 200', 'refresh_token 200']);
    expect(await readJobs()).toBe(200);

    // A refresh token lasts a week: past it the vendor refuses the refresh, and the password signs in.
    clock.advance(8 * DAY);
    const signedInAgain = await token();
    expect(grants.slice(3)).toEqual(['refresh_token 400', 'password 200']);
    expect(signedInAgain).not.toBe(refreshed);
    expect(await readJobs()).toBe(200);
    expect(held.health!()).toMatchObject({ state: 'ok', message: null });
  });

  test('requests at once while the token is renewed share one refresh', async () => {
    const before = grants.length;
    clock.advance(DAY - 10_000);
    const tokens = await Promise.all([token(), token(), token()]);
    expect(new Set(tokens).size).toBe(1);
    expect(grants.slice(before)).toEqual(['refresh_token 200']);
  });
});

describe('the Veeam refresh grant for a per-person connection', () => {
  test("the person's token is renewed with their refresh token; a refused refresh asks them to sign in again", async () => {
    const [shared] = holdConnections(
      [
        {
          connection: { id: 'own', label: 'Own Veeam', dialect: 'veeam-v5', baseUrl: '/v5' },
          credentials: null,
        },
      ],
      () => server.url,
      fetch,
      () => clock.now(),
    );
    const personal = shared!.personal!;
    await personal.signIn('s1', { username: 'admin', password: 'demo' });
    const mine = personal.forSession('s1');
    const first = (await mine.open()).headers.Authorization;
    expect(await forward(mine, 'viewer', { method: 'GET', rest: '/Jobs?limit=1' })).toMatchObject({
      kind: 'answered',
    });
    // Half a minute before its end the refresh grant renews it.
    clock.advance(DAY - 30_000);
    const second = (await mine.open()).headers.Authorization;
    expect(second).not.toBe(first);
    // Long after the refresh token's end: the refresh is refused, and the server has no password.
    clock.advance(8 * DAY);
    const done = await forward(mine, 'viewer', { method: 'GET', rest: '/Jobs?limit=1' });
    expect(done).toMatchObject({ kind: 'signed-out', status: 401, body: { errorCode: 'Unauthorized' } });
    expect(done.kind === 'signed-out' && done.message).toMatch(/sign in to Own Veeam again/);
    expect(personal.has('s1')).toBe(false);
  });
});
