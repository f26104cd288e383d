import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { browserConfig } from './browser-config';
import { holdConnections, loadHeldConnections } from './held';
import { mainHolding, send, signIn } from './test-support';

/**
 * Issue 13 item 3: connections set to per-person vendor sign-in. `server/main.ts` in its own process
 * holds a Veeam and a Rackspace v1.0 connection that each person signs in to with their own vendor
 * account (its reference service's), and a v2 connection the server signs in to itself.
 */
const running = mainHolding('console-per-person-', (dir) => ({
  connections: [
    {
      id: 'dfw',
      label: 'DFW',
      dialect: 'rackspace-v1',
      identityUrl: '/v2.0',
      region: 'DFW',
      signIn: 'per-person',
    },
    {
      id: 'ord',
      label: 'ORD',
      dialect: 'rackspace-v2',
      identityUrl: '/v2.0',
      region: 'ORD',
      credentials: { username: 'admin', password: { file: join(dir, 'password') } },
    },
    { id: 'veeam', label: 'Veeam', dialect: 'veeam-v5', baseUrl: '/v5', signIn: 'per-person' },
  ],
}));
const main = {
  get url() {
    return running.url;
  },
};
const file = () => running.file;
const dir = () => running.dir;
const base = '/console/api/connections';

describe('per-person vendor sign-in', () => {
  test("the sign-in form the browser sends itself (before the page's code runs) goes on by way of the personal step", async () => {
    const sent = await send(main.url, 'POST', '/console/api/session/form', {
      raw: new URLSearchParams({ username: 'support', password: 'demo', next: '/jobs?q=a' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: main.url },
    });
    expect(sent.status).toBe(303);
    expect(sent.headers.location).toBe('/sign-in?next=%2Fjobs%3Fq%3Da');
    expect(String(sent.headers['set-cookie'])).toContain('console_session=');
  });

  test('each person signs in with their own vendor account; the console role still decides', async () => {
    const support = await signIn(main.url, 'support');
    const listed = await send(main.url, 'GET', base, { cookie: support });
    expect(listed.json.connections).toMatchObject([
      { id: 'dfw', signIn: 'per-person', signedIn: false },
      { id: 'ord', signIn: 'server' },
      { id: 'veeam', signIn: 'per-person', signedIn: false },
    ]);
    expect((listed.json.connections as object[])[1]).not.toHaveProperty('signedIn');
    // The browser's config.json says which connections need a personal sign-in.
    const config = browserConfig(loadHeldConnections(file()), null);
    expect(config.connections.map((c) => c.signIn)).toEqual(['per-person', undefined, 'per-person']);

    // Not signed in to the connection yet: a 401 in the dialect's form that says so.
    const before = await send(main.url, 'GET', `${base}/veeam/Jobs`, { cookie: support });
    expect(before.status).toBe(401);
    expect(before.json).toMatchObject({ errorCode: 'Unauthorized' });
    expect(String(before.json.message)).toContain('Sign in to Veeam first');
    // The console session itself is still good.
    expect((await send(main.url, 'GET', '/console/api/session', { cookie: support })).status).toBe(200);

    // A wrong password: the vendor's words, and an audit row.
    const wrong = await send(main.url, 'POST', `${base}/veeam/session`, {
      cookie: support,
      body: { username: 'admin', password: 'not-it' },
    });
    expect(wrong.status).toBe(401);
    const vendorMessage = String(wrong.json.message);
    expect(vendorMessage).not.toBe('');
    expect(wrong.text).not.toContain('not-it');

    const ok = await send(main.url, 'POST', `${base}/veeam/session`, {
      cookie: support,
      body: { username: 'admin', password: 'demo' },
    });
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual({ connection: 'veeam', signedIn: true });
    expect(ok.text).not.toMatch(/token/i);
    const jobs = await send(main.url, 'GET', `${base}/veeam/Jobs`, { cookie: support });
    expect(jobs.status).toBe(200);
    const after = await send(main.url, 'GET', base, { cookie: support });
    expect(after.json.connections).toMatchObject([{ signedIn: false }, {}, { signedIn: true }]);

    // Another person's session has no access with it.
    const viewer = await signIn(main.url, 'viewer');
    expect((await send(main.url, 'GET', `${base}/veeam/Jobs`, { cookie: viewer })).status).toBe(401);

    // The viewer signs in with the vendor's administrator, and is still refused a start by the console.
    const viewerIn = await send(main.url, 'POST', `${base}/veeam/session`, {
      cookie: viewer,
      body: { username: 'admin', password: 'demo' },
    });
    expect(viewerIn.status).toBe(200);
    const list = (await send(main.url, 'GET', `${base}/veeam/Jobs`, { cookie: viewer })).json as {
      results?: { id: string }[];
    };
    const jobId = list.results?.[0]?.id ?? 'x';
    const start = await send(main.url, 'POST', `${base}/veeam/Jobs/${jobId}/action`, {
      cookie: viewer,
      body: { start: null },
    });
    expect(start.status).toBe(403);
    expect(String(start.json.message)).toContain('Your role (viewer) may not');

    // The audit log has the failed and the good personal sign-in, without the secret.
    const admin = await signIn(main.url, 'admin');
    const audit = await send(main.url, 'GET', '/console/api/audit?action=connection.sign-in', {
      cookie: admin,
    });
    const rows = audit.json.entries as {
      who: string;
      outcome: string;
      connection: string;
      message: string;
    }[];
    expect(rows.map((r) => [r.who, r.connection, r.outcome])).toEqual([
      ['viewer', 'veeam', 'ok'],
      ['support', 'veeam', 'ok'],
      ['support', 'veeam', 'failed'],
    ]);
    expect(rows[2]!.message).toBe(vendorMessage);
    expect(audit.text).not.toMatch(/not-it|"demo"/);

    // Console sign-out drops the person's vendor tokens: a new console session starts signed out.
    expect((await send(main.url, 'DELETE', '/console/api/session', { cookie: support })).status).toBe(204);
    const again = await signIn(main.url, 'support');
    expect((await send(main.url, 'GET', `${base}/veeam/Jobs`, { cookie: again })).status).toBe(401);

    // Signing out of one connection only.
    expect((await send(main.url, 'DELETE', `${base}/veeam/session`, { cookie: viewer })).status).toBe(204);
    expect((await send(main.url, 'GET', `${base}/veeam/Jobs`, { cookie: viewer })).status).toBe(401);
    expect((await send(main.url, 'GET', '/console/api/session', { cookie: viewer })).status).toBe(200);

    // A connection the server signs in to itself has no personal sign-in.
    const held = await send(main.url, 'POST', `${base}/ord/session`, {
      cookie: viewer,
      body: { username: 'admin', password: 'demo' },
    });
    expect(held.status).toBe(409);
  });

  test('Rackspace: sign-in with the person’s password, and sign-out revokes the token at Identity', async () => {
    const [dfw] = loadHeldConnections(file());
    // The tokens the server sends, seen on their way to the reference service.
    const sent: string[] = [];
    const recording: typeof fetch = (input, init) => {
      const token = new Headers(init?.headers).get('x-auth-token');
      if (token) sent.push(token);
      return fetch(input, init);
    };
    const [connection] = holdConnections([dfw!], () => main.url, recording);
    const personal = connection!.personal!;
    await expect(personal.signIn('s1', { username: 'admin', password: 'wrong' })).rejects.toThrow();
    expect(personal.has('s1')).toBe(false);
    await personal.signIn('s1', { username: 'admin', password: 'demo' });
    const opened = await personal.forSession('s1').open();
    const token = opened.headers['X-Auth-Token'] ?? opened.headers['x-auth-token'];
    expect(token).toBeTruthy();
    const agents = `${opened.baseUrl}/user/agents`;
    expect((await fetch(agents, { headers: { 'X-Auth-Token': token! } })).status).toBe(200);
    // Another session has nothing.
    await expect(personal.forSession('s2').open()).rejects.toThrow(/Sign in to DFW first/);

    await personal.signOut('s1');
    expect(personal.has('s1')).toBe(false);
    // The copy of the token no longer works: Identity ended it.
    expect((await fetch(agents, { headers: { 'X-Auth-Token': token! } })).status).toBe(401);
    expect(sent).toContain(token);
  });

  test('the connections file: signIn is "server" or "per-person", and per person holds no credentials', () => {
    const write = (entry: Record<string, unknown>) =>
      writeFileSync(
        join(dir(), 'bad.json'),
        JSON.stringify({
          connections: [{ id: 'veeam', label: 'Veeam', dialect: 'veeam-v5', baseUrl: '/v5', ...entry }],
        }),
      );
    const load = () => loadHeldConnections(join(dir(), 'bad.json'), {});
    write({ signIn: 'per-user' });
    expect(load).toThrow(
      /connections\[0\] \(veeam\)\.signIn: "per-user" is not one of "server", "per-person"/,
    );
    write({ signIn: 'per-person', credentials: { username: 'a', password: { env: 'X' } } });
    expect(load).toThrow(/connections\[0\] \(veeam\)\.credentials: a connection that signs in per person/);
    write({ signIn: 'per-person' });
    expect(load()).toMatchObject([{ credentials: null }]);
    write({ signIn: 'server' });
    expect(load).toThrow(/needs a username/);
  });
});
