import { afterEach, describe, expect, it } from 'vitest';
import type { Service } from './app';
import { createService } from './app';
import { loadConfig } from './config';

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

  it('refuses a body over the size limit with 413', async () => {
    service = await createService(loadConfig(['--data-dir', ':memory:'], {}));
    const res = await service.app.request('/v2/110011/backups', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(2 * 1024 * 1024) },
      body: 'x'.repeat(2 * 1024 * 1024),
    });
    expect(res.status).toBe(413);
  });
});
