import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { JobsPage } from './pages/jobs-page';
import { Shell } from './pages/shell';
import { holdEntryChunk } from './support/hold-entry';
import { scratchDir } from './support/scratch';
import { ExtraService } from './support/service';

/**
 * Live status for a whole team (issue 15, docs/live-push.md): a console server whose connections
 * reach a vendor of their own (a second reference service, which the test stops and starts again),
 * two people on two roles watching the same list, runs started at the vendor as a schedule or
 * another tool would, a dropped stream, and a vendor outage.
 */
const dir = scratchDir('live-push');
const vendor = new ExtraService(join(dir, 'vendor'));
const server = new ExtraService(join(dir, 'console'));

test.beforeAll(async () => {
  await vendor.start();
  const credentials = { username: 'admin', password: { env: 'VENDOR_PASSWORD' } };
  writeFileSync(
    join(dir, 'connections.json'),
    JSON.stringify({
      connections: [
        { id: 'veeam', label: 'Veeam', dialect: 'veeam-v5', baseUrl: `${vendor.url}/v5`, credentials },
      ],
    }),
  );
  await server.start([], { CONSOLE_CONNECTIONS: join(dir, 'connections.json'), VENDOR_PASSWORD: 'demo' });
});

test.afterAll(async () => {
  await server.stop();
  await vendor.stop();
});

interface VeeamJob {
  id: string;
  name: string;
  isEnabled: boolean;
  lastStatus: string;
}

/** The vendor's own API, as a schedule or another tool uses it: the console knows nothing of these calls. */
async function vendorApi() {
  const token = await fetch(`${vendor.url}/v5/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=password&username=admin&password=demo',
  });
  const { access_token } = (await token.json()) as { access_token: string };
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${vendor.url}/v5${path}`, {
      ...init,
      headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
    });
  return {
    /** An enabled job that is not running; Adventureworks' jobs fail at once (an offline proxy). */
    async idleJob(skip: string[] = []): Promise<VeeamJob> {
      const jobs = (await (await call('/jobs')).json()) as VeeamJob[];
      const job = jobs.find(
        (j) =>
          j.isEnabled &&
          !['Running', 'Queued'].includes(j.lastStatus) &&
          !/adventureworks/i.test(j.name) &&
          !skip.includes(j.id),
      );
      if (!job) throw new Error('no idle enabled job at the vendor');
      return job;
    },
    async start(job: VeeamJob) {
      const answer = await call(`/jobs/${job.id}/action`, {
        method: 'POST',
        body: JSON.stringify({ start: null }),
      });
      expect(answer.status).toBeLessThan(300);
    },
    /** The jobs as the vendor lists them. */
    async jobs(): Promise<VeeamJob[]> {
      return (await (await call('/jobs')).json()) as VeeamJob[];
    },
    async enable(job: VeeamJob, on: boolean) {
      const answer = await call(`/jobs/${job.id}/action`, {
        method: 'POST',
        body: JSON.stringify(on ? { enable: null } : { disable: null }),
      });
      expect(answer.status).toBeLessThan(300);
    },
    async stop(job: VeeamJob) {
      await call(`/jobs/${job.id}/action`, { method: 'POST', body: JSON.stringify({ stop: null }) });
    },
  };
}

/** A person's own browser (a context of its own) on the Jobs list, signed in to the console. */
async function personOnJobs(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  const signedIn = await page.request.post('/console/api/session', { data: { username, password: 'demo' } });
  expect(signedIn.status()).toBe(200);
  await new JobsPage(page).goto();
  return page;
}

const running = /^(queued|running)$/;

test('two people on two roles see the same run move, without polling the vendor themselves', async ({
  browser,
}) => {
  const api = await vendorApi();
  const viewer = await personOnJobs(browser, 'viewer');
  const support = await personOnJobs(browser, 'support');
  await expect(new Shell(viewer).liveIndicator()).toHaveAttribute('data-liveness', 'live');
  const job = await api.idleJob();
  const rows = [new JobsPage(viewer).row(job.name), new JobsPage(support).row(job.name)];
  for (const row of rows) await expect(row).not.toHaveAttribute('data-status', running);

  // Started while nothing of the console's watches moves: both screens show it within the push.
  await api.start(job);
  for (const row of rows) await expect(row).toHaveAttribute('data-status', running, { timeout: 5_000 });
  await api.stop(job);
  for (const row of rows) await expect(row).toHaveAttribute('data-status', 'stopped', { timeout: 5_000 });

  // No request of either browser reached the vendor: every one went to the console server.
  for (const page of [viewer, support]) {
    const vendorRequests = await page.evaluate(
      (origin) => performance.getEntriesByType('resource').filter((e) => e.name.startsWith(origin)).length,
      vendor.url,
    );
    expect(vendorRequests).toBe(0);
  }
  await viewer.context().close();
  await support.context().close();
});

