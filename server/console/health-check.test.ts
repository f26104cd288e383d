import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Service } from '../app';
import { createService } from '../app';
import type { ServiceConfig } from '../config';
import { loadConfig } from '../config';
import { listen } from '../listen-test-support';
import { startHealthChecks } from './health-check';
import { holdConnections } from './held';
import type { ConsoleHarness } from './test-support';
import { consoleHarness, send, signIn } from './test-support';

/** A real reference service as the vendor; its faults are changed by the test while it runs. */
let config: ServiceConfig;
let vendor: Service;
let vendorServer: Awaited<ReturnType<typeof listen>>;
let h: ConsoleHarness | null = null;
const vendorCalls: string[] = [];

beforeAll(async () => {
  config = loadConfig(['--data-dir', ':memory:', '--scale', '2'], {});
  vendor = await createService(config);
  vendorServer = await listen(vendor);
});
afterAll(async () => {
  await h?.close();
  await vendorServer.close();
  vendor.close();
});

const held = (origin: () => string) =>
  holdConnections(
    [
      {
        connection: { id: 'veeam', label: 'Veeam', dialect: 'veeam-v5', baseUrl: `${vendorServer.url}/v5` },
        credentials: { username: 'admin', password: 'demo' },
      },
      {
        // Nothing listens on port 1.
        connection: {
          id: 'dfw',
          label: 'DFW',
          dialect: 'rackspace-v1',
          identityUrl: 'http://127.0.0.1:1/v2.0',
          region: 'DFW',
        },
        credentials: { username: 'admin', password: 'demo' },
      },
    ],
    origin,
    (input: string | URL | Request, init?: RequestInit) => {
      vendorCalls.push(input instanceof Request ? input.url : String(input));
      return fetch(input, init);
    },
  );

test('the server signs in to each connection ahead of requests, and the vendor’s answers keep its health', async () => {
  let connections: ReturnType<typeof held> = [];
  h = await consoleHarness({}, (origin) => (connections = held(origin)));
  const [veeam, dfw] = connections;
  expect(veeam!.health!().state).toBe('unknown');

  const checks = startHealthChecks(() => connections, 3600);
  await checks.round();
  checks.stop();
  expect(veeam!.health!()).toMatchObject({ state: 'ok', message: null });
  expect(dfw!.health!().state).toBe('failing');
  expect(dfw!.health!().message).toContain('could not be reached');

  // Signed in already: a person's request goes to the vendor at once, without a sign-in first. (A
  // path the Overview's page preloads would be watched and answered from the server's cache: this
  // one is not.)
  const cookie = await signIn(h.url, 'viewer');
  const before = vendorCalls.length;
  expect((await send(h.url, 'GET', '/console/api/connections/veeam/jobs?limit=5', { cookie })).status).toBe(
    200,
  );
  expect(vendorCalls.length).toBe(before);

  // The vendor stops answering: the next request says so, and the health with it…
  config.faults.dropRate = 1;
  expect((await send(h.url, 'GET', '/console/api/connections/veeam/jobs?limit=5', { cookie })).status).toBe(
    502,
  );
  expect(veeam!.health!().state).toBe('failing');
  expect(veeam!.health!().message).toMatch(/could not be reached/);
  const listed = await send(h.url, 'GET', '/console/api/connections', { cookie });
  const listedVeeam = (listed.json.connections as { id: string; health: { state: string } }[]).find(
    (c) => c.id === 'veeam',
  );
  expect(listedVeeam?.health.state).toBe('failing');

  // …and it is well again with the first answer after it is back.
  config.faults.dropRate = 0;
  expect((await send(h.url, 'GET', '/console/api/connections/veeam/jobs?limit=5', { cookie })).status).toBe(
    200,
  );
  expect(veeam!.health!()).toMatchObject({ state: 'ok', message: null });
});
