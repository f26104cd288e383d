import { afterEach, describe, expect, it } from 'vitest';
import { createService, type Service } from './app';
import { faultMessage } from '../src/api/rackspace-v1/wire';
import { loadConfig } from './config';

/** 500 and 503 come only from FAULTS, in each dialect's door; without it the same calls answer. */
let service: Service | undefined;
afterEach(() => service?.close());

describe('FAULTS on the Rackspace doors', () => {
  it('answers 500/503 on every Rackspace path when errors=1, and never without FAULTS', async () => {
    service = await createService(loadConfig(['--data-dir', ':memory:', '--faults', 'errors=1'], {}));
    for (const path of [
      '/v1.0/110011/user/agents',
      '/dfw/v1.0/backup/1',
      '/ord/v2/110011/backups',
      '/v2.0/tokens',
    ]) {
      const res = await service.app.request(path, { method: path.endsWith('tokens') ? 'POST' : 'GET' });
      expect([500, 503], path).toContain(res.status);
      // Each door's own error form: the fault form on v1.0 and Identity, {message, errors} on v2.
      const body = (await res.json()) as { message?: string };
      const message = path.includes('v2/') ? body.message : faultMessage(body);
      expect(message, path).toMatch(/Injected fault/);
    }
    service.close();
    service = await createService(loadConfig(['--data-dir', ':memory:'], {}));
    expect((await service.app.request('/v1.0/110011/user/agents')).status).toBe(401);
  });
});
