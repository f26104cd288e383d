import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from './app';
import { createService } from './app';
import { loadConfig } from './config';
import { listen } from './listen-test-support';
import { isAllowed, mountProxy } from './proxy';

/** The forwarding proxy: only allowed origins, a 400 (never a 500) for a target that is no URL. */
let upstream: Service;
let upstreamServer: Awaited<ReturnType<typeof listen>>;
let service: Service;
beforeAll(async () => {
  upstream = await createService(loadConfig(['--data-dir', ':memory:'], {}));
  upstreamServer = await listen(upstream);
  service = await createService(loadConfig(['--data-dir', ':memory:'], {}));
  mountProxy(service.app, () => [upstreamServer.url, 'https://*.backup.api.rackspacecloud.com']);
});
afterAll(async () => {
  await upstreamServer.close();
  upstream.close();
  service.close();
});

describe('the proxy', () => {
  it('allows listed origins and hosts of a listed domain, nothing else', () => {
    const list = ['https://*.backup.api.rackspacecloud.com', 'http://127.0.0.1:9000'];
    expect(isAllowed(new URL('https://dfw.backup.api.rackspacecloud.com/v1.0'), list)).toBe(true);
    expect(isAllowed(new URL('http://dfw.backup.api.rackspacecloud.com/v1.0'), list)).toBe(false);
    expect(isAllowed(new URL('https://backup.api.rackspacecloud.com.evil.example/'), list)).toBe(false);
    expect(isAllowed(new URL('http://127.0.0.1:9001/'), list)).toBe(false);
  });

  it('forwards to an allowed origin over real HTTP', async () => {
    const host = new URL(upstreamServer.url).host;
    const res = await service.app.request(`/proxy/http/${host}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  it('answers 403 for another origin and 400 for a target that is not a URL', async () => {
    expect((await service.app.request('/proxy/https/example.com/x')).status).toBe(403);
    for (const host of ['%5Bx', 'a%20b.com', 'x.backup.api.rackspacecloud.com:99999']) {
      const res = await service.app.request(`/proxy/https/${host}/v1.0`);
      expect(res.status, host).toBe(400);
      expect(((await res.json()) as { message: string }).message).toMatch(/not a valid origin/);
    }
  });
});
