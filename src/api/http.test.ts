import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from './contract/zod';
import { ApiError } from './api-error';
import { dialectOf } from './dialects';
import { HttpClient, readBody } from './http';
import { veeamV5 } from './veeam-v5/plugin';
import type { InProcess } from './testing/in-process-service';
import { ORIGIN, startInProcess } from './testing/in-process-service';

/** A client of one connection with the runtime's session, like the runtime builds. */
function clientOf(t: InProcess, connectionId: string, timeoutMs?: number) {
  return new HttpClient({
    connectionId,
    fetch: t.fetch,
    origin: ORIGIN,
    timeoutMs,
    baseUrl: () => t.runtime.session.get(connectionId)?.baseUrl ?? null,
    errorForms: dialectOf(t.runtime.connection(connectionId)).errorForms,
    auth: () => {
      const s = t.runtime.session.get(connectionId);
      if (!s) return null;
      return connectionId === 'veeam'
        ? { name: 'Authorization', value: `Bearer ${s.token}` }
        : { name: 'X-Auth-Token', value: s.token };
    },
  });
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e as ApiError,
  );

describe('answers', () => {
  test('bare numbers, empty bodies, JSON and text', () => {
    expect(readBody('368785')).toBe(368785);
    expect(readBody('     368785\n')).toBe(368785);
    expect(readBody('')).toBeUndefined();
    expect(readBody('{"a":1}')).toEqual({ a: 1 });
    expect(readBody('"6a3e…"')).toBe('6a3e…');
    expect(readBody('3f2504e0-4f89-11d3-9a0c-0305e82c3301')).toBe('3f2504e0-4f89-11d3-9a0c-0305e82c3301');
  });
});

