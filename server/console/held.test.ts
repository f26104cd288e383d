import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadHeldConnections, vendorUrl } from './held';
import { mainHolding, send, signIn } from './test-support';

/**
 * Issue 13 item 3: connections whose credentials the server holds, read from CONSOLE_CONNECTIONS,
 * signed in by the server with the dialects' own plug-ins; `server/main.ts` in its own process,
 * its connections pointing at its own reference service.
 */
const held = (credentials: unknown) => ({
  connections: [
    { id: 'dfw', label: 'DFW', dialect: 'rackspace-v1', identityUrl: '/v2.0', region: 'DFW', credentials },
    { id: 'ord', label: 'ORD', dialect: 'rackspace-v2', identityUrl: '/v2.0', region: 'ORD', credentials },
    { id: 'veeam', label: 'Veeam', dialect: 'veeam-v5', baseUrl: '/v5', credentials },
  ],
});

const running = mainHolding('console-held-', (dir) =>
  held({ username: 'admin', password: { file: join(dir, 'password') } }),
);
const main = {
  get url() {
    return running.url;
  },
};

describe('connections held by the server', () => {
  test('the browser gets ids, dialects and paths, never a secret; the server signs in and forwards', async () => {
    const viewer = await signIn(main.url, 'viewer');
    const listed = await send(main.url, 'GET', '/console/api/connections', { cookie: viewer });
    expect(listed.status).toBe(200);
    expect(listed.json.connections).toMatchObject([
      {
        id: 'dfw',
        dialect: 'rackspace-v1',
        basePath: '/console/api/connections/dfw',
        // The start's health check may have signed in already, or not yet.
        health: { state: expect.stringMatching(/^(unknown|ok)$/) as unknown },
      },
      { id: 'ord', dialect: 'rackspace-v2', label: 'ORD' },
      { id: 'veeam', dialect: 'veeam-v5', capabilities: { targets: 'job' } },
    ]);
    expect(listed.text).not.toMatch(/password|credentials|admin/);

    const base = '/console/api/connections';
    const jobs = await send(main.url, 'GET', `${base}/veeam/Jobs`, { cookie: viewer });
    expect(jobs.status).toBe(200);
    expect(jobs.text).not.toMatch(/access_token|refresh_token/);
    expect((await send(main.url, 'GET', `${base}/dfw/user/agents`, { cookie: viewer })).status).toBe(200);
    expect((await send(main.url, 'GET', `${base}/ord/configurations`, { cookie: viewer })).status).toBe(200);
    // The server's vendor account is an administrator; the person is a viewer, and the table decides.
    const stop = await send(main.url, 'POST', `${base}/ord/backups`, {
      cookie: viewer,
      body: { configuration_id: 'x' },
    });
    expect(stop.status).toBe(403);
    expect(stop.json).toMatchObject({ errors: [] });
    expect(String(stop.json.message)).toContain('this needs the support or admin role');

    const after = await send(main.url, 'GET', '/console/api/connections', { cookie: viewer });
    expect((after.json.connections as { health: { state: string } }[]).map((c) => c.health.state)).toEqual([
      'ok',
      'ok',
      'ok',
    ]);
  });
});

describe('the connections file', () => {
  test('secrets come from the environment or a file, never the file itself; each problem is named', () => {
    const write = (credentials: unknown) =>
      writeFileSync(join(running.dir, 'bad.json'), JSON.stringify(held(credentials)));
    const load =
      (env: NodeJS.ProcessEnv = {}) =>
      () =>
        loadHeldConnections(join(running.dir, 'bad.json'), env);
    write({ username: 'admin', password: 'demo' });
    expect(load()).toThrow(/connections\[0\] \(dfw\)\.credentials\.password: give the secret as \{"env"/);
    write({ username: 'admin', password: { env: 'VENDOR_PW' } });
    expect(load()).toThrow(/the environment variable VENDOR_PW is not set/);
    expect(load({ VENDOR_PW: 'demo' })()[2]).toMatchObject({
      credentials: { username: 'admin', password: 'demo' },
    });
    write({ username: 'admin' });
    expect(load()).toThrow(/needs a password or an apiKey/);
    write({ username: 'admin', apiKey: { file: join(running.dir, 'missing') } });
    expect(load()).toThrow(/cannot read .*missing/);
    writeFileSync(
      join(running.dir, 'bad.json'),
      '{"connections": [{"id": "x", "dialect": "tiny", "label": "X"}]}',
    );
    expect(load()).toThrow(/tiny/);

    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'server/main.ts', '--port', '0', '--data-dir', join(running.dir, 'data')],
      {
        env: { ...process.env, CONSOLE_CONNECTIONS: join(running.dir, 'bad.json') },
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Cannot start: .*tiny/);
  });

  test('URLs made same-origin for a browser go straight to the vendor from the server', () => {
    const origin = 'http://127.0.0.1:8080';
    expect(vendorUrl('/proxy/https/veeam.example:4443/v5', origin)).toBe('https://veeam.example:4443/v5');
    expect(vendorUrl('/dfw/v1.0/110011', origin)).toBe('http://127.0.0.1:8080/dfw/v1.0/110011');
    expect(vendorUrl('https://identity.api.rackspacecloud.com/v2.0', origin)).toBe(
      'https://identity.api.rackspacecloud.com/v2.0',
    );
  });
});
