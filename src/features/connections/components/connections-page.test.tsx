// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
/* eslint-disable import/no-restricted-paths -- the page is tested against a real console server and vendor */
import type { Service } from '../../../../server/app';
import { createService } from '../../../../server/app';
import { loadConfig } from '../../../../server/config';
import { holdConnections } from '../../../../server/console/held';
import { listen } from '../../../../server/listen-test-support';
/* eslint-enable import/no-restricted-paths */
import type { ConsoleAdminTest } from '../../../components/testing/console-admin-test';
import { send, startConsoleAdminTest } from '../../../components/testing/console-admin-test';
import { ConnectionsPage } from './connections-page';

let vendor: Service;
let vendorServer: Awaited<ReturnType<typeof listen>>;
let t: ConsoleAdminTest | null = null;

beforeAll(async () => {
  vendor = await createService(loadConfig(['--data-dir', ':memory:', '--scale', '2'], {}));
  vendorServer = await listen(vendor);
});
afterAll(async () => {
  await vendorServer.close();
  vendor.close();
});
afterEach(async () => {
  cleanup();
  await t?.close();
  t = null;
});

const row = (id: string) =>
  screen
    .queryByRole('table', { name: 'Connections' })
    ?.querySelector<HTMLElement>(`tr[data-connection="${id}"]`) ?? null;

test('each held connection shows its health in the server’s words, and a viewer sees it too', async () => {
  t = await startConsoleAdminTest('viewer', (origin) =>
    holdConnections(
      [
        {
          connection: {
            id: 'veeam',
            label: 'Veeam EU',
            dialect: 'veeam-v5',
            baseUrl: `${vendorServer.url}/v5`,
          },
          credentials: { username: 'admin', password: 'demo' },
        },
        {
          // Nothing listens on port 1: the sign-in cannot reach the vendor.
          connection: {
            id: 'dfw',
            label: 'Rackspace DFW',
            dialect: 'rackspace-v1',
            identityUrl: 'http://127.0.0.1:1/v2.0',
            region: 'DFW',
          },
          credentials: { username: 'admin', password: 'demo' },
        },
        {
          // Each person signs in with their own account: the server has no health of its own for it.
          connection: {
            id: 'own',
            label: 'Veeam, own account',
            dialect: 'veeam-v5',
            baseUrl: `${vendorServer.url}/v5`,
          },
          credentials: null,
        },
      ],
      origin,
    ),
  );
  t.render(<ConnectionsPage />, '/connections');
  await waitFor(() => expect(row('dfw')).not.toBeNull());
  // Nobody has needed either yet.
  expect(row('veeam')!.dataset.health).toBe('unknown');
  expect(within(row('dfw')!).getByText('Not checked yet')).toBeTruthy();
  expect(within(row('veeam')!).getByText('Veeam Backup for Microsoft 365 REST v5')).toBeTruthy();

  // A person's requests make the server sign in to each.
  expect(
    (await send(t.h.url, 'GET', '/console/api/connections/veeam/jobs', { cookie: t.cookie })).status,
  ).toBe(200);
  expect(
    (await send(t.h.url, 'GET', '/console/api/connections/dfw/backup-configuration', { cookie: t.cookie }))
      .status,
  ).toBeGreaterThanOrEqual(500);
  await waitFor(() => expect(row('dfw')!.dataset.health).toBe('failing'), { timeout: 10_000 });
  expect(row('veeam')!.dataset.health).toBe('ok');
  expect(within(row('veeam')!).getByText('Working')).toBeTruthy();
  expect(within(row('dfw')!).getByText('Failing')).toBeTruthy();
  expect(row('dfw')!.textContent).toContain('could not be reached');
  expect(screen.getByText(/^3 connections, 1 failing$/)).toBeTruthy();
  expect(row('own')!.dataset.health).toBe('per-person');
  expect(row('own')!.textContent).toContain(
    'Each person signs in with their own account; you are not signed in to it.',
  );
  // No vendor address or credential reaches the browser beyond what the server says of its health.
  expect(row('veeam')!.textContent).not.toContain(vendorServer.url);
});
