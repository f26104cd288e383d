import { afterEach, describe, expect, it } from 'vitest';
import type { Service } from './app';
import { createService } from './app';
import { faultMessage } from '../src/api/rackspace-v1/wire';
import { loadConfig } from './config';
import { listen } from './listen-test-support';

let service: Service | undefined;
afterEach(() => service?.close());

describe('the service shell', () => {
  it('answers its health check in-process', async () => {
    service = await createService(loadConfig(['--data-dir', ':memory:'], {}));
    const res = await service.app.request('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  it('answers 404 with a message for an unknown path, never a 500', async () => {
    service = await createService(loadConfig(['--data-dir', ':memory:'], {}));
    const res = await service.app.request('/v2/110011/nothing-here');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { message: string }).message).toMatch(/No such resource/);
  });

  it('refuses a body over the size limit with 413 in the error form of the path’s dialect', async () => {
    service = await createService(loadConfig(['--data-dir', ':memory:'], {}));
    const big = 'x'.repeat(2 * 1024 * 1024);
    const post = (path: string) =>
      service!.app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(big.length) },
        body: big,
      });
    for (const path of ['/v1.0/110011/backup/action-requested', '/dfw/v1.0/restore', '/v2.0/tokens']) {
      const res = await post(path);
      expect(res.status, path).toBe(413);
      expect(await res.json(), path).toEqual({
        overLimit: { code: 413, message: 'The request body is larger than 1024 KB.', details: '' },
      });
    }
    const v2 = await post('/ord/v2/110011/backups');
    expect(v2.status).toBe(413);
    expect(await v2.json()).toEqual({ message: 'The request body is larger than 1024 KB.', errors: [] });
    const veeam = await post('/v5/Jobs/3396ba22-21b1-4666-a631-0edfc12a59cd/action');
    expect(veeam.status).toBe(413);
    expect(await veeam.json()).toEqual({
      message: 'The request body is larger than 1024 KB.',
      errorCode: 'RequestEntityTooLarge',
    });
    // Every method that may carry a body the server reads, OPTIONS included (the proxy passes its body on).
    for (const method of ['PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
      const res = await service.app.request('/v5/Jobs', {
        method,
        headers: { 'content-type': 'application/json', 'content-length': String(big.length) },
        body: big,
      });
      expect(res.status, method).toBe(413);
    }
  });

  it('refuses an oversized body sent without Content-Length (chunked) over real HTTP too', async () => {
    service = await createService(loadConfig(['--data-dir', ':memory:'], {}));
    const server = await listen(service);
    try {
      const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent++ < 40) controller.enqueue(chunk);
          else controller.close();
        },
      });
      const res = await fetch(`${server.url}/v5/Token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
        duplex: 'half',
      } as RequestInit);
      expect(res.status).toBe(413);
      expect(((await res.json()) as { errorCode: string }).errorCode).toBe('RequestEntityTooLarge');
    } finally {
      await server.close();
    }
  });

  it('answers an unknown path with 404 in the error form of its dialect', async () => {
    service = await createService(loadConfig(['--data-dir', ':memory:'], {}));
    const veeam = await service.app.request('/v5/NoSuchThing');
    expect(veeam.status).toBe(404);
    expect(await veeam.json()).toEqual({
      message: 'No such resource: GET /v5/nosuchthing',
      errorCode: 'NotFound',
    });
    const identity = await service.app.request('/v2.0/nothing');
    expect(identity.status).toBe(404);
    expect(faultMessage(await identity.json())).toBe('No such resource: GET /v2.0/nothing');
  });
});
