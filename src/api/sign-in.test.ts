import { describe, expect, test } from 'vitest';
import type { Connection, Credentials } from './domain';
import type { FetchLike } from './http';
import { HttpClient } from './http';
import { veeamV5 } from './veeam-v5/plugin';
import { roleFromVeeam } from './veeam-v5/roles';
import { refreshVeeam, signInVeeam } from './veeam-v5/sign-in';
import { startInProcess } from './testing/in-process-service';

const VEEAM: Connection = { id: 'veeam', label: 'Veeam', dialect: 'veeam-v5', baseUrl: '/v5' };
const ORIGIN = 'http://console.test';

/** A token endpoint that answers as a real Veeam v5 does (no userName, no role), plus `extra`. */
function veeamToken(extra: Record<string, unknown> = {}) {
  const forms: URLSearchParams[] = [];
  const fetch: FetchLike = (_url, init) => {
    forms.push(new URLSearchParams(typeof init.body === 'string' ? init.body : ''));
    const answer = {
      access_token: 'access',
      token_type: 'bearer',
      expires_in: 3600,
      refresh_token: 'refresh',
      '.issued': new Date().toUTCString(),
      '.expires': new Date(Date.now() + 3600_000).toUTCString(),
      ...extra,
    };
    return Promise.resolve(Response.json(answer));
  };
  const http = new HttpClient({
    connectionId: 'veeam',
    fetch,
    origin: ORIGIN,
    baseUrl: () => '/v5',
    errorForms: veeamV5.errorForms,
    auth: () => null,
  });
  return { http, forms };
}

describe('the role of a Veeam session', () => {
  test('a password sign-in whose answer states no role is an administrator: the password grant is for administrators', async () => {
    const { http, forms } = veeamToken();
    const session = await signInVeeam(http, VEEAM, { username: 'CORP\\backup', password: 'x' }, ORIGIN);
    expect(forms[0]?.get('grant_type')).toBe('password');
    expect(session).toMatchObject({ role: 'admin', username: 'CORP\\backup' });
  });

  test('a role the answer states wins (the reference service, or a proxy that narrows it)', async () => {
    for (const role of ['viewer', 'support', 'admin'] as const) {
      const { http } = veeamToken({ role, userName: 'someone' });
      const session = await signInVeeam(http, VEEAM, { username: 'someone', password: 'x' }, ORIGIN);
      expect(session.role).toBe(role);
    }
  });

  test('an answer stating a role the console does not know still signs in, read-only', async () => {
    const { http } = veeamToken({ role: 'RestoreOperator', userName: 'op' });
    const session = await signInVeeam(http, VEEAM, { username: 'op', password: 'x' }, ORIGIN);
    expect(session.role).toBe('viewer');
  });

  test('a refresh that states no role keeps the role of the session it renews, never widens it', async () => {
    const { http: signIn } = veeamToken({ role: 'viewer' });
    const viewer = await signInVeeam(signIn, VEEAM, { username: 'wall', password: 'x' }, ORIGIN);
    const { http, forms } = veeamToken();
    const renewed = await refreshVeeam(http, VEEAM, viewer, ORIGIN);
    expect(forms[0]?.get('grant_type')).toBe('refresh_token');
    expect(renewed).toMatchObject({ role: 'viewer', username: 'wall', token: 'access' });
  });

  test('the rule itself: stated, else the renewed session, else admin', () => {
    expect(roleFromVeeam(undefined, null)).toBe('admin');
    expect(roleFromVeeam('support', null)).toBe('support');
    expect(roleFromVeeam(undefined, 'support')).toBe('support');
    expect(roleFromVeeam('admin', 'viewer')).toBe('admin');
    // A stated role the console does not know signs in, read-only, rather than failing the sign-in.
    expect(roleFromVeeam('restoreOperator', 'admin')).toBe('viewer');
  });
});

describe('a refused Rackspace sign-in (issue 10 §12)', () => {
  test("says which credential was wrong, with Identity's own words kept beside it", async () => {
    const t = await startInProcess();
    try {
      const refusal = async (credentials: Credentials) => {
        const result = await t.runtime.trySignIn('rackspace-dfw', credentials);
        if (result.ok) throw new Error('a wrong credential signed in');
        return result.error;
      };
      const password = await refusal({ username: 'admin', password: 'not-the-password' });
      expect(password.message).toBe('The user name or the password is wrong.');
      expect(password.vendorMessage).toBe('Username or api key is invalid.');
      expect(password.status).toBe(401);
      const apiKey = await refusal({ username: 'viewer', apiKey: 'not-the-key' });
      expect(apiKey.message).toBe('The user name or the API key is wrong.');
    } finally {
      t.close();
    }
  });
});
