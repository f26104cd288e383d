import { afterEach, describe, expect, it } from 'vitest';
import { findBackupEndpoint, identityAnswerSchema } from '../../src/api/rackspace-identity/wire';
import type { Harness } from '../rackspace-v1/test-support';
import { harness } from '../rackspace-v1/test-support';
import { DEMO_USERS } from './users';

/** Rackspace Identity v2.0: POST /v2.0/tokens. */
let h: Harness;
afterEach(() => h.close());

const signIn = (body: unknown, headers: Record<string, string> = {}) =>
  h.call('POST', '/v2.0/tokens', { role: null, body, headers: { Host: 'console.example.com', ...headers } });

describe('POST /v2.0/tokens', () => {
  it('signs in with a password: token, expiry, tenant, Rackspace role names and a rax:backup catalog', async () => {
    h = await harness();
    const res = await signIn({ auth: { passwordCredentials: { username: 'support', password: 'demo' } } });
    expect(res.status).toBe(200);
    const { access } = identityAnswerSchema.parse(await res.json());
    expect(access.token.id).toMatch(/^[0-9a-f]{32}$/);
    expect(Date.parse(access.token.expires) - h.clock.now()).toBe(24 * 3600_000);
    expect(access.token.tenant).toEqual({ id: '110011', name: '110011' });
    expect(access.token['RAX-AUTH:authenticatedBy']).toEqual(['PASSWORD']);
    expect(access.user.roles.map((r) => r.name)).toContain('cloudbackup:creator');
    expect(access.user['RAX-AUTH:defaultRegion']).toBe('DFW');
    expect(findBackupEndpoint(access.serviceCatalog, 'DFW', 'v1.0')?.publicURL).toBe(
      'http://console.example.com/dfw/v1.0/110011',
    );
    expect(findBackupEndpoint(access.serviceCatalog, 'ORD', 'v2')?.publicURL).toBe(
      'http://console.example.com/ord/v2/110011',
    );
    expect(access.serviceCatalog.map((e) => [e.name, e.type])).toEqual([
      ['cloudBackup', 'rax:backup'],
      ['cloudBackupV2', 'rax:backup'],
    ]);
    // The token opens both doors.
    const v1 = await h.call('GET', '/dfw/v1.0/110011/user/agents', { token: access.token.id });
    expect(v1.status).toBe(200);
  });

  it('signs in with an API key and names each role in the vendor’s words', async () => {
    h = await harness();
    const names: Record<string, string> = {
      admin: 'cloudbackup:admin',
      support: 'cloudbackup:creator',
      viewer: 'cloudbackup:observer',
    };
    for (const u of DEMO_USERS) {
      const res = await signIn({
        auth: { 'RAX-KSKEY:apiKeyCredentials': { username: u.username, apiKey: u.apiKey } },
      });
      expect(res.status).toBe(200);
      const { access } = identityAnswerSchema.parse(await res.json());
      expect(access.token['RAX-AUTH:authenticatedBy']).toEqual(['APIKEY']);
      expect(access.user.roles.map((r) => r.name)).toContain(names[u.role]);
    }
  });

  it('answers 401 with the vendor’s message for a wrong password, an unknown user, a wrong key or another tenant', async () => {
    h = await harness();
    const bodies = [
      { auth: { passwordCredentials: { username: 'admin', password: 'nope' } } },
      { auth: { passwordCredentials: { username: 'mallory', password: 'demo' } } },
      {
        auth: {
          'RAX-KSKEY:apiKeyCredentials': {
            username: 'admin',
            apiKey: 'demo-viewer-9a8b7c6d5e4f40312a1b0c9d8e7f6a5b',
          },
        },
      },
      { auth: { passwordCredentials: { username: 'admin', password: 'demo' }, tenantId: '999999' } },
    ];
    for (const body of bodies) {
      const res = await signIn(body);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({
        unauthorized: { code: 401, message: 'Username or api key is invalid.' },
      });
    }
  });

  it('answers 400 badRequest for a malformed request and 415 for a form body', async () => {
    h = await harness();
    const missing = await signIn({ auth: {} });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { badRequest: { message: string } }).badRequest.message).toMatch(
      /exactly one of passwordCredentials/,
    );
    const broken = await signIn('{"auth": {');
    expect(broken.status).toBe(400);
    const noPassword = await signIn({ auth: { passwordCredentials: { username: 'admin' } } });
    expect(((await noPassword.json()) as { badRequest: { message: string } }).badRequest.message).toMatch(
      /auth\.passwordCredentials\.password: is required/,
    );
    const form = await signIn('username=admin&password=demo', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
  });

  it('slows down repeated failures for a user name: 429 overLimit with Retry-After', async () => {
    h = await harness();
    const wrong = (password: string) => ({ auth: { passwordCredentials: { username: 'viewer', password } } });
    for (let i = 0; i < 3; i++) expect((await signIn(wrong(`wrong-${i}`))).status).toBe(401);
    const held = await signIn(wrong('wrong-3'));
    expect(held.status).toBe(429);
    expect(held.headers.get('retry-after')).toBe('1');
    expect(await held.json()).toEqual({
      overLimit: { code: 429, message: 'Too many wrong sign-ins: try again in 1 second.' },
    });
  });

  it('a token expires: 401 on both doors after its lifetime', async () => {
    h = await harness();
    const token = await h.token('viewer');
    expect((await h.call('GET', '/v2/110011/agents', { token })).status).toBe(200);
    h.clock.advance(24 * 3600_000 + 1);
    const v1 = await h.call('GET', '/v1.0/110011/user/agents', { token });
    expect(v1.status).toBe(401);
    expect(await v1.json()).toEqual({
      unauthorized: { code: 401, message: 'The token has expired: sign in again.', details: '' },
    });
    const v2 = await h.call('GET', '/v2/110011/agents', { token });
    expect(v2.status).toBe(401);
    expect(((await v2.json()) as { message: string }).message).toMatch(/expired/);
    expect((await h.call('GET', '/v2/110011/agents', { token: 'not-a-token' })).status).toBe(401);
  });
});
