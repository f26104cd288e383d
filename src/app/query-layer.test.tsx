// @vitest-environment jsdom
/*
 * The query layer is keyed by resource (issue 12 item 4): whichever page reads a server resource, it
 * has one cache entry and costs one request. Pages render against the reference service in-process,
 * with one QueryClient, and the test counts the cache entries and the requests they cost.
 */
import { MantineProvider } from '@mantine/core';
import type { QueryClient } from '@tanstack/react-query';
import { focusManager, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, test } from 'vitest';
import { createQueryClient } from '../api/query-client';
import { PageAccessProvider } from '../components/page-access';
import { areaAccess } from '../components/testing/area-access';
import type { PageTest } from '../components/testing/page-test';
import { startPageTest } from '../components/testing/page-test';
import { ConfigurationsPage } from '../features/configurations/components/configurations-page';
import { JobsPage } from '../features/jobs/components/jobs-page';
import { OverviewPage } from '../features/overview/components/overview-page';
import { RestoresPage } from '../features/restores/components/restores-page';

let page: PageTest | null = null;
let client: QueryClient | null = null;
afterEach(() => {
  focusManager.setFocused(undefined);
  cleanup();
  client?.clear();
  page?.close();
  page = client = null;
});

async function start() {
  // A first load only: no interval polls meanwhile (they wait for a focused window), so that a
  // request seen twice is one sent twice, not a poll of a busy machine.
  focusManager.setFocused(false);
  page = await startPageTest('viewer');
  client = createQueryClient({ retry: false });
  return { page, client };
}

/** A page as the app has it: in a data router at its route, with the page's access and the cache. */
function routed(p: PageTest, qc: QueryClient, ui: ReactElement, route: string) {
  const router = createMemoryRouter(
    [{ path: '*', element: <PageAccessProvider value={p.access}>{ui}</PageAccessProvider> }],
    { initialEntries: [route] },
  );
  return (
    <MantineProvider env="test">
      <QueryClientProvider client={qc}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}

function show(p: PageTest, qc: QueryClient, ui: ReactElement, route = '/') {
  return render(routed(p, qc, ui, route));
}

function jobsPage(p: PageTest) {
  const { connections, permissionFor } = areaAccess(p.access, 'jobs');
  return <JobsPage connections={connections} permissionFor={permissionFor} />;
}

/** Waits until nothing is fetching, then returns the GETs sent since `from`, as "METHOD path" (no query). */
async function settled(p: PageTest, qc: QueryClient, from = 0): Promise<string[]> {
  await waitFor(() => expect(qc.isFetching()).toBe(0), { timeout: 10_000 });
  return p.t.requests.slice(from).map((r) => `${r.method} ${new URL(r.url).pathname}`);
}

const repeated = (requests: readonly string[]) =>
  [...new Set(requests)].filter((r) => requests.indexOf(r) !== requests.lastIndexOf(r));

/** The cache entries holding one server resource of one connection, found by what their query reads. */
const entriesOf = (qc: QueryClient, match: (key: readonly unknown[]) => boolean) =>
  qc
    .getQueryCache()
    .getAll()
    .map((q) => q.queryKey)
    .filter(match);

describe('query layer keyed by resource', () => {
  test('a first load of the Overview sends each request once', async () => {
    const { page: p, client: qc } = await start();
    const before = p.t.requests.length;
    show(p, qc, <OverviewPage />);
    await screen.findByRole('region', { name: 'Next up' }, { timeout: 10_000 });
    const requests = await settled(p, qc, before);
    console.info(`Overview first load: ${requests.length} requests\n  ${requests.join('\n  ')}`);
    expect(repeated(requests)).toEqual([]);
  });

  test('a first load of /jobs sends each request once', async () => {
    const { page: p, client: qc } = await start();
    const before = p.t.requests.length;
    show(p, qc, jobsPage(p), '/jobs');
    await screen.findByText(/ jobs$/, { selector: '[role="status"]' }, { timeout: 10_000 });
    const requests = await settled(p, qc, before);
    console.info(`/jobs first load: ${requests.length} requests\n  ${requests.join('\n  ')}`);
    expect(repeated(requests)).toEqual([]);
  });

  test('first loads of Configurations, then Restores, send each request once', async () => {
    const { page: p, client: qc } = await start();
    let before = p.t.requests.length;
    const view = show(p, qc, <ConfigurationsPage />, '/configurations');
    await screen.findAllByRole('row', {}, { timeout: 10_000 });
    const configurations = await settled(p, qc, before);
    console.info(
      `/configurations first load: ${configurations.length} requests\n  ${configurations.join('\n  ')}`,
    );
    expect(repeated(configurations)).toEqual([]);
    view.unmount();

    const { connections, permissionFor } = areaAccess(p.access, 'restores');
    before = p.t.requests.length;
    show(p, qc, <RestoresPage connections={connections} permissionFor={permissionFor} />, '/restores');
    await screen.findAllByRole('row', {}, { timeout: 10_000 });
    const restores = await settled(p, qc, before);
    console.info(`/restores after /configurations: ${restores.length} requests\n  ${restores.join('\n  ')}`);
    expect(repeated(restores)).toEqual([]);
  });

  test('the Overview and the Jobs page share one jobs list: one cache entry, one request', async () => {
    const { page: p, client: qc } = await start();
    const view = show(p, qc, <OverviewPage />);
    await screen.findByRole('region', { name: 'Next up' }, { timeout: 10_000 });
    const before = p.t.requests.length;
    view.rerender(routed(p, qc, jobsPage(p), '/jobs'));
    // The Jobs page shows the jobs at once, from the entry the Overview filled.
    expect(screen.getByText(/ jobs$/, { selector: '[role="status"]' })).toBeTruthy();
    const after = await settled(p, qc, before);
    const keys = qc
      .getQueryCache()
      .getAll()
      .map((q) => JSON.stringify(q.queryKey));
    console.info(`cache keys after Overview then /jobs:\n  ${keys.sort().join('\n  ')}`);
    console.info(`requests of /jobs after the Overview: ${after.join(', ')}`);
    // One entry holds the jobs (no Overview copy of them), and the Jobs page found it filled.
    const jobLists = entriesOf(qc, (k) => k[1] === 'veeam' && k.length === 3 && k[2] !== 'job-sessions');
    expect(jobLists.map((k) => k[0]).sort()).toEqual(['organizations', 'runs', 'targets']);
    // At most a refresh of it, when the Overview's answer is older than the default staleTime (2 s).
    expect(after.filter((r) => r === 'GET /v5/jobs').length).toBeLessThanOrEqual(1);
  });
});
