import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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

describe('a vendor’s redirect', () => {
  let vendor: Server;
  let vendorUrl = '';
  let front: Awaited<ReturnType<typeof listen>>;
  let proxying: Service;
  beforeAll(async () => {
    proxying = await createService(loadConfig(['--data-dir', ':memory:'], {}));
    // A vendor that redirects: inside its own origin, to another host, and a POST with 307.
    vendor = createServer((req, res) => {
      const port = (vendor.address() as AddressInfo).port;
      const redirects: Record<string, [number, string]> = {
        '/inside': [302, '/health'],
        '/away': [302, `http://127.0.0.2:${port}/steal`],
        '/post': [307, `http://127.0.0.1:${port}/echo`],
      };
      const to = redirects[req.url ?? ''];
      if (to) {
        res.writeHead(to[0], { location: to[1] }).end();
        return;
      }
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({ path: req.url, method: req.method, body, token: req.headers['x-auth-token'] }),
        );
      });
    });
    await new Promise<void>((resolve) => vendor.listen(0, '127.0.0.1', resolve));
    vendorUrl = `http://127.0.0.1:${(vendor.address() as AddressInfo).port}`;
    mountProxy(proxying.app, () => [vendorUrl]);
    front = await listen(proxying);
  });
  afterAll(async () => {
    await front.close();
    proxying.close();
    await new Promise((resolve) => vendor.close(resolve));
  });
  const via = (path: string, init?: RequestInit) =>
    fetch(`${front.url}/proxy/http/${new URL(vendorUrl).host}${path}`, { redirect: 'manual', ...init });

  it('is followed inside the proxy within the allowed origin: the browser gets the answer, no Location', async () => {
    const res = await via('/inside', { headers: { 'x-auth-token': 't0k' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.json()).toMatchObject({ path: '/health', method: 'GET', token: 't0k' });
  });

  it('keeps the method and body of a 307', async () => {
    const res = await via('/post', {
      method: 'POST',
      body: '{"a":1}',
      headers: { 'content-type': 'application/json' },
    });
    expect(await res.json()).toMatchObject({ path: '/echo', method: 'POST', body: '{"a":1}' });
  });

  it('to another origin is refused with a 502 that says so, and nothing reaches that host', async () => {
    const res = await via('/away', { headers: { 'x-auth-token': 't0k' } });
    expect(res.status).toBe(502);
    expect(res.headers.get('location')).toBeNull();
    expect(((await res.json()) as { message: string }).message).toMatch(
      /redirected to http:\/\/127\.0\.0\.2:\d+, which is not an allowed target/,
    );
  });
});
