// @vitest-environment jsdom
/*
 * The seam holds: a dialect made for this test (Tiny Backup v1: src/api/testing/tiny-dialect/ on the
 * console's side, server/testing/tiny-dialect/ on the service's) is added through the two registries
 * only, and the console's own Jobs page lists its targets and starts a run on one, over real HTTP and
 * SQLite, beside a Veeam connection. docs/adding-a-dialect.md lists the files it took.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
/* eslint-disable import/no-restricted-paths -- the test starts the reference service with its module */
import type { Service } from '../../server/app';
import { createService, modules } from '../../server/app';
import { loadConfig } from '../../server/config';
import { listen } from '../../server/listen-test-support';
import { tinyModule } from '../../server/testing/tiny-dialect/module';
/* eslint-enable import/no-restricted-paths */
import { ApiError } from '../api/api-error';
import { operationsAt } from '../api/contract/operations';
import { parseConnections } from '../api/connections';
import { registerDialect } from '../api/dialects';
import { ApiRuntime, setApiRuntime } from '../api/runtime';
import { memoryStorage } from '../api/testing/in-process-service';
import { tinyV1 } from '../api/testing/tiny-dialect/plugin';
import { TINY_API } from '../api/testing/tiny-dialect/wire';
import { PageAccessProvider } from '../components/page-access';
import { renderUi } from '../components/test-render';
import { giveBoxesASize } from '../components/testing/box-size';
import { tableRows } from '../components/testing/page-queries';
import { Component as JobsRoute } from './routes/jobs';
import { useAccess } from './shell/use-access';

/** As the shell gives its routes: the access (role and capabilities per connection) of the session. */
function Shell({ children }: { children: ReactNode }) {
  return <PageAccessProvider value={useAccess()}>{children}</PageAccessProvider>;
}

describe('a dialect added through the two registries', () => {
  let service: Service;
  let listener: { url: string; close(): Promise<void> };
  let runtime: ApiRuntime;
  let unregister: () => void;

  beforeAll(async () => {
    giveBoxesASize();
    unregister = registerDialect(tinyV1);
    const config = loadConfig(['--data-dir', ':memory:'], {});
    service = await createService(config, undefined, [...modules, tinyModule]);
    listener = await listen(service);
    const connections = parseConnections({
      connections: [
        { id: 'tiny', label: 'Tiny', dialect: 'tiny-v1', baseUrl: '/tiny/v1' },
        { id: 'veeam', label: 'Veeam', dialect: 'veeam-v5', baseUrl: '/v5' },
      ],
    });
    runtime = new ApiRuntime({
      connections,
      fetch: (url, init) => fetch(url, init),
      origin: listener.url,
      storage: memoryStorage(),
    });
    const results = await runtime.signInAll({ username: 'support', password: 'demo' });
    expect(results.map((r) => [r.connectionId, r.ok])).toEqual([
      ['tiny', true],
      ['veeam', true],
    ]);
    setApiRuntime(runtime);
  });

  afterAll(async () => {
    cleanup();
    setApiRuntime(null);
    await listener.close();
    service.close();
    unregister();
  });

  // The /jobs route's own component, inside the shell's access.
  test('the Jobs page lists its targets beside Veeam jobs, and Start runs one on the service', async () => {
    const veeamJobs = await runtime.provider('veeam').listTargets();
    renderUi(
      <Shell>
        <JobsRoute />
      </Shell>,
      { route: '/jobs' },
    );
    await waitFor(
      () =>
        expect(screen.getByText(/ jobs$/, { selector: '[role="status"]' }).textContent).toBe(
          `${veeamJobs.length + 3} jobs`,
        ),
      { timeout: 10_000 },
    );
    expect(tableRows('Jobs')).toHaveLength(veeamJobs.length + 3);

    const row = screen.getByRole('link', { name: 'Tiny ledger' }).closest('tr')!;
    // support may start, and Tiny has no stop, enable or explore: only Start is offered.
    expect(
      within(row)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual(['Start Tiny ledger']);
    fireEvent.click(within(row).getByRole('button', { name: 'Start Tiny ledger' }));

    // The run is on the service, and the page shows the target running after the command's refresh.
    await waitFor(
      () => {
        const now = screen.getByRole('link', { name: 'Tiny ledger' }).closest('tr')!;
        expect(now.getAttribute('data-status')).toBe('running');
      },
      { timeout: 10_000 },
    );
    const runs = service.ctx.db.prepare('SELECT target_id, state FROM tiny_runs').all();
    expect(runs).toEqual([{ target_id: 't3', state: 'running' }]);
  });

  test('its errors are read in its own form, through its plug-in', async () => {
    const refused = await runtime
      .provider('tiny')
      .startBackup('t3')
      .then(
        () => null,
        (err: unknown) => err,
      );
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(409);
    expect((refused as ApiError).message).toBe('A run of this target is running already.');
  });

  test('every route its module registers has a rule in its table, as the real modules must', () => {
    const routes = service.app.routes
      .filter((r) => r.method !== 'ALL' && TINY_API.family.test(r.path))
      .map((r) => [r.method, r.path.replace(/:(\w+)/g, 'x-1')] as const);
    expect(routes).toHaveLength(4);
    expect(routes.filter(([method, path]) => operationsAt(TINY_API, method, path).length === 0)).toEqual([]);
  });
});