describe('HttpClient against the reference service (Veeam)', () => {
  let t: InProcess;
  let http: HttpClient;
  beforeAll(async () => {
    t = await startInProcess();
    await t.runtime.signIn('veeam', { username: 'admin', password: 'demo' });
    http = clientOf(t, 'veeam');
  });
  afterAll(() => t.close());

  test('an empty 200 answer (seed 004) is undefined', async () => {
    const jobs = (await http.send({ method: 'GET', path: '/jobs' })).body as { id: string }[];
    const answer = await http.send({
      method: 'POST',
      path: `/Jobs/${jobs[0]!.id}/action`,
      json: { enable: null },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toBeUndefined();
  });

  test('a 404 carries the status, the message of the body and the request, never the token', async () => {
    const e = await failure(http.send({ method: 'GET', path: '/jobs/00000000-0000-4000-8000-000000000000' }));
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({
      kind: 'http',
      status: 404,
      request: { method: 'GET', url: '/v5/jobs/00000000-0000-4000-8000-000000000000' },
    });
    expect(e.message).toMatch(/\w+ \w+/);
    const token = t.runtime.session.get('veeam')!.token;
    expect(JSON.stringify({ ...e, message: e.message })).not.toContain(token);
    expect(t.requests.every((r) => !r.url.includes(token))).toBe(true);
  });

  test('400 from the token endpoint reads the OAuth {error, error_description}', async () => {
    const e = await failure(
      http.send({
        method: 'POST',
        path: '/v5/token',
        absolute: true,
        anonymous: true,
        form: { grant_type: 'password', username: 'admin', password: 'wrong' },
      }),
    );
    expect(e).toMatchObject({ kind: 'http', status: 400, code: 'invalid_grant' });
    expect(e.message).not.toBe('');
  });

  test('401 and 403 keep the service message', async () => {
    const anonymous = await failure(http.send({ method: 'GET', path: '/jobs', anonymous: true }));
    expect(anonymous).toMatchObject({ kind: 'http', status: 401 });
    expect(anonymous.message).toMatch(/token/i);
    await t.runtime.signIn('veeam', { username: 'viewer', password: 'demo' });
    const jobs = (await http.send({ method: 'GET', path: '/jobs' })).body as { id: string }[];
    const e = await failure(
      http.send({ method: 'POST', path: `/jobs/${jobs[0]!.id}/action`, json: { start: null } }),
    );
    expect(e).toMatchObject({
      kind: 'http',
      status: 403,
      message: expect.stringMatching(/Your role \(viewer\)/) as unknown,
    });
    await t.runtime.signIn('veeam', { username: 'admin', password: 'demo' });
  });

  test('409 for a conflict with the current state', async () => {
    const jobs = (await http.send({ method: 'GET', path: '/jobs' })).body as { id: string }[];
    const id = jobs[1]!.id;
    await http.send({ method: 'POST', path: `/jobs/${id}/action`, json: { start: null } });
    const e = await failure(http.send({ method: 'POST', path: `/jobs/${id}/action`, json: { start: null } }));
    expect(e).toMatchObject({ kind: 'http', status: 409 });
  });

  test('an answer that does not match its schema is a parse error naming the field', async () => {
    const strict = z.array(z.object({ id: z.number() }));
    const e = await failure(http.request({ method: 'GET', path: '/jobs' }, strict));
    expect(e).toMatchObject({ kind: 'parse', path: '0.id', status: null });
    expect(e.message).toMatch(/GET \/v5\/jobs .*field "0\.id"/);
  });

  test('not signed in: a 401 ApiError before any request', async () => {
    const client = new HttpClient({
      connectionId: 'x',
      fetch: t.fetch,
      origin: ORIGIN,
      baseUrl: () => null,
      errorForms: [],
      auth: () => null,
    });
    const before = t.requests.length;
    await expect(client.send({ method: 'GET', path: '/jobs' })).rejects.toMatchObject({
      status: 401,
      code: 'not-signed-in',
    });
    expect(t.requests.length).toBe(before);
  });
});

describe('failures of the service and the network', () => {
  test('500 and 503 (injected faults) are transient http errors with the body message', async () => {
    const t = await startInProcess({ args: ['--faults', 'errors=1'] });
    try {
      const http = new HttpClient({
        connectionId: 'veeam',
        fetch: t.fetch,
        origin: ORIGIN,
        baseUrl: () => '/v5',
        errorForms: veeamV5.errorForms,
        auth: () => null,
      });
      for (let i = 0; i < 6; i++) {
        const e = await failure(http.send({ method: 'GET', path: '/jobs', anonymous: true }));
        expect([500, 503]).toContain(e.status);
        expect(e.isTransient).toBe(true);
        expect(e.message).toMatch(/Injected fault/);
      }
    } finally {
      t.close();
    }
  });

  test('a slow answer is a timeout', async () => {
    const t = await startInProcess({ args: ['--faults', 'latency=300'] });
    try {
      const http = new HttpClient({
        connectionId: 'veeam',
        fetch: t.fetch,
        origin: ORIGIN,
        timeoutMs: 50,
        baseUrl: () => '/v5',
        errorForms: veeamV5.errorForms,
        auth: () => null,
      });
      const e = await failure(http.send({ method: 'GET', path: '/jobs', anonymous: true }));
      expect(e).toMatchObject({ kind: 'timeout', status: null });
      expect(e.isTransient).toBe(true);
    } finally {
      t.close();
    }
  });

  test('a refused connection is a network error; a caller abort is not reported as one', async () => {
    const http = new HttpClient({
      connectionId: 'nowhere',
      fetch: (url, init) => fetch(url, init),
      origin: 'http://127.0.0.1:1',
      baseUrl: () => '/v5',
      errorForms: veeamV5.errorForms,
      auth: () => null,
    });
    const e = await failure(http.send({ method: 'GET', path: '/jobs', anonymous: true }));
    expect(e).toMatchObject({ kind: 'network', status: null, request: { method: 'GET', url: '/v5/jobs' } });
    const controller = new AbortController();
    controller.abort();
    const aborted = await failure(
      http.send({ method: 'GET', path: '/jobs', anonymous: true, signal: controller.signal }),
    );
    expect(aborted).not.toBeInstanceOf(ApiError);
  });
});
