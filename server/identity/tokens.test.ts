import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listen } from '../listen-test-support';
import type { Harness } from '../rackspace-v1/test-support';
import { harness } from '../rackspace-v1/test-support';

/** Issue 9 §8 and §9 over real HTTP: file modes, tokens kept hashed, revocation, refresh reuse. */
let h: Harness | undefined;
let server: Awaited<ReturnType<typeof listen>> | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await server?.close();
  h?.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function start(dataDir = ':memory:') {
  h = await harness({ dataDir });
  server = await listen(h.service);
  return server.url;
}

async function rackspaceToken(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/v2.0/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ auth: { passwordCredentials: { username, password: 'demo' } } }),
  });
  return ((await res.json()) as { access: { token: { id: string } } }).access.token.id;
}

describe('the data folder', () => {
  it('is created 0700, its SQLite file 0600, and holds no token as sent', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'h9-perms-'));
    dirs.push(parent);
    const dir = join(parent, 'data');
    const url = await start(dir);
    const token = await rackspaceToken(url, 'viewer');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const f of ['backup-service.sqlite', 'backup-service.sqlite-wal'])
      expect(statSync(join(dir, f)).mode & 0o777, f).toBe(0o600);
    const stored = h!.service.ctx.db.prepare('SELECT token FROM tokens').all() as { token: string }[];
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.map((r) => r.token)).not.toContain(token);
  });
});

describe('Rackspace token revocation', () => {
  it('DELETE /v2.0/tokens/{id} ends the token (204); it is then refused; another user may not revoke it', async () => {
    const url = await start();
    const token = await rackspaceToken(url, 'viewer');
    const other = await rackspaceToken(url, 'support');
    const agents = () => fetch(`${url}/v1.0/110011/user/agents`, { headers: { 'x-auth-token': token } });
    expect((await agents()).status).toBe(200);
    const forbidden = await fetch(`${url}/v2.0/tokens/${token}`, {
      method: 'DELETE',
      headers: { 'x-auth-token': other },
    });
    expect(forbidden.status).toBe(403);
    const revoked = await fetch(`${url}/v2.0/tokens/${token}`, {
      method: 'DELETE',
      headers: { 'x-auth-token': token },
    });
    expect(revoked.status).toBe(204);
    expect((await agents()).status).toBe(401);
    const again = await fetch(`${url}/v2.0/tokens/${token}`, {
      method: 'DELETE',
      headers: { 'x-auth-token': other },
    });
    expect(again.status).toBe(404);
  });
});

describe('Veeam refresh tokens', () => {
  const tokenCall = (url: string, body: string) =>
    fetch(`${url}/v5/Token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
  type Pair = { access_token: string; refresh_token: string };

  it('a refresh spends its token; reusing the spent one is refused and ends the pair it produced', async () => {
    const url = await start();
    const first = (await (
      await tokenCall(url, 'grant_type=password&username=admin&password=demo')
    ).json()) as Pair;
    const second = (await (
      await tokenCall(url, `grant_type=refresh_token&refresh_token=${first.refresh_token}`)
    ).json()) as Pair;
    const jobs = (access: string) =>
      fetch(`${url}/v5/Jobs`, { headers: { authorization: `Bearer ${access}` } });
    expect((await jobs(second.access_token)).status).toBe(200);
    const reuse = await tokenCall(url, `grant_type=refresh_token&refresh_token=${first.refresh_token}`);
    expect(reuse.status).toBe(400);
    expect(((await reuse.json()) as { error_description: string }).error_description).toMatch(/already used/);
    expect((await jobs(second.access_token)).status).toBe(401);
    const next = await tokenCall(url, `grant_type=refresh_token&refresh_token=${second.refresh_token}`);
    expect(next.status).toBe(400);
  });
});