test('a dropped stream reconnects and catches up with what happened meanwhile', async ({ browser }) => {
  const api = await vendorApi();
  const viewer = await personOnJobs(browser, 'viewer');
  const shell = new Shell(viewer);
  await expect(shell.liveIndicator()).toHaveAttribute('data-liveness', 'live');
  const job = await api.idleJob();
  const row = new JobsPage(viewer).row(job.name);

  await viewer.context().setOffline(true);
  await expect(shell.liveIndicator()).toHaveAttribute('data-liveness', /^(offline|reconnecting)$/, {
    timeout: 20_000,
  });
  await api.start(job);
  // Back online: the stream is opened again, and the run started meanwhile shows without a reload.
  await viewer.context().setOffline(false);
  await expect(row).toHaveAttribute('data-status', running, { timeout: 10_000 });
  await expect(shell.liveIndicator()).toHaveAttribute('data-liveness', 'live', { timeout: 10_000 });
  await api.stop(job);
  await viewer.context().close();
});

test('a vendor outage shows as reconnecting, and the console recovers by itself', async ({ browser }) => {
  test.setTimeout(90_000);
  const viewer = await personOnJobs(browser, 'viewer');
  const shell = new Shell(viewer);
  await expect(shell.liveIndicator()).toHaveAttribute('data-liveness', 'live');

  await vendor.stop();
  await expect(shell.liveIndicator()).toHaveAttribute('data-liveness', /^(reconnecting|failing)$/, {
    timeout: 15_000,
  });
  await expect(new JobsPage(viewer).rows().first()).toBeVisible(); // the last data stays on screen

  await vendor.start();
  await expect(shell.liveIndicator()).toHaveAttribute('data-liveness', 'live', { timeout: 20_000 });
  // And live it is: a run started at the vendor now shows.
  const api = await vendorApi();
  const job = await api.idleJob();
  await api.start(job);
  await expect(new JobsPage(viewer).row(job.name)).toHaveAttribute('data-status', running, {
    timeout: 5_000,
  });
  await api.stop(job);
  await viewer.context().close();
});

test('the Overview comes with its answers, reads none of them again as its code takes it over, and shows what changed meanwhile', async ({
  browser,
}) => {
  const api = await vendorApi();
  const context = await browser.newContext({ baseURL: server.url });
  const disabled: VeeamJob[] = [];
  try {
    const signedIn = await context.request.post('/console/api/session', {
      data: { username: 'viewer', password: 'demo' },
    });
    expect(signedIn.status()).toBe(200);
    const page = await context.newPage();
    const asked: string[] = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname + new URL(r.url()).search));
    // The server's page, its code held back: as on a phone, where the code takes seconds.
    const release = await holdEntryChunk(page);
    await page.goto('/', { waitUntil: 'commit' });
    const nextUp = page.getByRole('region', { name: 'Next up' });
    await expect(nextUp).toBeVisible();
    const shown = (await nextUp.textContent()) ?? '';
    const job = (await api.jobs()).find((j) => j.isEnabled && shown.includes(j.name));
    expect(job, 'a job of the vendor’s in Next up').toBeDefined();
    const readFrom = await page.evaluate(
      () =>
        (JSON.parse(document.getElementById('page-queries')!.textContent) as { readFrom: number }).readFrom,
    );
    // Disabled at the vendor after the server read the page's answers, before the code runs: a change
    // made once, which no later poll repeats. Once the server has seen it, and the answers' stale time
    // (2 s) has passed, after which each would be read again as the page mounts, the code comes.
    disabled.push(job!);
    await api.enable(job!, false);
    await expect
      .poll(
        async () => {
          const answer = await context.request.get(`/console/api/changes?since=${readFrom}`);
          const { changes } = (await answer.json()) as { changes: { path: string }[] };
          return changes.some((c) => c.path === '/jobs') && Date.now() - readFrom > 2500;
        },
        // The job list is polled at its slow pace (every 20 s).
        { timeout: 30_000 },
      )
      .toBe(true);
    const changesAnswer = page.waitForResponse((r) => /\/console\/api\/changes\?since=\d+$/.test(r.url()), {
      timeout: 30_000,
    });
    release();
    // The code takes the page over and, once its stream is held, asks once which of the answers changed
    // since the server read them (the server's markup already says "Live": no sign of the code).
    const changesAsked = () => asked.filter((p) => /^\/console\/api\/changes\?since=\d+$/.test(p));
    await expect.poll(() => changesAsked().length, { timeout: 30_000 }).toBe(1);
    // What the server answered, and what the page read after, said with any failure below (it failed
    // once in CI, not since: this is what would tell why).
    const answered = await (await changesAnswer).text();
    const readsSince = () => asked.slice(asked.indexOf(changesAsked()[0]!) + 1).join(' ');
    await expect(nextUp, `changes: ${answered}`).not.toContainText(job!.name, { timeout: 10_000 });
    // An unchanged one is not read.
    expect(
      asked.filter((p) => p.startsWith('/console/api/connections/veeam/restoresessions')),
      `changes: ${answered}; read after them: ${readsSince()}`,
    ).toEqual([]);
  } finally {
    for (const j of disabled) await api.enable(j, true);
    await context.close();
  }
});
