import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { listen } from '../listen-test-support';
import type { Service } from '../app';
import { createService } from '../app';
import { loadConfig } from '../config';
import { SEED_JOB, fakeClock, signIn as veeamSignIn } from '../veeam-v5/testing';
import type { ConsoleServer } from './http';
import { mountConsole } from './http';
import type { HeldConnection } from './forward';
import { FORWARD_TIMEOUT_MS, forward, nameInList } from './forward';
import { send, signIn } from './test-support';

/**
 * Issue 13 items 3 and 4, the core: a person's request forwarded to the vendor with the server's
 * credentials after the rule check, over real HTTP to the reference service (its own SQLite, the
 * console's file beside it); refusals in the dialect's form never reach the vendor and are audited,
 * as are mutations with the vendor's status.
 */
let service: Service;
let server: Awaited<ReturnType<typeof listen>>;
let consoleServer: ConsoleServer;
let dir: string;
let vendorCalls: string[] = [];
let stale = false;
let renewals = 0;
let connections: HeldConnection[] = [];
let counting: typeof fetch = fetch;
/** The Accept-Encoding of each request sent to the vendor. */
let vendorEncodings: (string | null)[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'console-forward-'));
  service = await createService(loadConfig(['--data-dir', ':memory:', '--scale', '2'], {}), fakeClock());
  // The console is mounted before the first request: Hono builds its routes then.
  consoleServer = await mountConsole(
    service.app,
    { dataDir: dir, demoUsers: true, sessionIdleS: 1800, sessionMaxS: 43200, auditRetentionDays: 365 },
    { now: () => Date.now() },
    { connections: () => connections, fetch: (input, init) => counting(input, init) },
  );
  const veeamAdmin = ((await (await veeamSignIn(service, 'admin')).json()) as { access_token: string })
    .access_token;
  const rackspace = (await (
    await service.app.request('/v2.0/tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ auth: { passwordCredentials: { username: 'admin', password: 'demo' } } }),
    })
  ).json()) as { access: { token: { id: string } } };
  counting = (input, init) => {
    vendorCalls.push(
      `${init?.method ?? 'GET'} ${new URL(input instanceof Request ? input.url : input).pathname}`,
    );
    vendorEncodings.push(new Headers(init?.headers).get('accept-encoding'));
    return fetch(input, init);
  };
  server = await listen(service);
  connections = [
    {
      id: 'veeam',
      dialect: 'veeam-v5',
      // The server's own administrator token; `stale` stands for a token the vendor has revoked.
      open: () =>
        Promise.resolve({
          baseUrl: `${server.url}/v5`,
          headers: { authorization: `Bearer ${stale ? 'revoked' : veeamAdmin}` },
        }),
      renew: () => {
        renewals++;
        stale = false;
        return Promise.resolve();
      },
    },
    {
      id: 'dfw',
      dialect: 'rackspace-v1',
      open: () =>
        Promise.resolve({
          baseUrl: `${server.url}/dfw/v1.0/110011`,
          headers: { 'x-auth-token': rackspace.access.token.id },
        }),
    },
    {
      id: 'down',
      dialect: 'veeam-v5',
      open: () => Promise.resolve({ baseUrl: 'http://127.0.0.1:9/v5', headers: {} }),
    },
    {
      // Credentials the vendor no longer takes: signing in again gives a token it refuses as well.
      id: 'refused',
      dialect: 'veeam-v5',
      open: () =>
        Promise.resolve({ baseUrl: `${server.url}/v5`, headers: { authorization: 'Bearer revoked' } }),
      renew: () => Promise.resolve(),
    },
  ];
}, 60_000);
afterAll(async () => {
  await server?.close();
  consoleServer?.close();
  service?.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = (cookie: string, method: string, path: string, body?: unknown) =>
  send(server.url, method, `/console/api/connections${path}`, { cookie, body });

describe('forwarding with the rule check', () => {
  test('a viewer reads through the console with the server token; content and commands it may not are refused before the vendor', async () => {
    const viewer = await signIn(server.url, 'viewer');
    vendorCalls = [];
    const jobs = await call(viewer, 'GET', '/veeam/Jobs?limit=5');
    expect(jobs.status).toBe(200);
    expect((JSON.parse(jobs.text) as { id: string }[]).map((j) => j.id)).toContain(SEED_JOB);
    expect(vendorCalls).toEqual(['GET /v5/Jobs']);
    // Compressed again on the way to the browser, as the APIs' own answers are.
    const gzip = await send(server.url, 'GET', '/console/api/connections/veeam/Jobs', {
      cookie: viewer,
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gzip.headers['content-encoding']).toBe('gzip');

    vendorCalls = [];
    const content = await call(viewer, 'GET', '/veeam/RestoreSessions/abc/Organization/Mailboxes');
    expect(content).toMatchObject({
      status: 403,
      json: {
        message:
          'Your role (viewer) may not browse the backed-up content of a restore session (private data); this needs the support or admin role.',
        errorCode: 'Forbidden',
      },
    });
    const stop = await call(viewer, 'POST', '/dfw/backup/action-requested', { Action: 'StopManual', Id: 1 });
    expect(stop.status).toBe(403);
    expect(stop.json).toMatchObject({ forbidden: { code: 403 } });
    const unknown = await call(viewer, 'GET', '/veeam/SomethingNew');
    expect(unknown.status).toBe(403);
    expect(vendorCalls).toEqual([]);

    const rows = consoleServer.audit.query({ person: 'viewer', outcome: 'refused' }, 10);
    expect(rows.map((r) => [r.connection, r.action, r.targetId, r.vendorStatus])).toEqual([
      ['veeam', 'forward', null, null],
      ['dfw', 'backup.stop', '1', null], // v1.0 names the target in the body
      ['veeam', 'restore-content.browse', 'abc', null], // the session whose content it is
    ]);
    // A read that was let through leaves no row.
    expect(consoleServer.audit.query({ person: 'viewer', outcome: 'ok' }, 10).map((r) => r.action)).toEqual([
      'sign-in',
    ]);
  });

  test('the vendor is asked for the compressions the browser accepts, and for none when it accepts none', async () => {
    const viewer = await signIn(server.url, 'viewer');
    vendorEncodings = [];
    const plain = await call(viewer, 'GET', '/veeam/Jobs');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect((JSON.parse(plain.text) as { id: string }[]).map((j) => j.id)).toContain(SEED_JOB);
    const br = await send(server.url, 'GET', '/console/api/connections/veeam/Jobs', {
      cookie: viewer,
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(br.headers['content-encoding']).toBe('br');
    const gzipOnly = await send(server.url, 'GET', '/console/api/connections/veeam/Jobs', {
      cookie: viewer,
      headers: { 'accept-encoding': 'gzip;q=1, br;q=0' },
    });
    expect(gzipOnly.headers['content-encoding']).toBe('gzip');
    expect(vendorEncodings).toEqual(['identity', 'br, gzip', 'gzip']);
  });

  test("support starts a job (audited with the vendor's status and the job), may not stop it", async () => {
    const support = await signIn(server.url, 'support');
    const start = await call(support, 'POST', `/veeam/Jobs/${SEED_JOB}/Action`, { start: null });
    expect(start.status).toBeLessThan(300);
    const stop = await call(support, 'POST', `/veeam/Jobs/${SEED_JOB}/Action`, { stop: null });
    expect(stop.status).toBe(403);
    expect(stop.json.message).toContain('this needs the admin role');
    const rows = consoleServer.audit.query({ person: 'support', connection: 'veeam' }, 10);
    expect(rows.map((r) => [r.action, r.targetId, r.vendorStatus, r.outcome])).toEqual([
      ['backup.stop', SEED_JOB.toLowerCase(), null, 'refused'],
      ['backup.start', SEED_JOB.toLowerCase(), start.status, 'ok'],
    ]);
    // Veeam answers a job action with no body: the row names the job by its id only.
    expect(rows.map((r) => r.targetName)).toEqual([null, null]);
  });

  test('a command whose body names none is a 400 (a 415 when not JSON) and no refusal; a role not allowed it stays a 403', async () => {
    const support = await signIn(server.url, 'support');
    const raw = (path: string, body: string, type = 'application/json') =>
      send(server.url, 'POST', `/console/api/connections${path}`, {
        cookie: support,
        raw: body,
        headers: { 'content-type': type },
      });
    vendorCalls = [];
    const cut = await raw(`/veeam/Jobs/${SEED_JOB}/Action`, '{"start":');
    expect(cut.status).toBe(400);
    expect(cut.json).toMatchObject({ errorCode: 'BadRequest' });
    expect(cut.json.message).toMatch(/^The body is not valid JSON \(/);
    const bad = await raw('/dfw/backup/action-requested', '{bad');
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ badRequest: { code: 400 } });
    const none = await raw('/dfw/backup/action-requested', '{"Id": 1}');
    expect(none.status).toBe(400);
    expect(none.json).toMatchObject({
      badRequest: {
        message:
          'POST /dfw/v1.0/110011/backup/action-requested needs a JSON body that names its command (one of StartManual, StopManual).',
      },
    });
    const text = await raw('/dfw/backup/action-requested', '{"Action":"StartManual","Id":1}', 'text/plain');
    expect(text.status).toBe(415);
    expect(text.json).toMatchObject({
      unsupportedMediaType: {
        code: 415,
        message: "A command's body is JSON (Content-Type: application/json), not text/plain.",
      },
    });
    const stop = await raw('/dfw/backup/action-requested', '{"Action":"StopManual","Id":1}');
    expect(stop.status).toBe(403);
    expect(vendorCalls).toEqual([]);
    const rows = consoleServer.audit.query({ person: 'support', connection: 'dfw' }, 4);
    expect(rows.map((r) => [r.action, r.status, r.outcome])).toEqual([
      ['backup.stop', 403, 'refused'],
      ['forward', 415, 'failed'],
      ['forward', 400, 'failed'],
      ['forward', 400, 'failed'],
    ]);
    const [veeamRow] = consoleServer.audit.query({ person: 'support', connection: 'veeam' }, 1);
    expect(veeamRow).toMatchObject({ status: 400, outcome: 'failed', message: cut.json.message });
  });

  test("a change the vendor refuses is audited with the vendor's message; a start with its configuration's name", async () => {
    const support = await signIn(server.url, 'support');
    const missing = await call(support, 'POST', '/dfw/backup/action-requested', {
      Action: 'StartManual',
      Id: 999999999,
    });
    expect(missing.status).toBe(404);
    const unknownJob = await call(
      support,
      'POST',
      '/veeam/Jobs/00000000-0000-4000-8000-000000000000/Action',
      {
        start: null,
      },
    );
    expect(unknownJob.status).toBe(404);
    const failed = consoleServer.audit.query({ person: 'support', outcome: 'failed' }, 2);
    expect(failed.map((r) => [r.connection, r.action, r.vendorStatus, r.message])).toEqual([
      ['veeam', 'backup.start', 404, (unknownJob.json as { message: string }).message],
      [
        'dfw',
        'backup.start',
        404,
        'No backup configuration 999999999 in this region (StartManual takes a BackupConfigurationId).',
      ],
    ]);

    // The configurations list a page showed (and the poller keeps) names the configuration started.
    const list = await send(server.url, 'GET', '/console/api/connections/dfw/backup-configuration', {
      cookie: support,
      headers: { 'x-console-watch': 'idle' },
    });
    const [config] = JSON.parse(list.text) as {
      BackupConfigurationId: number;
      BackupConfigurationName: string;
    }[];
    const before = vendorCalls.length;
    const start = await call(support, 'POST', '/dfw/backup/action-requested', {
      Action: 'StartManual',
      Id: config!.BackupConfigurationId,
    });
    expect(start.status).toBe(200);
    // No request of its own (the poller reads the list again after any command, on its own time).
    expect(vendorCalls.slice(before).filter((c) => !c.startsWith('GET '))).toEqual([
      'POST /dfw/v1.0/110011/backup/action-requested',
    ]);
    const [row] = consoleServer.audit.query({ person: 'support', connection: 'dfw' }, 1);
    expect(row).toMatchObject({
      action: 'backup.start',
      targetId: String(config!.BackupConfigurationId),
      targetName: config!.BackupConfigurationName,
      outcome: 'ok',
      message: null,
    });
  });

  test("a mutation whose answer is its target is audited with the target's name", async () => {
    const admin = await signIn(server.url, 'admin');
    const vendorCallsBefore = vendorCalls.length;
    const enabled = await call(admin, 'POST', '/dfw/backup-configuration/enable/148325', { Enable: true });
    expect(enabled.status).toBe(200);
    // The name comes from the vendor's answer: no other request to the vendor.
    expect(vendorCalls.slice(vendorCallsBefore)).toEqual([
      'POST /dfw/v1.0/110011/backup-configuration/enable/148325',
    ]);
    const [row] = consoleServer.audit.query({ person: 'admin', connection: 'dfw' }, 1);
    expect(row).toMatchObject({
      action: 'enable',
      targetId: '148325',
      targetName: (enabled.json as { BackupConfigurationName: string }).BackupConfigurationName,
      outcome: 'ok',
    });
    expect(row!.targetName).toMatch(/\S/);
  });

  test('a token the vendor refuses is renewed once; a vendor that is down is a 502 with a message', async () => {
    const admin = await signIn(server.url, 'admin');
    stale = true;
    const jobs = await call(admin, 'GET', '/veeam/Jobs?limit=1');
    expect(jobs.status).toBe(200);
    expect(renewals).toBe(1);
    const down = await call(admin, 'GET', '/down/Jobs');
    expect(down.status).toBe(502);
    expect(down.json.message).toMatch(/^The vendor could not be reached/);
    expect((await call(admin, 'GET', '/nowhere/Jobs')).status).toBe(404);
    // The vendor refusing the server's own credentials is no 401 to the person (their session is
    // fine, and a 401 would send them to sign in): a 502 that says what is wrong.
    const refused = await call(admin, 'GET', '/refused/Jobs');
    expect(refused.status).toBe(502);
    expect(refused.json.message).toMatch(/refused the console server's credentials/);
    expect((await send(server.url, 'GET', '/console/api/session', { cookie: admin })).status).toBe(200);
    expect((await send(server.url, 'GET', '/console/api/connections/veeam/Jobs')).status).toBe(401);
    const crossSite = await send(
      server.url,
      'POST',
      `/console/api/connections/veeam/Jobs/${SEED_JOB}/Action`,
      {
        cookie: admin,
        body: { start: null },
        headers: { 'sec-fetch-site': 'cross-site' },
      },
    );
    expect(crossSite.status).toBe(403);
  });
});

describe('the vendor over node:http (no fetch given)', () => {
  const at = (baseUrl: string, headers: Record<string, string> = {}): HeldConnection => ({
    id: 'direct',
    dialect: 'veeam-v5',
    open: () => Promise.resolve({ baseUrl, headers }),
  });
  const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

  test("a GET's answer in a compression the browser accepts is passed on as it came; else plain", async () => {
    const veeamAdmin = ((await (await veeamSignIn(service, 'admin')).json()) as { access_token: string })
      .access_token;
    const veeam = at(`${server.url}/v5`, { authorization: `Bearer ${veeamAdmin}` });
    const plain = await forward(veeam, 'viewer', { method: 'GET', rest: '/Jobs' });
    if (plain.kind !== 'answered') throw new Error(plain.kind);
    expect(plain.response.headers.get('content-encoding')).toBeNull();
    const text = (await bytes(plain.response)).toString();
    expect((JSON.parse(text) as { id: string }[]).map((j) => j.id)).toContain(SEED_JOB);

    const br = await forward(veeam, 'viewer', { method: 'GET', rest: '/Jobs', acceptEncoding: 'br' });
    if (br.kind !== 'answered') throw new Error(br.kind);
    expect(br.response.headers.get('content-encoding')).toBe('br');
    expect(br.response.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(await bytes(br.response)).toString()).toBe(text);
  });

  test("the vendor's message is kept bounded, on one line and without the request's secrets", async () => {
    const vendor = createServer((_req, res) => {
      res.writeHead(400, { 'content-type': 'application/json' });
      const echoed = 'token s3cret-token-value, password hunter2-pw';
      res.end(
        JSON.stringify({ message: `Refused:\n${echoed} ${'x'.repeat(1000)}`, errorCode: 'BadRequest' }),
      );
    });
    await new Promise<void>((resolve) => vendor.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(vendor.address() as AddressInfo).port}/v5`;
      const body = new TextEncoder().encode(
        JSON.stringify({ restoreTo: { userName: 'u', userPassword: 'hunter2-pw' } }),
      );
      const done = await forward(at(url, { authorization: 'Bearer s3cret-token-value' }), 'admin', {
        method: 'POST',
        rest: '/RestoreSessions/11f4bd13-5b95-4d8f-92e0-43b6d38ff221/Organization/Mailboxes/m1/Action',
        contentType: 'application/json',
        body: body.buffer,
      });
      if (done.kind !== 'answered') throw new Error(done.kind);
      expect(done.note.vendorStatus).toBe(400);
      const message = done.note.message ?? '';
      expect(message).toMatch(/^Refused: token \[redacted\], password \[redacted\] x+…$/);
      expect(message).toHaveLength(300);
    } finally {
      await new Promise<void>((resolve) => vendor.close(() => resolve()));
    }
  });

  test('a cached answer is asked for only once the rule check let the read through, and then no vendor', async () => {
    // No vendor listens there: a read that went on to the vendor would fail.
    const veeam = at('http://127.0.0.1:9/v5');
    const cached = vi.fn(() => new Response('kept'));
    const read = await forward(veeam, 'viewer', { method: 'GET', rest: '/Jobs?limit=1', cached });
    expect(read).toMatchObject({ kind: 'answered', cached: true, rootPath: '/v5' });
    expect(read.kind === 'answered' && (await read.response.text())).toBe('kept');
    const content = '/restoresessions/11f4bd13-5b95-4d8f-92e0-43b6d38ff221/organization';
    const refused = await forward(veeam, 'viewer', { method: 'GET', rest: content, cached });
    expect(refused).toMatchObject({ kind: 'refused', status: 403 });
    expect(cached).toHaveBeenCalledTimes(1);
  });

  test('an answer compressed though not asked for is decompressed; an unknown coding and a vendor that is down are 502s', async () => {
    const json = JSON.stringify({ id: 'x', name: 'compressed anyway' });
    let coding = 'gzip';
    const vendor = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.setHeader('content-encoding', coding);
      res.end(gzipSync(json));
    });
    await new Promise<void>((resolve) => vendor.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(vendor.address() as AddressInfo).port}/v5`;
      const read = await forward(at(url), 'viewer', { method: 'GET', rest: '/Jobs' });
      if (read.kind !== 'answered') throw new Error(read.kind);
      expect(read.response.headers.get('content-encoding')).toBeNull();
      expect((await bytes(read.response)).toString()).toBe(json);
      coding = 'zstd';
      const unknown = await forward(at(url), 'viewer', { method: 'GET', rest: '/Jobs' });
      expect(unknown).toMatchObject({ kind: 'failed', status: 502 });
    } finally {
      await new Promise<void>((resolve) => vendor.close(() => resolve()));
    }
    const down = await forward(at('http://127.0.0.1:9/v5'), 'viewer', { method: 'GET', rest: '/Jobs' });
    expect(down).toMatchObject({ kind: 'failed', status: 502 });
    expect(down.kind === 'failed' && down.message).toMatch(
      /^The vendor could not be reached \(.*ECONNREFUSED/,
    );
  });

  test('a vendor that does not answer in time, or stops in the middle of its answer, is a 504', async () => {
    const asked: string[] = [];
    const vendor = createServer((req, res) => {
      asked.push(req.url ?? '');
      // /Jobs: not a byte; /Jobs/{id}: the headers and half a body, then nothing.
      if (req.url !== '/v5/Jobs') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"id": ');
      }
    });
    await new Promise<void>((resolve) => vendor.listen(0, '127.0.0.1', resolve));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const url = `http://127.0.0.1:${(vendor.address() as AddressInfo).port}/v5`;
      for (const rest of ['/Jobs', `/Jobs/${SEED_JOB}`]) {
        const pending = forward(at(url), 'viewer', { method: 'GET', rest });
        while (asked.length === 0) await new Promise((resolve) => setImmediate(resolve));
        for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
        asked.length = 0;
        vi.advanceTimersByTime(FORWARD_TIMEOUT_MS - 1);
        const early = await Promise.race([pending, new Promise((resolve) => setImmediate(resolve))]);
        expect(early, rest).toBeUndefined();
        vi.advanceTimersByTime(1);
        const late = await pending;
        expect(late, rest).toMatchObject({ kind: 'failed', status: 504 });
        expect(late.kind === 'failed' && late.message).toBe('The vendor did not answer within 30 s.');
      }
    } finally {
      vi.useRealTimers();
      vendor.closeAllConnections();
      await new Promise<void>((resolve) => vendor.close(() => resolve()));
    }
  });
});

describe('a target named from the answers the poller keeps', () => {
  const kept = (body: unknown) => new TextEncoder().encode(JSON.stringify(body));
  const json = 'application/json; charset=utf-8';

  test('the target itself, an item of a list, or of a list the answer holds; its own id key only', () => {
    expect(nameInList(kept({ id: 'C1', name: 'Nightly' }), json, 'c1')).toBe('Nightly');
    expect(
      nameInList(
        kept([
          { id: 'a', name: 'A' },
          { id: 'b', name: 'B' },
        ]),
        json,
        'b',
      ),
    ).toBe('B');
    expect(nameInList(kept({ configurations: [{ id: 'x', name: 'X' }] }), json, 'x')).toBe('X');
    const v1 = [
      { BackupConfigurationId: 7, BackupConfigurationName: 'Files', MachineAgentId: 9, MachineName: 'web' },
    ];
    expect(nameInList(kept(v1), json, '7')).toBe('Files');
    expect(nameInList(kept(v1), json, '9')).toBe('web');
    // An id under one key never takes the name under another.
    expect(nameInList(kept([{ BackupId: 5, BackupConfigurationId: 6, name: 'run' }]), json, '5')).toBeNull();
    expect(nameInList(kept([{ id: 'a', name: 'A' }]), 'text/plain', 'a')).toBeNull();
  });
});
