import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Service } from '../app';
import { createService } from '../app';
import { loadConfig } from '../config';
import { listen } from '../listen-test-support';

/**
 * Over real HTTP: the sign-in throttle counts failures per client address from the socket, so a
 * client that writes a new X-Forwarded-For on each attempt is slowed down all the same, on both
 * token endpoints. Each attempt uses another (unknown) user name, so only the address can slow it.
 */
let service: Service;
let server: Awaited<ReturnType<typeof listen>>;
beforeEach(async () => {
  service = await createService(loadConfig(['--data-dir', ':memory:'], {}));
  server = await listen(service);
});
afterEach(async () => {
  await server.close();
  service.close();
});

const rackspace = (i: number) =>
  fetch(`${server.url}/v2.0/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${i}` },
    body: JSON.stringify({ auth: { passwordCredentials: { username: `mallory${i}`, password: 'x' } } }),
  });
const veeam = (i: number) =>
  fetch(`${server.url}/v5/Token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': `198.51.100.${i}` },
    body: `grant_type=password&username=eve${i}&password=x`,
  });

function failuresByKey(): Record<string, number> {
  const rows = service.ctx.db.prepare('SELECT key, failures FROM sign_in_failures').all() as {
    key: string;
    failures: number;
  }[];
  return Object.fromEntries(rows.map((r) => [r.key, r.failures]));
}

describe('the sign-in throttle', () => {
  for (const [name, attempt] of [
    ['Rackspace Identity', rackspace],
    ['the Veeam token endpoint', veeam],
  ] as const) {
    it(`slows ${name} by the socket's address, whatever X-Forwarded-For says`, async () => {
      for (let i = 0; i < 3; i++) expect([400, 401]).toContain((await attempt(i)).status);
      const t0 = Date.now();
      expect([400, 401]).toContain((await attempt(3)).status);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(450);
      const keys = failuresByKey();
      expect(Object.keys(keys).filter((k) => /203\.0\.113|198\.51\.100/.test(k))).toEqual([]);
      const address = Object.entries(keys).find(([k]) => k.startsWith('ip:') && k.includes('127.0.0.1'));
      expect(address?.[1]).toBe(4);
    });
  }
});
