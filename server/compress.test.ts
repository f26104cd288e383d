import type { IncomingHttpHeaders } from 'node:http';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from './app';
import { createService } from './app';
import { COMPRESS_MIN_BYTES } from './compress';
import { loadConfig } from './config';
import { listen } from './listen-test-support';
import { mountProxy } from './proxy';

/**
 * Compressed API answers, over a real socket with node:http (which, unlike fetch, shows the bytes
 * and headers as they travel).
 */
let service: Service;
let server: Awaited<ReturnType<typeof listen>>;
let bearer: string;
let upstream: ReturnType<typeof createServer>;
let upstreamOrigin: string;

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

function send(
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
  body?: string,
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { method, headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(parts) }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}
const veeam = (path: string, headers: Record<string, string> = {}) =>
  send(path, { authorization: `Bearer ${bearer}`, ...headers });

beforeAll(async () => {
  // A vendor that answers plain JSON, reached through the forwarding proxy.
  upstream = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ items: Array.from({ length: 200 }, (_, i) => ({ id: i, name: `item ${i}` })) }));
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamOrigin = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  service = await createService(loadConfig(['--data-dir', ':memory:'], {}));
  mountProxy(service.app, () => [upstreamOrigin]);
  server = await listen(service);
  const token = await send(
    '/v5/Token',
    { 'content-type': 'application/x-www-form-urlencoded', 'accept-encoding': 'br, gzip' },
    'POST',
    'grant_type=password&username=viewer&password=demo',
  );
  expect(token.status).toBe(200);
  // A token is issued uncompressed: a secret beside request-chosen text is not compressed.
  expect(token.headers['content-encoding']).toBeUndefined();
  bearer = (JSON.parse(token.body.toString()) as { access_token: string }).access_token;
});
afterAll(async () => {
  await server.close();
  service.close();
  await new Promise<void>((resolve) => upstream.close(() => resolve()));
});

describe('API answers', () => {
  it('are sent with Brotli or gzip as the client accepts, and decode to the plain answer', async () => {
    const plain = await veeam('/v5/Jobs');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.body.length).toBeGreaterThan(COMPRESS_MIN_BYTES);

    const br = await veeam('/v5/Jobs', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.body.length).toBeLessThan(plain.body.length / 4);
    expect(brotliDecompressSync(br.body).toString()).toBe(plain.body.toString());

    const gzip = await veeam('/v5/Jobs', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(plain.body.toString());
  });

  it('honour q=0 and keep the security headers', async () => {
    const refused = await veeam('/v5/Jobs', { 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(refused.body.toString())).toBeTruthy();
    const br = await veeam('/v5/Jobs', { 'accept-encoding': 'br' });
    expect(br.headers['content-security-policy']).toBeTruthy();
    expect(br.headers['x-content-type-options']).toBe('nosniff');
  });

  it('go as they are when they are small, such as an error', async () => {
    const v1 = await send('/dfw/v1.0/110011/backup-configuration', { 'accept-encoding': 'br' });
    // Unauthenticated: a small error body goes as it is.
    expect(v1.status).toBe(401);
    expect(v1.body.length).toBeLessThan(COMPRESS_MIN_BYTES);
    expect(v1.headers['content-encoding']).toBeUndefined();
    expect(() => JSON.parse(v1.body.toString()) as unknown).not.toThrow();
  });

  it('through the forwarding proxy are compressed too', async () => {
    const path = `/proxy/http/${upstreamOrigin.slice('http://'.length)}/items`;
    const plain = await send(path);
    expect(plain.status).toBe(200);
    const br = await send(path, { 'accept-encoding': 'br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(plain.body.toString());
  });
});
